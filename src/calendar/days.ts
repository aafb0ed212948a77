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
