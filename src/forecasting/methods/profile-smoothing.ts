import { weekdayOfDay } from '../local-time.js';
import { forecastDailyTotals } from './daily-holt-winters.js';
import { tunedProfiles } from './tuned-profiles.js';
import { type ForecastMethod, type SeriesGrid, totalSeries } from './series-grid.js';

/** Weeks of same weekdays behind the intraday profile and the reason shares (at most). */
export const PROFILE_WEEKS = 52;
/** Weight of each older week in the reason shares (0.8: mixes shift faster than profiles). */
const SHARE_DECAY = 0.8;
/** Pseudo-calls pulling a sparse reason's share towards its pooled share (empirical Bayes). */
const SHARE_PRIOR_CALLS = 30;
/** Same weekdays averaged in the daily level's robust half. */
const LEVEL_WEEKS = 4;

/**
 * Weekly × intraday profile with level and trend, top-down. Daily totals of all reasons are
 * forecast as the mean of two forecasts: damped Holt-Winters with weekly factors (level and
 * trend by exponential smoothing) and the mean of the last four same weekdays (robust to a
 * badly chosen smoothing constant; combining both beat either alone on the real series, see
 * benchmarks/README.md). Each day is spread over its intervals by the weekday's intraday
 * profile (observed same weekdays, weighted 0.9 per week back, so 5-minute profiles are not
 * noise), then
 * over reasons by their shares of that weekday and interval, shrunk towards the reason's share
 * of the interval on all days and overall, so sparse reasons get stable, non-negative shares
 * and the reasons add up to the total exactly.
 * Reference: the top-down "forecast proportions" approach, Hyndman & Athanasopoulos, *FPP3*
 * §11.2; intraday profiles × daily totals, Gans, Koole & Mandelbaum (2003) §4.1.
 * Cost: O(days × intervals × reasons).
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
    const smoothed = forecastDailyTotals(dailyTotals, weekdayOfDay(firstDay), horizonDays);
    const days = smoothed.map(
      (value, h) => (value + sameWeekdayMean(dailyTotals, dayCount + h)) / 2,
    );
    const { profiles } = tunedProfiles(total, firstDay, dayCount, slotsPerDay);
    const shares = reasonShares(grid, total);
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

/** Recent whole observed days of each weekday, newest first, at most `weeks` each. */
function recentDays(grid: SeriesGrid, total: Float64Array, weeks: number): number[][] {
  const { dayCount, slotsPerDay, firstDay } = grid;
  const byWeekday: number[][] = [[], [], [], [], [], [], []];
  for (let d = dayCount - 1; d >= 0; d--) {
    const list = byWeekday[weekdayOfDay(firstDay + d)]!;
    if (list.length >= weeks) continue;
    let whole = true;
    for (let s = 0; s < slotsPerDay && whole; s++) {
      if (Number.isNaN(total[d * slotsPerDay + s]!)) whole = false;
    }
    if (whole) list.push(d);
  }
  return byWeekday;
}

function reasonShares(grid: SeriesGrid, total: Float64Array): Float64Array[] {
  const { slotsPerDay, series } = grid;
  const reasons = series.length;
  const recent = recentDays(grid, total, PROFILE_WEEKS);
  const bySlot = new Float64Array(reasons * slotsPerDay);
  const slotTotals = new Float64Array(slotsPerDay);
  const perWeekday = recent.map((days) => {
    const calls = new Float64Array(reasons * slotsPerDay);
    let weight = 1;
    for (const d of days) {
      weight *= SHARE_DECAY;
      for (let r = 0; r < reasons; r++) {
        for (let s = 0; s < slotsPerDay; s++) {
          const value = weight * series[r]![d * slotsPerDay + s]!;
          calls[r * slotsPerDay + s]! += value;
          bySlot[r * slotsPerDay + s]! += value;
          slotTotals[s]! += value;
        }
      }
    }
    return calls;
  });
  const overall = new Float64Array(reasons);
  let grand = 0;
  for (let r = 0; r < reasons; r++) {
    for (let s = 0; s < slotsPerDay; s++) overall[r]! += bySlot[r * slotsPerDay + s]!;
    grand += overall[r]!;
  }
  for (let r = 0; r < reasons; r++) overall[r] = grand > 0 ? overall[r]! / grand : 1 / reasons;
  const pooled = new Float64Array(reasons * slotsPerDay);
  for (let r = 0; r < reasons; r++) {
    for (let s = 0; s < slotsPerDay; s++) {
      const i = r * slotsPerDay + s;
      pooled[i] =
        (bySlot[i]! + SHARE_PRIOR_CALLS * overall[r]!) / (slotTotals[s]! + SHARE_PRIOR_CALLS);
    }
  }
  return perWeekday.map((calls) => {
    const share = new Float64Array(reasons * slotsPerDay);
    for (let s = 0; s < slotsPerDay; s++) {
      let cellTotal = 0;
      for (let r = 0; r < reasons; r++) cellTotal += calls[r * slotsPerDay + s]!;
      for (let r = 0; r < reasons; r++) {
        const i = r * slotsPerDay + s;
        share[i] = (calls[i]! + SHARE_PRIOR_CALLS * pooled[i]!) / (cellTotal + SHARE_PRIOR_CALLS);
      }
    }
    return share;
  });
}
