import { describeReceived, InputError, type InputProblem } from '../errors.js';
import { parseDistribution } from '../random/distribution-spec.js';
import type { Distribution } from '../random/distributions.js';
import { Deterministic } from '../random/distributions.js';
import { parseDurationSeconds } from '../units/duration.js';
import { didYouMeanHint } from '../errors.js';

/** Collects problems while a document is read; shared by the section parsers. */
export class ProblemList {
  readonly problems: InputProblem[] = [];
  /** Record a problem. */
  add(path: string, expected: string, received: unknown, hint?: string): void {
    const problem: InputProblem = { path, expected, received: describeReceived(received) };
    if (hint !== undefined) problem.hint = hint;
    this.problems.push(problem);
  }
  /** A distribution from its spec, or a placeholder after recording its problems. */
  distribution(spec: unknown, path: string, fallback = 1): Distribution {
    try {
      return parseDistribution(spec, path);
    } catch (error) {
      if (error instanceof InputError) this.problems.push(...error.problems);
      else throw error;
      return new Deterministic(fallback);
    }
  }
  /** A duration in seconds, or `fallback` after recording a problem. */
  duration(value: unknown, path: string, fallback: number): number {
    if (value === undefined) return fallback;
    try {
      return parseDurationSeconds(value as string, { path });
    } catch {
      this.add(path, 'a duration such as 26s, 3m, 1.5h or a number of seconds', value);
      return fallback;
    }
  }
  /** The index of `name` among `names`, or -1 after recording a problem with a hint. */
  reference(name: unknown, names: readonly string[], path: string, what: string): number {
    const index = typeof name === 'string' ? names.indexOf(name) : -1;
    if (index < 0) {
      const hint = typeof name === 'string' ? didYouMeanHint(name, names) : undefined;
      this.add(
        path,
        `the name of a defined ${what} (defined: ${names.map((n) => `"${n}"`).join(', ') || 'none'})`,
        name,
        hint,
      );
    }
    return index;
  }
}
