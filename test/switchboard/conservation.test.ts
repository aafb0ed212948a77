import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { runReplication } from '../../src/switchboard/run-replication.js';
import { randomScenarioDocument } from './random-scenarios.js';

// Laws of the model (no external reference: they hold by construction of a correct model):
// every call offered ends in exactly one outcome or is still in the system; every need is
// resolved, unresolved or still open; every queue entry is answered, abandoned, turned into a
// callback or still waiting; measures that are probabilities lie in [0, 1], occupancy in every
// interval included; a reason's calls are answered at most once each.
describe('conservation over random valid scenarios', () => {
  it('accounts for every call, need and queue entry, and never crashes or hangs', () => {
    fc.assert(
      fc.property(randomScenarioDocument, fc.integer({ min: 0, max: 1000 }), (document, seed) => {
        const scenario = parseScenario(document);
        const r = runReplication(scenario, { days: 2, seed, index: 0 });
        const o = r.overall;
        const outcomes =
          o.busy! +
          o.closed! +
          o.ivrAbandoned! +
          o.ivrResolved! +
          o.abandoned! +
          o.callbackAccepted! +
          o.completed! +
          o.transferFailed!;
        expect(o.offered).toBe(outcomes + o.inSystemAtEnd!);
        expect(o.inSystemAtEnd).toBeGreaterThanOrEqual(0);
        expect(o.answered).toBeLessThanOrEqual(o.offered!);
        const n = r.needs;
        expect(n.needs).toBe(n.resolved! + n.unresolved! + n.openAtEnd!);
        expect(n.openAtEnd).toBeGreaterThanOrEqual(0);
        for (const q of r.byQueue) {
          expect(q.entries).toBe(
            q.answered! + q.abandoned! + q.callbackAccepted! + q.waitingAtEnd!,
          );
        }
        expect(r.byReason.reduce((s, x) => s + x.offered!, 0)).toBe(o.offered);
        // Per reason, each call is answered at most once; answers after a bounce are re-answers.
        for (const x of r.byReason) expect(x.answered!).toBeLessThanOrEqual(x.offered!);
        const queueAnswers = r.byQueue.reduce((s, q) => s + q.answered!, 0);
        expect(r.byReason.reduce((s, x) => s + x.answered! + x.reanswered!, 0)).toBe(queueAnswers);
        // Busy time is booked where it happens and staffed time includes overtime: occupancy
        // never exceeds 100 % in any interval or queue.
        for (const row of [...r.byWeekdayInterval, ...r.byInterval, ...r.byQueue])
          if (!Number.isNaN(row.occupancy!)) expect(row.occupancy!).toBeLessThanOrEqual(1 + 1e-9);
        for (const key of ['serviceLevel', 'probabilityAbandon', 'probabilityBusy', 'occupancy']) {
          const v = o[key]!;
          if (!Number.isNaN(v)) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1 + 1e-12);
          }
        }
        expect(o.asaSeconds === undefined || Number.isNaN(o.asaSeconds) || o.asaSeconds >= 0).toBe(
          true,
        );
      }),
      { numRuns: 60 },
    );
  });
});
