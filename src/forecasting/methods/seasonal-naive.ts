import type { ForecastMethod, SeriesGrid } from './series-grid.js';

/**
 * Weekly seasonal naive: each interval gets the calls of the same interval on the last same
 * weekday that was observed (skipping unknown days). The yardstick of MASE.
 * Reference: Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), §5.2.
 * Cost: O(horizon × intervals × reasons × weeks skipped).
 */
export const seasonalNaive: ForecastMethod = {
  name: 'seasonal-naive',
  describe: 'same interval, last same weekday',
  forecast: (grid, horizonDays) =>
    grid.series.map((s) => lastSameWeekdays(grid, s, horizonDays, 1)),
};

/**
 * The planner's spreadsheet: mean of the same interval on the last four observed same weekdays.
 * The baseline the issue asks to beat. Cost as {@link seasonalNaive}.
 */
export const weekdayMean: ForecastMethod = {
  name: 'weekday-mean',
  describe: "planner's spreadsheet: mean of the same interval on the last 4 same weekdays",
  forecast: (grid, horizonDays) =>
    grid.series.map((s) => lastSameWeekdays(grid, s, horizonDays, 4)),
};

function lastSameWeekdays(
  grid: SeriesGrid,
  series: Float64Array,
  horizonDays: number,
  weeks: number,
): Float64Array {
  const { dayCount, slotsPerDay } = grid;
  const out = new Float64Array(horizonDays * slotsPerDay);
  for (let h = 0; h < horizonDays; h++) {
    const target = dayCount + h;
    const first = target - 7 * Math.ceil((target - dayCount + 1) / 7);
    for (let s = 0; s < slotsPerDay; s++) {
      let sum = 0;
      let n = 0;
      for (let d = first; d >= 0 && n < weeks; d -= 7) {
        const value = series[d * slotsPerDay + s]!;
        if (Number.isNaN(value)) continue;
        sum += value;
        n++;
      }
      out[h * slotsPerDay + s] = n > 0 ? sum / n : 0;
    }
  }
  return out;
}
