/**
 * Weekdays: their numberings and names, in one place. Three numberings meet in this project,
 * each kept where a published format fixes it:
 *
 * - **Sunday = 0** … Saturday = 6, JavaScript's `getUTCDay()`: call records, the audit's and
 *   the calibration's JSON, the forecaster's day numbers ({@link weekdayOfDay});
 * - **Monday = 0** … Sunday = 6: scenario files (`monday:` … `sunday:` keys, per-weekday arrays,
 *   `startWeekday`) ({@link mondayFirst});
 * - **ISO 8601, Monday = 1** … Sunday = 7: the report's weekday × hour charts ({@link isoWeekday}).
 */

/** Scenario keys of the weekdays, Monday first (index = Monday-first number). */
export const WEEKDAY_KEYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** A scenario weekday key. */
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Day of the week of a local day number (days since 1970-01-01, a Thursday): Sunday = 0. */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Monday-first number (Monday = 0 … Sunday = 6) of a Sunday = 0 weekday. */
export function mondayFirst(sundayFirst: number): number {
  return (sundayFirst + 6) % 7;
}

/** ISO 8601 number (Monday = 1 … Sunday = 7) of a Sunday = 0 weekday. */
export function isoWeekday(sundayFirst: number): number {
  return sundayFirst === 0 ? 7 : sundayFirst;
}

/** English name of a Sunday = 0 weekday: `Monday`, or `Mon` with `short`. */
export function weekdayName(sundayFirst: number, style: 'long' | 'short' = 'long'): string {
  const name = NAMES[sundayFirst];
  if (name === undefined)
    throw new RangeError(`weekdayName: expected 0–6, received ${sundayFirst}`);
  return style === 'short' ? name.slice(0, 3) : name;
}
