/**
 * compare reads the base scenario's `targets:` (the whole switchboard's and each queue's own)
 * against base and variant, over the horizon and per day: `met` / `missed` only when the whole
 * 95 % interval of the level lies on one side of the target.
 */

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { compareScenarios } from '../../src/switchboard/compare-scenarios.js';
import { formatComparison } from '../../src/cli/format-comparison.js';
import { flatProfile, stationaryQueueDocument } from './scenario-builders.js';

// Erlang C (Erlang 1917; the textbook formula SL = 1 − C(c, a)·e^(−(c − a)T/AHT)): a = 120/h
// × 180 s = 6 erlangs; c = 9 gives SL(20 s) = 86.0 %, c = 7 gives 45.1 %.
const ERLANG_C_SL = { 9: 0.86, 7: 0.451 } as const;

describe('targets in compare', () => {
  it('M/M/c: 9 operators meet 80 % in 20 s at 6 erlangs, 7 miss it (Erlang C), over the horizon and every day', async () => {
    const doc = (operators: number) => {
      const d = stationaryQueueDocument({ arrivalsPerHour: 120, ahtSeconds: 180, operators });
      delete d.measures;
      d.targets = { serviceLevel: 0.8, threshold: '20s' };
      return parseScenario(d);
    };
    const report = await compareScenarios(doc(9), [doc(7)], { days: 3, replications: 5, seed: 4 });
    const [check] = report.comparisons[0]!.targets;
    expect(check).toMatchObject({
      name: 'overall.serviceLevel',
      bound: 'at least',
      target: 0.8,
      thresholdSeconds: 20,
      base: 'met',
      variant: 'missed',
    });
    // The start date is a Monday: three days, one date each.
    expect(check!.byDay.map((d) => [d.weekday, d.dates])).toEqual([
      ['monday', 1],
      ['tuesday', 1],
      ['wednesday', 1],
    ]);
    for (const day of check!.byDay) {
      expect(day.base.status).toBe('met');
      expect(day.variant.status).toBe('missed');
      // Each day's level is Erlang C's within sampling noise (2,880 calls a day).
      expect(Math.abs(day.base.mean! - ERLANG_C_SL[9])).toBeLessThan(0.04);
      expect(Math.abs(day.variant.mean! - ERLANG_C_SL[7])).toBeLessThan(0.08);
      expect(day.base.ci95[0]!).toBeLessThanOrEqual(day.base.mean!);
    }
    expect(formatComparison(report)).toContain(
      'service level ≥ 80.0 % within 20 s: base met, 3/3 days met; variant missed, 0/3 days met (missed Mon, Tue, Wed)',
    );
  });

  it('a day is uncertain when its interval spans the target, and days are counted per weekday when the horizon is not whole weeks', async () => {
    // 8 operators at 6 erlangs: Erlang C SL(20 s) = 71.4 %; a target of 71.4 % lies inside
    // every day's interval.
    const doc = (target: number) => {
      const d = stationaryQueueDocument({ arrivalsPerHour: 120, ahtSeconds: 180, operators: 8 });
      delete d.measures;
      d.targets = { serviceLevel: target, threshold: '20s' };
      return parseScenario(d);
    };
    const report = await compareScenarios(doc(0.714), [doc(0.714)], {
      days: 9,
      replications: 3,
      seed: 2,
    });
    const [check] = report.comparisons[0]!.targets;
    expect(check!.byDay.map((d) => d.dates)).toEqual([2, 2, 1, 1, 1, 1, 1]);
    const text = formatComparison(report);
    expect(text).toContain(
      'a day is a weekday of the horizon, its dates pooled (Mon 2, Tue 2, Wed 1, Thu 1, Fri 1, Sat 1, Sun 1)',
    );
    // Not every day can be met or missed with 3 replications at the Erlang C level itself.
    expect(check!.byDay.some((d) => d.base.status === 'uncertain')).toBe(true);
    expect(text).toMatch(/uncertain (Mon|Tue|Wed|Thu|Fri|Sat|Sun)/);
  });

  it('two queues: each judged by its own target, the one staffed for it meets it and the other misses', async () => {
    // Two independent M/M/c queues (one reason each, 6 erlangs each): 9 operators meet 75 % in
    // 20 s (Erlang C 86.0 %), 7 miss it (45.1 %). The switchboard's own target (60 %) is met by
    // the pooled entries (about 65.5 %), so only the queue's own target shows the miss.
    const d = {
      name: 'two queues',
      arrivals: { callsPerDay: 2 * 120 * 24, intradayProfile: { default: flatProfile() } },
      reasons: Object.fromEntries(
        ['fast', 'slow'].map((q) => [
          q,
          {
            share: 0.5,
            handleTime: { distribution: 'exponential', mean: 180 },
            patience: { distribution: 'deterministic', value: 1e9 },
            queue: q,
          },
        ]),
      ),
      queues: {
        fast: { operators: { default: [{ hours: '00:00-24:00', operators: 9 }] } },
        slow: { operators: { default: [{ hours: '00:00-24:00', operators: 7 }] } },
      },
      targets: {
        serviceLevel: 0.6,
        threshold: '20s',
        byQueue: { fast: { serviceLevel: 0.75 }, slow: { serviceLevel: 0.75 } },
      },
    };
    const scenario = parseScenario(d);
    const report = await compareScenarios(scenario, [scenario], {
      days: 2,
      replications: 4,
      seed: 7,
    });
    const checks = report.comparisons[0]!.targets;
    expect(checks.map((c) => [c.queue ?? 'switchboard', c.target, c.base])).toEqual([
      ['switchboard', 0.6, 'met'],
      ['fast', 0.75, 'met'],
      ['slow', 0.75, 'missed'],
    ]);
    const fast = checks[1]!;
    const slow = checks[2]!;
    expect(fast.byDay.every((d) => d.base.status === 'met')).toBe(true);
    expect(slow.byDay.every((d) => d.base.status === 'missed')).toBe(true);
    expect(Math.abs(fast.horizon.base.mean! - ERLANG_C_SL[9])).toBeLessThan(0.03);
    expect(Math.abs(slow.horizon.base.mean! - ERLANG_C_SL[7])).toBeLessThan(0.06);
    const text = formatComparison(report);
    expect(text).toContain(
      'queue slow: service level ≥ 75.0 % within 20 s: base missed, 0/2 days met (missed Mon, Tue)',
    );
    expect(text).toContain(
      'queue fast: service level ≥ 75.0 % within 20 s: base met, 2/2 days met',
    );
  });
});
