import { inputError } from '../errors.js';
import type { CallHistory } from './call-history.js';
import { countInclusion } from './count-intervals.js';
import { BUSY_MEAN, countSize } from './fit-count-dispersion.js';
import { forecastGrid } from './forecast-grid.js';
import { isoDateOfDay } from '../calendar/days.js';
import { methodNames } from './methods/index.js';
import type { SpecialDay } from './special-days.js';

/** Options of {@link backtest}. */
export interface BacktestOptions {
  /** Rolling origins, each `stepDays` apart; the last fold ends with the last day of history. */
  folds: number;
  horizonDays: number;
  /**
   * Days between origins (default `horizonDays`: folds side by side). A shorter step gives
   * overlapping folds, more origins from a short history (each day then scored up to
   * `horizonDays / stepDays` times, at different horizons).
   */
  stepDays?: number;
  /** Methods to compare; default all. */
  methods?: readonly string[];
  /** Prediction interval level, 0.8 for 80 %. */
  level?: number;
  specialDays?: readonly SpecialDay[];
  /** Fewest days of history before the first origin (default 14). */
  minTrainingDays?: number;
}

/** Scores of one method on one reason (or `all`) over every fold. */
export interface BacktestScore {
  method: string;
  reason: string;
  /** Σ|actual − forecast| / Σ actual over known intervals (NaN when no calls). */
  wape: number;
  /** Mean over folds of MAE / in-sample MAE of the weekly seasonal naive one-step forecast. */
  mase: number;
  /** Share of known actuals inside [lower, upper], over intervals expecting or getting calls. */
  coverage: number;
  /** Intervals scored for coverage (known, and not closed: forecast or actual > 0), and calls. */
  intervals: number;
  calls: number;
  /** Σ|actual − forecast|, the numerator of WAPE (defined even when no call came). */
  absoluteError: number;
  /** Actuals inside the bounds, among `intervals`. */
  inside: number;
  /**
   * Coverage with each actual on a bound counted only for the part of the bound inside the
   * central interval ({@link countInclusion}): equals the level for a calibrated count forecast,
   * where `coverage` over-covers small counts. NaN when nothing was scored.
   */
  fairCoverage: number;
  /** Σ of the inclusions behind `fairCoverage`, among `intervals`. */
  fairInside: number;
  /**
   * Share of known actuals inside the bounds over the busy intervals, those expecting at least
   * {@link BUSY_MEAN} (10) calls, where a planner staffs to the bounds (the share the
   * intervals are sized to hold, `fitCountDispersion`). NaN when no interval was that busy.
   */
  busyCoverage: number;
  /** Intervals expecting at least 10 calls, and the actuals inside the bounds among them. */
  busyIntervals: number;
  busyInside: number;
  /** True for the lowest WAPE of this reason. */
  best: boolean;
}

/** The result of {@link backtest}. */
export interface BacktestReport {
  folds: number;
  horizonDays: number;
  stepDays: number;
  level: number;
  /** First forecast day of each fold, oldest first. */
  origins: string[];
  scores: BacktestScore[];
  /** Method with the lowest WAPE over all reasons' intervals pooled. */
  best: string;
}

/** `days` first days of a history, sharing its arrays. */
export function truncateHistory(history: CallHistory, days: number): CallHistory {
  const cells = days * history.slotsPerDay;
  return {
    ...history,
    dayCount: days,
    counts: history.counts.map((c) => c.subarray(0, cells)),
    multiplicity: history.multiplicity.subarray(0, cells),
  };
}

interface Tally {
  busyIntervals: number;
  busyInside: number;
  absError: number;
  calls: number;
  inside: number;
  fairInside: number;
  intervals: number;
  maseSum: number;
  maseFolds: number;
}

/**
 * Rolling-origin backtest: for each of `folds` origins, `stepDays` apart (default
 * `horizonDays`), the last fold ending at the end of the history, refit every method on the history before the origin, forecast
 * `horizonDays`, and score per reason and for the total: WAPE, MASE against the weekly seasonal
 * naive (scaled by its in-sample one-step error, Hyndman & Koehler 2006, IJF 22(4)) and the
 * empirical coverage of the `level` prediction interval. Unknown actuals are not scored.
 * Reference: Tashman (2000), "Out-of-sample tests of forecasting accuracy", IJF 16(4).
 * Cost: folds × methods × 3 fits.
 */
export function backtest(history: CallHistory, options: BacktestOptions): BacktestReport {
  const { folds, horizonDays } = options;
  const level = options.level ?? 0.8;
  const methods = options.methods ?? methodNames;
  const minTraining = options.minTrainingDays ?? 14;
  const specialDays = options.specialDays ?? [];
  const stepDays = options.stepDays ?? horizonDays;
  if (!Number.isInteger(folds) || folds < 1)
    throw inputError('--folds', 'a whole number ≥ 1', folds);
  if (!Number.isInteger(stepDays) || stepDays < 1)
    throw inputError('--step', 'whole days ≥ 1 (1d, 7d)', `${stepDays} days`, { raw: true });
  const trainDaysOf = (fold: number) => history.dayCount - horizonDays - (fold - 1) * stepDays;
  if (trainDaysOf(folds) < minTraining) {
    throw inputError(
      '--folds',
      `folds, step and horizon leaving at least ${minTraining} days of history to fit`,
      `${folds} folds ${stepDays} days apart with a ${horizonDays}-day horizon on a ` +
        `${history.dayCount}-day history (${trainDaysOf(folds)} days before the first origin)`,
      { raw: true, hint: 'use fewer folds, a shorter --step or a shorter --horizon' },
    );
  }
  const { slotsPerDay } = history;
  const labels = [...history.reasons, ...(history.reasons.length > 1 ? ['all'] : [])];
  const tallies = new Map<string, Tally>();
  const tally = (method: string, reason: string) => {
    const key = `${method}\u0000${reason}`;
    let t = tallies.get(key);
    if (!t) {
      t = {
        busyIntervals: 0,
        busyInside: 0,
        absError: 0,
        calls: 0,
        inside: 0,
        fairInside: 0,
        intervals: 0,
        maseSum: 0,
        maseFolds: 0,
      };
      tallies.set(key, t);
    }
    return t;
  };
  const totalActual = sumSeries(history.counts);
  const actuals = history.reasons.length > 1 ? [...history.counts, totalActual] : history.counts;
  const origins: string[] = [];
  for (let fold = folds; fold >= 1; fold--) {
    const trainDays = trainDaysOf(fold);
    origins.push(isoDateOfDay(history.firstDay + trainDays));
    const train = truncateHistory(history, trainDays);
    const scales = actuals.map((series) =>
      naiveScale(series, trainDays * slotsPerDay, 7 * slotsPerDay),
    );
    for (const method of methods) {
      const forecast = forecastGrid(train, method, horizonDays, {
        level,
        specialDays,
      });
      const rows =
        history.reasons.length > 1
          ? [
              ...forecast.means.map((m, r) => ({
                m,
                lo: forecast.lower[r]!,
                hi: forecast.upper[r]!,
                dispersion: forecast.dispersion[r]!,
              })),
              {
                m: forecast.total.mean,
                lo: forecast.total.lower,
                hi: forecast.total.upper,
                dispersion: forecast.totalDispersion,
              },
            ]
          : forecast.means.map((m, r) => ({
              m,
              lo: forecast.lower[r]!,
              hi: forecast.upper[r]!,
              dispersion: forecast.dispersion[r]!,
            }));
      rows.forEach(({ m, lo, hi, dispersion }, r) => {
        const t = tally(method, labels[r]!);
        const actual = actuals[r]!;
        const offset = trainDays * slotsPerDay;
        let foldError = 0;
        let foldN = 0;
        for (let i = 0; i < horizonDays * slotsPerDay; i++) {
          const y = actual[offset + i]!;
          if (Number.isNaN(y) || history.multiplicity[offset + i] === 0) continue;
          const error = Math.abs(y - m[i]!);
          t.absError += error;
          t.calls += y;
          // Closed intervals (nothing expected, nothing came) would pad the coverage.
          if (y > 0 || m[i]! > 0) {
            t.intervals++;
            const inside = y >= lo[i]! && y <= hi[i]!;
            if (inside) t.inside++;
            if (m[i]! >= BUSY_MEAN) {
              t.busyIntervals++;
              if (inside) t.busyInside++;
            }
            t.fairInside += countInclusion(
              y,
              lo[i]!,
              hi[i]!,
              m[i]!,
              countSize(m[i]!, dispersion),
              level,
            );
          }
          foldError += error;
          foldN++;
        }
        if (foldN > 0 && scales[r]! > 0) {
          t.maseSum += foldError / foldN / scales[r]!;
          t.maseFolds++;
        }
      });
    }
  }
  const scores: BacktestScore[] = [];
  for (const reason of labels) {
    const group = methods.map((method) => {
      const t = tally(method, reason);
      return {
        method,
        reason,
        wape: t.calls > 0 ? t.absError / t.calls : Number.NaN,
        mase: t.maseFolds > 0 ? t.maseSum / t.maseFolds : Number.NaN,
        coverage: t.intervals > 0 ? t.inside / t.intervals : Number.NaN,
        fairCoverage: t.intervals > 0 ? t.fairInside / t.intervals : Number.NaN,
        fairInside: t.fairInside,
        busyCoverage: t.busyIntervals > 0 ? t.busyInside / t.busyIntervals : Number.NaN,
        busyIntervals: t.busyIntervals,
        busyInside: t.busyInside,
        intervals: t.intervals,
        calls: t.calls,
        absoluteError: t.absError,
        inside: t.inside,
        best: false,
      };
    });
    const bestOf = lowest(group.map((s) => (Number.isNaN(s.wape) ? s.mase : s.wape)));
    if (bestOf >= 0) group[bestOf]!.best = true;
    scores.push(...group);
  }
  const pooled = methods.map((method) => {
    let error = 0;
    let calls = 0;
    for (const reason of history.reasons) {
      const t = tally(method, reason);
      error += t.absError;
      calls += t.calls;
    }
    return calls > 0 ? error / calls : error;
  });
  return {
    folds,
    horizonDays,
    stepDays,
    level,
    origins,
    scores,
    best: methods[Math.max(0, lowest(pooled))]!,
  };
}

function lowest(values: readonly number[]): number {
  let best = -1;
  values.forEach((v, i) => {
    if (!Number.isNaN(v) && (best < 0 || v < values[best]!)) best = i;
  });
  return best;
}

function sumSeries(series: readonly Float64Array[]): Float64Array {
  const total = new Float64Array(series[0]?.length ?? 0);
  for (const s of series) for (let i = 0; i < total.length; i++) total[i]! += s[i]!;
  return total;
}

/** In-sample mean |y_t − y_{t−period}| over the first `end` cells, known pairs only. */
function naiveScale(series: Float64Array, end: number, period: number): number {
  let sum = 0;
  let n = 0;
  for (let t = period; t < end; t++) {
    const a = series[t]!;
    const b = series[t - period]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sum += Math.abs(a - b);
    n++;
  }
  return n > 0 ? sum / n : 0;
}
