/**
 * Errors a user can act on. Every problem names where it is (a file and a path inside it, or a
 * command-line flag), what was expected and what was received, so the CLI can print it as one
 * line without a stack trace.
 */

import { shownName } from './io/control-characters.js';

/** One problem found in a user's input. */
export interface InputProblem {
  /** Where the problem is: `routes[2].operators`, `--aht`, `line 14`. */
  path: string;
  /** What a valid value looks like, in words: `a positive number of seconds`. */
  expected: string;
  /** What was actually found, quoted as the user wrote it where possible. */
  received: string;
  /** An optional hint: an example or "did you mean …". */
  hint?: string;
}

/** Quote a received value for an error message: strings in quotes, the rest as JSON. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return 'an object';
}

/**
 * Format one problem as a single line: `path: expected …, received …`. A path can hold names
 * (`queues.<name>.operators`) and the rest names or record text: each part is shown on one
 * line ({@link shownName}), so a name cannot forge a line of the message.
 */
export function formatProblem(problem: InputProblem): string {
  const hint = problem.hint ? ` (${shownName(problem.hint)})` : '';
  return `${shownName(problem.path)}: expected ${shownName(problem.expected)}, received ${shownName(problem.received)}${hint}`;
}

/**
 * Bad input from a user: a flag, a file or a record. Carries every problem found, not just the
 * first, and the file it came from when there is one. The CLI exits 2 on it.
 */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  readonly file: string | undefined;

  constructor(problems: InputProblem | readonly InputProblem[], file?: string) {
    const list = Array.isArray(problems)
      ? (problems as InputProblem[])
      : [problems as InputProblem];
    super(InputError.compose(list, file));
    this.name = 'InputError';
    this.problems = list;
    this.file = file;
  }

  private static compose(problems: readonly InputProblem[], file?: string): string {
    const where = file ? `${shownName(file)}: ` : '';
    if (problems.length === 1) return `${where}${formatProblem(problems[0]!)}`;
    const lines = problems.map((p) => `  ${formatProblem(p)}`);
    return `${where}${problems.length} problems\n${lines.join('\n')}`;
  }
}

/** Shorthand for a single-problem {@link InputError}. */
export function inputError(
  path: string,
  expected: string,
  received: unknown,
  options: { file?: string; hint?: string; raw?: boolean } = {},
): InputError {
  const problem: InputProblem = {
    path,
    expected,
    received: options.raw ? String(received) : describeReceived(received),
  };
  if (options.hint !== undefined) problem.hint = options.hint;
  return new InputError(problem, options.file);
}

/**
 * Raised when a run fails for reasons other than its input (a worker crashed, a file could not
 * be written). The CLI exits 1 on it.
 */
export class RunError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RunError';
  }
}

/**
 * Raised when the user stops a run (Ctrl-C: SIGINT, or SIGTERM) and it has cleaned up after
 * itself; the message says what was done. The CLI exits 128 + the signal's number (130, 143),
 * as shells report a command a signal ended.
 */
export class InterruptedError extends RunError {
  constructor(
    message: string,
    readonly signal: 'SIGINT' | 'SIGTERM',
  ) {
    super(message);
    this.name = 'InterruptedError';
  }
}

/**
 * Suggest the closest of `candidates` to a misspelt `word`, ignoring case: the only candidate it
 * begins (3 letters or more), else the nearest by Levenshtein distance at most a third of the
 * word's length, else one that differs by two adjacent letters swapped (`mdoe` → `mode`,
 * `mian` → `main`: the commonest typing slip, which Levenshtein counts as two edits).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length >= 3) {
    const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(lower));
    if (prefixed.length === 1) return prefixed[0];
  }
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? candidates.find((c) => sameLettersOneSwap(lower, c.toLowerCase()));
}

/**
 * The hint of an input error for a misspelt name: `did you mean "main"?` ({@link didYouMean}),
 * or undefined when no candidate is close. The one wording of every "did you mean".
 */
export function didYouMeanHint(word: string, candidates: readonly string[]): string | undefined {
  const guess = didYouMean(word, candidates);
  return guess === undefined ? undefined : `did you mean "${guess}"?`;
}

function sameLettersOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    a[diff[0]!] === b[diff[1]!] &&
    a[diff[1]!] === b[diff[0]!]
  );
}

function levenshtein(a: string, b: string): number {
  const previous = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
