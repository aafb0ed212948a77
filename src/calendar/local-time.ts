import { tzOffset } from '@date-fns/tz';

/** Milliseconds in a day of wall-clock time. */
export const DAY_MS = 86_400_000;

const offsetCache = new Map<string, Map<number, number>>();

/**
 * UTC offset in minutes of `timeZone` at the instant `instantMs` (Europe/Paris in summer: 120).
 * Cached per quarter hour, since zones change offset only on quarter-hour boundaries.
 * Cost: one `Intl` call per new quarter hour, then a map look-up.
 */
export function offsetMinutesAt(timeZone: string, instantMs: number): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const key = Math.floor(instantMs / 900_000);
  let offset = cache.get(key);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(key * 900_000));
    cache.set(key, offset);
  }
  return offset;
}

/** True when `timeZone` is an IANA zone name (or `UTC`) that the runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  return Number.isFinite(tzOffset(timeZone, new Date(0)));
}

/**
 * Wall-clock time of an instant in `timeZone`, coded as milliseconds since 1970-01-01T00:00 of
 * that wall clock (so `Math.floor(wall / DAY_MS)` is the local day number).
 */
export function wallMsOf(instantMs: number, timeZone: string): number {
  return instantMs + offsetMinutesAt(timeZone, instantMs) * 60_000;
}

/**
 * The instants at which the wall clock of `timeZone` shows `wallMs`: none in a spring-forward
 * gap, two in a fall-back hour, one otherwise. Ascending.
 */
export function instantsOfWall(wallMs: number, timeZone: string): number[] {
  const before = offsetMinutesAt(timeZone, wallMs - 14 * 3_600_000);
  const after = offsetMinutesAt(timeZone, wallMs + 14 * 3_600_000);
  const found: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = wallMs - offset * 60_000;
    if (offsetMinutesAt(timeZone, instant) === offset && !found.includes(instant)) {
      found.push(instant);
    }
  }
  return found.sort((a, b) => a - b);
}

/** Day of the week of a local day number: 0 Sunday … 6 Saturday (day 0 was a Thursday). */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of a local day number. */
export function isoDateOfDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Local day number of a `YYYY-MM-DD` date, or `undefined` when it is not a real date. */
export function dayOfIsoDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}

/**
 * ISO 8601 text of an instant as the wall clock of `timeZone` shows it, with its offset:
 * `2024-03-31T03:00:00+02:00`. Used for every `interval_start` the forecaster writes.
 */
export function formatInstant(instantMs: number, timeZone: string): string {
  const offset = offsetMinutesAt(timeZone, instantMs);
  const wall = new Date(instantMs + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${wall}${sign}${hh}:${mm}`;
}

/** A parsed timestamp: either an exact instant (it had an offset) or a wall-clock time. */
export type ParsedTimestamp = { instantMs: number } | { wallMs: number };

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parse an ISO-like timestamp (`2024-03-31T08:30`, `2024-03-31 08:30:15`,
 * `2024-03-31T08:30:00+02:00`, `…Z`). Without an offset it is a wall-clock time of the
 * history's time zone. Returns `undefined` when the text is not a valid timestamp.
 */
export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4] ?? 0);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0);
  const millis = match[7] ? Number(match[7].padEnd(3, '0').slice(0, 3)) : 0;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(wallMs).getUTCDate() !== day) return undefined;
  const zone = match[8];
  if (zone === undefined) return { wallMs };
  if (zone.toUpperCase() === 'Z') return { instantMs: wallMs };
  const digits = zone.replace(':', '');
  const sign = digits[0] === '-' ? -1 : 1;
  const offset = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  return { instantMs: wallMs - offset * 60_000 };
}
