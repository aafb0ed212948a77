/**
 * compare reads the base scenario's `targets:` against base and variant: `met` / `missed` only
 * when the whole 95 % interval of the level lies on one side of the target.
 */

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { compareScenarios, targetStatus } from '../../src/switchboard/compare-scenarios.js';
import { formatComparison } from '../../src/cli/format-comparison.js';
import { stationaryQueueDocument } from './scenario-builders.js';

describe('targets in compare', () => {
  it('met, missed or uncertain by the interval, inclusive at the target', () => {
    const e = (lo: number, hi: number) => ({
      mean: (lo + hi) / 2,
      ci95: [lo, hi] as [number, number],
    });
    expect(targetStatus(e(0.8, 0.9), 'at least', 0.8)).toBe('met');
    expect(targetStatus(e(0.7, 0.79), 'at least', 0.8)).toBe('missed');
    expect(targetStatus(e(0.75, 0.85), 'at least', 0.8)).toBe('uncertain');
    expect(targetStatus(e(0.01, 0.05), 'at most', 0.05)).toBe('met');
    expect(targetStatus(e(0.06, 0.07), 'at most', 0.05)).toBe('missed');
    expect(targetStatus({ mean: null, ci95: [null, null] }, 'at most', 0.05)).toBe('uncertain');
  });

  it('M/M/c: 9 operators meet 80 % in 20 s at 6 erlangs, 7 miss it (Erlang C)', async () => {
    // Erlang C (Erlang 1917; the textbook formula SL = 1 − C(c, a)·e^(−(c − a)T/AHT)): a = 120/h
    // × 180 s = 6 erlangs; c = 9 gives SL(20 s) = 86.0 %, c = 7 gives 45.1 %.
    const doc = (operators: number) => {
      const d = stationaryQueueDocument({ arrivalsPerHour: 120, ahtSeconds: 180, operators });
      delete d.measures;
      d.targets = { serviceLevel: 0.8, threshold: '20s' };
      return parseScenario(d);
    };
    const report = await compareScenarios(doc(9), [doc(7)], { days: 2, replications: 5, seed: 4 });
    const [check] = report.comparisons[0]!.targets;
    expect(check).toMatchObject({
      name: 'overall.serviceLevel',
      bound: 'at least',
      target: 0.8,
      thresholdSeconds: 20,
      base: 'met',
      variant: 'missed',
    });
    expect(formatComparison(report)).toContain(
      'serviceLevel ≥ 80.0 % within 20 s: base met, variant missed',
    );
  });
});
