import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseDistribution } from '../../src/random/distribution-spec.js';
import {
  Deterministic,
  type Distribution,
  Empirical,
  Exponential,
  Gamma,
  LogNormal,
  logGamma,
  Mixture,
  Normal,
  Uniform,
  Weibull,
} from '../../src/random/distributions.js';
import { RandomStream, RandomStreams } from '../../src/random/random-stream.js';

describe('RandomStream', () => {
  it('is reproducible by (seed, name) and differs across names and seeds', () => {
    const draw = (seed: number, name: string) => {
      const s = new RandomStream(seed, name);
      return [s.next(), s.next(), s.next()];
    };
    expect(draw(1, 'arrivals')).toEqual(draw(1, 'arrivals'));
    expect(draw(1, 'arrivals')).not.toEqual(draw(1, 'handling'));
    expect(draw(1, 'arrivals')).not.toEqual(draw(2, 'arrivals'));
  });

  it('gives a stream the same numbers whatever other streams were created first (common random numbers)', () => {
    const a = new RandomStreams(7);
    a.get('handling').next();
    const b = new RandomStreams(7);
    expect(a.get('arrivals').next()).toBe(b.get('arrivals').next());
  });

  it('is uniform on [0, 1): chi-square over 20 bins below the 0.999 quantile (45.31, 19 df)', () => {
    const s = new RandomStream(42, 'uniformity');
    const bins = new Array(20).fill(0);
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = s.next();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 20)]++;
    }
    const expected = n / 20;
    const chi2 = bins.reduce((acc, o) => acc + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(45.31);
  });
});

/** Sample mean and variance against the exact ones: |mean error| within 4.5 standard errors. */
function checkMoments(d: Distribution, n = 200_000) {
  const s = new RandomStream(3, d.kind);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = d.sample(s);
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  const variance = sumSq / n - mean * mean;
  const se = Math.sqrt(d.variance / n);
  expect(Math.abs(mean - d.mean)).toBeLessThanOrEqual(4.5 * se + 1e-12);
  if (d.variance > 0) expect(variance / d.variance).toBeGreaterThan(0.9);
  if (d.variance > 0) expect(variance / d.variance).toBeLessThan(1.1);
}

describe('distributions: samples agree with the analytic mean and variance', () => {
  it.each<[string, Distribution]>([
    ['exponential', new Exponential(26)],
    ['deterministic', new Deterministic(45)],
    ['uniform', new Uniform(20, 60)],
    ['normal', new Normal(30, 5)],
    ['lognormal', new LogNormal(180, 0.8)],
    ['gamma (shape 4)', new Gamma(120, 0.5)],
    ['gamma (shape 0.44)', new Gamma(120, 1.5)],
    ['weibull', new Weibull(1.5, 100)],
    ['empirical', new Empirical([12, 30, 31, 95, 40])],
    ['mixture', new Mixture([new Exponential(20), new Deterministic(300)], [0.9, 0.1])],
  ])('%s', (_name, d) => checkMoments(d));

  it('has the textbook moments: Weibull(k=2, λ=1) mean √π/2 (Γ(1.5)), lognormal cv kept', () => {
    expect(new Weibull(2, 1).mean).toBeCloseTo(Math.sqrt(Math.PI) / 2, 12);
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 10);
    expect(Math.sqrt(new LogNormal(10, 0.3).variance) / 10).toBeCloseTo(0.3, 12);
  });

  it('rejects impossible parameters with the rule broken', () => {
    expect(() => new Exponential(0)).toThrow(/Exponential: mean must be a positive/);
    expect(() => new Uniform(5, 1)).toThrow(RangeError);
    expect(() => new Mixture([new Exponential(1)], [0])).toThrow(/must not all be 0/);
  });
});

describe('parseDistribution', () => {
  it('reads durations and plain numbers', () => {
    const d = parseDistribution({ distribution: 'lognormal', mean: '3m', cv: 0.5 }, 'handleTime');
    expect(d.kind).toBe('lognormal');
    expect(d.mean).toBeCloseTo(180, 12);
    const m = parseDistribution(
      {
        distribution: 'mixture',
        components: [
          { weight: 3, distribution: 'exponential', mean: 20 },
          { weight: 1, distribution: 'deterministic', value: '1m' },
        ],
      },
      'x',
    );
    expect(m.mean).toBeCloseTo(0.75 * 20 + 0.25 * 60, 12);
  });

  it('lists every problem with its path, and suggests names', () => {
    try {
      parseDistribution(
        {
          distribution: 'mixture',
          components: [
            { weight: -1, distribution: 'expo', mean: 1 },
            { weight: 1, distribution: 'gamma', mean: '-3s', cv: 0.5, cvv: 1 },
          ],
        },
        'queues[0].handleTime',
        { file: 'a.yaml' },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const paths = (error as InputError).problems.map((p) => p.path);
      expect(paths).toEqual([
        'queues[0].handleTime.components[0].weight',
        'queues[0].handleTime.components[0].distribution',
        'queues[0].handleTime.components[1].cvv',
        'queues[0].handleTime.components[1].mean',
      ]);
      expect((error as InputError).message).toMatch(/^a\.yaml: 4 problems/);
      expect((error as InputError).problems[1]!.hint).toBe('did you mean "exponential"?');
    }
  });
});

describe('RandomStream is sfc32', () => {
  it('draws what a textbook sfc32 draws from the same seed words (seedrandom hash, 12 discarded)', async () => {
    // Chris Doty-Humphrey's sfc32 as PractRand describes it (32-bit words a, b, c, counter d;
    // barrel shift 21, right shift 9, left shift 3), written here on unsigned words with
    // Math.imul-free arithmetic modulo 2^32, seeded as RandomStream documents.
    const { default: seedrandom } = await import('seedrandom');
    const hash = seedrandom('switchboard:42:arrivals');
    let a = hash.int32() >>> 0;
    let b = hash.int32() >>> 0;
    let c = hash.int32() >>> 0;
    let d = hash.int32() >>> 0 || 1;
    const next = () => {
      const t = (a + b + d) % 2 ** 32;
      d = (d + 1) % 2 ** 32;
      a = (b ^ (b >>> 9)) >>> 0;
      b = (c + c * 8) % 2 ** 32;
      c = (((c << 21) | (c >>> 11)) >>> 0) + t;
      c %= 2 ** 32;
      return t;
    };
    for (let i = 0; i < 12; i++) next();
    const stream = new RandomStream(42, 'arrivals');
    for (let i = 0; i < 2000; i++) expect(stream.nextUint32()).toBe(next());
  });
});
