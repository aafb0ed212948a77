import { parse as parseYaml } from 'yaml';
import { describeReceived, didYouMeanHint, InputError, type InputProblem } from '../errors.js';
import { type DistributionSpec, parseDistribution } from '../random/distribution-spec.js';
import { logGamma } from '../random/distributions.js';
import { maxReplicationThreads } from '../replications/run-replications.js';
import { parseDurationSeconds } from '../units/duration.js';
import type { SimulateStaffingOptions } from '../queueing/simulate-staffing.js';

/** The simulation flags of `switchboard staff --simulate`, as yargs parsed them. */
export interface SimulationFlags {
  replications?: unknown;
  horizon?: unknown;
  warmup?: unknown;
  seed?: unknown;
  threads?: unknown;
  ahtCv?: unknown;
  patienceDist?: unknown;
  retryDelay?: unknown;
}

const PATIENCE_SHORTHANDS = ['exponential', 'deterministic', 'lognormal', 'gamma', 'weibull'];

/**
 * A patience distribution from `--patience-dist`, keeping the question's mean patience:
 * `exponential`, `deterministic`, `lognormal:CV`, `gamma:CV`, `weibull:SHAPE` (scale chosen so
 * the mean is `meanSeconds`: scale = mean / Γ(1 + 1/shape)), or a full inline spec such as
 * `{distribution: uniform, min: 10s, max: 3m}` (YAML or JSON). Throws InputError naming `path`.
 */
export function patienceFromFlag(
  text: string,
  meanSeconds: number | undefined,
  path = '--patience-dist',
): DistributionSpec {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let spec: unknown;
    try {
      spec = parseYaml(trimmed);
    } catch {
      throw new InputError({
        path,
        expected: 'a distribution spec in YAML or JSON',
        received: describeReceived(text),
      });
    }
    parseDistribution(spec, path);
    return spec as DistributionSpec;
  }
  const [name = '', parameter] = trimmed.split(':');
  const kind = name.toLowerCase();
  const fail = (expected: string, hint?: string): never => {
    const problem: InputProblem = { path, expected, received: describeReceived(text) };
    if (hint !== undefined) problem.hint = hint;
    throw new InputError(problem);
  };
  if (!PATIENCE_SHORTHANDS.includes(kind)) {
    fail(
      'exponential, deterministic, lognormal:CV, gamma:CV, weibull:SHAPE or {distribution: …}',
      didYouMeanHint(kind, PATIENCE_SHORTHANDS),
    );
  }
  if (meanSeconds === undefined || !(meanSeconds > 0)) {
    fail('a shorthand used with a mean patience (--patience)', 'or give a full {distribution: …}');
  }
  const mean = meanSeconds as number;
  const number = parameter === undefined ? Number.NaN : Number(parameter);
  switch (kind) {
    case 'exponential':
      return { distribution: 'exponential', mean };
    case 'deterministic':
      return { distribution: 'deterministic', value: mean };
    case 'lognormal':
    case 'gamma':
      if (!(number >= 0) || !Number.isFinite(number))
        fail(`${kind}:CV with a CV ≥ 0, e.g. ${kind}:1.2`);
      return { distribution: kind, mean, cv: number };
    default:
      if (!(number > 0) || !Number.isFinite(number))
        fail('weibull:SHAPE with a shape > 0, e.g. weibull:0.8');
      return {
        distribution: 'weibull',
        shape: number,
        scale: mean / Math.exp(logGamma(1 + 1 / number)),
      };
  }
}

/**
 * Turn the simulation flags into {@link SimulateStaffingOptions}, collecting every problem into
 * one InputError (`--replications: expected a whole number ≥ 1, received 0`). Defaults:
 * 10 replications, 8 h horizon, 30 min warm-up (with retries at least 10 retry delays), seed 1,
 * 1 thread, retry delay 5 min.
 */
export function parseSimulationFlags(
  flags: SimulationFlags,
  patienceMeanSeconds?: number,
): SimulateStaffingOptions {
  const problems: InputProblem[] = [];
  const options: SimulateStaffingOptions = {};
  const attempt = (f: () => void): void => {
    try {
      f();
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
    }
  };
  const wholeNumber = (value: unknown, path: string, max: number): number | undefined => {
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max) {
      problems.push({
        path,
        expected: `a whole number from 1 to ${max}`,
        received: describeReceived(value),
      });
      return undefined;
    }
    return n;
  };
  if (flags.replications !== undefined) {
    const r = wholeNumber(flags.replications, '--replications', 100_000);
    if (r !== undefined) options.replications = r;
  }
  if (flags.threads !== undefined) {
    const t = wholeNumber(flags.threads, '--threads', maxReplicationThreads());
    if (t !== undefined) options.threads = t;
  }
  if (flags.horizon !== undefined) {
    attempt(() => {
      options.horizonSeconds = parseDurationSeconds(flags.horizon as string, {
        path: '--horizon',
        allowZero: false,
      });
    });
  }
  if (flags.warmup !== undefined) {
    attempt(() => {
      options.warmupSeconds = parseDurationSeconds(flags.warmup as string, { path: '--warmup' });
    });
  }
  if (flags.seed !== undefined) {
    if (
      (typeof flags.seed !== 'number' && typeof flags.seed !== 'string') ||
      String(flags.seed) === ''
    ) {
      problems.push({
        path: '--seed',
        expected: 'a number or a word',
        received: describeReceived(flags.seed),
      });
    } else {
      // `--seed 7` and the default 1 print alike (a number); the streams depend on String(seed).
      const text = String(flags.seed);
      options.seed = /^\d{1,15}$/.test(text) ? Number(text) : text;
    }
  }
  if (flags.ahtCv !== undefined) {
    const cv = typeof flags.ahtCv === 'string' ? Number(flags.ahtCv) : flags.ahtCv;
    if (typeof cv !== 'number' || !(cv >= 0) || !Number.isFinite(cv)) {
      problems.push({
        path: '--aht-cv',
        expected: 'a coefficient of variation ≥ 0 (sd / mean of handling time)',
        received: describeReceived(flags.ahtCv),
      });
    } else options.handleTimeCv = cv;
  }
  if (flags.patienceDist !== undefined) {
    attempt(() => {
      options.patience = patienceFromFlag(String(flags.patienceDist), patienceMeanSeconds);
    });
  }
  if (flags.retryDelay !== undefined) {
    attempt(() => {
      options.retryDelaySeconds = parseDurationSeconds(flags.retryDelay as string, {
        path: '--retry-delay',
        allowZero: false,
      });
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return options;
}
