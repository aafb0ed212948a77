import { logGamma } from '../random/distributions.js';
import { countBounds } from './count-intervals.js';

/** Cells expecting at least this many calls are the busy cells a planner staffs for. */
export const BUSY_MEAN = 10;
/** Fewest busy calibration cells for their own coverage to set the dispersion. */
const MIN_BUSY_CELLS = 20;
/** Dispersions searched: 10⁻³ (next to Poisson) to 10³. */
const LOG_MIN = Math.log(1e-3);
const LOG_MAX = Math.log(1e3);

/**
 * Negative binomial size of a count with mean `mean` and variance `mean × (1 + dispersion)`
 * (NB1: a constant dispersion index, Cameron & Trivedi, *Regression Analysis of Count Data*,
 * 2nd ed., §3.3.2): `mean / dispersion`, `Infinity` (Poisson) for a dispersion of 0 or a mean
 * of 0 (or one so small that the size underflows). The size to give `countQuantile` and `countInclusion`. Cost O(1).
 * Example: `countSize(20, 1.5)` is 13.33…, variance 20 × 2.5 = 50.
 */
export function countSize(mean: number, dispersion: number): number {
  // A mean so small that the size underflows to 0 (1e−323 calls) is Poisson: all but surely 0.
  const size = dispersion > 0 ? mean / dispersion : 0;
  return size > 0 ? size : Number.POSITIVE_INFINITY;
}

/**
 * The NB1 dispersion that sizes prediction intervals from a method's errors on held-out days
 * (`actual` against `predicted`, cell by cell; unknown cells NaN, skipped).
 *
 * Why NB1: forecast errors of call counts per interval have a roughly constant dispersion index
 * (variance / mean) from 1 to 100 expected calls; calls come in clusters (redials, several
 * callers for one incident). NB2 (variance μ + μ²/k) needs a 1/k 10–20× larger for quiet cells
 * than for busy ones, and its moment estimate, set by squared errors, is too wide for busy cells
 * once errors are heavy-tailed (docs/forecast.md, Prediction intervals).
 *
 * Two steps: the maximum-likelihood dispersion over every cell expecting calls (golden-section
 * search on its logarithm, Poisson when that fits better); then, when at least 20 cells expect
 * 10 calls or more, the smallest dispersion at which the whole-number bounds
 * ({@link countBounds}) of those busy cells hold `level` of their actuals, so that the intervals
 * a planner staffs to are sized on the busy cells' own errors, not on quiet ones, and hold the
 * share of actuals they promise. (Matching their fair coverage instead leaves whole-number
 * bounds holding 82–84 % of a calibrated forecast's actuals at 10–20 calls.) Returns 0 for
 * Poisson.
 * Cost: O(cells × 30) logarithms without enough busy cells, else about 25 passes of
 * O(actual) over the busy cells.
 */
export function fitCountDispersion(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  level: number,
): number {
  const ys: number[] = [];
  const mus: number[] = [];
  const busy: number[] = [];
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i]!;
    const mu = predicted[i]!;
    if (Number.isNaN(y) || Number.isNaN(mu) || !(mu > 0)) continue;
    if (mu >= BUSY_MEAN) busy.push(ys.length);
    ys.push(y);
    mus.push(mu);
  }
  if (ys.length === 0) return 0;
  if (busy.length >= MIN_BUSY_CELLS) return busyDispersion(ys, mus, busy, level);
  return maximumLikelihoodDispersion(ys, mus);
}

/** NB1 log-likelihood without the constant −Σ log y!; dispersion 0 is Poisson. */
function logLikelihood(ys: readonly number[], mus: readonly number[], dispersion: number): number {
  let sum = 0;
  if (dispersion === 0) {
    for (let i = 0; i < ys.length; i++) sum += ys[i]! * Math.log(mus[i]!) - mus[i]!;
    return sum;
  }
  const logOnePlus = Math.log1p(dispersion);
  const logRatio = Math.log(dispersion) - logOnePlus;
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i]!;
    const size = mus[i]! / dispersion;
    sum += logRising(size, y) - size * logOnePlus + y * logRatio;
  }
  return sum;
}

/** log Γ(size + y) − log Γ(size): a sum of y logarithms for small counts (most cells). */
function logRising(size: number, y: number): number {
  if (y > 8) return logGamma(size + y) - logGamma(size);
  let sum = 0;
  for (let j = 0; j < y; j++) sum += Math.log(size + j);
  return sum;
}

function maximumLikelihoodDispersion(ys: readonly number[], mus: readonly number[]): number {
  const f = (t: number) => -logLikelihood(ys, mus, Math.exp(t));
  const golden = (Math.sqrt(5) - 1) / 2;
  let a = LOG_MIN;
  let b = LOG_MAX;
  let c = b - golden * (b - a);
  let d = a + golden * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let step = 0; step < 30; step++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - golden * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + golden * (b - a);
      fd = f(d);
    }
  }
  const best = Math.exp((a + b) / 2);
  return logLikelihood(ys, mus, 0) >= logLikelihood(ys, mus, best) ? 0 : best;
}

/**
 * The smallest dispersion at which the busy cells' actuals lie inside their whole-number bounds
 * in a share `level` of cells (0: Poisson is enough).
 */
function busyDispersion(
  ys: readonly number[],
  mus: readonly number[],
  busy: readonly number[],
  level: number,
): number {
  const coverage = (dispersion: number) => {
    let inside = 0;
    for (const i of busy) {
      const { lower, upper } = countBounds(mus[i]!, countSize(mus[i]!, dispersion), level);
      if (ys[i]! >= lower && ys[i]! <= upper) inside++;
    }
    return inside / busy.length;
  };
  if (coverage(0) >= level) return 0;
  // Coverage rises with the dispersion, then falls once the distribution piles up at 0: step
  // up ×2 to the first dispersion that reaches the level, then bisect below it.
  let a = LOG_MIN;
  let b = LOG_MIN;
  while (coverage(Math.exp(b)) < level) {
    a = b;
    b += Math.LN2;
    if (b > LOG_MAX) return Math.exp(a);
  }
  if (a === b) return Math.exp(b);
  for (let step = 0; step < 14; step++) {
    const mid = (a + b) / 2;
    if (coverage(Math.exp(mid)) < level) a = mid;
    else b = mid;
  }
  // The coverage is a step function of the dispersion: b is the side that reaches the level.
  return Math.exp(b);
}
