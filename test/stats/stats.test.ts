import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exponential } from '../../src/random/distributions.js';
import { RandomStream } from '../../src/random/random-stream.js';
import {
  confidenceInterval,
  measureEstimate,
  replicationEstimate,
  replicationEstimate99,
} from '../../src/stats/confidence-interval.js';
import { RunningStats } from '../../src/stats/running-stats.js';
import { studentTCdf, studentTQuantile } from '../../src/stats/student-t.js';
import { TimeWeightedAverage } from '../../src/stats/time-weighted-average.js';
import { WaitHistogram } from '../../src/stats/wait-histogram.js';

describe('RunningStats (Welford)', () => {
  it('matches the two-pass mean and sample variance, and merges exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }),
        fc.nat(60),
        (xs, cut) => {
          const all = new RunningStats();
          for (const x of xs) all.add(x);
          const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
          const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
          expect(all.mean).toBeCloseTo(mean, 6);
          expect(Math.abs(all.variance - variance)).toBeLessThanOrEqual(1e-9 * (variance + 1));
          const left = new RunningStats();
          const right = new RunningStats();
          xs.forEach((x, i) => {
            (i < cut ? left : right).add(x);
          });
          left.merge(right);
          expect(left.count).toBe(xs.length);
          expect(Math.abs(left.variance - variance)).toBeLessThanOrEqual(1e-9 * (variance + 1));
          expect(left.min).toBe(Math.min(...xs));
          expect(left.max).toBe(Math.max(...xs));
        },
      ),
    );
  });
});

describe('TimeWeightedAverage', () => {
  it('integrates a step function and restarts at a warm-up reset', () => {
    const q = new TimeWeightedAverage(0, 0);
    q.set(10, 2); // 0 over [0,10)
    q.set(20, 1); // 2 over [10,20)
    expect(q.average(30)).toBeCloseTo((0 * 10 + 2 * 10 + 1 * 10) / 30, 12);
    q.reset(30);
    q.add(40, 3); // 1 over [30,40), then 4
    expect(q.average(50)).toBeCloseTo((1 * 10 + 4 * 10) / 20, 12);
    expect(q.max).toBe(4);
  });
});

// R: qt(0.975, c(1, 2, 9, 29, 100)); qt(0.995, c(1, 9, 29)) — standard printed t tables
// (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, table 1.3.6.7.2).
describe('Student t', () => {
  it.each([
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 9, 2.262],
    [0.975, 29, 2.045],
    [0.975, 100, 1.984],
    [0.995, 1, 63.657],
    [0.995, 9, 3.25],
    [0.995, 29, 2.756],
  ])('qt(%f, %i) = %f (NIST table, 3 decimals)', (p, df, value) => {
    expect(Math.abs(studentTQuantile(p, df) - value)).toBeLessThanOrEqual(0.0005 + 1e-12);
  });

  it('has the closed forms of 1 and 2 degrees of freedom (Cauchy; t₂)', () => {
    for (const t of [-3, -0.5, 0, 0.7, 4]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 10);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 10);
    }
  });

  it('gives a 95 % interval that covers the true mean about 95 % of the time', () => {
    // Theory: coverage of the t interval for normal-ish data (here means of 30 exponentials).
    const rng = new RandomStream(3, 'coverage');
    const d = new Exponential(2);
    let covered = 0;
    const trials = 400;
    for (let k = 0; k < trials; k++) {
      const values = Array.from({ length: 10 }, () => {
        let s = 0;
        for (let j = 0; j < 30; j++) s += d.sample(rng);
        return s / 30;
      });
      const [lo, hi] = confidenceInterval(values);
      if (lo <= 2 && 2 <= hi) covered++;
    }
    // binomial(400, 0.95): sd ≈ 4.4; allow ±4 sd
    expect(Math.abs(covered - 0.95 * trials)).toBeLessThanOrEqual(18);
    expect(replicationEstimate([1, 2, 3]).ci95[0]).toBeCloseTo(2 - 4.302653 * Math.sqrt(1 / 3), 5);
    expect(replicationEstimate([5]).ci95.every(Number.isNaN)).toBe(true);
    // qt(0.995, 2) = 9.924843 (R; NIST table 9.925)
    expect(replicationEstimate99([1, 2, 3]).ci99[1]).toBeCloseTo(
      2 + 9.924843 * Math.sqrt(1 / 3),
      4,
    );
  });
});

describe('measureEstimate', () => {
  it('leaves out undefined (NaN) replications and reports unknowns as null', () => {
    // qt(0.975, 2) = 4.302653 (R): the three defined values 1, 2, 3 of five replications
    const e = measureEstimate([1, Number.NaN, 2, 3, Number.NaN]);
    expect(e.mean).toBe(2);
    expect(e.ci95[0]).toBeCloseTo(2 - 4.302653 * Math.sqrt(1 / 3), 5);
    expect(e.ci95[1]).toBeCloseTo(2 + 4.302653 * Math.sqrt(1 / 3), 5);
    expect(measureEstimate([Number.NaN, 7])).toEqual({ mean: 7, ci95: [null, null] });
    expect(measureEstimate([Number.NaN])).toEqual({ mean: null, ci95: [null, null] });
    expect(measureEstimate([])).toEqual({ mean: null, ci95: [null, null] });
  });
});

describe('WaitHistogram', () => {
  it('is exact at declared thresholds and within a bucket elsewhere, with percentiles', () => {
    const h = new WaitHistogram({ thresholdsSeconds: [20] });
    const rng = new RandomStream(5, 'waits');
    const d = new Exponential(30);
    const values: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const v = i % 4 === 0 ? 0 : d.sample(rng);
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    const exactAtMost = (t: number) => values.filter((v) => v <= t).length;
    expect(h.countAtMost(20)).toBe(exactAtMost(20));
    for (const t of [0, 1, 7.3, 45, 200]) {
      const lo = exactAtMost(t * (1 - 0.0079));
      const hi = exactAtMost(t * (1 + 0.0079));
      const c = h.countAtMost(t);
      expect(c).toBeGreaterThanOrEqual(lo - 1e-9);
      expect(c).toBeLessThanOrEqual(hi + 1e-9);
    }
    for (const p of [0.1, 0.5, 0.9, 0.99]) {
      const exact = values[Math.ceil(p * values.length) - 1]!;
      expect(Math.abs(h.percentile(p) - exact)).toBeLessThanOrEqual(0.0079 * exact + 1e-9);
    }
    expect(h.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.countAtMost(20)).toBe(0);
  });
});
