import { weekdayOfDay } from '../../calendar/weekdays.js';

/**
 * What every forecasting method sees: one series per reason on the local-clock grid (days ×
 * intervals of the day, row-major, `NaN` = unknown), and the local day number of row 0 (for
 * weekdays). Special days are already masked to `NaN`.
 */
export interface SeriesGrid {
  series: readonly Float64Array[];
  firstDay: number;
  dayCount: number;
  slotsPerDay: number;
}

/**
 * A forecasting method: from a grid, the expected calls per reason for the `horizonDays` days
 * that follow it (`horizonDays × slotsPerDay` cells each, never negative).
 */
export interface ForecastMethod {
  name: string;
  /** One line for `--help` and the JSON output. */
  describe: string;
  forecast(grid: SeriesGrid, horizonDays: number): Float64Array[];
}

/** Sum of the reasons' series cell by cell (`NaN` when any is unknown). */
export function totalSeries(grid: SeriesGrid): Float64Array {
  const total = new Float64Array(grid.dayCount * grid.slotsPerDay);
  for (const series of grid.series) for (let i = 0; i < total.length; i++) total[i]! += series[i]!;
  return total;
}

/** Per day of a `dayCount × slotsPerDay` series: true when none of its intervals is unknown. */
export function wholeDays(total: Float64Array, dayCount: number, slotsPerDay: number): boolean[] {
  const whole: boolean[] = [];
  for (let d = 0; d < dayCount; d++) {
    let ok = true;
    for (let s = 0; s < slotsPerDay && ok; s++)
      if (Number.isNaN(total[d * slotsPerDay + s]!)) ok = false;
    whole.push(ok);
  }
  return whole;
}

/**
 * The weeks a method tunes its settings on, by rolling origin: the first rows of the last
 * `weeks` weeks of a `dayCount`-day history, oldest first, keeping only those with at least
 * `minHistory` days before them to fit on.
 */
export function tuningOrigins(dayCount: number, weeks: number, minHistory: number): number[] {
  const origins: number[] = [];
  for (let k = weeks; k >= 1; k--) {
    const origin = dayCount - 7 * k;
    if (origin >= minHistory) origins.push(origin);
  }
  return origins;
}

/** A day a weekday-pattern method learns from, and its weight. */
export interface WeightedDay {
  /** Row of the grid. */
  day: number;
  /** Sunday = 0 (see calendar/weekdays.ts). */
  weekday: number;
  weight: number;
}

/**
 * The days a weekday-pattern method learns from, most recent first: of each weekday, the last
 * `weeks` whole days before row `end`, weighted `decay`, `decay²`, … from the most recent back
 * (exponential forgetting, per weekday). Cost: O(end).
 */
export function recentWholeWeekdays(
  firstDay: number,
  end: number,
  whole: readonly boolean[],
  weeks: number,
  decay: number,
): WeightedDay[] {
  const days: WeightedDay[] = [];
  const seen = new Array<number>(7).fill(0);
  const weight = new Array<number>(7).fill(1);
  for (let d = end - 1; d >= 0; d--) {
    const w = weekdayOfDay(firstDay + d);
    if (seen[w]! >= weeks || !whole[d]) continue;
    seen[w]!++;
    weight[w]! *= decay;
    days.push({ day: d, weekday: w, weight: weight[w]! });
  }
  return days;
}

const forecastCache = new WeakMap<SeriesGrid, Map<string, Float64Array[]>>();

/**
 * `method.forecast(grid, horizonDays)`, remembered per grid object, so that a combination and
 * a backtest comparing it with its parts fit each part once. Returns fresh copies (callers may
 * scale them). Grids must not be mutated after a forecast.
 */
export function cachedForecast(
  method: ForecastMethod,
  grid: SeriesGrid,
  horizonDays: number,
): Float64Array[] {
  let byMethod = forecastCache.get(grid);
  if (!byMethod) {
    byMethod = new Map();
    forecastCache.set(grid, byMethod);
  }
  const key = `${method.name}|${horizonDays}`;
  let means = byMethod.get(key);
  if (!means) {
    means = method.forecast(grid, horizonDays);
    byMethod.set(key, means);
  }
  return means.map((m) => m.slice());
}
