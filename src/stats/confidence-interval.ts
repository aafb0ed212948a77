import { studentTQuantile } from './student-t.js';

/** A mean over replications with its Student-t 95 % confidence interval. */
export interface ReplicationEstimate {
  mean: number;
  ci95: [number, number];
}

/**
 * The mean of independent replication results and its two-sided Student-t confidence interval
 * at `level` (0.95 by default): mean ± t(1 − α/2, R − 1) · s / √R (Law, *Simulation Modeling
 * and Analysis*, §9.4.1). With one replication the interval is unknown: [NaN, NaN]. Values that are not finite (a measure undefined in some
 * replication) make the result NaN. Cost: O(R).
 */
export function confidenceInterval(values: readonly number[], level = 0.95): [number, number] {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`confidenceInterval: level must be in (0, 1), got ${level}`);
  }
  const n = values.length;
  const m = meanOf(values);
  if (n < 2) return [Number.NaN, Number.NaN];
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * Math.sqrt(ss / (n - 1) / n);
  return [m - half, m + half];
}

function meanOf(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return values.length > 0 ? s / values.length : Number.NaN;
}

/** A {@link ReplicationEstimate} with its 99 % interval too. */
export interface ReplicationEstimate99 extends ReplicationEstimate {
  ci99: [number, number];
}

/** `{ mean, ci95 }` of replication results (see {@link confidenceInterval}). */
export function replicationEstimate(values: readonly number[]): ReplicationEstimate {
  return { mean: meanOf(values), ci95: confidenceInterval(values, 0.95) };
}

/** `{ mean, ci95, ci99 }` of replication results, for checks that want the wider interval. */
export function replicationEstimate99(values: readonly number[]): ReplicationEstimate99 {
  return { ...replicationEstimate(values), ci99: confidenceInterval(values, 0.99) };
}

/**
 * A measure over replications as it is reported (JSON, CSV): the mean and 95 % interval, with
 * `null` where a value is unknown.
 */
export interface MeasureEstimate {
  mean: number | null;
  ci95: [number | null, number | null];
}

/** How reported intervals are made, stated with every result. */
export const INTERVAL_METHOD =
  'intervals of shares are cut to [0, 1] and of counts, durations and money to [0, ∞) (the Student-t interval intersected with the values that exist); differences are not cut';

/**
 * {@link replicationEstimate} of the replications where a measure is defined: NaN values (a
 * ratio with nothing to divide in that replication) are left out; the mean is `null` when no
 * value is left and the interval `[null, null]` with fewer than two. With `range`, the interval
 * is intersected with it (a share's interval stays in [0, 1], a count's above 0: with few
 * replications the Student-t interval can reach values that cannot exist; the mean, which lies
 * in the range, is unchanged). Cost: O(R).
 */
export function measureEstimate(
  values: readonly number[],
  range?: readonly [number, number],
): MeasureEstimate {
  const defined = values.filter((v) => !Number.isNaN(v));
  if (defined.length === 0) return { mean: null, ci95: [null, null] };
  const { mean, ci95 } = replicationEstimate(defined);
  if (defined.length < 2) return { mean, ci95: [null, null] };
  if (range === undefined) return { mean, ci95 };
  return {
    mean,
    ci95: [
      Math.min(Math.max(ci95[0], range[0]), range[1]),
      Math.max(Math.min(ci95[1], range[1]), range[0]),
    ],
  };
}
