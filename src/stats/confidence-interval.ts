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

/**
 * {@link replicationEstimate} of the replications where a measure is defined: NaN values (a
 * ratio with nothing to divide in that replication) are left out; the mean is `null` when no
 * value is left and the interval `[null, null]` with fewer than two. Cost: O(R).
 */
export function measureEstimate(values: readonly number[]): MeasureEstimate {
  const defined = values.filter((v) => !Number.isNaN(v));
  if (defined.length === 0) return { mean: null, ci95: [null, null] };
  const { mean, ci95 } = replicationEstimate(defined);
  return { mean, ci95: defined.length < 2 ? [null, null] : ci95 };
}
