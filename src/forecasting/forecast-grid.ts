import type { CallHistory } from './call-history.js';
import { countBounds } from './count-intervals.js';
import { countSize, fitCountDispersion } from './fit-count-dispersion.js';
import { forecastMethods } from './methods/index.js';
import { cachedForecast, type ForecastMethod, type SeriesGrid } from './methods/series-grid.js';
import {
  adjustForSpecialDays,
  dayEffect,
  type SpecialDayAdjustment,
} from './special-day-effects.js';
import type { SpecialDay } from './special-days.js';

const NO_SPECIAL_DAYS: readonly SpecialDay[] = [];

/** Days held out (per fold, two folds) to size the prediction intervals. */
const CALIBRATION_DAYS = 7;
/** Fewest days a calibration fit may learn from. */
const MIN_CALIBRATION_TRAINING_DAYS = 10;

/** A forecast on the local-clock grid: per reason and for the total, mean and bounds per cell. */
export interface GridForecast {
  method: string;
  horizonDays: number;
  slotsPerDay: number;
  /** Local day number of the first forecast day. */
  firstDay: number;
  means: Float64Array[];
  lower: Float64Array[];
  upper: Float64Array[];
  total: { mean: Float64Array; lower: Float64Array; upper: Float64Array };
  /**
   * NB1 dispersion per reason and for the total: a cell with mean μ has variance μ(1 + d),
   * size {@link countSize}(μ, d); 0 = Poisson.
   */
  dispersion: number[];
  totalDispersion: number;
  effects: Map<string, number>;
  warnings: string[];
}

/** Options of {@link forecastGrid}. */
export interface ForecastGridOptions {
  level: number;
  specialDays?: readonly SpecialDay[];
}

/** The method called `name`; a programmer error (RangeError) when there is none. */
export function methodByName(name: string): ForecastMethod {
  const method = forecastMethods.find((m) => m.name === name);
  if (!method) throw new RangeError(`methodByName: unknown method "${name}"`);
  return method;
}

const truncated = new WeakMap<SeriesGrid, Map<number, SeriesGrid>>();
const adjusted = new WeakMap<
  CallHistory,
  { specialDays: readonly SpecialDay[]; adjustment: SpecialDayAdjustment }
>();

/**
 * The first `days` days of a grid, as views (no copy); the same object for the same request,
 * so that forecasts on it are fitted once (see `cachedForecast`).
 */
export function truncateGrid(grid: SeriesGrid, days: number): SeriesGrid {
  let byDays = truncated.get(grid);
  if (!byDays) {
    byDays = new Map();
    truncated.set(grid, byDays);
  }
  let view = byDays.get(days);
  if (!view) {
    view = sliceGrid(grid, days);
    byDays.set(days, view);
  }
  return view;
}

/** {@link adjustForSpecialDays}, once per history and list of special days. */
function adjustOnce(
  history: CallHistory,
  specialDays: readonly SpecialDay[],
): SpecialDayAdjustment {
  const known = adjusted.get(history);
  if (known && known.specialDays === specialDays) return known.adjustment;
  const adjustment = adjustForSpecialDays(history, specialDays);
  adjusted.set(history, { specialDays, adjustment });
  return adjustment;
}

function sliceGrid(grid: SeriesGrid, days: number): SeriesGrid {
  return {
    series: grid.series.map((s) => s.subarray(0, days * grid.slotsPerDay)),
    firstDay: grid.firstDay,
    dayCount: days,
    slotsPerDay: grid.slotsPerDay,
  };
}

/** Method means for the days after the grid, with special-day effects applied. */
function meansWithEffects(
  method: ForecastMethod,
  grid: SeriesGrid,
  adjustment: SpecialDayAdjustment,
  horizonDays: number,
): Float64Array[] {
  const means = cachedForecast(method, grid, horizonDays);
  for (let h = 0; h < horizonDays; h++) {
    const effect = dayEffect(adjustment, grid.firstDay + grid.dayCount + h);
    if (effect === 1) continue;
    for (const m of means) {
      for (let s = 0; s < grid.slotsPerDay; s++) m[h * grid.slotsPerDay + s]! *= effect;
    }
  }
  return means;
}

/**
 * Forecast the `horizonDays` days after the history with one method: special days masked and
 * their effects applied, then negative binomial (NB1) prediction intervals per reason and for
 * the total, sized by {@link fitCountDispersion} on the method's own errors over the last two
 * weeks of history (refitted without them; a shorter history holds out less, keeping 10 days
 * to fit), Poisson below 11 days.
 * Cost: 3 fits of the method.
 */
export function forecastGrid(
  history: CallHistory,
  methodName: string,
  horizonDays: number,
  options: ForecastGridOptions,
): GridForecast {
  const method = methodByName(methodName);
  const adjustment = adjustOnce(history, options.specialDays ?? NO_SPECIAL_DAYS);
  const { grid } = adjustment;
  const { slotsPerDay } = grid;
  const means = meansWithEffects(method, grid, adjustment, horizonDays);
  const actual: number[][] = grid.series.map(() => []);
  const predicted: number[][] = grid.series.map(() => []);
  for (let fold = 1; fold <= 2; fold++) {
    // A history too short for a whole held-out week holds out what it can spare (at least a
    // day), rather than falling back to Poisson bounds that ignore the model's own error.
    const heldOut =
      fold === 1
        ? Math.min(CALIBRATION_DAYS, grid.dayCount - MIN_CALIBRATION_TRAINING_DAYS)
        : CALIBRATION_DAYS;
    const trainDays = grid.dayCount - (fold - 1) * CALIBRATION_DAYS - heldOut;
    if (heldOut < 1 || trainDays < MIN_CALIBRATION_TRAINING_DAYS) break;
    const fit = meansWithEffects(method, truncateGrid(grid, trainDays), adjustment, heldOut);
    const offset = trainDays * slotsPerDay;
    grid.series.forEach((series, r) => {
      for (let i = 0; i < heldOut * slotsPerDay; i++) {
        actual[r]!.push(series[offset + i]!);
        predicted[r]!.push(fit[r]![i]!);
      }
    });
  }
  const dispersion = actual.map((a, r) => fitCountDispersion(a, predicted[r]!, options.level));
  const sumOver = (rows: number[][]) =>
    rows[0]?.map((_, i) => rows.reduce((t, row) => t + row[i]!, 0)) ?? [];
  const totalDispersion = fitCountDispersion(sumOver(actual), sumOver(predicted), options.level);
  const bounds = (mean: Float64Array, dispersion: number) => {
    const lower = new Float64Array(mean.length);
    const upper = new Float64Array(mean.length);
    for (let i = 0; i < mean.length; i++) {
      const cell = countBounds(mean[i]!, countSize(mean[i]!, dispersion), options.level);
      lower[i] = cell.lower;
      upper[i] = cell.upper;
    }
    return { lower, upper };
  };
  const totalMean = new Float64Array(horizonDays * slotsPerDay);
  for (const m of means) for (let i = 0; i < totalMean.length; i++) totalMean[i]! += m[i]!;
  const reasonBounds = means.map((m, r) => bounds(m, dispersion[r]!));
  return {
    method: method.name,
    horizonDays,
    slotsPerDay,
    firstDay: grid.firstDay + grid.dayCount,
    means,
    lower: reasonBounds.map((b) => b.lower),
    upper: reasonBounds.map((b) => b.upper),
    total: { mean: totalMean, ...bounds(totalMean, totalDispersion) },
    dispersion,
    totalDispersion,
    effects: adjustment.effects,
    warnings: adjustment.warnings,
  };
}
