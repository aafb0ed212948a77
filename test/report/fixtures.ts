/**
 * Realistic synthetic inputs for the page builders, shaped like the JSON of `simulate`,
 * `compare`, `forecast` and `audit` (issues 5–7). Deterministic (seeded), so screenshots are
 * stable. The numbers are plausible for a large hospital switchboard (DOMAIN.md: ~4,000 calls a
 * day, a Monday 8:30 peak, ~26 s calls) — they are illustrations, not results.
 */

import seedrandom from 'seedrandom';
import type {
  CompareReportInput,
  SimulateIntervalRow,
  SimulateReportInput,
} from '../../src/report/pages/simulate-input.js';
import { est, intradayShare, parisHalfHour, SHARE_SUM, WEEKDAY_FACTOR } from './fixture-profile.js';

export { syntheticAuditInput, syntheticForecastInput } from './fixtures-forecast-audit.js';
export { parisHalfHour };

/** A week of half-hour rows for a switchboard of about 4,000 calls on a weekday. */
export function syntheticIntervals(
  options: { seed?: string; days?: number; extraLoad?: number; slShift?: number } = {},
): SimulateIntervalRow[] {
  const random = seedrandom(options.seed ?? 'intervals');
  const rows: SimulateIntervalRow[] = [];
  for (let d = 0; d < (options.days ?? 7); d++)
    for (let h = 0; h < 48; h++) {
      const offered = (4000 * WEEKDAY_FACTOR[d % 7]! * intradayShare(h)) / SHARE_SUM;
      const pressure = Math.min(1, (intradayShare(h) / 4.5) * (options.extraLoad ?? 1));
      const sl = Math.min(
        0.99,
        Math.max(
          0.2,
          0.93 - 0.55 * pressure ** 2 + (random() - 0.5) * 0.04 + (options.slShift ?? 0),
        ),
      );
      const abandonShare = Math.max(0.005, 0.02 + 0.12 * pressure ** 2 + (random() - 0.5) * 0.01);
      const abandoned = offered * abandonShare;
      const busy = pressure > 0.8 ? offered * 0.01 * (pressure - 0.8) * 10 : 0;
      const answered = offered - abandoned - busy;
      const spread = Math.sqrt(offered) * 0.6;
      rows.push({
        intervalStart: parisHalfHour(d, h),
        offered: est(offered, spread, [0, Number.POSITIVE_INFINITY]),
        answered: est(answered, spread, [0, Number.POSITIVE_INFINITY]),
        abandoned: est(abandoned, Math.sqrt(abandoned + 1) * 0.6, [0, Number.POSITIVE_INFINITY]),
        busy: est(busy, Math.sqrt(busy + 1) * 0.3, [0, Number.POSITIVE_INFINITY]),
        serviceLevel: est(sl, 0.02 + 0.4 / Math.sqrt(offered + 4), [0, 1]),
        asaSeconds: est(5 + 60 * pressure ** 2, 3, [0, Number.POSITIVE_INFINITY]),
        occupancy: est(Math.min(0.95, 0.35 + 0.55 * pressure), 0.02, [0, 1]),
      });
    }
  return rows;
}

const sum = (rows: readonly SimulateIntervalRow[], pick: (r: SimulateIntervalRow) => number) =>
  rows.reduce((s, r) => s + pick(r), 0);

/** A week's `simulate --json`-shaped result with every optional part filled. */
export function syntheticSimulateInput(days = 7): SimulateReportInput {
  const byInterval = syntheticIntervals({ days });
  const offered = sum(byInterval, (r) => r.offered.mean);
  const answered = sum(byInterval, (r) => r.answered.mean);
  const abandoned = sum(byInterval, (r) => r.abandoned.mean);
  const busy = sum(byInterval, (r) => r.busy?.mean ?? 0);
  const transfers = answered * 0.42;
  const ivrHungUp = offered * 0.03;
  const ivrResolved = offered * 0.08;
  return {
    scenario: 'general-hospital.yaml',
    days,
    replications: 10,
    seed: 1,
    targets: { serviceLevel: 0.8, thresholdSeconds: 20, abandon: 0.05 },
    overall: {
      offered: est(offered, Math.sqrt(offered) * 0.8),
      answered: est(answered, Math.sqrt(answered) * 0.8),
      abandoned: est(abandoned, Math.sqrt(abandoned) * 0.9),
      busy: est(busy, Math.sqrt(busy + 1)),
      inSystemAtEnd: est(2.1, 1.2, [0, 10]),
      transfers: est(transfers, Math.sqrt(transfers)),
      bouncedBack: est(transfers * 0.09, Math.sqrt(transfers * 0.09)),
      serviceLevel: est(0.781, 0.011),
      asaSeconds: est(14.2, 0.9),
      probabilityAbandon: est(abandoned / offered, 0.004),
      occupancy: est(0.74, 0.01),
      shortAbandoned: est(abandoned * 0.18, 12),
      failedTransfers: est(transfers * 0.14, 20),
    },
    byInterval,
    byQueue: {
      main: {
        offered: est(offered * 0.7, 60),
        serviceLevel: est(0.8, 0.012),
        asaSeconds: est(12.8, 1),
      },
      outpatients: {
        offered: est(offered * 0.25, 40),
        serviceLevel: est(0.74, 0.02),
        asaSeconds: est(18.1, 1.5),
      },
      wards: {
        offered: est(offered * 0.05, 15),
        serviceLevel: est(0.77, 0.04),
        asaSeconds: est(15.9, 2.2),
      },
    },
    byReason: {
      appointments: { offered: est(offered * 0.46, 50), probabilityAbandon: est(0.061, 0.005) },
      results: { offered: est(offered * 0.21, 30), probabilityAbandon: est(0.048, 0.006) },
      'reach a ward': { offered: est(offered * 0.24, 30), probabilityAbandon: est(0.039, 0.005) },
      administrative: { offered: est(offered * 0.09, 20), probabilityAbandon: est(0.052, 0.009) },
    },
    needs: {
      attemptsPerNeed: est(1.31, 0.02),
      totalWaitSeconds: est(31.5, 1.8),
      transfersPerNeed: est(0.47, 0.01),
      resolvedRate: est(0.962, 0.004),
      firstContactResolution: est(0.781, 0.008),
    },
    cost: {
      currency: 'EUR',
      operator: est(38_400, 0),
      lostNeeds: est(abandoned * 4, abandoned * 0.2),
      transfers: est(transfers * 0.3, transfers * 0.01),
      repeatAttempts: est(offered * 0.31 * 0.5, 200),
      total: est(38_400 + abandoned * 4 + transfers * 0.3 + offered * 0.155, 400),
    },
    waitHistogram: Array.from({ length: 24 }, (_, i) => ({
      from: i * 5,
      to: (i + 1) * 5,
      count: Math.round(answered * 0.35 * Math.exp(-i / 3.2) + (i === 0 ? answered * 0.25 : 0)),
    })),
    callPath: {
      offered,
      busy,
      ivr: { hungUp: ivrHungUp, resolved: ivrResolved },
      answered: answered - ivrHungUp - ivrResolved,
      abandoned,
      inSystemAtEnd: 2.1,
      transfers: {
        warm: {
          answered: transfers * 0.3 * 0.93,
          bouncedBack: transfers * 0.3 * 0.05,
          lost: transfers * 0.3 * 0.02,
        },
        wild: {
          answered: transfers * 0.7 * 0.71,
          bouncedBack: transfers * 0.7 * 0.17,
          lost: transfers * 0.7 * 0.12,
        },
      },
    },
    attemptsDistribution: [
      { attempts: 1, share: 0.78 },
      { attempts: 2, share: 0.15 },
      { attempts: 3, share: 0.05 },
      { attempts: 4, share: 0.02 },
    ],
  };
}

/** A `compare --json`-shaped result: adding an IVR option (longer menu for everyone). */
export function syntheticCompareInput(): CompareReportInput {
  const base = syntheticIntervals({ days: 7, seed: 'base' });
  const variant = syntheticIntervals({ days: 7, seed: 'base', extraLoad: 1.06, slShift: -0.03 });
  // Paired differences are tighter than either scenario's interval (common random numbers);
  // 'no difference' rows get an interval that straddles zero, as compare would.
  const m = (name: string, b: number, v: number, half: number, verdict: string) => ({
    name,
    base: est(b, half),
    variant: est(v, half),
    difference: est(v - b, verdict.startsWith('no') ? Math.abs(v - b) + half * 0.3 : half * 0.6),
    verdict,
  });
  return {
    baseName: 'general-hospital',
    variantName: 'ivr-option-4',
    days: 7,
    replications: 10,
    change: 'Adding option 4 (building works) lengthens the menu by 8 s for every caller',
    measures: [
      m('serviceLevel', 0.781, 0.752, 0.011, 'worse'),
      m('asaSeconds', 14.2, 17.9, 0.9, 'worse'),
      m('probabilityAbandon', 0.041, 0.053, 0.004, 'worse'),
      m('occupancy', 0.74, 0.741, 0.01, 'no difference detectable'),
      m('bouncedBack', 912, 640, 40, 'better'),
      m('attemptsPerNeed', 1.31, 1.28, 0.02, 'better'),
      m('firstContactResolution', 0.781, 0.79, 0.012, 'no difference detectable'),
      m('total', 47_900, 47_100, 500, 'better'),
    ],
    byInterval: { base, variant },
    targets: { serviceLevel: 0.8, thresholdSeconds: 20, abandon: 0.05 },
  };
}
