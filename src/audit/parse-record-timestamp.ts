import { localToEpochSeconds } from '../calendar/time-zone.js';
import { offsetMinutes } from '../calendar/time-of-day.js';
import { isRealDate } from '../calendar/days.js';

const DATETIME =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parse a record timestamp: an epoch (`1546015415` or `1546015415.757`) or a datetime
 * (`2023-02-05 00:09:13`, `2020/2/10 22:41`, ISO with offset). Datetimes without an offset are
 * local time in `timeZone`. Returns NaN for anything else, including the `0000-00-00` dates of
 * junk CDR rows.
 */
export function parseRecordTimestamp(text: string, timeZone: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  const code = trimmed.charCodeAt(0);
  if (code >= 48 && code <= 57 && /^\d{9,11}(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const match = DATETIME.exec(trimmed);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1971 || !isRealDate(year, month, day)) return Number.NaN;
  const hour = Number(match[4] ?? 0);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0) + Number(match[7] ?? 0);
  if (hour > 23 || minute > 59 || second >= 61) return Number.NaN;
  const zone = match[8];
  if (zone !== undefined) {
    const naive = Date.UTC(year, month - 1, day, hour, minute, 0) / 1000 + second;
    return naive - offsetMinutes(zone) * 60;
  }
  return localToEpochSeconds(year, month, day, hour, minute, second, timeZone);
}
