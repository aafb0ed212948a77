import { HOLIDAY_LABEL } from './special-days.js';

/** The label of the first open day after a public holiday (catch-up calls). */
export const DAY_AFTER_HOLIDAY_LABEL = 'day after public holiday';

/** Longest run of closed days looked across after a holiday (a long weekend and a bridge). */
const MAX_CLOSED_DAYS_SKIPPED = 6;

/**
 * Weekdays (local day number mod 7) when the switchboard is closed: every ordinary, known day
 * of that weekday in the history has no call. A weekday never seen counts as open. Cost:
 * O(days).
 */
export function closedWeekdays(
  dayTotals: Float64Array,
  firstDay: number,
  isSpecial: (dayIndex: number) => boolean,
): Set<number> {
  const seen = new Set<number>();
  const open = new Set<number>();
  for (let d = 0; d < dayTotals.length; d++) {
    const total = dayTotals[d]!;
    if (isSpecial(d) || Number.isNaN(total)) continue;
    const weekday = (((firstDay + d) % 7) + 7) % 7;
    seen.add(weekday);
    if (total > 0) open.add(weekday);
  }
  return new Set([...seen].filter((w) => !open.has(w)));
}

/**
 * Add {@link DAY_AFTER_HOLIDAY_LABEL} to the first open day after each day labelled
 * {@link HOLIDAY_LABEL} (`labelsByDay`, local day number → labels, is extended in place).
 * Closed days (a closed weekday, or a day whose labels have a given effect of 0) are stepped
 * over; when the first open day is itself a holiday it gets no label (its own day after will).
 * DOMAIN.md lists the day after a holiday among the special days of call arrivals; its effect is
 * then estimated like any other label. Returns the days labelled. Cost: O(holidays).
 */
export function labelDaysAfterHolidays(
  labelsByDay: Map<number, string[]>,
  closedWeekday: ReadonlySet<number>,
  fixedEffects: ReadonlyMap<string, number>,
): number[] {
  const isHoliday = (day: number) => labelsByDay.get(day)?.includes(HOLIDAY_LABEL) ?? false;
  const isClosed = (day: number) =>
    closedWeekday.has(((day % 7) + 7) % 7) ||
    (labelsByDay.get(day) ?? []).some((label) => fixedEffects.get(label) === 0);
  const holidays = [...labelsByDay.keys()].filter(isHoliday);
  const labelled: number[] = [];
  for (const holiday of holidays) {
    let day = holiday + 1;
    let skipped = 0;
    while (isClosed(day) && !isHoliday(day) && skipped < MAX_CLOSED_DAYS_SKIPPED) {
      day++;
      skipped++;
    }
    if (isHoliday(day) || isClosed(day)) continue;
    const labels = labelsByDay.get(day) ?? [];
    if (labels.includes(DAY_AFTER_HOLIDAY_LABEL)) continue;
    labels.push(DAY_AFTER_HOLIDAY_LABEL);
    labelsByDay.set(day, labels);
    labelled.push(day);
  }
  return labelled;
}
