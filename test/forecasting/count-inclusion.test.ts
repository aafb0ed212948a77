import { describe, expect, it } from 'vitest';
import { countInclusion, countQuantile } from '../../src/forecasting/index.js';

/** Poisson pmf by the textbook formula e^−μ μ^y / y! (independent of the library's recurrence). */
const poissonPmf = (y: number, mean: number) => {
  let logFactorial = 0;
  for (let k = 2; k <= y; k++) logFactorial += Math.log(k);
  return Math.exp(-mean + y * Math.log(mean) - logFactorial);
};

/** Negative binomial pmf Γ(y+k)/(Γ(k) y!) (k/(k+μ))^k (μ/(k+μ))^y for a whole size k. */
const negativeBinomialPmf = (y: number, mean: number, size: number) => {
  let logChoose = 0;
  for (let j = 1; j <= y; j++) logChoose += Math.log((size + j - 1) / j);
  return Math.exp(
    logChoose + size * Math.log(size / (size + mean)) + y * Math.log(mean / (size + mean)),
  );
};

describe('countInclusion: coverage that equals the level for a calibrated count forecast', () => {
  // Theory (Czado, Gneiting & Held 2009, non-randomized PIT): when the actual is drawn from the
  // forecast distribution itself, the expected inclusion is exactly the level, for any mean.
  it.each([
    [0.3, Number.POSITIVE_INFINITY],
    [2, Number.POSITIVE_INFINITY],
    [7.5, Number.POSITIVE_INFINITY],
    [40, Number.POSITIVE_INFINITY],
    [0.8, 3],
    [12, 2],
  ])('mean %d, size %d: E[inclusion] = 0.8', (mean, size) => {
    const pmf = (y: number) =>
      Number.isFinite(size) ? negativeBinomialPmf(y, mean, size) : poissonPmf(y, mean);
    const lower = countQuantile(0.1, mean, size);
    const upper = countQuantile(0.9, mean, size);
    let expected = 0;
    let wholeNumber = 0;
    for (let y = 0; y <= upper + 1; y++) {
      expected += pmf(y) * countInclusion(y, lower, upper, mean, size, 0.8);
      if (y >= lower && y <= upper) wholeNumber += pmf(y);
    }
    expect(expected).toBeCloseTo(0.8, 9);
    // The whole-number bounds themselves hold at least 80 % (more for small means).
    expect(wholeNumber).toBeGreaterThanOrEqual(0.8 - 1e-12);
  });

  it('a Poisson mean of 0.3: [0, 1] holds 96.3 % (R: ppois(1, 0.3) = 0.9630637), fairly 80 %', () => {
    expect(countQuantile(0.1, 0.3, Number.POSITIVE_INFINITY)).toBe(0);
    expect(countQuantile(0.9, 0.3, Number.POSITIVE_INFINITY)).toBe(1);
    const p0 = Math.exp(-0.3);
    // y = 0 is the lower bound: the part of P(0) above the 10 % quantile, (p0 − 0.1) / p0.
    expect(countInclusion(0, 0, 1, 0.3, Number.POSITIVE_INFINITY, 0.8)).toBeCloseTo(
      (p0 - 0.1) / p0,
      12,
    );
    expect(countInclusion(2, 0, 1, 0.3, Number.POSITIVE_INFINITY, 0.8)).toBe(0);
    expect(p0 + 0.3 * p0).toBeCloseTo(0.9630637, 7);
  });

  it('strictly inside counts 1, outside 0', () => {
    expect(countInclusion(10, 6, 14, 10, Number.POSITIVE_INFINITY, 0.8)).toBe(1);
    expect(countInclusion(15, 6, 14, 10, Number.POSITIVE_INFINITY, 0.8)).toBe(0);
    expect(countInclusion(5, 6, 14, 10, Number.POSITIVE_INFINITY, 0.8)).toBe(0);
  });
});
