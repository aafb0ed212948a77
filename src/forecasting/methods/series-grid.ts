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
