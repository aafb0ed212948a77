/**
 * The flow drawn from simulate's outcome partition (docs/simulate.md: every call offered ends in
 * exactly one of busy, closed, hung up in the menu, resolved by the menu, abandoned, callback,
 * completed, transfer failed, or is still in the system): property — whatever the counts, the
 * flow conserves calls at every node and its final outcomes add up to the calls offered.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callOutcomeFlow, callOutcomesOf } from '../../src/report/charts/call-outcome-flow.js';

const count = fc.double({ min: 0, max: 1e5, noNaN: true });

describe('callOutcomeFlow', () => {
  it('conserves calls at every node and ends every call offered', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 9, maxLength: 9 }), (v) => {
        const [busy, closed, ivrAbandoned, ivrResolved, abandoned, cb, completed, failed, end] =
          v as [number, number, number, number, number, number, number, number, number];
        const offered = v.reduce((s, x) => s + x, 0);
        const { nodes, links } = callOutcomeFlow({
          offered,
          busy,
          closed,
          ivrAbandoned,
          ivrResolved,
          abandoned,
          callbackAccepted: cb,
          completed,
          transferFailed: failed,
          inSystemAtEnd: end,
        });
        const into = (id: string) =>
          links.filter((l) => l.target === id).reduce((s, l) => s + l.value, 0);
        const out = (id: string) =>
          links.filter((l) => l.source === id).reduce((s, l) => s + l.value, 0);
        const tolerance = 1e-9 * Math.max(1, offered);
        expect(Math.abs(out('offered') - offered)).toBeLessThanOrEqual(tolerance);
        for (const n of nodes)
          if (n.id !== 'offered' && out(n.id) > 0)
            expect(Math.abs(into(n.id) - out(n.id))).toBeLessThanOrEqual(tolerance);
        const ends = nodes.filter((n) => out(n.id) === 0).reduce((s, n) => s + into(n.id), 0);
        expect(Math.abs(ends - offered)).toBeLessThanOrEqual(tolerance);
      }),
    );
  });

  it('reads the counts from simulate --json overall, or nothing when one is missing', () => {
    const e = (mean: number) => ({ mean, ci95: [mean, mean] as [number, number] });
    const overall = {
      offered: e(10),
      busy: e(1),
      closed: e(0),
      ivrAbandoned: e(1),
      ivrResolved: e(0),
      abandoned: e(1),
      callbackAccepted: e(0),
      completed: e(6),
      transferFailed: e(1),
      inSystemAtEnd: e(0),
    };
    expect(callOutcomesOf(overall)?.completed).toBe(6);
    const { completed: _, ...partial } = overall;
    expect(callOutcomesOf(partial)).toBeUndefined();
  });
});
