import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseSimulationFlags, patienceFromFlag } from '../../src/cli/simulation-flags.js';
import { parseDistribution } from '../../src/random/distribution-spec.js';

describe('parseSimulationFlags', () => {
  it('reads durations, counts, seed, CV and patience shorthands', () => {
    expect(
      parseSimulationFlags(
        {
          replications: '20',
          horizon: '2h',
          warmup: '15m',
          seed: 'abc',
          threads: 1,
          ahtCv: '0.8',
          patienceDist: 'gamma:1.5',
        },
        90,
      ),
    ).toEqual({
      replications: 20,
      horizonSeconds: 7200,
      warmupSeconds: 900,
      seed: 'abc',
      threads: 1,
      handleTimeCv: 0.8,
      patience: { distribution: 'gamma', mean: 90, cv: 1.5 },
    });
  });

  it('reads a numeric seed as a number, so --seed 1 prints like the default', () => {
    expect(parseSimulationFlags({ seed: '7' }).seed).toBe(7);
    expect(parseSimulationFlags({ seed: 'week-12' }).seed).toBe('week-12');
  });

  it('collects every problem into one InputError naming the flags', () => {
    let error: unknown;
    try {
      parseSimulationFlags({ replications: 0, horizon: '-1h', ahtCv: -0.2, threads: 10_000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const paths = (error as InputError).problems.map((p) => p.path).sort();
    expect(paths).toEqual(['--aht-cv', '--horizon', '--replications', '--threads']);
  });
});

describe('patienceFromFlag', () => {
  it('keeps the mean patience for every shorthand (Weibull mean = scale·Γ(1 + 1/k))', () => {
    for (const text of [
      'exponential',
      'deterministic',
      'lognormal:2',
      'gamma:0.5',
      'weibull:0.7',
      'weibull:2',
    ]) {
      expect(parseDistribution(patienceFromFlag(text, 120), 'p').mean).toBeCloseTo(120, 9);
    }
  });

  it('accepts a full inline spec and refuses nonsense with a hint', () => {
    expect(patienceFromFlag('{distribution: uniform, min: 10s, max: 3m}', undefined)).toEqual({
      distribution: 'uniform',
      min: '10s',
      max: '3m',
    });
    expect(() => patienceFromFlag('weibul:0.8', 60)).toThrow(/did you mean "weibull"/);
    expect(() => patienceFromFlag('lognormal', 60)).toThrow(/lognormal:CV/);
    expect(() => patienceFromFlag('{distribution: uniform, min: 10s}', 60)).toThrow(InputError);
  });
});
