import { describe, expect, it } from 'vitest';
import { forecastGrid } from '../../src/forecasting/index.js';
import { countQuantile } from '../../src/forecasting/count-intervals.js';
import { constructedHistory, MONDAY_2024_01_01 } from './helpers.js';

// Calls whose daily level swings from one week to the next: days 3–6 run 30 % high and days
// 10–13 (the same weekdays a week later) 30 % low. The four-weekday mean cannot foresee the
// swing, so its held-out errors (12 calls an hour on a forecast of 26) far exceed Poisson noise
// (variance 26). Intervals sized on the method's own held-out errors must then be wider than
// Poisson's; a history too short to hold out a day with 10 days left to fit keeps Poisson
// bounds (there is nothing to measure the errors on).
const level = (d: number) => (d >= 3 && d <= 6 ? 1.3 : d >= 10 && d <= 13 ? 0.7 : 1);
const history = (days: number) =>
  constructedHistory(MONDAY_2024_01_01, days, 60, ['all'], (_r, d) => Math.round(20 * level(d)));

describe('prediction intervals of a short history', () => {
  it('14 days: sized on the last 4 days held out (10 left to fit), wider than Poisson', () => {
    const f = forecastGrid(history(14), 'weekday-mean', 7, { level: 0.8 });
    expect(f.dispersion[0]!).toBeGreaterThan(0);
    const mean = f.means[0]![0]!;
    expect(f.upper[0]![0]!).toBeGreaterThan(countQuantile(0.9, mean, Number.POSITIVE_INFINITY));
  });

  it('11 days: one day held out is enough to measure the errors', () => {
    const f = forecastGrid(history(11), 'weekday-mean', 7, { level: 0.8 });
    expect(f.dispersion[0]!).toBeGreaterThan(0);
  });

  it('10 days: nothing can be held out, the bounds are Poisson', () => {
    const f = forecastGrid(history(10), 'weekday-mean', 7, { level: 0.8 });
    expect(f.dispersion[0]).toBe(0);
  });
});
