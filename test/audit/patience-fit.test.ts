import { describe, expect, it } from 'vitest';
import { kaplanMeierFromCounts } from '../../src/audit/kaplan-meier.js';
import { fitPatience } from '../../src/audit/patience-fit.js';
import { parseDistribution } from '../../src/random/distribution-spec.js';
import { type Distribution, Exponential, LogNormal } from '../../src/random/distributions.js';
import { RandomStream } from '../../src/random/random-stream.js';
import { normalCdf } from '../roundtrip/roundtrip-helpers.js';

// fitPatience against data of known truth: patience P from a known distribution, censored by an
// independent exponential answer time A (the caller is answered first); the records hold
// ⌊min(P, A)⌋ in whole seconds and whether it was an abandon. The truth is the generating
// distribution; tolerances are 4 Greenwood standard errors of the Kaplan–Meier curve
// (Kaplan & Meier 1958) plus the 1-s grid of the records.
function censoredCurve(patience: Distribution, answerMean: number, n: number, seed: string) {
  const rng = new RandomStream(seed, 'patience');
  const answer = new Exponential(answerMean);
  const events = new Map<number, [number, number]>();
  for (let i = 0; i < n; i++) {
    const p = patience.sample(rng);
    const a = answer.sample(rng);
    const t = Math.floor(Math.min(p, a));
    const cell = events.get(t) ?? [0, 0];
    cell[p <= a ? 0 : 1]++;
    events.set(t, cell);
  }
  const times = [...events.keys()].sort((x, y) => x - y);
  return kaplanMeierFromCounts(
    times,
    times.map((t) => events.get(t)![0]),
    times.map((t) => events.get(t)![1]),
  );
}

/** CDF of an empirical spec's distribution (linear quantile function over equal steps). */
function empiricalCdf(values: number[], t: number): number {
  const k = values.length - 1;
  if (t < values[0]!) return 0;
  for (let i = 0; i < k; i++)
    if (t < values[i + 1]!) {
      const span = values[i + 1]! - values[i]!;
      return (i + (span > 0 ? (t - values[i]!) / span : 0)) / k;
    }
  return 1;
}

describe('fitPatience', () => {
  it('keeps an exponential patience exponential, mean within 4 SE (mean/√abandons)', () => {
    const curve = censoredCurve(new Exponential(100), 80, 20_000, 'exp');
    const fit = fitPatience(curve)!;
    expect(fit.exponentialLike).toBe(true);
    expect(fit.spec.distribution).toBe('exponential');
    const abandons = curve.reduce((a, s) => a + s.events, 0);
    // ⌊t⌋ shortens each observed time by 0.5 s on average: the MLE is low by about 0.5 s.
    expect(Math.abs(fit.exponentialMeanSeconds - 100)).toBeLessThan(
      (4 * 100) / Math.sqrt(abandons) + 1,
    );
  });

  it('writes a lognormal (CV 1) patience from the KM curve, which it follows', () => {
    const curve = censoredCurve(new LogNormal(120, 1), 100, 20_000, 'lognormal');
    const fit = fitPatience(curve)!;
    expect(fit.exponentialLike).toBe(false);
    expect(fit.spec.distribution).toBe('empirical');
    const values = fit.spec.values as number[];
    expect(values).toHaveLength(201);
    // The scenario parser accepts it.
    expect(parseDistribution(fit.spec, 'patience').kind).toBe('empirical');
    const s2 = Math.log(2);
    const mu = Math.log(120) - s2 / 2;
    const trueCdf = (t: number) => normalCdf((Math.log(t) - mu) / Math.sqrt(s2));
    for (const t of [15, 30, 60, 90, 120, 150]) {
      const step = curve.filter((s) => s.timeSeconds <= t).at(-1)!;
      expect(t).toBeLessThan(fit.tailFromSeconds!);
      // Written CDF vs truth: 4 Greenwood SE + 1/200 (quantile grid) + the 1-s grid.
      const tolerance = 4 * step.standardError + 0.005 + (trueCdf(t + 1) - trueCdf(t));
      expect(Math.abs(empiricalCdf(values, t) - trueCdf(t))).toBeLessThan(tolerance);
    }
  });

  it('handles the censored tail explicitly: exponential beyond τ, truncated at τ + 5 m_tail', () => {
    const curve = censoredCurve(new LogNormal(120, 1), 40, 20_000, 'tail');
    const fit = fitPatience(curve)!;
    const values = fit.spec.values as number[];
    for (let i = 1; i < values.length; i++)
      expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    // τ: the last abandon with at least 30 callers still waiting.
    const last = curve.filter((s) => s.atRisk >= 30 && s.events > 0).at(-1)!;
    expect(fit.tailFromSeconds).toBe(last.timeSeconds + 0.5);
    expect(values.at(-1)!).toBeCloseTo(fit.tailFromSeconds! + 5 * fit.tailMeanSeconds!, 0);
    // The share of the grid in the tail is S(τ) (to the grid step 1/200).
    const inTail = values.filter((v) => v > fit.tailFromSeconds! + 0.05).length / 200;
    expect(Math.abs(inTail - last.survival)).toBeLessThan(0.01);
  });

  it('gives nothing to fit without an abandon', () => {
    expect(fitPatience(kaplanMeierFromCounts([10, 20], [0, 0], [3, 4]))).toBeNull();
  });
});
