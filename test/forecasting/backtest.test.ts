import { describe, expect, it } from 'vitest';
import { backtest } from '../../src/forecasting/index.js';
import { constructedHistory, MONDAY_2024_01_01 } from './helpers.js';

describe('backtest on a series whose errors are known', () => {
  // Weeks of 10, 12, 10, 12 calls in every hour, then a week of 10 (the scored fold).
  const week = (d: number) => [10, 12, 10, 12, 10][Math.floor(d / 7)]!;
  const history = constructedHistory(MONDAY_2024_01_01, 35, 60, ['all'], (_r, d) => week(d));
  const report = backtest(history, {
    folds: 1,
    horizonDays: 7,
    methods: ['seasonal-naive', 'weekday-mean'],
    minTrainingDays: 28,
  });
  const score = (method: string) => report.scores.find((s) => s.method === method)!;

  it('seasonal naive forecasts 12 for 10: WAPE 2/10, MASE 2 / in-sample 2 = 1', () => {
    expect(score('seasonal-naive').wape).toBeCloseTo(0.2, 12);
    expect(score('seasonal-naive').mase).toBeCloseTo(1, 12);
    expect(score('seasonal-naive').intervals).toBe(7 * 24);
    expect(score('seasonal-naive').calls).toBe(7 * 24 * 10);
  });

  it('the four-week mean forecasts 11: WAPE 0.1, MASE 0.5, and is marked best', () => {
    expect(score('weekday-mean').wape).toBeCloseTo(0.1, 12);
    expect(score('weekday-mean').mase).toBeCloseTo(0.5, 12);
    expect(score('weekday-mean').best).toBe(true);
    expect(score('seasonal-naive').best).toBe(false);
    expect(report.best).toBe('weekday-mean');
    expect(report.origins).toEqual(['2024-01-29']);
  });

  it('coverage counts actuals inside the bounds', () => {
    // Holdout errors of ±2 on means of 10–12 are within Poisson noise: Poisson(12) 80 % bounds
    // are [8, 16] (R: qpois(c(.1,.9), 12)), which contain 10: full coverage.
    expect(score('seasonal-naive').coverage).toBe(1);
    // 10 lies strictly inside [8, 16]: no bound share to count, so the fair coverage is 1 too.
    expect(score('seasonal-naive').fairCoverage).toBe(1);
  });

  it('refuses folds that leave too little history to fit', () => {
    expect(() => backtest(history, { folds: 4, horizonDays: 7 })).toThrow(/fewer folds/);
    expect(() => backtest(history, { folds: 22, horizonDays: 7, stepDays: 1 })).toThrow(
      /shorter --step/,
    );
    expect(() => backtest(history, { folds: 2, horizonDays: 7, stepDays: 0 })).toThrow(/--step/);
  });
});

describe('overlapping folds (origins one day apart) on a series whose errors are known', () => {
  // Same weeks as above. From day 27 (a Sunday of the week of 12) the weekly naive forecast
  // repeats days 20–26: 10 then 12 × 6; actuals are 12 then 10 × 6. From day 28 it repeats days
  // 21–27 (12) for actuals of 10. Every hour is off by 2 in both folds.
  const week = (d: number) => [10, 12, 10, 12, 10][Math.floor(d / 7)]!;
  const history = constructedHistory(MONDAY_2024_01_01, 35, 60, ['all'], (_r, d) => week(d));
  const report = backtest(history, {
    folds: 2,
    horizonDays: 7,
    stepDays: 1,
    methods: ['seasonal-naive'],
    minTrainingDays: 27,
  });
  const score = report.scores[0]!;

  it('scores both folds: errors 2 × 24 × 7 × 2 over 12 × 24 + 10 × 24 × 13 calls', () => {
    expect(report.origins).toEqual(['2024-01-28', '2024-01-29']);
    expect(report.stepDays).toBe(1);
    expect(score.absoluteError).toBe(2 * 24 * 7 * 2);
    expect(score.calls).toBe(12 * 24 + 10 * 24 * 13);
    expect(score.wape).toBeCloseTo(672 / 3408, 12);
    expect(score.intervals).toBe(2 * 7 * 24);
  });
});
