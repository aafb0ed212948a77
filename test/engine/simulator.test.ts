import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/simulator.js';

describe('Simulator', () => {
  it('runs simultaneous events by (time, priority, insertion order)', () => {
    const sim = new Simulator();
    const log: string[] = [];
    const late = sim.defineEvent('late', (p) => log.push(`late${p}`), 5);
    const early = sim.defineEvent('early', (p) => log.push(`early${p}`), 1);
    sim.schedule(late, 10, 1);
    sim.schedule(early, 10, 2);
    sim.schedule(late, 10, 3);
    sim.schedule(early, 5, 4);
    sim.schedule(early, 10, 5);
    sim.run();
    expect(log).toEqual(['early4', 'early2', 'early5', 'late1', 'late3']);
    expect(sim.now).toBe(10);
    expect(sim.eventsProcessed).toBe(5);
  });

  it('cancels in O(1); a cancelled event never runs, cancelling twice is harmless', () => {
    const sim = new Simulator();
    const ran: number[] = [];
    const type = sim.defineEvent('e', (p) => ran.push(p));
    const a = sim.schedule(type, 1, 1);
    sim.schedule(type, 2, 2);
    expect(sim.cancel(a)).toBe(true);
    expect(sim.cancel(a)).toBe(false);
    expect(sim.pending).toBe(1);
    sim.run();
    expect(ran).toEqual([2]);
    // the slot of `a` was reused: its old handle must not cancel the new event
    const c = sim.schedule(type, 1, 3);
    expect(sim.cancel(a)).toBe(false);
    sim.run();
    expect(ran).toEqual([2, 3]);
    expect(sim.cancel(c)).toBe(false);
  });

  it('stops at `until` with the clock set to it, and resumes', () => {
    const sim = new Simulator();
    const ran: number[] = [];
    const type = sim.defineEvent('e', (p) => ran.push(p));
    sim.schedule(type, 5, 1);
    sim.schedule(type, 15, 2);
    sim.run(10);
    expect(ran).toEqual([1]);
    expect(sim.now).toBe(10);
    sim.run();
    expect(ran).toEqual([1, 2]);
  });

  it('stop() ends the run after the current event, the clock at its time (not at `until`)', () => {
    const sim = new Simulator();
    const ran: number[] = [];
    const type = sim.defineEvent('e', (p) => {
      ran.push(p);
      if (p === 2) sim.stop();
    });
    for (const p of [1, 2, 3]) sim.schedule(type, p, p);
    sim.run(10);
    expect(ran).toEqual([1, 2]);
    expect(sim.now).toBe(2);
    sim.run(10);
    expect(ran).toEqual([1, 2, 3]);
    expect(sim.now).toBe(10);
  });

  it('setHandler gives a kind of event another handler, for events already scheduled too', () => {
    const sim = new Simulator();
    const log: string[] = [];
    const type = sim.defineEvent('e', (p) => {
      log.push(`first${p}`);
      if (p === 1) sim.setHandler(type, (q) => log.push(`then${q}`));
    });
    for (const p of [1, 2, 3]) sim.schedule(type, p, p);
    sim.run();
    expect(log).toEqual(['first1', 'then2', 'then3']);
    expect(() => sim.setHandler(5, () => {})).toThrow(/Simulator.setHandler: unknown event type 5/);
  });

  it('rejects scheduling in the past and unknown types', () => {
    const sim = new Simulator();
    const type = sim.defineEvent('e', () => {});
    expect(() => sim.schedule(type, -1)).toThrow(RangeError);
    expect(() => sim.schedule(type, Number.NaN)).toThrow(RangeError);
    expect(() => sim.schedule(99, 1)).toThrow(/unknown event type/);
  });

  it('never moves the clock backwards and runs exactly the live events in time order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ delay: fc.double({ min: 0, max: 1000, noNaN: true }), cancel: fc.boolean() }),
          {
            maxLength: 300,
          },
        ),
        (plans) => {
          const sim = new Simulator({ initialCapacity: 16 });
          const times: number[] = [];
          const ran: number[] = [];
          const type = sim.defineEvent('e', (p) => {
            times.push(sim.now);
            ran.push(p);
          });
          const expected: number[] = [];
          plans.forEach((plan, i) => {
            const handle = sim.schedule(type, plan.delay, i);
            if (plan.cancel) sim.cancel(handle);
            else expected.push(i);
          });
          sim.run();
          for (let i = 1; i < times.length; i++)
            expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
          expect([...ran].sort((a, b) => a - b)).toEqual(expected);
          // ties keep insertion order
          for (let i = 1; i < ran.length; i++) {
            if (times[i] === times[i - 1]) expect(ran[i]!).toBeGreaterThan(ran[i - 1]!);
          }
        },
      ),
    );
  });

  it('lets handlers schedule and cancel while running', () => {
    const sim = new Simulator({ initialCapacity: 16 });
    let count = 0;
    let timer = -1;
    const tick = sim.defineEvent('tick', () => {
      count++;
      if (timer >= 0) sim.cancel(timer);
      timer = sim.schedule(timeout, 5);
      if (count < 1000) sim.schedule(tick, 1);
    });
    const timeout = sim.defineEvent('timeout', () => {
      throw new Error('a cancelled timer fired');
    });
    sim.schedule(tick, 0);
    sim.run(1000.5);
    expect(count).toBe(1000);
  });
});
