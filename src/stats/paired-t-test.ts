/**
 * Paired Student-t tests on the per-replication differences of two runs made on the same seeds
 * (common random numbers): one home for the compare verdicts (beyond a practical margin) and the
 * sweep (any difference at all). NaN differences (a measure undefined in a replication) are left
 * out; fewer than two values give null (no test).
 */
import { studentTCdf } from './student-t.js';

/**
 * The one-sided p-value that a paired difference lies beyond ± `margin` on the side of its mean:
 * the Student-t test of "the true difference is within the margin on that side", 1 −
 * T(n−1)((|mean| − margin) / (s / √n)), over the defined (non-NaN) differences. Its 95 % interval
 * lies wholly beyond the margin exactly when this is below 0.025. Null with fewer than two
 * values. Cost: O(n).
 */
export function pBeyondMargin(differences: readonly number[], margin: number): number | null {
  const d = differences.filter((x) => !Number.isNaN(x));
  const n = d.length;
  if (n < 2) return null;
  const mean = d.reduce((a, x) => a + x, 0) / n;
  const variance = d.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  const beyond = Math.abs(mean) - Math.max(0, margin);
  if (variance === 0) return beyond > 0 ? 0 : 1;
  return 1 - studentTCdf(beyond / Math.sqrt(variance / n), n - 1);
}

/**
 * The two-sided p-value of the paired t-test of "no difference": 2 · (1 − T(n−1)(|mean| /
 * (s / √n))), at most 1 (R's `t.test(d)$p.value`); 0 or 1 when every difference is the same.
 * Cost: O(n).
 */
export function pairedTTestPValue(differences: readonly number[]): number | null {
  const p = pBeyondMargin(differences, 0);
  return p === null ? null : Math.min(1, 2 * p);
}
