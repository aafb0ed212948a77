/**
 * Realistic synthetic inputs for the page builders, shaped like the JSON of `simulate`,
 * `compare`, `forecast` and `audit` (issues 5–7). Deterministic (seeded), so screenshots are
 * stable. The numbers are plausible for a large hospital switchboard (DOMAIN.md: ~4,000 calls a
 * day, a Monday 8:30 peak, ~26 s calls) — they are illustrations, not results.
 */

import seedrandom from 'seedrandom';
import type { Estimate } from '../../src/report/format.js';
import type { AuditReportInput } from '../../src/report/pages/audit-input.js';
import type { BacktestRow, ForecastReportInput } from '../../src/report/pages/forecast-report.js';
import type {
  CompareReportInput,
  SimulateIntervalRow,
  SimulateReportInput,
} from '../../src/report/pages/simulate-input.js';

const WEEKDAY_FACTOR = [1.25, 1.05, 1.0, 1.0, 0.95, 0.45, 0.3];

/** Calls per half-hour h (0–47) of a day with 1 000 calls: night trickle, 8:30 peak, 14:00 bump. */
function intradayShare(h: number): number {
  const hour = h / 2;
  const night = 0.15;
  const morning = 3.2 * Math.exp(-((hour - 8.75) ** 2) / 1.2);
  const day = hour >= 8 && hour < 19 ? 1.4 + 0.6 * Math.exp(-((hour - 14) ** 2) / 2) : 0;
  const evening = hour >= 19 && hour < 21 ? 0.5 : 0;
  return night + morning + day + evening;
}

const SHARE_SUM = Array.from({ length: 48 }, (_, h) => intradayShare(h)).reduce((a, b) => a + b, 0);

/** ISO timestamp with the Paris winter offset for day `d` (0 = Monday 2 March 2026), half-hour `h`. */
export function parisHalfHour(d: number, h: number): string {
  const date = new Date(Date.UTC(2026, 2, 2 + d, Math.floor(h / 2), (h % 2) * 30));
  return `${date.toISOString().slice(0, 19)}+01:00`;
}

function est(mean: number, halfWidth: number, clamp?: [number, number]): Estimate {
  const lo = mean - halfWidth;
  const hi = mean + halfWidth;
  return clamp
    ? { mean, ci95: [Math.max(clamp[0], lo), Math.min(clamp[1], hi)] }
    : { mean, ci95: [lo, hi] };
}

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
      resolved: est(0.962, 0.004),
      resolvedFirstContact: est(0.781, 0.008),
    },
    cost: {
      currency: 'EUR',
      operator: est(38_400, 0),
      lostCalls: est(abandoned * 4, abandoned * 0.2),
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
      m('resolvedFirstContact', 0.781, 0.79, 0.012, 'no difference detectable'),
      m('total', 47_900, 47_100, 500, 'better'),
    ],
    byInterval: { base, variant },
    targets: { serviceLevel: 0.8, thresholdSeconds: 20, abandon: 0.05 },
  };
}

/** A Poisson draw (Knuth for small means, normal approximation above 30). */
function poisson(random: () => number, mean: number): number {
  if (mean > 30) {
    const u = Math.max(1e-12, random());
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

const REASONS: [string, number][] = [
  ['appointments', 0.46],
  ['results', 0.21],
  ['reach a ward', 0.24],
  ['administrative', 0.088],
  ['building works', 0.002],
];

/** Four weeks of half-hour history by reason and two weeks of forecast (`forecast --json`-like). */
export function syntheticForecastInput(): ForecastReportInput {
  const random = seedrandom('forecast');
  const history: ForecastReportInput['history'][number][] = [];
  for (let d = -28; d < 0; d++)
    for (let h = 0; h < 48; h++) {
      const mean = (4000 * WEEKDAY_FACTOR[(d + 28) % 7]! * intradayShare(h)) / SHARE_SUM;
      for (const [reason, part] of REASONS)
        history.push({
          interval_start: parisHalfHour(d, h),
          reason,
          calls: poisson(random, mean * part),
        });
    }
  const forecast: ForecastReportInput['forecast'][number][] = [];
  for (let d = 0; d < 14; d++)
    for (let h = 0; h < 48; h++) {
      const mean = (4000 * 1.03 * WEEKDAY_FACTOR[d % 7]! * intradayShare(h)) / SHARE_SUM;
      const time = parisHalfHour(d, h);
      const z = 1.2816 * (1 + d / 20);
      forecast.push({
        interval_start: time,
        reason: 'all',
        forecast: mean,
        lower: Math.max(0, Math.floor(mean - z * Math.sqrt(mean * 1.3))),
        upper: Math.ceil(mean + z * Math.sqrt(mean * 1.3)),
      });
      for (const [reason, part] of REASONS) {
        const m = mean * part;
        forecast.push({
          interval_start: time,
          reason,
          forecast: m,
          lower: Math.max(0, Math.floor(m - z * Math.sqrt(m * 1.3))),
          upper: Math.ceil(m + z * Math.sqrt(m * 1.3)),
        });
      }
    }
  const backtest: BacktestRow[] = [];
  for (const [method, wape] of [
    ['seasonal-naive', 0.142],
    ['profile-ets', 0.081],
    ['double-seasonal-hw', 0.094],
  ] as const)
    for (const [reason, k] of [
      ['all', 1],
      ['appointments', 1.3],
      ['building works', 4.5],
    ] as const)
      backtest.push({
        method,
        reason,
        wape: wape * k,
        mase: (wape * k) / 0.142,
        coverage: method === 'seasonal-naive' ? 0.64 : 0.79 - 0.02 * k,
        best: method === 'profile-ets',
      });
  return {
    method: 'profile-ets',
    level: 80,
    history,
    forecast,
    backtest,
    source: 'calls-2026.csv',
  };
}

/** A week of audited queue_log records for a hospital switchboard (`audit --json`-like). */
export function syntheticAuditInput(): AuditReportInput {
  const random = seedrandom('audit');
  const byHour: AuditReportInput['byHour'][number][] = [];
  for (let weekday = 1; weekday <= 7; weekday++)
    for (let hour = 0; hour < 24; hour++) {
      const share = intradayShare(hour * 2) + intradayShare(hour * 2 + 1);
      const offered = poisson(random, (700 * WEEKDAY_FACTOR[weekday - 1]! * share) / SHARE_SUM);
      const pressure = Math.min(1, share / 9);
      const abandoned = Math.min(offered, poisson(random, offered * (0.02 + 0.14 * pressure ** 2)));
      byHour.push({ weekday, hour, offered, abandoned, answered: offered - abandoned });
    }
  const offered = byHour.reduce((s, r) => s + r.offered, 0);
  const abandoned = byHour.reduce((s, r) => s + r.abandoned, 0);
  const answered = offered - abandoned;
  const curve = [];
  let at = 0;
  let s = 1;
  while (at <= 240) {
    const half = 0.04 + 0.002 * at;
    curve.push({
      seconds: at,
      survival: s,
      lower: Math.max(0, s - half),
      upper: Math.min(1, s + half),
    });
    at += 4 + Math.round(random() * 6);
    s *= Math.exp(-(at > 0 ? 6 : 0) / 70) * (0.995 + random() * 0.005);
  }
  const distinct = Math.round(offered / 1.34);
  return {
    input: [
      {
        path: 'queue_log',
        format: 'asterisk-queue-log',
        lines: 48_213,
        records: 48_090,
        blank: 112,
        rejected: 11,
        firstRejected: [
          { line: 1_204, reason: 'unknown event "SYSCOMPAT"' },
          { line: 9_877, reason: 'truncated line: 3 fields, expected at least 5' },
          { line: 30_111, reason: 'timestamp goes back 2 h (clock change not announced)' },
        ],
      },
      {
        path: 'Master.csv',
        format: 'asterisk-cdr-18',
        lines: 5_102,
        records: 5_101,
        blank: 1,
        rejected: 0,
      },
    ],
    calls: {
      offered,
      answered,
      abandoned,
      shortAbandoned: Math.round(abandoned * 0.2),
      timeout: 14,
      exitKey: 9,
      exitEmpty: 3,
      transferred: Math.round(answered * 0.41),
    },
    callers: {
      distinct,
      repeat: Math.round(distinct * 0.21),
      attemptsPerCaller: 1.34,
      neverGotThrough: Math.round(distinct * 0.035),
      attemptsDistribution: [
        { attempts: 1, callers: Math.round(distinct * 0.79) },
        { attempts: 2, callers: Math.round(distinct * 0.14) },
        { attempts: 3, callers: Math.round(distinct * 0.05) },
        { attempts: 4, callers: Math.round(distinct * 0.02) },
      ],
    },
    serviceLevel: { thresholdSeconds: 20, ofAnswered: 0.83, ofAnsweredAndAbandoned: 0.78 },
    asaSeconds: 17.4,
    abandonRate: {
      all: abandoned / offered,
      excludingShort: (abandoned * 0.8) / offered,
      shortAbandonSeconds: 5,
    },
    patience: { curve },
    byHour,
    byQueue: {
      standard: {
        offered: Math.round(offered * 0.8),
        answered: Math.round(answered * 0.8),
        abandonRate: 0.061,
        asaSeconds: 16.2,
      },
      urgences: {
        offered: Math.round(offered * 0.2),
        answered: Math.round(answered * 0.2),
        abandonRate: 0.032,
        asaSeconds: 9.5,
      },
    },
    transfers: [
      { outcome: 'service answered', calls: Math.round(answered * 0.41 * 0.72), kind: 'good' },
      {
        outcome: 'bounced back to switchboard',
        calls: Math.round(answered * 0.41 * 0.16),
        kind: 'bad',
      },
      {
        outcome: 'rang out / voicemail full',
        calls: Math.round(answered * 0.41 * 0.12),
        kind: 'bad',
      },
    ],
    period: { from: '2026-03-02T00:03:11+01:00', to: '2026-03-08T23:51:40+01:00' },
    definitions: {
      offered: 'Calls that entered a queue (ENTERQUEUE), plus CDR calls that never reached one.',
      serviceLevel:
        'Calls answered within 20 s (CONNECT with hold ≤ 20), of calls answered or abandoned.',
      abandonRate:
        'ABANDON events of calls offered; short abandons are those under 5 s of waiting.',
      asaSeconds: 'Mean hold time of CONNECT events.',
      repeat: 'Distinct caller numbers (pseudonymised) with more than one call in the period.',
      patience: 'Kaplan–Meier survival of waiting time: ABANDON is the event, CONNECT censors.',
    },
  };
}
