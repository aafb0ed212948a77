import { offsetMinutes } from '../calendar/time-of-day.js';
import { isRealDate } from '../calendar/days.js';

/** A parsed timestamp: either an exact instant (it had an offset) or a wall-clock time. */
export type ParsedTimestamp = { instantMs: number } | { wallMs: number };

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parse an ISO-like timestamp (`2024-03-31T08:30`, `2024-03-31 08:30:15`,
 * `2024-03-31T08:30:00+02:00`, `…Z`). Without an offset it is a wall-clock time of the
 * history's time zone. Returns `undefined` when the text is not a valid timestamp.
 */
export function parseHistoryTimestamp(text: string): ParsedTimestamp | undefined {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4] ?? 0);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0);
  const millis = match[7] ? Number(match[7].padEnd(3, '0').slice(0, 3)) : 0;
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const zone = match[8];
  if (zone === undefined) return { wallMs };
  return { instantMs: wallMs - offsetMinutes(zone) * 60_000 };
}
