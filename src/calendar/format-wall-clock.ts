import { weekdayName } from './weekdays.js';
import { clockText } from './time-of-day.js';

/**
 * Timestamps on charts are shown in the switchboard's own wall-clock time, whatever the time
 * zone of the machine rendering the report: an ISO timestamp with offset
 * (`2026-03-02T08:30:00+01:00`) becomes the epoch milliseconds of its wall-clock fields read as
 * UTC, and charts use UTC scales. A Monday 8:30 peak is drawn at 8:30 in Paris, Montreal or a
 * CI container. Cost: O(1) per timestamp.
 */

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?/;

/**
 * The wall-clock time of an ISO 8601 timestamp as "UTC" epoch milliseconds, ignoring its offset.
 * Throws a RangeError naming the function for a string that does not start with a date.
 *
 * @example wallClockMs('2026-03-02T08:30:00+01:00') === Date.UTC(2026, 2, 2, 8, 30)
 */
export function wallClockMs(iso: string): number {
  const match = ISO_LOCAL.exec(iso);
  if (!match)
    throw new RangeError(
      `wallClockMs: expected an ISO 8601 timestamp, received ${JSON.stringify(iso)}`,
    );
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The wall-clock time of `iso` as people read it: `Mon 2 Mar 08:30`, or `Mon 2 Mar` for `date`. */
export function formatWallClock(iso: string, style: 'time' | 'date' = 'time'): string {
  const d = new Date(wallClockMs(iso));
  const date = `${weekdayName(d.getUTCDay(), 'short')} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  if (style === 'date') return date;
  return `${date} ${clockText(d.getUTCHours() * 60 + d.getUTCMinutes())}`;
}
