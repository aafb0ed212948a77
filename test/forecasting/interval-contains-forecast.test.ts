import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCallHistory,
  forecastCalls,
  forecastGrid,
  type HistoryRecord,
  methodNames,
  type SpecialDay,
} from '../../src/forecasting/index.js';
import { isoDateOfDay } from '../../src/calendar/days.js';
import { MONDAY_2024_01_01 } from './helpers.js';

// Issue 15: "a forecast whose 80 % interval excludes its own point forecast". The bounds are
// whole-number quantiles of a count distribution; when that distribution puts 90 % or more on
// zero calls (a Poisson mean under 0.105, or a very overdispersed one), the central 80 %
// interval is [0, 0] while the mean is above zero. The laws below must hold for every history:
// sparse and huge counts, growth, missing days, special days with given or learnt effects,
// histories too short for calibration, every method.

const SLOTS = 12; // 2-hour intervals keep each case fast
const SCALES = [0.002, 0.02, 0.1, 0.4, 3, 40, 5000, 400_000];

interface Case {
  method: string;
  reasons: number;
  days: number;
  scales: number[];
  growth: number;
  missing: number[];
  special: { day: number; effect: number | undefined }[];
  seed: number;
}

const cases = fc.record({
  method: fc.constantFrom(...methodNames),
  reasons: fc.integer({ min: 1, max: 3 }),
  days: fc.integer({ min: 8, max: 36 }),
  scales: fc.array(fc.constantFrom(...SCALES), { minLength: 3, maxLength: 3 }),
  growth: fc.double({ min: 0.9, max: 1.1, noNaN: true }),
  missing: fc.array(fc.integer({ min: 1, max: 34 }), { maxLength: 4 }),
  special: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 40 }),
      effect: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  seed: fc.integer({ min: 1, max: 2_147_483_646 }),
});

function historyOf(c: Case) {
  const names = ['a', 'b', 'c'].slice(0, c.reasons);
  let state = c.seed;
  const uniform = () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
  // A Poisson-like count by inversion (small means) or a rounded normal one (large means).
  const count = (mean: number) => {
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * (uniform() * 3.4 - 1.7)));
    let k = 0;
    let p = Math.exp(-mean);
    let cdf = p;
    const u = uniform();
    while (u > cdf && k < 1000) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  };
  const records: HistoryRecord[] = [];
  let line = 2;
  for (let d = 0; d < c.days; d++) {
    // The first and last days stay, so that the history spans `days` days.
    if (d > 0 && d < c.days - 1 && c.missing.includes(d)) continue;
    for (let s = 0; s < SLOTS; s++) {
      names.forEach((reason, r) => {
        const shape = s < 3 || d % 7 === 6 ? 0.05 : 1 + (s % 4);
        const mean = c.scales[r]! * shape * c.growth ** d;
        records.push({
          at: { wallMs: (MONDAY_2024_01_01 + d) * 86_400_000 + s * 7_200_000 },
          reason,
          calls: count(mean),
          line: line++,
        });
      });
    }
  }
  const history = buildCallHistory(records, {
    shape: 'counts',
    intervalMinutes: 120,
    timeZone: 'UTC',
    hasReasons: c.reasons > 1,
  });
  const specialDays: SpecialDay[] = c.special.map(({ day, effect }, i) => ({
    date: isoDateOfDay(MONDAY_2024_01_01 + day),
    label: `event ${i % 2}`,
    ...(effect === undefined ? {} : { effect }),
  }));
  return { history, specialDays };
}

const ordered = (lower: number, point: number, upper: number) =>
  Number.isFinite(lower) &&
  Number.isFinite(point) &&
  Number.isFinite(upper) &&
  Number.isInteger(lower) &&
  Number.isInteger(upper) &&
  lower >= 0 &&
  lower <= point &&
  point <= upper;

describe('every forecast lies inside its own interval (issue 15, fast-check)', () => {
  it('forecastGrid: 0 ≤ lower ≤ mean ≤ upper, finite, whole bounds, per reason and total', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { history, specialDays } = historyOf(c);
        const grid = forecastGrid(history, c.method, 5, { level: 0.8, specialDays });
        grid.means.forEach((mean, r) => {
          mean.forEach((m, i) => {
            if (!ordered(grid.lower[r]![i]!, m, grid.upper[r]![i]!)) {
              expect.fail(
                `reason ${r} cell ${i}: ${grid.lower[r]![i]} ≤ ${m} ≤ ${grid.upper[r]![i]}`,
              );
            }
          });
        });
        grid.total.mean.forEach((m, i) => {
          if (!ordered(grid.total.lower[i]!, m, grid.total.upper[i]!)) {
            expect.fail(`total cell ${i}: ${grid.total.lower[i]} ≤ ${m} ≤ ${grid.total.upper[i]}`);
          }
        });
      }),
      { numRuns: 150, seed: 15 },
    );
  });

  it('forecastCalls rows: 0 ≤ lower ≤ forecast ≤ upper as written (3 decimals, all = sum)', () => {
    fc.assert(
      fc.property(cases, fc.constantFrom(0.5, 0.8, 0.95), (c, level) => {
        const { history, specialDays } = historyOf(c);
        const forecast = forecastCalls(history, {
          horizonDays: 4,
          method: c.method,
          level,
          specialDays,
        });
        for (const row of forecast.rows) {
          if (!ordered(row.lower, row.forecast, row.upper)) expect.fail(JSON.stringify(row));
        }
      }),
      { numRuns: 100, seed: 1515 },
    );
  });

  it('the smallest case: a mean of 0.003 calls gets [0, 1], not [0, 0]', () => {
    // Poisson(0.003): P(0) = e^−0.003 = 0.997 ≥ 0.9, so both the 10 % and 90 % quantiles are 0.
    const records: HistoryRecord[] = [];
    for (let d = 0; d < 28; d++) {
      records.push({
        at: { wallMs: (MONDAY_2024_01_01 + d) * 86_400_000 },
        reason: 'all',
        calls: d === 20 ? 1 : 0,
        line: d + 2,
      });
    }
    const history = buildCallHistory(records, {
      shape: 'counts',
      intervalMinutes: 1440,
      timeZone: 'UTC',
      hasReasons: false,
    });
    const grid = forecastGrid(history, 'weekday-mean', 7, { level: 0.8 });
    // The mean of the last four Sundays (day 20 is one of them): 0.25 on Sundays, 0 elsewhere.
    const sunday = 6;
    expect(grid.means[0]![sunday]).toBeCloseTo(0.25, 12);
    expect(grid.lower[0]![sunday]).toBe(0);
    expect(grid.upper[0]![sunday]).toBe(1);
    expect(grid.upper[0]![0]).toBe(0); // a mean of exactly 0 keeps [0, 0]
  });
});
