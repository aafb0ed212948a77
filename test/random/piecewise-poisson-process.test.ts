import { describe, expect, it } from 'vitest';
import { PiecewisePoissonProcess } from '../../src/random/piecewise-poisson-process.js';
import { RandomStream } from '../../src/random/random-stream.js';

// Theory: counts of a Poisson process in disjoint intervals are independent Poisson variables
// with mean = integrated rate (Ross, Introduction to Probability Models, §5.4). A Poisson count
// of mean m has variance m; over R repetitions the mean count lies within ±4·sqrt(m/R).
describe('PiecewisePoissonProcess', () => {
  it('gives each interval a Poisson count of mean rate × width (including a zero-rate interval)', () => {
    const rates = [0.5, 0, 2, 0.1];
    const width = 100;
    const process = new PiecewisePoissonProcess(rates, width);
    const rng = new RandomStream(7, 'nhpp');
    const runs = 2000;
    const counts = rates.map(() => 0);
    const squares = rates.map(() => 0);
    for (let r = 0; r < runs; r++) {
      const perInterval = rates.map(() => 0);
      let t = process.next(0, rng);
      while (Number.isFinite(t)) {
        perInterval[Math.floor(t / width)]!++;
        t = process.next(t, rng);
      }
      perInterval.forEach((c, i) => {
        counts[i]! += c;
        squares[i]! += c * c;
      });
    }
    rates.forEach((rate, i) => {
      const m = rate * width;
      const mean = counts[i]! / runs;
      expect(Math.abs(mean - m)).toBeLessThanOrEqual(4 * Math.sqrt(m / runs) + 1e-12);
      const variance = squares[i]! / runs - mean * mean;
      if (m > 0) expect(Math.abs(variance / m - 1)).toBeLessThan(0.15);
    });
    expect(process.expectedArrivals(0, 400)).toBeCloseTo(50 + 200 + 10, 9);
  });

  it('repeats when cyclic, and returns Infinity past the end otherwise', () => {
    const rng = new RandomStream(1, 'x');
    const once = new PiecewisePoissonProcess([1], 10);
    expect(once.next(10, rng)).toBe(Number.POSITIVE_INFINITY);
    const daily = new PiecewisePoissonProcess([0, 1], 10, { cyclic: true });
    for (let i = 0; i < 200; i++) {
      const t = daily.next(i * 3.7, rng);
      expect(t % 20).toBeGreaterThanOrEqual(10); // only the second interval has arrivals
    }
    expect(daily.expectedArrivals(0, 45)).toBeCloseTo(20 + 0, 9);
    expect(daily.rateAt(55)).toBe(1);
    expect(() => new PiecewisePoissonProcess([1, -1], 10)).toThrow(RangeError);
  });
});
