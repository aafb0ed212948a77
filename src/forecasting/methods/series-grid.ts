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
