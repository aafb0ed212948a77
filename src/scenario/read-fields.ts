/** Small readers of scenario fields shared by the section parsers. */
import { Deterministic } from '../random/distributions.js';
import type { ProblemList } from './problem-list.js';
import { type DayRange, type RedialSpec, weekdays } from './scenario-types.js';
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

/**
 * A per-weekday map (`monday` … `sunday`, `default`) as one value per weekday, Monday first: a
 * weekday's own entry, else `default`, else `fallback`. Each entry is read once, so a problem in
 * `default` is recorded once, not once for every weekday that uses it (the weekdays share the
 * value read). Cost: one `read` per entry written.
 */
export function readPerWeekday<T>(
  map: Doc | undefined,
  read: (value: unknown, path: string) => T,
  path: string,
  fallback: T,
): T[] {
  let byDefault: { value: T } | undefined;
  return weekdays.map((day) => {
    if (map?.[day] !== undefined) return read(map[day], `${path}.${day}`);
    if (map?.default === undefined) return fallback;
    byDefault ??= { value: read(map.default, `${path}.default`) };
    return byDefault.value;
  });
}
