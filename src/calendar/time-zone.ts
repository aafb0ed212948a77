import { tzOffset } from '@date-fns/tz';
import { didYouMeanHint } from '../errors.js';
import { offsetText } from './time-of-day.js';

/**
 * The one home of time-zone arithmetic: whether a name is a time zone, a zone's UTC offset at an
 * instant, and conversions between instants and wall-clock times. Offsets come from the
 * platform's `Intl` data (through `@date-fns/tz`'s `tzOffset`) and are cached per UTC hour when
 * the hour holds no change, per quarter hour when it does: zones change offset on quarter-hour
 * boundaries, and a half-hour zone (America/St_Johns) changes at hh:30 UTC, so an hourly cache
 * alone would keep the old offset for 30 minutes after the change. Cost: two `Intl` calls per
 * new UTC hour (four more in an hour holding a change), then a map look-up.
 */

/** True when `name` is a time zone the platform knows (an IANA name such as `Europe/Paris`, or `UTC`). */
export function isTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** What a time zone must be, as every input error says it. */
export const TIME_ZONE_EXPECTED = 'an IANA time zone such as Europe/Paris or UTC';

/** The "did you mean" hint for a misspelt time zone (`Europe/Pariss`), among the platform's zones. */
export function timeZoneHint(name: string): string | undefined {
  return didYouMeanHint(name, Intl.supportedValuesOf('timeZone'));
}

/** Per zone: UTC hour → its offset (minutes) when constant over the hour, NaN when it changes. */
const hourly = new Map<string, Map<number, number>>();
/** Per zone: UTC quarter hour → its offset (minutes), for the hours holding a change. */
const quarterly = new Map<string, Map<number, number>>();

function cacheOf(caches: Map<string, Map<number, number>>, timeZone: string): Map<number, number> {
  let cache = caches.get(timeZone);
  if (!cache) {
    cache = new Map();
    caches.set(timeZone, cache);
  }
  return cache;
}

/**
 * UTC offset in minutes of `timeZone` at the instant `instantMs`, positive east
 * (Europe/Paris in summer: 120; America/St_Johns in winter: −210). NaN for an unknown zone.
 *
 * @example offsetMinutesAt('America/St_Johns', Date.UTC(2025, 2, 9, 5, 45)) === -150
 */
export function offsetMinutesAt(timeZone: string, instantMs: number): number {
  if (timeZone === 'UTC') return 0;
  const hours = cacheOf(hourly, timeZone);
  const hour = Math.floor(instantMs / 3_600_000);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const start = tzOffset(timeZone, new Date(hour * 3_600_000));
    const lastQuarter = tzOffset(timeZone, new Date(hour * 3_600_000 + 2_700_000));
    offset = start === lastQuarter ? start : Number.NaN;
    hours.set(hour, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const quarters = cacheOf(quarterly, timeZone);
  const quarter = Math.floor(instantMs / 900_000);
  let exact = quarters.get(quarter);
  if (exact === undefined) {
    exact = tzOffset(timeZone, new Date(quarter * 900_000));
    quarters.set(quarter, exact);
  }
  return exact;
}

/** Offset of `timeZone` from UTC in seconds at the epoch second `epochSeconds` (positive east). */
export function zoneOffsetSeconds(epochSeconds: number, timeZone: string): number {
  return offsetMinutesAt(timeZone, epochSeconds * 1000) * 60;
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

/**
 * Real intervals behind each local interval of one day (`slots` intervals of `intervalMs` from
 * the wall-clock midnight `dayStartWallMs`): 0 for an interval wholly inside a spring-forward
 * gap (neither its first nor its last minute exists), 2 for one repeated by a fall-back, else 1
 * (the larger count of its first and last minute). `null` when the day has no offset change
 * (every interval 1). The history readers and writers count the same intervals with it.
 */
export function dayIntervalOccurrences(
  dayStartWallMs: number,
  slots: number,
  intervalMs: number,
  timeZone: string,
): Uint8Array | null {
  const before = offsetMinutesAt(timeZone, dayStartWallMs - 14 * 3_600_000);
  const after = offsetMinutesAt(timeZone, dayStartWallMs + slots * intervalMs + 14 * 3_600_000);
  if (before === after && offsetMinutesAt(timeZone, dayStartWallMs) === before) return null;
  const occurrences = new Uint8Array(slots);
  for (let s = 0; s < slots; s++) {
    const wall = dayStartWallMs + s * intervalMs;
    occurrences[s] = Math.max(
      instantsOfWall(wall, timeZone).length,
      instantsOfWall(wall + intervalMs - 60_000, timeZone).length,
    );
  }
  return occurrences;
}

/**
 * The UTC epoch (seconds) of a local wall-clock time in `timeZone`. In a DST gap or overlap the
 * offset in force one hour before is tried first, as most libraries do.
 */
export function localToEpochSeconds(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute, 0) / 1000 + second;
  if (timeZone === 'UTC') return naive;
  const first = naive - zoneOffsetSeconds(naive, timeZone);
  return naive - zoneOffsetSeconds(first, timeZone);
}

/** Local calendar fields of an instant. `weekday` is 0 = Sunday … 6 = Saturday (see weekdays.ts). */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

/** Local calendar fields of `epochSeconds` in `timeZone`. */
export function localParts(epochSeconds: number, timeZone: string): LocalParts {
  const local = new Date((epochSeconds + zoneOffsetSeconds(epochSeconds, timeZone)) * 1000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay(),
  };
}

/** ISO local datetime `YYYY-MM-DDTHH:MM:SS` of `epochSeconds` in `timeZone` (no offset). */
export function formatLocalIso(epochSeconds: number, timeZone: string): string {
  const local = new Date((epochSeconds + zoneOffsetSeconds(epochSeconds, timeZone)) * 1000);
  return local.toISOString().slice(0, 19);
}

/**
 * ISO 8601 text of an instant as the wall clock of `timeZone` shows it, with its offset:
 * `2024-03-31T03:00:00+02:00`. Used for every `interval_start` the forecaster writes.
 */
export function formatInstant(instantMs: number, timeZone: string): string {
  const offset = offsetMinutesAt(timeZone, instantMs);
  const wall = new Date(instantMs + offset * 60_000).toISOString().slice(0, 19);
  return `${wall}${offsetText(offset)}`;
}
