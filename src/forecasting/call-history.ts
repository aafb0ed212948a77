import { InputError, inputError } from '../errors.js';
import { DAY_MS, isoDateOfDay } from '../calendar/days.js';
import { dayIntervalOccurrences, wallMsOf } from '../calendar/time-zone.js';
import { weekdayOfDay } from '../calendar/weekdays.js';
import type { ParsedTimestamp } from './parse-history-timestamp.js';

/**
 * What an interval with no row in the history means. `closed`: zero calls (the switchboard was
 * shut). `missing`: unknown (a gap in the export), left out of fitting and scoring. `auto`:
 * absent intervals inside a day that has rows are closed hours; a whole absent day is missing
 * when its weekday is open on other days and closed when that weekday never has a row; the
 * stretch before the first row and after the last is missing.
 */
export type AbsentIntervals = 'auto' | 'closed' | 'missing';

/** One row of a history file, as read: when, why, and how many calls (1 for a per-call row). */
export interface HistoryRecord {
  at: ParsedTimestamp;
  reason: string;
  calls: number;
  /** Line number in the file (1 = header), for messages. */
  line: number;
}

/** Something the reader noticed and did about it, with the line when there is one. */
export interface HistoryWarning {
  line?: number;
  message: string;
}

/**
 * Call history on a grid of local clock time: one row per local day, one column per interval
 * of the day (`slotsPerDay`), one grid per reason. Indexing by local clock slot is what keeps
 * the 23- and 25-hour days of daylight saving time from shifting the intraday pattern: the
 * 08:30 slot is the 08:30 slot every day. A cell holds the calls per real interval (the mean of
 * the two real intervals in a repeated fall-back hour), `NaN` when unknown.
 */
export interface CallHistory {
  /** `calls` (one row per call) or `counts` (one row per interval). */
  shape: 'calls' | 'counts';
  intervalMinutes: number;
  timeZone: string;
  /** Local day number (days since 1970-01-01 on the local clock) of grid row 0. */
  firstDay: number;
  dayCount: number;
  slotsPerDay: number;
  /** Reasons in the file (sorted); `['all']` when the file has no reason column. */
  reasons: string[];
  /** True when the file had a reason column. */
  hasReasons: boolean;
  /**
   * Per reason, `dayCount × slotsPerDay` cells, row-major by day; `NaN` = unknown; 0 for a
   * clock time that a spring-forward day skips (see `multiplicity`).
   */
  counts: Float64Array[];
  /** Real intervals behind each cell: 1, 0 in a spring-forward gap, 2 in a fall-back hour. */
  multiplicity: Uint8Array;
  /** Rows read (excluding the header), and calls in them, per reason and in total. */
  rowsRead: number;
  totalCalls: number;
  callsByReason: Record<string, number>;
  /** Cells filled as closed (zero) and left missing, and the wholly missing days. */
  closedCells: number;
  missingCells: number;
  missingDays: string[];
  warnings: HistoryWarning[];
}

/** Options of {@link buildCallHistory}. */
export interface BuildCallHistoryOptions {
  shape: 'calls' | 'counts';
  intervalMinutes: number;
  timeZone: string;
  absent?: AbsentIntervals;
  hasReasons: boolean;
  /** Rows read, when some were unusable and are not among `records`. */
  rowsRead?: number;
  warnings?: HistoryWarning[];
  file?: string;
}

const MAX_CELLS = 20_000_000;

/**
 * Put history records on the local-clock grid of {@link CallHistory}: sum calls per cell and
 * reason, report duplicated interval rows (the first is kept), then fill absent cells as the
 * `absent` policy says and report how many were filled each way. Used by the CSV reader and by
 * any program that has records in memory (the audit importer).
 * Cost: O(records + days × slots × reasons).
 */
export function buildCallHistory(
  records: readonly HistoryRecord[],
  options: BuildCallHistoryOptions,
): CallHistory {
  const { intervalMinutes, timeZone, shape } = options;
  const absent = options.absent ?? 'auto';
  const warnings = [...(options.warnings ?? [])];
  if (records.length === 0) {
    throw inputError(
      'history',
      'at least one usable row',
      'none',
      options.file ? { file: options.file } : {},
    );
  }
  const intervalMs = intervalMinutes * 60_000;
  const slotsPerDay = 1440 / intervalMinutes;
  const walls = new Float64Array(records.length);
  let firstWall = Number.POSITIVE_INFINITY;
  let lastWall = Number.NEGATIVE_INFINITY;
  const reasonSet = new Set<string>();
  records.forEach((record, i) => {
    const wall = 'wallMs' in record.at ? record.at.wallMs : wallMsOf(record.at.instantMs, timeZone);
    walls[i] = wall;
    if (wall < firstWall) firstWall = wall;
    if (wall > lastWall) lastWall = wall;
    reasonSet.add(record.reason);
  });
  const firstDay = Math.floor(firstWall / DAY_MS);
  const dayCount = Math.floor(lastWall / DAY_MS) - firstDay + 1;
  if (dayCount * slotsPerDay * reasonSet.size > MAX_CELLS) {
    throw new InputError(
      {
        path: 'history',
        expected: `at most ${MAX_CELLS} interval cells (days × intervals × reasons)`,
        received: `${dayCount} days × ${slotsPerDay} × ${reasonSet.size}`,
        hint: 'use a coarser --interval or a shorter history',
      },
      options.file,
    );
  }
  const reasons = [...reasonSet].sort();
  const reasonIndex = new Map(reasons.map((r, i) => [r, i]));
  const cells = dayCount * slotsPerDay;
  const counts = reasons.map(() => new Float64Array(cells));
  const observed = new Uint8Array(cells);
  const observedDay = new Uint8Array(dayCount);
  const multiplicity = dayMultiplicities(firstDay, dayCount, slotsPerDay, intervalMs, timeZone);
  const callsByReason: Record<string, number> = Object.fromEntries(reasons.map((r) => [r, 0]));
  const seen = new Map<string, number>();
  let totalCalls = 0;
  records.forEach((record, i) => {
    const wall = walls[i]!;
    const cell = Math.floor(wall / intervalMs) - firstDay * slotsPerDay;
    if (multiplicity[cell] === 0) {
      warnings.push({
        line: record.line,
        message: `${isoWall(wall)} does not exist in ${timeZone} (daylight-saving gap): row not counted`,
      });
      return;
    }
    if (shape === 'counts') {
      const key = `${'instantMs' in record.at ? `i${record.at.instantMs}` : `w${wall}`}|${record.reason}`;
      const previous = seen.get(key);
      if (previous !== undefined) {
        warnings.push({
          line: record.line,
          message: `duplicate of line ${previous} (same interval and reason): not counted again`,
        });
        return;
      }
      seen.set(key, record.line);
    }
    counts[reasonIndex.get(record.reason)!]![cell]! += record.calls;
    observed[cell] = 1;
    observedDay[Math.floor(cell / slotsPerDay)] = 1;
    callsByReason[record.reason]! += record.calls;
    totalCalls += record.calls;
  });

  const openWeekday = new Array<boolean>(7).fill(false);
  for (let d = 0; d < dayCount; d++)
    if (observedDay[d]) openWeekday[weekdayOfDay(firstDay + d)] = true;
  const firstCell = Math.floor(firstWall / intervalMs) - firstDay * slotsPerDay;
  const lastCell = Math.floor(lastWall / intervalMs) - firstDay * slotsPerDay;
  let closedCells = 0;
  let missingCells = 0;
  const missingDays: string[] = [];
  for (let d = 0; d < dayCount; d++) {
    const dayObserved = observedDay[d] === 1;
    const weekdayOpen = openWeekday[weekdayOfDay(firstDay + d)] === true;
    let dayMissing = !dayObserved;
    for (let s = 0; s < slotsPerDay; s++) {
      const cell = d * slotsPerDay + s;
      const m = multiplicity[cell]!;
      // A clock time skipped by daylight saving: no interval, no calls (not unknown).
      if (m === 0) continue;
      if (observed[cell]) {
        if (m === 2) for (const series of counts) series[cell]! /= 2;
        continue;
      }
      let missing: boolean;
      if (absent === 'closed') missing = false;
      else if (absent === 'missing') missing = shape === 'counts' || !dayObserved;
      else missing = cell < firstCell || cell > lastCell || (!dayObserved && weekdayOpen);
      if (missing) {
        for (const series of counts) series[cell] = Number.NaN;
        missingCells++;
      } else {
        closedCells++;
        dayMissing = false;
      }
    }
    if (dayMissing && !dayObserved) missingDays.push(isoDateOfDay(firstDay + d));
  }
  if (closedCells > 0) {
    warnings.push({
      message: `${closedCells} intervals had no row and were taken as closed (zero calls) (--absent ${absent})`,
    });
  }
  if (missingCells > 0) {
    warnings.push({
      message: `${missingCells} intervals had no row and were taken as missing (unknown)${
        missingDays.length > 0 ? `, including whole days ${summariseDays(missingDays)}` : ''
      } (--absent ${absent})`,
    });
  }
  return {
    shape,
    intervalMinutes,
    timeZone,
    firstDay,
    dayCount,
    slotsPerDay,
    reasons,
    hasReasons: options.hasReasons,
    counts,
    multiplicity,
    rowsRead: options.rowsRead ?? records.length,
    totalCalls,
    callsByReason,
    closedCells,
    missingCells,
    missingDays,
    warnings,
  };
}

function dayMultiplicities(
  firstDay: number,
  dayCount: number,
  slotsPerDay: number,
  intervalMs: number,
  timeZone: string,
): Uint8Array {
  const multiplicity = new Uint8Array(dayCount * slotsPerDay).fill(1);
  for (let d = 0; d < dayCount; d++) {
    const day = dayIntervalOccurrences((firstDay + d) * DAY_MS, slotsPerDay, intervalMs, timeZone);
    if (day) multiplicity.set(day, d * slotsPerDay);
  }
  return multiplicity;
}

function isoWall(wall: number): string {
  return new Date(wall).toISOString().slice(0, 19);
}

/** `1999-01-11…1999-01-12, 1999-03-01…1999-09-30` from a sorted list of dates. */
export function summariseDays(days: readonly string[]): string {
  const parts: string[] = [];
  let start = days[0];
  let previous = days[0];
  const flush = () => {
    if (start !== undefined) parts.push(start === previous ? start : `${start}…${previous}`);
  };
  for (const day of days.slice(1)) {
    const next = new Date(Date.parse(previous!) + DAY_MS).toISOString().slice(0, 10);
    if (day !== next) {
      flush();
      start = day;
    }
    previous = day;
  }
  flush();
  return parts.join(', ');
}
