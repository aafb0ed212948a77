/** Small readers of scenario fields shared by the section parsers. */
import { Deterministic } from '../random/distributions.js';
import type { ProblemList } from './problem-list.js';
import type { RedialSpec } from './scenario-types.js';

type Doc = Record<string, unknown>;

/** `08:30` → 30600 seconds. */
export function parseTimeOfDay(text: string): number {
  const [h, m] = text.split(':');
  return Number(h) * 3600 + Number(m) * 60;
}

/** A `redials` section, each field falling back to `base` (a queue's falls back to the scenario's). */
export function readRedials(
  raw: Doc | undefined,
  path: string,
  p: ProblemList,
  base?: RedialSpec,
): RedialSpec {
  if (raw === undefined)
    return base ?? { probability: 0, delay: new Deterministic(600), maxAttempts: 1 };
  return {
    probability: raw.probability as number,
    delay:
      raw.delay !== undefined
        ? p.distribution(raw.delay, `${path}.delay`)
        : (base?.delay ?? new Deterministic(600)),
    maxAttempts: (raw.maxAttempts as number | undefined) ?? base?.maxAttempts ?? 3,
  };
}
