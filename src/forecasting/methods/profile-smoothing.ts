import { weekdayOfDay } from '../../calendar/weekdays.js';
import { forecastDailyTotals } from './daily-holt-winters.js';
import { tunedProfiles } from './tuned-profiles.js';
import { type ForecastMethod, totalSeries, tuningOrigins } from './series-grid.js';
import { tunedShares } from './tuned-shares.js';

/** Same weekdays averaged in the daily level's robust half. */
const LEVEL_WEEKS = 4;

/**
 * Weekly × intraday profile with level and trend, top-down, self-tuned. Daily totals of all
 * reasons are a weighted mean of damped Holt-Winters with weekly factors, the mean of the last
 * four same weekdays and the median of the last five; each day is spread over its intervals by
 * the weekday's intraday profile ({@link tunedProfiles}: decay, pooling across weekdays,
 * smoothing across intervals), then over reasons by their shrunk shares of that weekday and
 * interval ({@link tunedShares}), so sparse reasons get stable, non-negative shares and the
 * reasons add up to the total exactly. Every setting is chosen by rolling origin over the last
 * four weeks of the grid given, so a backtest fold never tunes on the week it is scored on.
 * Reference: the top-down "forecast proportions" approach, Hyndman & Athanasopoulos, *FPP3*
 * §11.2; intraday profiles × daily totals, Gans, Koole & Mandelbaum (2003) §4.1; forecast
 * combination, Bates & Granger (1969). Cost: O(days × intervals × reasons × candidates); a
 * year of half-hours × 10 reasons in about 0.1 s (benchmarks/README.md).
 */
export const profileSmoothing: ForecastMethod = {
  name: 'profile-smoothing',
  describe: 'daily totals by damped Holt-Winters × weekday intraday profile × reason shares',
  forecast: (grid, horizonDays) => {
    const { dayCount, slotsPerDay, firstDay } = grid;
    const total = totalSeries(grid);
    const dailyTotals = new Float64Array(dayCount);
    for (let d = 0; d < dayCount; d++) {
      let sum = 0;
      for (let s = 0; s < slotsPerDay; s++) sum += total[d * slotsPerDay + s]!;
      // A day with an unknown interval is not a whole day: leave it out of the daily model.
      dailyTotals[d] = sum;
    }
    const days = forecastDays(dailyTotals, weekdayOfDay(firstDay), horizonDays);
    const { profiles } = tunedProfiles(total, firstDay, dayCount, slotsPerDay);
    const { shares } = tunedShares(grid, total);
    const out = grid.series.map(() => new Float64Array(horizonDays * slotsPerDay));
    for (let h = 0; h < horizonDays; h++) {
      const w = weekdayOfDay(firstDay + dayCount + h);
      const profile = profiles[w]!;
      const share = shares[w]!;
      for (let s = 0; s < slotsPerDay; s++) {
        const cellTotal = days[h]! * profile[s]!;
        for (let r = 0; r < out.length; r++) {
          out[r]![h * slotsPerDay + s] = cellTotal * share[r * slotsPerDay + s]!;
        }
      }
    }
    return out;
  },
};

/** Mean of the last {@link LEVEL_WEEKS} known same weekdays before `day` (0 when none). */
function sameWeekdayMean(dailyTotals: Float64Array, day: number): number {
  let sum = 0;
  let n = 0;
  const lastSeen = day - 7 * Math.ceil((day - dailyTotals.length + 1) / 7);
  for (let d = lastSeen; d >= 0 && n < LEVEL_WEEKS; d -= 7) {
    if (Number.isNaN(dailyTotals[d]!)) continue;
    sum += dailyTotals[d]!;
    n++;
  }
  return n > 0 ? sum / n : 0;
}

/** Median of the last {@link MEDIAN_WEEKS} known same weekdays before `day` (0 when none). */
function sameWeekdayMedian(dailyTotals: Float64Array, day: number): number {
  const values: number[] = [];
  const lastSeen = day - 7 * Math.ceil((day - dailyTotals.length + 1) / 7);
  for (let d = lastSeen; d >= 0 && values.length < MEDIAN_WEEKS; d -= 7) {
    if (!Number.isNaN(dailyTotals[d]!)) values.push(dailyTotals[d]!);
  }
  if (values.length === 0) return 0;
  values.sort((x, y) => x - y);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** Same weekdays behind the median, the daily level's outlier-proof part. */
const MEDIAN_WEEKS = 5;
/**
 * Candidate weights of (damped Holt-Winters, mean of 4 same weekdays, median of 5 same weekdays)
 * in the daily forecast, on a 0.25 grid; the equal Holt-Winters / mean mix first (ties, short
 * histories).
 */
const DAILY_WEIGHTS: readonly (readonly [number, number, number])[] = [
  [0.5, 0.5, 0],
  ...[0, 1, 2, 3, 4].flatMap((a) =>
    [0, 1, 2, 3, 4]
      .filter((b) => a + b <= 4 && !(a === 2 && b === 2))
      .map((b) => [a / 4, b / 4, (4 - a - b) / 4] as const),
  ),
];
/** Weekly origins on which the daily weights are scored. */
const LEVEL_TUNING_WEEKS = 4;

/**
 * Daily totals for the `horizonDays` days after `dailyTotals`: a weighted mean of damped
 * Holt-Winters, the mean of the last four same weekdays and the median of the last five, the
 * weights chosen by rolling origin over the last {@link LEVEL_TUNING_WEEKS} weeks (all three
 * refitted before each origin, absolute daily errors summed).
 */
function forecastDays(
  dailyTotals: Float64Array,
  firstWeekday: number,
  horizonDays: number,
): Float64Array {
  const dayCount = dailyTotals.length;
  const errors = DAILY_WEIGHTS.map(() => 0);
  for (const origin of tuningOrigins(dayCount, LEVEL_TUNING_WEEKS, 14)) {
    const past = dailyTotals.subarray(0, origin);
    const smoothed = forecastDailyTotals(past, firstWeekday, 7);
    for (let h = 0; h < 7; h++) {
      const actual = dailyTotals[origin + h]!;
      if (Number.isNaN(actual)) continue;
      const mean = sameWeekdayMean(past, origin + h);
      const median = sameWeekdayMedian(past, origin + h);
      DAILY_WEIGHTS.forEach(([a, b, c], i) => {
        errors[i]! += Math.abs(actual - (a * smoothed[h]! + b * mean + c * median));
      });
    }
  }
  let best = 0;
  errors.forEach((e, i) => {
    if (e < errors[best]! * (1 - 1e-9)) best = i;
  });
  const [a, b, c] = DAILY_WEIGHTS[best]!;
  const smoothed = forecastDailyTotals(dailyTotals, firstWeekday, horizonDays);
  return smoothed.map(
    (value, h) =>
      a * value +
      b * sameWeekdayMean(dailyTotals, dayCount + h) +
      c * sameWeekdayMedian(dailyTotals, dayCount + h),
  );
}
