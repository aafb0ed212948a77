/** A measure over replications: its mean and the 95 % confidence interval of the mean. */
export interface MeasureEstimate {
  mean: number | null;
  ci95: [number | null, number | null];
}

// Student t 0.975 quantiles for 1..30 degrees of freedom (Abramowitz & Stegun, table 26.10).
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: the table of Abramowitz &
 * Stegun (26.10) up to 30, then the Cornish–Fisher expansion (A&S 26.7.5), good to 1e-4.
 */
export function studentT975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`studentT975: df must be ≥ 1, got ${df}`);
  if (df <= 30) return T975[Math.floor(df) - 1]!;
  const z = 1.959964;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

/**
 * Mean and Student-t 95 % confidence interval of independent replications' values (NaN values,
 * ratios with nothing to divide, are left out). With one value the interval is [null, null].
 * Cost: O(n).
 */
export function estimate(values: readonly number[]): MeasureEstimate {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  if (n === 0) return { mean: null, ci95: [null, null] };
  const mean = sum / n;
  if (n === 1) return { mean, ci95: [null, null] };
  let ss = 0;
  for (const v of values) if (!Number.isNaN(v)) ss += (v - mean) ** 2;
  const half = studentT975(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, ci95: [mean - half, mean + half] };
}
