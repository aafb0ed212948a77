/**
 * Clock arithmetic for call records: records carry either epochs (UTC) or local wall-clock
 * datetimes; reports need local hour and weekday. Offsets come from `Intl` and are cached per
 * UTC hour, so converting a million timestamps costs a million cache look-ups, not a million
 * `Intl` calls.
 */

/** Local calendar fields of an instant. `weekday` is 0 = Sunday … 6 = Saturday. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is a valid IANA zone name (or `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offset of `timeZone` from UTC, in seconds, at the UTC instant `epochSeconds` (positive east).
 * Cached per UTC hour. Cost: O(1) amortised.
 */
export function zoneOffsetSeconds(epochSeconds: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const hourKey = Math.floor(epochSeconds / 3600);
  const cached = cache.get(hourKey);
  if (cached !== undefined) return cached;
  const parts = formatterFor(timeZone).formatToParts(new Date(hourKey * 3600_000));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  const offset = Math.round((asUtc - hourKey * 3600_000) / 1000);
  cache.set(hourKey, offset);
  return offset;
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

const DATETIME =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parse a record timestamp: an epoch (`1546015415` or `1546015415.757`) or a datetime
 * (`2023-02-05 00:09:13`, `2020/2/10 22:41`, ISO with offset). Datetimes without an offset are
 * local time in `timeZone`. Returns NaN for anything else, including the `0000-00-00` dates of
 * junk CDR rows.
 */
export function parseTimestamp(text: string, timeZone: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  const code = trimmed.charCodeAt(0);
  if (code >= 48 && code <= 57 && /^\d{9,11}(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const match = DATETIME.exec(trimmed);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1971 || month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  const hour = Number(match[4] ?? 0);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0) + Number(match[7] ?? 0);
  if (hour > 23 || minute > 59 || second >= 61) return Number.NaN;
  const zone = match[8];
  if (zone !== undefined) {
    const naive = Date.UTC(year, month - 1, day, hour, minute, 0) / 1000 + second;
    if (zone === 'Z') return naive;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return naive - sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
  }
  return localToEpochSeconds(year, month, day, hour, minute, second, timeZone);
}

/** ISO local datetime `YYYY-MM-DDTHH:MM:SS` of `epochSeconds` in `timeZone` (no offset). */
export function formatLocalIso(epochSeconds: number, timeZone: string): string {
  const local = new Date((epochSeconds + zoneOffsetSeconds(epochSeconds, timeZone)) * 1000);
  return local.toISOString().slice(0, 19);
}
