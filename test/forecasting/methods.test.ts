import { describe, expect, it } from 'vitest';
import {
  countQuantile,
  forecastCalls,
  forecastMethods,
  parseHistoryCsv,
} from '../../src/forecasting/index.js';
import { constructedHistory, MONDAY_2024_01_01 } from './helpers.js';

// A pure weekly pattern: calls depend only on weekday and hour; reason B is always twice A.
const pattern = (day: number, slot: number) =>
  (day % 7 === 6 ? 0 : 3 + (day % 7)) * (slot >= 8 && slot < 18 ? 4 + (slot === 9 ? 6 : 0) : 0);

describe('known answers on a pure weekly pattern', () => {
  const history = constructedHistory(MONDAY_2024_01_01, 35, 60, ['A', 'B'], (reason, d, s) =>
    reason === 'A' ? pattern(d, s) : 2 * pattern(d, s),
  );
  // Theory: every method here reproduces a noiseless, exactly periodic series.
  for (const method of forecastMethods) {
    it(`${method.name} recovers it exactly`, () => {
      const means = method.forecast(
        {
          series: history.counts,
          firstDay: history.firstDay,
          dayCount: history.dayCount,
          slotsPerDay: 24,
        },
        14,
      );
      for (let h = 0; h < 14; h++) {
        for (let s = 0; s < 24; s++) {
          const expected = pattern(35 + h, s);
          expect(means[0]![h * 24 + s]).toBeCloseTo(expected, 6);
          expect(means[1]![h * 24 + s]).toBeCloseTo(2 * expected, 6);
        }
      }
    });
  }
});

describe('special days', () => {
  it('estimates a holiday effect from the history and applies it to a future holiday', () => {
    // Mondays 2024-01-15 and 2024-01-29 had half the calls; 2024-02-12 (day 42) is also one.
    const half = new Set([14, 28]);
    const history = constructedHistory(MONDAY_2024_01_01, 42, 60, ['all'], (_r, d, s) =>
      half.has(d) ? pattern(d, s) / 2 : pattern(d, s),
    );
    const specialDays = ['2024-01-15', '2024-01-29', '2024-02-12'].map((date) => ({
      date,
      label: 'holiday',
    }));
    const forecast = forecastCalls(history, {
      horizonDays: 7,
      method: 'profile-smoothing',
      specialDays,
    });
    expect(forecast.effects.holiday).toBeCloseTo(0.5, 9);
    const at = (iso: string) => forecast.rows.find((r) => r.intervalStart === iso)!.forecast;
    expect(at('2024-02-12T09:00:00+00:00')).toBeCloseTo(pattern(0, 9) / 2, 3);
    expect(at('2024-02-13T09:00:00+00:00')).toBeCloseTo(pattern(1, 9), 3);
  });

  it('applies an effect given in the special-days file to a day never seen before', () => {
    const history = constructedHistory(MONDAY_2024_01_01, 28, 60, ['all'], (_r, d, s) =>
      pattern(d, s),
    );
    const forecast = forecastCalls(history, {
      horizonDays: 7,
      method: 'seasonal-naive',
      specialDays: [{ date: '2024-01-30', label: 'works', effect: 1.5 }],
    });
    const tuesday = forecast.rows.find((r) => r.intervalStart === '2024-01-30T09:00:00+00:00')!;
    expect(tuesday.forecast).toBeCloseTo(1.5 * pattern(1, 9), 6);
  });
});

/** Per-call rows with a peak at 09:00 Paris clock time every day, written in UTC (`Z`). */
function parisPeakHistory(firstDate: string, days: number): string {
  const lines = ['timestamp'];
  const start = Date.parse(`${firstDate}T00:00:00Z`);
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    // EU rule: summer time from the last Sunday of March to the last Sunday of October.
    const summer = date >= '2024-03-31' && date < '2024-10-27';
    const offsetHours = summer ? 2 : 1;
    for (const [hour, calls] of [
      [8, 2],
      [9, 10],
      [10, 4],
      [15, 1],
    ] as const) {
      for (let c = 0; c < calls; c++) {
        const instant = Date.parse(`${date}T${String(hour).padStart(2, '0')}:0${c % 10}:00Z`);
        lines.push(new Date(instant - offsetHours * 3_600_000).toISOString());
      }
    }
  }
  return lines.join('\n');
}

describe('daylight saving time (Europe/Paris)', () => {
  it('a history across the spring change keeps the 09:00 local peak', () => {
    const history = parseHistoryCsv(parisPeakHistory('2024-03-11', 28), {
      timeZone: 'Europe/Paris',
      intervalMinutes: 60,
    });
    const forecast = forecastCalls(history, { horizonDays: 7, method: 'profile-smoothing' });
    const peaks = new Map<string, string>();
    for (const row of forecast.rows) {
      const day = row.intervalStart.slice(0, 10);
      const best = peaks.get(day);
      const bestValue = forecast.rows.find((r) => r.intervalStart === best)?.forecast ?? -1;
      if (row.forecast > bestValue) peaks.set(day, row.intervalStart);
    }
    expect([...peaks.values()].every((iso) => iso.slice(11, 16) === '09:00')).toBe(true);
    expect(forecast.rows[0]!.intervalStart).toBe('2024-04-08T00:00:00+02:00');
  });

  it('a forecast over the autumn change has 25 hourly rows that day, peak at 09:00+01:00', () => {
    const history = parseHistoryCsv(parisPeakHistory('2024-09-23', 28), {
      timeZone: 'Europe/Paris',
      intervalMinutes: 60,
    });
    const forecast = forecastCalls(history, { horizonDays: 7, method: 'double-seasonal-hw' });
    const sunday = forecast.rows.filter((r) => r.intervalStart.startsWith('2024-10-27'));
    expect(sunday).toHaveLength(25);
    expect(sunday.filter((r) => r.intervalStart.startsWith('2024-10-27T02:00'))).toHaveLength(2);
    const peak = sunday.reduce((a, b) => (b.forecast > a.forecast ? b : a));
    expect(peak.intervalStart).toBe('2024-10-27T09:00:00+01:00');
  });
});

describe('countQuantile', () => {
  // Reference: R 4.2.2 qpois(c(0.1, 0.9), …) and qnbinom(c(0.1, 0.9), size, mu = …).
  it.each([
    [2, Number.POSITIVE_INFINITY, 0, 4],
    [10, Number.POSITIVE_INFINITY, 6, 14],
    [5, 2, 1, 11],
    [0.3, 0.5, 0, 1],
    [250, Number.POSITIVE_INFINITY, 230, 270],
    [150, 20, 106, 197],
  ])('mean %d, size %d: [%d, %d] as R gives', (mean, size, lower, upper) => {
    expect(countQuantile(0.1, mean, size)).toBe(lower);
    expect(countQuantile(0.9, mean, size)).toBe(upper);
  });
});
