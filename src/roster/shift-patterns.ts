import type { ShiftTemplate } from '../scenario/scenario-types.js';

/**
 * One way to work a template: on a weekday, from a start, with each break at a given place. A
 * column of the cover programme.
 */
export interface ShiftPattern {
  /** Index of the template in the list given to {@link shiftPatterns}. */
  template: number;
  /** Weekday it starts on (0 = monday). */
  weekday: number;
  /** Start, seconds after local midnight. */
  startSeconds: number;
  /** Each break's start, seconds after midnight of the start day (may pass 24 h). */
  breakStartsSeconds: number[];
  /** Slots of the week (weekday × intervals + interval) it has an operator on the phones. */
  slots: number[];
  /** Paid hours of one operator on it (length less unpaid breaks). */
  paidHours: number;
  /** paidHours × the template's cost per hour. */
  cost: number;
}

/** Every placement of the breaks (one start per break, not overlapping), in order. */
function breakPlacements(template: ShiftTemplate, start: number, grid: number): number[][] {
  let placements: number[][] = [[]];
  const end = start + template.lengthSeconds;
  for (const b of template.breaks) {
    const first = Math.max(b.windowFromSeconds, start);
    const last = Math.min(b.windowToSeconds, end) - b.lengthSeconds;
    const next: number[][] = [];
    for (const placed of placements) {
      for (let at = first; at <= last; at += grid) {
        const overlaps = placed.some((other, j) => {
          const length = template.breaks[j]!.lengthSeconds;
          return at < other + length && other < at + b.lengthSeconds;
        });
        if (!overlaps) next.push([...placed, at]);
      }
    }
    placements = next;
  }
  return placements;
}

/**
 * All the patterns of a queue's templates over a week of `intervalMinutes` slots: each template
 * on each weekday it runs, from each start, with each placement of its breaks inside their
 * windows. A shift past midnight covers the next weekday's first slots (Sunday's, Monday's):
 * the week is cyclic, as a roster repeated week after week is. Cost: O(templates × days × starts
 * × break placements × slots per shift).
 */
export function shiftPatterns(
  templates: readonly ShiftTemplate[],
  intervalMinutes: number,
): ShiftPattern[] {
  const grid = intervalMinutes * 60;
  const perDay = Math.round(1440 / intervalMinutes);
  const week = 7 * perDay;
  const patterns: ShiftPattern[] = [];
  templates.forEach((template, t) => {
    const unpaid = template.breaks.reduce((s, b) => s + (b.paid ? 0 : b.lengthSeconds), 0);
    const paidHours = (template.lengthSeconds - unpaid) / 3600;
    for (let weekday = 0; weekday < 7; weekday++) {
      if (!template.days[weekday]) continue;
      for (const start of template.startsSeconds) {
        for (const placed of breakPlacements(template, start, grid)) {
          const slots: number[] = [];
          for (let at = start; at < start + template.lengthSeconds; at += grid) {
            const onBreak = placed.some(
              (b, j) => at >= b && at < b + template.breaks[j]!.lengthSeconds,
            );
            if (!onBreak) slots.push((weekday * perDay + at / grid) % week);
          }
          patterns.push({
            template: t,
            weekday,
            startSeconds: start,
            breakStartsSeconds: placed,
            slots,
            paidHours,
            cost: paidHours * template.costPerHour,
          });
        }
      }
    }
  });
  return patterns;
}
