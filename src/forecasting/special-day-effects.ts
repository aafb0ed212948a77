import type { CallHistory } from './call-history.js';
import { closedWeekdays, labelDaysAfterHolidays } from './day-after-holiday.js';
import { dayOfIsoDate } from '../calendar/days.js';
import type { SeriesGrid } from './methods/series-grid.js';
import type { SpecialDay } from './special-days.js';

/** Days around a special day whose same-weekday totals make its baseline. */
const BASELINE_WINDOW_DAYS = 28;

/** History ready for the methods: special days masked, and each label's effect. */
export interface SpecialDayAdjustment {
  grid: SeriesGrid;
  /** Multiplier per label: given in the special-days file, or estimated. */
  effects: Map<string, number>;
  /** Labels per local day number, for the forecast days. */
  labelsByDay: Map<number, string[]>;
  warnings: string[];
}

/**
 * Take special days out of the history the methods learn from (their intervals become
 * unknown) and estimate each label's effect as Σ actual day totals / Σ baseline totals, the
 * baseline of a day being the mean total of the same weekday on ordinary whole days within
 * four weeks. A label with an effect in the file keeps it; a label never seen in the history
 * gets 1 and a warning. The first open day after a public holiday gets its own label (see
 * `labelDaysAfterHolidays`). Reference: the ratio-to-baseline special-day factors of
 * Gans, Koole & Mandelbaum (2003), "Telephone call centers: tutorial, review, and research
 * prospects", MSOM 5(2), §4.1. Cost: O(days × intervals × reasons).
 */
export function adjustForSpecialDays(
  history: CallHistory,
  specialDays: readonly SpecialDay[],
): SpecialDayAdjustment {
  const { dayCount, slotsPerDay, firstDay } = history;
  const labelsByDay = new Map<number, string[]>();
  const fixed = new Map<string, number>();
  for (const day of specialDays) {
    const dayNumber = dayOfIsoDate(day.date);
    if (dayNumber === undefined) continue;
    const labels = labelsByDay.get(dayNumber) ?? [];
    if (!labels.includes(day.label)) labels.push(day.label);
    labelsByDay.set(dayNumber, labels);
    if (day.effect !== undefined) fixed.set(day.label, day.effect);
  }
  const dayTotals = new Float64Array(dayCount);
  for (let d = 0; d < dayCount; d++) {
    let sum = 0;
    for (const series of history.counts) {
      for (let s = 0; s < slotsPerDay; s++) sum += series[d * slotsPerDay + s]!;
    }
    dayTotals[d] = sum;
  }
  const isSpecial = (d: number) => labelsByDay.has(firstDay + d);
  labelDaysAfterHolidays(labelsByDay, closedWeekdays(dayTotals, firstDay, isSpecial), fixed);
  const actual = new Map<string, number>();
  const baseline = new Map<string, number>();
  const series = history.counts.map((s) => s.slice());
  for (let d = 0; d < dayCount; d++) {
    const labels = labelsByDay.get(firstDay + d);
    if (!labels) continue;
    for (const s of series) s.fill(Number.NaN, d * slotsPerDay, (d + 1) * slotsPerDay);
    if (Number.isNaN(dayTotals[d]!)) continue;
    let sum = 0;
    let n = 0;
    for (let k = 7; k <= BASELINE_WINDOW_DAYS; k += 7) {
      for (const other of [d - k, d + k]) {
        if (other < 0 || other >= dayCount || isSpecial(other)) continue;
        if (Number.isNaN(dayTotals[other]!)) continue;
        sum += dayTotals[other]!;
        n++;
      }
    }
    if (n === 0) continue;
    for (const label of labels) {
      actual.set(label, (actual.get(label) ?? 0) + dayTotals[d]!);
      baseline.set(label, (baseline.get(label) ?? 0) + sum / n);
    }
  }
  const effects = new Map<string, number>(fixed);
  const warnings: string[] = [];
  const allLabels = new Set([...labelsByDay.values()].flat());
  for (const label of allLabels) {
    if (effects.has(label)) continue;
    const base = baseline.get(label) ?? 0;
    if (base > 0) effects.set(label, (actual.get(label) ?? 0) / base);
    else {
      effects.set(label, 1);
      warnings.push(
        `special day "${label}": no observed day in the history to estimate its effect; taken as 1 (give an effect in --special-days)`,
      );
    }
  }
  return { grid: { series, firstDay, dayCount, slotsPerDay }, effects, labelsByDay, warnings };
}

/** Multiplier of a local day: the product of its labels' effects (1 for an ordinary day). */
export function dayEffect(adjustment: SpecialDayAdjustment, dayNumber: number): number {
  let effect = 1;
  for (const label of adjustment.labelsByDay.get(dayNumber) ?? []) {
    effect *= adjustment.effects.get(label) ?? 1;
  }
  return effect;
}
