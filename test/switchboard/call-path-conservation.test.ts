import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { runReplication } from '../../src/switchboard/run-replication.js';
import { randomScenarioDocument } from './random-scenarios.js';

// Laws of the call-path counts (no external reference: they hold by construction of a correct
// model): every operator transfer ends in exactly one outcome or is still ringing at the end;
// every ended need is in exactly one attempts bucket; every queue answer is in exactly one wait
// bin; transfers still ringing are calls still in the system.
describe('call-path counts conserve calls over random valid scenarios', () => {
  it('accounts for every transfer, ended need and queue answer', () => {
    fc.assert(
      fc.property(randomScenarioDocument, fc.integer({ min: 0, max: 1000 }), (document, seed) => {
        const scenario = parseScenario(document);
        const r = runReplication(scenario, { days: 2, seed, index: 0 });
        const o = r.overall;
        const p = r.paths;
        expect(o.warmTransfers).toBe(p.warmAnswered! + p.warmTakenBack! + p.warmInFlightAtEnd!);
        expect(o.wildTransfers).toBe(
          p.wildAnswered! +
            p.wildVoicemail! +
            p.wildBouncedBack! +
            p.wildLost! +
            p.wildInFlightAtEnd!,
        );
        expect(p.warmInFlightAtEnd).toBeGreaterThanOrEqual(0);
        expect(p.wildInFlightAtEnd).toBeGreaterThanOrEqual(0);
        expect(p.warmInFlightAtEnd! + p.wildInFlightAtEnd!).toBeLessThanOrEqual(o.inSystemAtEnd!);
        // Bounces of operator transfers are among all bounces (IVR routes to services bounce too).
        expect(p.wildBouncedBack).toBeLessThanOrEqual(o.bouncedBack!);
        expect(p.warmTakenBack! + p.wildLost!).toBeLessThanOrEqual(o.failedTransfers!);
        // Every queue answer ends by the operator, put through, transferred, or is in talk at the end.
        const answered = r.byQueue.reduce((s, q) => s + q.answered!, 0);
        const ended2 = p.operatorCompleted! + p.putThrough! + o.warmTransfers! + o.wildTransfers!;
        expect(ended2).toBeLessThanOrEqual(answered);
        expect(answered - ended2).toBeLessThanOrEqual(o.inSystemAtEnd!);
        expect(p.putThrough).toBeLessThanOrEqual(o.misrouted!);
        const ended = p.needsEnded1! + p.needsEnded2! + p.needsEnded3! + p.needsEnded4Plus!;
        expect(ended).toBe(r.needs.resolved! + r.needs.unresolved!);
        const bins = Object.entries(p).filter(([key]) => key.startsWith('wait'));
        expect(bins).toHaveLength(25);
        const answers = r.byQueue.reduce((s, q) => s + q.answered!, 0);
        expect(bins.reduce((s, [, n]) => s + n, 0)).toBe(answers);
        for (const [, n] of bins) expect(n).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 40 },
    );
  });
});
