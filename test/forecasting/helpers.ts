import {
  buildCallHistory,
  type CallHistory,
  type HistoryRecord,
} from '../../src/forecasting/index.js';

/**
 * A counts history built in memory: `days` days of `slotsPerDay` intervals starting on local
 * day `firstDay` (UTC), with `calls(reason, day, slot)` calls per cell.
 */
export function constructedHistory(
  firstDay: number,
  days: number,
  intervalMinutes: number,
  reasons: readonly string[],
  calls: (reason: string, day: number, slot: number) => number,
): CallHistory {
  const slotsPerDay = 1440 / intervalMinutes;
  const records: HistoryRecord[] = [];
  let line = 2;
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < slotsPerDay; s++) {
      for (const reason of reasons) {
        records.push({
          at: { wallMs: (firstDay + d) * 86_400_000 + s * intervalMinutes * 60_000 },
          reason,
          calls: calls(reason, d, s),
          line: line++,
        });
      }
    }
  }
  return buildCallHistory(records, {
    shape: 'counts',
    intervalMinutes,
    timeZone: 'UTC',
    hasReasons: reasons.length > 1 || reasons[0] !== 'all',
  });
}

/** Local day number of 2024-01-01, a Monday. */
export const MONDAY_2024_01_01 = Date.UTC(2024, 0, 1) / 86_400_000;
