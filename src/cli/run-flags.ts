import { inputError } from '../errors.js';
import {
  prestartReplicationThreads,
  type ReplicationTask,
} from '../replications/run-replications.js';
import { createProgressBar } from './progress-bar.js';
import type { CliIo } from './io.js';

/** Check a whole-number flag; throws an InputError naming the flag. */
export function positiveInteger(
  value: unknown,
  flag: string,
  max = 100_000,
  least = 1,
  why = '',
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < least || value > max)
    throw inputError(flag, `a whole number from ${least} to ${max}${why}`, value);
  return value;
}

/**
 * Read `--seed` as typed: a whole number from 0 to 2⁵³ − 1 (given as a string so that an empty
 * value or a word is quoted back in the error, not read as 0 or NaN).
 */
export function readSeed(value: unknown, flag = '--seed'): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const seed = /^\s*\d{1,16}\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(seed))
    throw inputError(flag, 'a whole number from 0 to 9007199254740991', value);
  return seed;
}

/** The flags of a scenario run shared by `simulate`, `compare` and `sweep`. */
export interface RunFlags {
  days: number;
  replications: number;
  threads: number;
  seed: number;
}

/** Why `compare` and `sweep` need two replications or more (see {@link readRunFlags}). */
export const PAIRED_INTERVAL = 'a paired difference needs two replications for its interval';

/**
 * Read and check `--days`, `--replications`, `--threads` and `--seed`. With `needsInterval` (why
 * the command's verdicts need an interval), at least two replications: one has no interval.
 */
export function readRunFlags(args: Record<string, unknown>, needsInterval?: string): RunFlags {
  const days = positiveInteger(args.days, '--days', 3660);
  const replications =
    needsInterval === undefined
      ? positiveInteger(args.replications, '--replications', 10_000)
      : positiveInteger(args.replications, '--replications', 10_000, 2, ` (${needsInterval})`);
  const threads = positiveInteger(args.threads, '--threads', 256);
  const seed = readSeed(args.seed);
  return { days, replications, threads, seed };
}

/**
 * The scenario as the user named it, for results and messages: `file.yaml`, or
 * `file.yaml#variant` when `--variant` chose one.
 */
export function scenarioLabel(args: Record<string, unknown>): string {
  return String(args.scenario) + (args.variant !== undefined ? `#${String(args.variant)}` : '');
}

/**
 * Start the worker threads of a local run now, while the command loads and checks its scenario
 * (about 40 ms of CPU each, on the other cores), importing `task`'s module: the run then finds
 * them ready instead of waiting for them. Nothing with `--redis` (the work runs elsewhere) or
 * one thread. `most` caps the threads at the replications there will be.
 */
export function startThreadsEarly(
  args: Record<string, unknown>,
  threads: number,
  most: number,
  task: ReplicationTask,
): void {
  if (args.redis === undefined && threads > 1)
    prestartReplicationThreads(Math.min(threads, most), task);
}

/**
 * Run `body` with a progress bar of replications on standard error (drawn only on a terminal
 * and for runs over a second), stopped after, whatever happens.
 */
export async function withProgress<T>(
  io: CliIo,
  body: (onProgress: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  const bar = createProgressBar({ isTTY: io.stderrIsTTY, label: 'replications' });
  try {
    return await body((done, total) => bar.update(done, total));
  } finally {
    bar.stop();
  }
}
