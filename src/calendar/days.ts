/**
 * Local day numbers: days since 1970-01-01 of a wall clock (day 0 was a Thursday), and their
 * `YYYY-MM-DD` dates.
 */

/** Milliseconds in a day of wall-clock time. */
export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a local day number. */
export function isoDateOfDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whether `year`-`month`-`day` (month 1–12) is a day of the Gregorian calendar: `2026-02-31`
 * and `2026-13-01` are not (JavaScript's `Date` would roll them over to 3 March 2026 and
 * January 2027). Every date read from a user's file or flag is checked here.
 *
 * @example isRealDate(2024, 2, 29) === true; isRealDate(2026, 2, 29) === false
 */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0–99 as 1900–1999
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** Local day number of a `YYYY-MM-DD` date, or `undefined` when it is not a real date. */
export function dayOfIsoDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(year, month, day)) return undefined;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}
