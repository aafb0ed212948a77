/** Small readers of scenario fields shared by the section parsers. */
import { Deterministic } from '../random/distributions.js';
import type { ProblemList } from './problem-list.js';
import type { DayRange, RedialSpec } from './scenario-types.js';
import { clockMinutes } from '../calendar/time-of-day.js';

type Doc = Record<string, unknown>;

/** `08:30` → 30600 seconds. */
export function parseTimeOfDay(text: string): number {
  return clockMinutes(text) * 60;
}

/**
 * A time range written in the format's one range syntax, `HH:MM-HH:MM` (to the minute, `24:00`
 * ends the day), as `[from, to)` in seconds of the day; records a problem at `path` unless it
 * ends after it starts, by 24:00. Used by opening hours, rosters, availability and outbound hours.
 */
export function readTimeRange(text: string, path: string, p: ProblemList): DayRange {
  const [a, b] = String(text).split('-');
  const from = parseTimeOfDay(a ?? '');
  const to = parseTimeOfDay(b ?? '');
  if (!(to > from) || to > 86400)
    p.add(path, 'a time range HH:MM-HH:MM that ends after it starts, by 24:00', text);
  return [from, to];
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
