import { describe, expect, it } from 'vitest';
import { Resource, scheduleCapacity } from '../../src/engine/resource.js';
import { Simulator } from '../../src/engine/simulator.js';

describe('Resource', () => {
  it('lets busy servers finish when the capacity drops, and integrates busy and capacity time', () => {
    const sim = new Simulator();
    const r = new Resource(sim, 2);
    const done = sim.defineEvent('done', () => r.release());
    expect(r.tryAcquire()).toBe(true);
    expect(r.tryAcquire()).toBe(true);
    expect(r.tryAcquire()).toBe(false);
    sim.schedule(done, 10);
    sim.schedule(done, 20);
    const cut = sim.defineEvent('cut', () => r.setCapacity(1));
    sim.schedule(cut, 5);
    sim.run(5);
    expect(r.busy).toBe(2);
    expect(r.capacity).toBe(1);
    expect(r.idle).toBe(0);
    sim.run(10);
    expect(r.tryAcquire()).toBe(false); // one busy = capacity 1
    sim.run(30);
    // busy: 2 servers for 10 s, 1 for 10 s, 0 for 10 s = 30; capacity: 2×5 + 1×25 = 35
    expect(r.busyTime).toBe(30);
    expect(r.utilization()).toBeCloseTo(30 / 35, 12);
  });

  it('follows a cyclic roster and calls onCapacityIncrease when a shift starts', () => {
    const sim = new Simulator();
    const r = new Resource(sim, 0);
    const seen: [number, number][] = [];
    r.onCapacityIncrease = (res) => seen.push([sim.now, res.capacity]);
    scheduleCapacity(
      sim,
      r,
      [
        { atSeconds: 8, capacity: 3 },
        { atSeconds: 12, capacity: 1 },
        { atSeconds: 0, capacity: 0 },
      ],
      { cycleSeconds: 24 },
    );
    sim.run(50);
    expect(seen).toEqual([
      [8, 3],
      [32, 3],
    ]);
    expect(r.capacity).toBe(0); // the day restarted at 48 with 0 on shift
    // capacity time over [0, 50): (3×4 + 1×12) per day, two days, then 0 from 48 to 50
    expect(r.capacityTime).toBe(2 * (3 * 4 + 1 * 12));
    expect(() =>
      scheduleCapacity(sim, r, [{ atSeconds: 30, capacity: 1 }], { cycleSeconds: 24 }),
    ).toThrow(RangeError);
  });
});
