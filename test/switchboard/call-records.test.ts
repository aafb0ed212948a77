import { describe, expect, it } from 'vitest';
import { CallRecords, NeedRecords } from '../../src/switchboard/call-records.js';

// The record pool's contract (src/switchboard/call-records.ts, RecordPool): a record given back
// is the next handed out, the arrays double when full and keep what they held.
describe('call and need records (RecordPool)', () => {
  it('grows by doubling, keeps the records it held, and reuses given-back slots first', () => {
    const calls = new CallRecords(2);
    const slots = Array.from({ length: 5 }, (_, i) => {
      const c = calls.allocate();
      calls.enqueued[c] = 100 + i;
      return c;
    });
    expect(slots).toEqual([0, 1, 2, 3, 4]);
    expect(calls.capacity).toBe(8);
    expect(Array.from(calls.enqueued.subarray(0, 5))).toEqual([100, 101, 102, 103, 104]);
    expect(Array.from(calls.serial.subarray(0, 5))).toEqual([1, 2, 3, 4, 5]);
    calls.release(3);
    calls.release(1);
    expect(calls.count).toBe(3);
    expect([calls.allocate(), calls.allocate(), calls.allocate()]).toEqual([1, 3, 5]);
    expect(calls.serial[1]).toBe(6);
    expect(calls.abandonEvent[3]).toBe(-1);
  });

  it('needs: fresh records are zeroed whatever their slot held before', () => {
    const needs = new NeedRecords(1);
    const a = needs.allocate(2, 1);
    needs.attempts[a] = 7;
    needs.release(a);
    const b = needs.allocate(4, 0);
    expect(b).toBe(a);
    expect([needs.reason[b], needs.attempts[b], needs.origin[b], needs.count]).toEqual([
      4, 0, 0, 1,
    ]);
    expect([needs.allocate(0, 0), needs.allocate(0, 0), needs.capacity]).toEqual([1, 2, 4]);
  });
});
