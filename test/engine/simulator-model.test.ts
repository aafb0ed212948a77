import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/simulator.js';

// The law of the future-event list, checked against the simplest model of it: a plain array in
// which, at every step, the event that runs must be the least live (time, priority, insertion)
// entry. Handlers schedule, cancel (including events that already ran, and themselves) and
// peek while running, so every path through the heap — slot reuse included — is exercised.
interface Action {
  delay: number;
  priority: number;
  cancelPick: number;
  peek: boolean;
}

interface Entry {
  time: number;
  priority: number;
  seq: number;
  pending: boolean;
  handle: number;
}

const actionArb = fc.record({
  delay: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 5 }),
    fc.double({ min: 0, max: 50, noNaN: true }),
  ),
  priority: fc.integer({ min: 0, max: 2 }),
  cancelPick: fc.integer({ min: -1, max: 40 }),
  peek: fc.boolean(),
});

const before = (a: Entry, b: Entry) =>
  a.time < b.time ||
  (a.time === b.time && (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)));

describe('Simulator against a reference model', () => {
  it('always runs the least pending event, while handlers schedule, cancel and peek', () => {
    fc.assert(
      fc.property(
        fc.array(actionArb, { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 8 }),
        (actions, initial) => {
          const sim = new Simulator({ initialCapacity: 16 });
          const model: Entry[] = [];
          const types: number[] = [];
          let step = 0;
          let runs = 0;
          const schedule = (a: Action) => {
            const entry: Entry = {
              time: sim.now + a.delay,
              priority: a.priority,
              seq: model.length,
              pending: true,
              handle: -1,
            };
            entry.handle = sim.schedule(types[a.priority]!, a.delay, entry.seq);
            model.push(entry);
          };
          const least = () => {
            let best: Entry | undefined;
            for (const e of model)
              if (e.pending && (best === undefined || before(e, best))) best = e;
            return best;
          };
          const handler = (id: number) => {
            runs++;
            expect(id).toBe(least()?.seq);
            expect(sim.now).toBe(model[id]!.time);
            model[id]!.pending = false;
            const a = actions[step % actions.length]!;
            step++;
            if (step < 3 * actions.length) schedule(a);
            if (a.cancelPick >= 0) {
              const victim = model[a.cancelPick % model.length]!;
              expect(sim.cancel(victim.handle)).toBe(victim.pending);
              victim.pending = false;
            }
            if (a.peek) expect(sim.peek()).toBe(least()?.time ?? Number.POSITIVE_INFINITY);
            expect(sim.pending).toBe(model.filter((e) => e.pending).length);
          };
          for (let p = 0; p < 3; p++) types.push(sim.defineEvent(`p${p}`, handler, p));
          for (let i = 0; i < initial; i++) schedule(actions[i % actions.length]!);
          sim.run();
          expect(sim.pending).toBe(0);
          expect(least()).toBeUndefined();
          expect(sim.eventsProcessed).toBe(runs);
        },
      ),
      { numRuns: 300 },
    );
  });
});
