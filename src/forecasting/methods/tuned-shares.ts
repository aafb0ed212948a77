import { weekdayOfDay } from '../../calendar/weekdays.js';
import { recentWholeWeekdays, type SeriesGrid, tuningOrigins, wholeDays } from './series-grid.js';

/** Weeks of same weekdays behind the reason shares (at most). */
const SHARE_WEEKS = 52;
/** Weekly origins (the last weeks of the history) on which the share settings are scored. */
const TUNING_WEEKS = 4;
/** Candidate weights of each older week in the shares. */
const DECAYS = [0.7, 0.8, 0.9, 0.97];
/** Candidate pseudo-calls pulling a cell's shares towards the pooled shares. */
const PRIORS = [3, 10, 30, 100];

/** The reason-share settings chosen by {@link tunedShares}. */
export interface ShareSettings {
  decay: number;
  priorCalls: number;
}

/**
 * Each reason's share of the calls per weekday and interval (`reasons × slotsPerDay` per
 * weekday, reason-major; the shares of a cell add up to 1), shrunk towards the reason's share of
 * the interval on all days, itself shrunk towards its overall share (empirical Bayes, so sparse
 * reasons get stable, non-negative shares). The weekly decay and the prior weight (pseudo-calls)
 * are chosen by rolling origin over the last {@link TUNING_WEEKS} weeks of the grid: shares built
 * from the days before each origin week, applied to that week's actual interval totals, absolute
 * errors summed over reasons and intervals. Only the grid given is seen. The first best setting
 * wins ties; with a single reason the shares are 1.
 * Reference: top-down "forecast proportions", Hyndman & Athanasopoulos, *FPP3* §11.2;
 * shrinkage of proportions, Efron & Morris (1975), JASA 70(350).
 * Cost: O(|DECAYS| × (TUNING_WEEKS + 1) × 7 × SHARE_WEEKS × reasons × slotsPerDay).
 */
export function tunedShares(
  grid: SeriesGrid,
  total: Float64Array,
): { shares: Float64Array[]; settings: ShareSettings } {
  const { dayCount, slotsPerDay, series, firstDay } = grid;
  const reasons = series.length;
  let best: ShareSettings = { decay: 0.8, priorCalls: 30 };
  const whole = wholeDays(total, dayCount, slotsPerDay);
  if (reasons > 1) {
    const origins = tuningOrigins(dayCount, TUNING_WEEKS, 7);
    let bestError = Number.POSITIVE_INFINITY;
    for (const decay of DECAYS) {
      const sums = origins.map((origin) => weightedCalls(grid, whole, origin, decay));
      for (const priorCalls of PRIORS) {
        let error = 0;
        origins.forEach((origin, o) => {
          const shares = finishShares(sums[o]!, reasons, slotsPerDay, priorCalls);
          for (let d = origin; d < Math.min(origin + 7, dayCount); d++) {
            if (!whole[d]) continue;
            const share = shares[weekdayOfDay(firstDay + d)]!;
            for (let s = 0; s < slotsPerDay; s++) {
              const cell = total[d * slotsPerDay + s]!;
              for (let r = 0; r < reasons; r++) {
                const y = series[r]![d * slotsPerDay + s]!;
                error += Math.abs(y - cell * share[r * slotsPerDay + s]!);
              }
            }
          }
        });
        if (error < bestError * (1 - 1e-9)) {
          bestError = error;
          best = { decay, priorCalls };
        }
      }
    }
  }
  const sums = weightedCalls(grid, whole, dayCount, best.decay);
  return { shares: finishShares(sums, reasons, slotsPerDay, best.priorCalls), settings: best };
}

/** Decay-weighted calls per weekday, reason and interval over the whole days before `end`. */
function weightedCalls(
  grid: SeriesGrid,
  whole: readonly boolean[],
  end: number,
  decay: number,
): Float64Array[] {
  const { slotsPerDay, series, firstDay } = grid;
  const reasons = series.length;
  const calls = Array.from({ length: 7 }, () => new Float64Array(reasons * slotsPerDay));
  for (const { day, weekday, weight } of recentWholeWeekdays(
    firstDay,
    end,
    whole,
    SHARE_WEEKS,
    decay,
  )) {
    const sum = calls[weekday]!;
    for (let r = 0; r < reasons; r++) {
      const values = series[r]!;
      for (let s = 0; s < slotsPerDay; s++) {
        sum[r * slotsPerDay + s]! += weight * values[day * slotsPerDay + s]!;
      }
    }
  }
  return calls;
}

/** Shares from weighted calls: weekday cell → interval on all days → overall, by pseudo-calls. */
function finishShares(
  perWeekday: readonly Float64Array[],
  reasons: number,
  slotsPerDay: number,
  priorCalls: number,
): Float64Array[] {
  const bySlot = new Float64Array(reasons * slotsPerDay);
  const slotTotals = new Float64Array(slotsPerDay);
  for (const calls of perWeekday) {
    for (let r = 0; r < reasons; r++) {
      for (let s = 0; s < slotsPerDay; s++) {
        bySlot[r * slotsPerDay + s]! += calls[r * slotsPerDay + s]!;
        slotTotals[s]! += calls[r * slotsPerDay + s]!;
      }
    }
  }
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
      pooled[i] = (bySlot[i]! + priorCalls * overall[r]!) / (slotTotals[s]! + priorCalls);
    }
  }
  return perWeekday.map((calls) => {
    const share = new Float64Array(reasons * slotsPerDay);
    for (let s = 0; s < slotsPerDay; s++) {
      let cellTotal = 0;
      for (let r = 0; r < reasons; r++) cellTotal += calls[r * slotsPerDay + s]!;
      for (let r = 0; r < reasons; r++) {
        const i = r * slotsPerDay + s;
        share[i] = (calls[i]! + priorCalls * pooled[i]!) / (cellTotal + priorCalls);
      }
    }
    return share;
  });
}
