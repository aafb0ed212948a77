import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FifoQueue } from '../../src/engine/fifo-queue.js';

// Reference: a plain JS array used as the model of a FIFO line with removals (the law a queue
// must obey, not a value computed by this code).
describe('FifoQueue', () => {
  it('serves first in, first out, skipping cancelled places; stale tickets are refused', () => {
    const q = new FifoQueue(2);
    const tickets = [10, 11, 12, 13].map((item) => q.enqueue(item));
    expect(q.cancel(tickets[1]!)).toBe(true);
    expect(q.cancel(tickets[1]!)).toBe(false);
    expect(q.length).toBe(3);
    expect(q.dequeue()).toBe(10);
    expect(q.cancel(tickets[0]!)).toBe(false);
    expect(q.peek()).toBe(12);
    expect(q.dequeue()).toBe(12);
    expect(q.dequeue()).toBe(13);
    expect(q.dequeue()).toBe(-1);
    expect(q.length).toBe(0);
  });

  it('behaves like an array model under any mix of operations (grows past its capacity)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), item: fc.nat(1000) }),
      fc.record({ kind: fc.constant('pop' as const) }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(100) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = new FifoQueue(1);
        const model: { item: number; ticket: number }[] = [];
        const issued: number[] = [];
        for (const o of ops) {
          if (o.kind === 'push') {
            const ticket = q.enqueue(o.item);
            model.push({ item: o.item, ticket });
            issued.push(ticket);
          } else if (o.kind === 'pop') {
            const expected = model.shift()?.item ?? -1;
            expect(q.dequeue()).toBe(expected);
          } else if (issued.length > 0) {
            const ticket = issued[o.pick % issued.length]!;
            const at = model.findIndex((m) => m.ticket === ticket);
            expect(q.cancel(ticket)).toBe(at >= 0);
            if (at >= 0) model.splice(at, 1);
          }
          expect(q.length).toBe(model.length);
        }
      }),
    );
  });
});
