import { probit } from 'simple-statistics';

/** Above this mean, quantiles come from the normal approximation (error < 1 call). */
const NORMAL_ABOVE_MEAN = 300;

/**
 * The `p` quantile of a negative binomial count with mean `mean` and size `size` (variance
 * `mean + mean² / size`); `size = Infinity` is Poisson. The smallest whole `x` with
 * P(X ≤ x) ≥ p, so bounds are whole numbers ≥ 0 even for flows of a few calls a week.
 * Reference: Johnson, Kemp & Kotz, *Univariate Discrete Distributions* (3rd ed.), §5.1
 * (pmf recurrence P(x+1) = P(x)·(x+size)/(x+1)·mean/(mean+size)).
 * Cost: O(mean + a few standard deviations); O(1) above a mean of 300.
 */
export function countQuantile(p: number, mean: number, size: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`countQuantile: p must be in (0, 1), got ${p}`);
  if (!(mean >= 0) || !(size > 0)) {
    throw new RangeError(`countQuantile: need mean ≥ 0 and size > 0, got ${mean}, ${size}`);
  }
  if (mean === 0) return 0;
  const poisson = !Number.isFinite(size);
  if (mean > NORMAL_ABOVE_MEAN) {
    const sd = Math.sqrt(mean + (poisson ? 0 : (mean * mean) / size));
    return Math.max(0, Math.round(mean + probit(p) * sd));
  }
  let probability = poisson ? Math.exp(-mean) : Math.exp(size * Math.log(size / (size + mean)));
  const ratio = poisson ? mean : mean / (mean + size);
  let cumulative = probability;
  let x = 0;
  while (cumulative < p && x < 1e7) {
    probability *= poisson ? ratio / (x + 1) : ((x + size) / (x + 1)) * ratio;
    x++;
    cumulative += probability;
    if (probability === 0 && x > mean) break;
  }
  return x;
}

/**
 * The whole-number bounds of the central `level` prediction interval of a count forecast with
 * mean `mean` and negative binomial size `size`: the (1 − level)/2 and (1 + level)/2 quantiles
 * ({@link countQuantile}), widened by {@link boundsContaining} to hold the mean itself. When the
 * distribution puts (1 + level)/2 or more on zero calls (a Poisson mean under 0.105 at 80 %, or
 * a very overdispersed count), both quantiles are 0 while the mean is not: the bounds become
 * [0, 1] instead of an interval that excludes its own forecast (issue 15). Such an interval holds
 * more than `level`; the fair coverage ({@link pitInclusion}) is scored on the distribution, so
 * it does not move. Cost: that of two {@link countQuantile} calls.
 * Example: `countBounds(0.003, Infinity, 0.8)` is `{ lower: 0, upper: 1 }`.
 */
export function countBounds(
  mean: number,
  size: number,
  level: number,
): { lower: number; upper: number } {
  const lower = countQuantile((1 - level) / 2, mean, size);
  const upper = countQuantile((1 + level) / 2, mean, size);
  return boundsContaining(mean, lower, upper);
}

/**
 * Whole-number bounds `[lower, upper]` widened, if need be, to `[⌊point⌋, ⌈point⌉]` so that they
 * contain the point forecast `point` (≥ 0): the one rule behind {@link countBounds} and the
 * `all` row of a forecast, whose point is the sum of the reasons' rounded forecasts.
 * Example: `boundsContaining(0.25, 0, 0)` is `{ lower: 0, upper: 1 }`.
 */
export function boundsContaining(
  point: number,
  lower: number,
  upper: number,
): { lower: number; upper: number } {
  return { lower: Math.min(lower, Math.floor(point)), upper: Math.max(upper, Math.ceil(point)) };
}

/** P(X = x) and P(X ≤ x) of the negative binomial of {@link countQuantile} (x whole, ≥ 0). */
function countMass(x: number, mean: number, size: number): { pmf: number; cdf: number } {
  if (mean === 0) return { pmf: x === 0 ? 1 : 0, cdf: 1 };
  const poisson = !Number.isFinite(size);
  let probability = poisson ? Math.exp(-mean) : Math.exp(size * Math.log(size / (size + mean)));
  const ratio = poisson ? mean : mean / (mean + size);
  let cumulative = probability;
  for (let k = 0; k < x; k++) {
    probability *= poisson ? ratio / (k + 1) : ((k + size) / (k + 1)) * ratio;
    cumulative += probability;
  }
  return { pmf: probability, cdf: Math.min(1, cumulative) };
}

/**
 * How much of an actual count `y` lies inside the central `level` prediction interval of a
 * count forecast (mean, size), with the whole-number bounds `[lower, upper]` of
 * {@link countBounds}: 0 outside the bounds, else the part of P(X = y) that belongs to the
 * central `level` — 1 strictly between the quantiles, on a quantile only the part of its
 * probability inside the central `level` (the rest is the tail), 0 on a bound that
 * {@link countBounds} widened past the quantiles to hold the mean. Its mean over many forecasts
 * is the coverage a correctly calibrated count forecast scores at exactly `level`, whereas the
 * whole-number bounds alone over-cover small counts (`[0, 1]` holds 96 % of a Poisson mean of
 * 0.3). Reference: the non-randomized PIT of Czado, Gneiting & Held (2009), "Predictive model
 * assessment for count data", Biometrics 65(4), §2.1.
 * Cost: O(y) below a mean of 300, O(1) above.
 */
export function countInclusion(
  y: number,
  lower: number,
  upper: number,
  mean: number,
  size: number,
  level: number,
): number {
  return y < lower || y > upper ? 0 : pitInclusion(y, mean, size, level);
}

/**
 * {@link countInclusion} from the distribution alone, without the bounds: the part of the
 * probability interval `[P(X < y), P(X ≤ y)]` of the actual `y` that lies in the central
 * `[(1 − level)/2, (1 + level)/2]`, divided by `P(X = y)` (the same non-randomized PIT). With the
 * bounds of {@link countBounds} the two agree. Above a mean of 300 (normal approximation of
 * the quantiles) it is 1 inside the bounds and 0 outside.
 * Cost: O(y) below a mean of 300, O(1) above.
 */
export function pitInclusion(y: number, mean: number, size: number, level: number): number {
  const low = (1 - level) / 2;
  const high = (1 + level) / 2;
  if (mean === 0) return y === 0 ? 1 : 0;
  if (mean > NORMAL_ABOVE_MEAN) {
    const inside = y >= countQuantile(low, mean, size) && y <= countQuantile(high, mean, size);
    return inside ? 1 : 0;
  }
  const { pmf, cdf } = countMass(y, mean, size);
  const share = Math.min(cdf, high) - Math.max(cdf - pmf, low);
  return share <= 0 ? 0 : clamp01(share / pmf);
}

const clamp01 = (x: number) => (x > 1 ? 1 : x < 0 ? 0 : Number.isNaN(x) ? 1 : x);
