import { describeReceived, didYouMeanHint, InputError, type InputProblem } from '../errors.js';
import { parseDurationSeconds } from '../units/duration.js';
import {
  Deterministic,
  type Distribution,
  Empirical,
  Exponential,
  Gamma,
  LogNormal,
  Mixture,
  Normal,
  Uniform,
  Weibull,
} from './distributions.js';

/**
 * How a distribution is written in a scenario file or option: an object naming the
 * distribution and its parameters. Durations accept `26s`, `3m`… or bare seconds.
 *
 * ```yaml
 * { distribution: exponential, mean: 26s }
 * { distribution: lognormal, mean: 26s, cv: 0.8 }
 * { distribution: gamma, mean: 2m, cv: 0.5 }
 * { distribution: weibull, shape: 0.8, scale: 90s }
 * { distribution: uniform, min: 20s, max: 60s }
 * { distribution: deterministic, value: 45s }
 * { distribution: normal, mean: 30s, sd: 5s }
 * { distribution: empirical, values: [12, 30, 31, 95] }
 * { distribution: mixture, components: [{ weight: 0.9, distribution: exponential, mean: 20s }, …] }
 * ```
 */
export type DistributionSpec = Record<string, unknown>;

/** The distribution names a spec may use. */
export const distributionKinds = [
  'exponential',
  'deterministic',
  'uniform',
  'normal',
  'lognormal',
  'gamma',
  'weibull',
  'empirical',
  'mixture',
] as const;

const PARAMETERS: Record<(typeof distributionKinds)[number], readonly string[]> = {
  exponential: ['mean'],
  deterministic: ['value'],
  uniform: ['min', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['mean', 'cv'],
  gamma: ['mean', 'cv'],
  weibull: ['shape', 'scale'],
  empirical: ['values'],
  mixture: ['components'],
};
const PLAIN_NUMBERS = new Set(['cv', 'shape', 'weight']);
/**
 * Bounds of the plain-number parameters, so that no draw overflows or comes out NaN: a cv of at
 * most 100 (a gamma's at least 0.001: its shape is 1/cv²), a Weibull shape from 0.1 to 100.
 * Durations are bounded by parseDurationSeconds (at most 10⁹ s).
 */
const PLAIN_RANGES: Record<string, [number, number]> = {
  cv: [0, 100],
  shape: [0.1, 100],
};

/** Options of {@link parseDistribution}. */
export interface ParseDistributionOptions {
  /** The file the spec came from, for error messages. */
  file?: string;
}

/**
 * Turn a spec (see {@link DistributionSpec}) into a {@link Distribution}, or throw an
 * {@link InputError} listing every problem with its path (`queues[0].handleTime.cv`).
 */
export function parseDistribution(
  spec: unknown,
  path: string,
  options: ParseDistributionOptions = {},
): Distribution {
  const problems: InputProblem[] = [];
  const result = build(spec, path, problems);
  if (problems.length > 0 || result === undefined) throw new InputError(problems, options.file);
  return result;
}

function build(spec: unknown, path: string, problems: InputProblem[]): Distribution | undefined {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    problems.push({
      path,
      expected: 'a distribution such as { distribution: exponential, mean: 26s }',
      received: describeReceived(spec),
    });
    return undefined;
  }
  const record = spec as Record<string, unknown>;
  const kind = record.distribution;
  if (typeof kind !== 'string' || !(distributionKinds as readonly string[]).includes(kind)) {
    const hint = typeof kind === 'string' ? didYouMeanHint(kind, distributionKinds) : undefined;
    const problem: InputProblem = {
      path: `${path}.distribution`,
      expected: `one of ${distributionKinds.join(', ')}`,
      received: describeReceived(kind),
    };
    if (hint) problem.hint = hint;
    problems.push(problem);
    return undefined;
  }
  const allowed = PARAMETERS[kind as keyof typeof PARAMETERS];
  for (const key of Object.keys(record)) {
    if (key === 'distribution' || key === 'weight' || allowed.includes(key)) continue;
    const hint = didYouMeanHint(key, allowed);
    const problem: InputProblem = {
      path: `${path}.${key}`,
      expected: `no other field than ${allowed.join(', ')} for a ${kind} distribution`,
      received: describeReceived(record[key]),
    };
    if (hint) problem.hint = hint;
    problems.push(problem);
  }
  const before = problems.length;
  const number = (key: string, rule: 'positive' | 'nonNegative' = 'positive'): number => {
    const value = record[key];
    const at = `${path}.${key}`;
    if (value === undefined) {
      problems.push({
        path: at,
        expected: `a value (${kind} needs ${allowed.join(', ')})`,
        received: 'nothing',
      });
      return Number.NaN;
    }
    let parsed: number;
    if (PLAIN_NUMBERS.has(key)) {
      parsed = typeof value === 'number' ? value : Number.NaN;
    } else {
      try {
        parsed = parseDurationSeconds(value as string, { path: at });
      } catch {
        parsed = Number.NaN;
      }
    }
    const range = PLAIN_RANGES[key];
    const low = key === 'cv' && kind === 'gamma' ? 0.001 : range?.[0];
    const ok =
      Number.isFinite(parsed) &&
      (rule === 'positive' ? parsed > 0 : parsed >= 0) &&
      (range === undefined || (parsed >= low! && parsed <= range[1]));
    if (!ok) {
      const what = rule === 'positive' ? 'a positive' : 'a non-negative';
      problems.push({
        path: at,
        expected: `${what} ${PLAIN_NUMBERS.has(key) ? 'number' : 'duration (26s, 3m) or number of seconds'}${range ? ` from ${low} to ${range[1]}` : ''}`,
        received: describeReceived(value),
      });
    }
    return parsed;
  };
  switch (kind) {
    case 'exponential': {
      const mean = number('mean');
      return problems.length > before ? undefined : new Exponential(mean);
    }
    case 'deterministic': {
      const value = number('value', 'nonNegative');
      return problems.length > before ? undefined : new Deterministic(value);
    }
    case 'uniform': {
      const min = number('min', 'nonNegative');
      const max = number('max', 'nonNegative');
      if (problems.length === before && max < min) {
        problems.push({
          path: `${path}.max`,
          expected: `a value ≥ min (${min})`,
          received: describeReceived(record.max),
        });
      }
      return problems.length > before ? undefined : new Uniform(min, max);
    }
    case 'normal': {
      const mean = number('mean', 'nonNegative');
      const sd = number('sd', 'nonNegative');
      if (problems.length === before && sd > mean)
        problems.push({
          path: `${path}.sd`,
          expected: `at most the mean (${mean} s): a duration cannot be negative`,
          received: describeReceived(record.sd),
          hint: 'for a skewed duration use lognormal or gamma with a cv',
        });
      return problems.length > before ? undefined : new Normal(mean, sd);
    }
    case 'lognormal': {
      const mean = number('mean');
      const cv = number('cv', 'nonNegative');
      return problems.length > before ? undefined : new LogNormal(mean, cv);
    }
    case 'gamma': {
      const mean = number('mean');
      const cv = number('cv');
      return problems.length > before ? undefined : new Gamma(mean, cv);
    }
    case 'weibull': {
      const shape = number('shape');
      const scale = number('scale');
      return problems.length > before ? undefined : new Weibull(shape, scale);
    }
    case 'empirical': {
      const values = record.values;
      if (
        !Array.isArray(values) ||
        values.length === 0 ||
        !values.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1e9)
      ) {
        problems.push({
          path: `${path}.values`,
          expected: 'a non-empty list of numbers of seconds from 0 to 1e9',
          received: describeReceived(values),
        });
        return undefined;
      }
      return problems.length > before ? undefined : new Empirical(values as number[]);
    }
    default: {
      const components = record.components;
      if (!Array.isArray(components) || components.length === 0) {
        problems.push({
          path: `${path}.components`,
          expected: 'a non-empty list of distributions, each with a weight',
          received: describeReceived(components),
        });
        return undefined;
      }
      const parts: Distribution[] = [];
      const weights: number[] = [];
      components.forEach((component, i) => {
        const at = `${path}.components[${i}]`;
        const weight = (component as Record<string, unknown> | null)?.weight;
        if (typeof weight !== 'number' || !(weight > 0) || !Number.isFinite(weight)) {
          problems.push({
            path: `${at}.weight`,
            expected: 'a positive number',
            received: describeReceived(weight),
          });
        }
        const part = build(component, at, problems);
        if (part) parts.push(part);
        weights.push(typeof weight === 'number' ? weight : 0);
      });
      return problems.length > before ? undefined : new Mixture(parts, weights);
    }
  }
}
