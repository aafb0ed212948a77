import { weekdayOfDay } from '../../calendar/weekdays.js';
import { recentWholeWeekdays, tuningOrigins, wholeDays } from './series-grid.js';

/** Weeks of same weekdays behind an intraday profile (at most). */
const PROFILE_WEEKS = 52;
/** Weekly origins (the last weeks of the history) on which the profile settings are scored. */
const TUNING_WEEKS = 4;
/** Candidate weights of each older week. */
const DECAYS = [0.75, 0.9, 0.97];
/**
 * Candidate weights of the all-weekday profile mixed into each weekday's profile (1: one shape
 * for every weekday, as a 24/7 service may have).
 */
const POOLS = [0, 0.25, 0.5, 0.75, 1];
/** Candidate passes of the [1, 2, 1] / 4 smoothing kernel across neighbouring intervals. */
const PASSES = [0, 1, 3];

/** The intraday profile settings chosen by {@link tunedProfiles}. */
export interface ProfileSettings {
  decay: number;
  pool: number;
  passes: number;
}

/**
 * Intraday profiles (share of the day's calls per interval) for each weekday, with their three
 * settings chosen on the history itself: the weekly decay of older weeks, the weight of the
 * profile pooled over all weekdays (shrinkage of each weekday towards it), and the number of
 * smoothing passes across neighbouring intervals (closed intervals stay at zero). Each setting
 * is scored by rolling origin over the last {@link TUNING_WEEKS} weeks of `total`: profiles
 * built from the days before the origin week, applied to that week's actual daily totals, the
 * absolute interval errors summed. Only the series given is seen, so a backtest fold tunes on
 * its own training days. The first best setting wins ties (no pooling, no smoothing first, so a
 * noiseless periodic series is recovered exactly). `decays` replaces the candidate decays: `[1]`
 * weighs every week alike, for a profile of the whole period rather than a forecast.
 * Reference: shrinkage of intraday profiles towards a pooled profile, Weinberg, Brown &
 * Stroud (2007), "Bayesian forecasting of an inhomogeneous Poisson process with applications to
 * call center data", JASA 102(480); kernel smoothing of profiles, Shen & Huang (2008), AoAS 2(2).
 * Cost: O(|DECAYS| × TUNING_WEEKS × 7 × PROFILE_WEEKS × slotsPerDay) plus the scoring.
 */
export function tunedProfiles(
  total: Float64Array,
  firstDay: number,
  dayCount: number,
  slotsPerDay: number,
  decays: readonly number[] = DECAYS,
): { profiles: Float64Array[]; settings: ProfileSettings } {
  if (decays.length === 0 || decays.some((d) => !(d > 0 && d <= 1)))
    throw new RangeError(`tunedProfiles: decays must be in (0, 1], got [${decays.join(', ')}]`);
  const whole = wholeDays(total, dayCount, slotsPerDay);
  let best: ProfileSettings = {
    decay: decays[Math.min(1, decays.length - 1)]!,
    pool: 0,
    passes: 0,
  };
  let bestError = Number.POSITIVE_INFINITY;
  const origins = tuningOrigins(dayCount, TUNING_WEEKS, 7);
  if (origins.length > 0) {
    for (const decay of decays) {
      const sums = origins.map((origin) =>
        weekdaySums(total, firstDay, origin, slotsPerDay, whole, decay),
      );
      for (const pool of POOLS) {
        for (const passes of PASSES) {
          let error = 0;
          origins.forEach((origin, o) => {
            const profiles = finishProfiles(sums[o]!, slotsPerDay, pool, passes);
            for (let d = origin; d < Math.min(origin + 7, dayCount); d++) {
              if (!whole[d]) continue;
              const profile = profiles[weekdayOfDay(firstDay + d)]!;
              let dayTotal = 0;
              for (let s = 0; s < slotsPerDay; s++) dayTotal += total[d * slotsPerDay + s]!;
              for (let s = 0; s < slotsPerDay; s++) {
                error += Math.abs(total[d * slotsPerDay + s]! - dayTotal * profile[s]!);
              }
            }
          });
          if (error < bestError * (1 - 1e-9)) {
            bestError = error;
            best = { decay, pool, passes };
          }
        }
      }
    }
  }
  const sums = weekdaySums(total, firstDay, dayCount, slotsPerDay, whole, best.decay);
  return { profiles: finishProfiles(sums, slotsPerDay, best.pool, best.passes), settings: best };
}

/** Decay-weighted calls per weekday and interval over the whole days before `end`. */
function weekdaySums(
  total: Float64Array,
  firstDay: number,
  end: number,
  slotsPerDay: number,
  whole: readonly boolean[],
  decay: number,
): Float64Array[] {
  const sums = Array.from({ length: 7 }, () => new Float64Array(slotsPerDay));
  for (const { day, weekday, weight } of recentWholeWeekdays(
    firstDay,
    end,
    whole,
    PROFILE_WEEKS,
    decay,
  )) {
    const sum = sums[weekday]!;
    for (let s = 0; s < slotsPerDay; s++) sum[s]! += weight * total[day * slotsPerDay + s]!;
  }
  return sums;
}

function normalise(values: Float64Array): Float64Array {
  let sum = 0;
  for (const v of values) sum += v;
  if (sum > 0) for (let s = 0; s < values.length; s++) values[s]! /= sum;
  return values;
}

/** Weekday profiles from weighted sums: shrunk towards the pooled profile, then smoothed. */
function finishProfiles(
  sums: readonly Float64Array[],
  slotsPerDay: number,
  pool: number,
  passes: number,
): Float64Array[] {
  const own = sums.map((sum) => normalise(sum.slice()));
  const pooled = new Float64Array(slotsPerDay);
  let weekdays = 0;
  for (const profile of own) {
    let any = false;
    for (let s = 0; s < slotsPerDay; s++) {
      pooled[s]! += profile[s]!;
      if (profile[s]! > 0) any = true;
    }
    if (any) weekdays++;
  }
  normalise(pooled);
  return own.map((profile) => {
    let sum = 0;
    for (const v of profile) sum += v;
    if (!(sum > 0) || weekdays === 0) return profile;
    const out = new Float64Array(slotsPerDay);
    for (let s = 0; s < slotsPerDay; s++) {
      // Shrink towards the pooled shape only where this weekday is open.
      out[s] = profile[s]! > 0 ? (1 - pool) * profile[s]! + pool * pooled[s]! : 0;
    }
    smooth(out, passes);
    return normalise(out);
  });
}

/** `passes` passes of the [1, 2, 1] / 4 kernel over open intervals; closed ones stay zero. */
function smooth(profile: Float64Array, passes: number): void {
  const n = profile.length;
  const next = new Float64Array(n);
  for (let p = 0; p < passes; p++) {
    for (let s = 0; s < n; s++) {
      const here = profile[s]!;
      if (here === 0) {
        next[s] = 0;
        continue;
      }
      const left = s > 0 && profile[s - 1]! > 0 ? profile[s - 1]! : here;
      const right = s < n - 1 && profile[s + 1]! > 0 ? profile[s + 1]! : here;
      next[s] = (left + 2 * here + right) / 4;
    }
    profile.set(next);
  }
}
