/**
 * The one rule for "the hardest half-hour" that the text, the JSON and the report pages name:
 * among the intervals that receive at least a fifth of the busiest interval's calls, the one with
 * the lowest service level (the earliest on a tie). The floor keeps a night interval with two
 * calls, one of them slow, from hiding the peak where most callers wait. Cost: O(rows).
 */

/** What the rule reads of an interval: mean calls offered and mean service level. */
export interface IntervalLoad {
  offered: number | null;
  serviceLevel: number | null;
}

/** The share of the busiest interval's calls an interval needs to be considered. */
export const HARDEST_INTERVAL_FLOOR = 0.2;

/** The rule in words, stated with the result. */
export const HARDEST_INTERVAL_RULE =
  'the interval with the lowest service level among those receiving at least 20 % of the busiest interval’s calls';

/** The index of the hardest interval of `rows`, or -1 when no interval has calls. */
export function hardestIntervalIndex(rows: readonly IntervalLoad[]): number {
  let busiest = 0;
  for (const row of rows) if (row.offered !== null && row.offered > busiest) busiest = row.offered;
  if (!(busiest > 0)) return -1;
  let worst = -1;
  let worstLevel = Number.POSITIVE_INFINITY;
  rows.forEach((row, i) => {
    if (row.offered === null || row.serviceLevel === null) return;
    if (row.offered < busiest * HARDEST_INTERVAL_FLOOR) return;
    if (row.serviceLevel < worstLevel) {
      worstLevel = row.serviceLevel;
      worst = i;
    }
  });
  return worst;
}
