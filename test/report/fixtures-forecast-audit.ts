/**
 * Realistic synthetic inputs for the forecast and audit pages, shaped like `forecast --json` and
 * `audit --json` (issues 6 and 7). Deterministic (seeded). Illustrations, not results.
 */

import seedrandom from 'seedrandom';
import type { AuditReportInput } from '../../src/report/pages/audit-input.js';
import type { BacktestRow, ForecastReportInput } from '../../src/report/pages/forecast-report.js';
import {
  intradayShare,
  parisHalfHour,
  poisson,
  SHARE_SUM,
  WEEKDAY_FACTOR,
} from './fixture-profile.js';

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
      busy: 0,
      other: 0,
      transferred: Math.round(answered * 0.41),
      blindTransfers: Math.round(answered * 0.3),
      attendedTransfers: Math.round(answered * 0.11),
      bounced: Math.round(answered * 0.41 * 0.16),
      notQueued: 0,
    },
    callers: {
      distinct,
      repeat: Math.round(distinct * 0.21),
      attemptsPerCaller: 1.34,
      neverGotThrough: 0.035,
      firstCallAnswered: 0.87,
      waitPerCallerSeconds: 31,
      unidentifiedCalls: 120,
      redials: Math.round(abandoned * 0.6),
      redialProbability: 0.55,
      redialWindowSeconds: 86_400,
      backAfterTransfer: 41,
    },
    serviceLevel: { thresholdSeconds: 20, ofAnswered: 0.83, ofAnsweredAndAbandoned: 0.78 },
    asaSeconds: 17.4,
    abandonRate: {
      all: abandoned / offered,
      excludingShort: (abandoned * 0.8) / offered,
      shortAbandonSeconds: 5,
    },
    patience: { curve, medianSeconds: null, abandons: abandoned, censored: answered },
    byHour,
    byQueue: [
      {
        queue: 'standard',
        offered: Math.round(offered * 0.8),
        answered: Math.round(answered * 0.8),
        abandonRate: 0.061,
        serviceLevel: 0.77,
        asaSeconds: 16.2,
        meanTalkSeconds: 95,
        transferred: Math.round(answered * 0.8 * 0.41),
        patienceMedianSeconds: null,
        callsPerWeek: Math.round(offered * 0.8),
        microFlow: false,
      },
      {
        queue: 'urgences',
        offered: Math.round(offered * 0.2),
        answered: Math.round(answered * 0.2),
        abandonRate: 0.032,
        serviceLevel: 0.9,
        asaSeconds: 9.5,
        meanTalkSeconds: 62,
        transferred: Math.round(answered * 0.2 * 0.41),
        patienceMedianSeconds: null,
        callsPerWeek: Math.round(offered * 0.2),
        microFlow: false,
      },
    ],
    transferTargets: [
      { target: '2001@wards', transfers: Math.round(answered * 0.3), bouncedBack: 40 },
      { target: '(attended)', transfers: Math.round(answered * 0.11), bouncedBack: 9 },
    ],
    nps: [
      { reason: 'appointments', responses: 212, score: 18, ci95: [7, 29] },
      { reason: 'results', responses: 96, score: -4, ci95: [-21, 13] },
      { reason: 'reach a ward', responses: 131, score: 9, ci95: [-5, 23] },
    ],
    period: { from: '2026-03-02T00:00:00', to: '2026-03-08T23:30:00', days: 7 },
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
