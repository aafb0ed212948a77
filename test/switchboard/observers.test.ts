import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { SwitchboardModel } from '../../src/switchboard/switchboard-model.js';
import type { SwitchboardObserver } from '../../src/switchboard/switchboard-observer.js';
import { QueueField as Q } from '../../src/switchboard/tallies.js';

const baseline = loadScenario(new URL('../../scenarios/baseline.yaml', import.meta.url).pathname);

// The observer contract (src/switchboard/switchboard-observer.ts): observers are told every
// moment of a call's life and cannot change what the model does. Checked on the example
// scenario, whose IVR, wild transfers, redials and clerks' calls reach most hooks.
describe('switchboard observers', () => {
  it('an added observer leaves every count unchanged and sees each moment the counters count', () => {
    const plain = new SwitchboardModel(baseline, { days: 2, seed: 'observers' }).run();
    const model = new SwitchboardModel(baseline, { days: 2, seed: 'observers' });
    const seen = { arrived: 0, entered: 0, answered: 0, abandoned: 0, needs: 0, ended: 0 };
    const released = new Set<number>();
    const observer: SwitchboardObserver = {
      callArrived: () => void seen.arrived++,
      queueEntered: () => void seen.entered++,
      answered: (c) => {
        seen.answered++;
        // The call's operator is busy while the observer looks.
        expect(model.calls.answeredAt[c]).toBe(model.sim.now);
      },
      abandoned: () => void seen.abandoned++,
      needOpened: () => void seen.needs++,
      needEnded: () => void seen.ended++,
      operatorReleased: (c, busySeconds) => {
        expect(busySeconds).toBeGreaterThanOrEqual(model.sim.now - model.calls.answeredAt[c]!);
        released.add(c);
      },
    };
    model.observe(observer);
    const observed = model.run();
    expect(observed.overall).toEqual(plain.overall);
    expect(Array.from(observed.byQueue)).toEqual(Array.from(plain.byQueue));
    expect(Array.from(observed.byInterval)).toEqual(Array.from(plain.byInterval));
    const o = observed.overall;
    expect(o.offered).toBeGreaterThan(1000);
    expect(seen.arrived).toBe(o.offered);
    expect(seen.answered).toBe(o.answers);
    expect(seen.abandoned).toBe(o.abandoned);
    expect(seen.needs).toBe(o.needs);
    expect(seen.ended).toBe(o.needsEnded);
    expect(released.size).toBeGreaterThan(0);
    // Every queue entry is answered, abandons, accepts a callback, or is still waiting.
    const waitingAtEnd = Array.from({ length: baseline.queues.length }, (_, q) =>
      Number(observed.byQueue[q * Q.size + Q.waitingAtEnd]),
    ).reduce((a, b) => a + b, 0);
    expect(seen.entered).toBe(o.answers + o.abandoned + o.callbackAccepted + waitingAtEnd);
  });
});
