import { readInputText, readFailure } from '../io/read-input-file.js';
import { parse } from 'csv-parse/sync';
import type { ProblemList } from './problem-list.js';
import { suggestName } from './suggest-name.js';
import { readCsvText } from '../io/csv-cell.js';

/** Arrivals taken from a forecast: calls per dated interval, per reason. */
export interface ForecastArrivals {
  /** First day of the forecast (`YYYY-MM-DD`, local). */
  startDate: string;
  /** Whole days covered. */
  days: number;
  /** calls[reason][day * intervals + interval]: expected calls in that interval. */
  calls: Float64Array[];
}

const HEADER = ['interval_start', 'reason', 'forecast', 'lower', 'upper'];

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86400000);
}

/**
 * Read a forecast CSV written by `switchboard forecast` (`interval_start,reason,forecast,lower,
 * upper`; `interval_start` ISO with its offset, whose local clock time is used) into expected
 * calls per dated interval and reason. Rows of reason `all` are skipped; other reasons must be
 * defined in the scenario. Every bad row is recorded with its line. Cost: linear in the file.
 */
export function readForecastArrivals(
  path: string,
  reasonNames: readonly string[],
  intervalMinutes: number,
  at: string,
  p: ProblemList,
): ForecastArrivals | undefined {
  let rows: string[][];
  try {
    rows = parse(readInputText(path), { skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    p.add(
      at,
      'a readable forecast CSV (interval_start,reason,forecast,lower,upper)',
      path,
      readFailure(error).split('\n')[0],
    );
    return undefined;
  }
  const header = rows[0]?.map((h) => h.trim());
  if (!header || HEADER.some((h, i) => header[i] !== h)) {
    p.add(`${at} (${path}) line 1`, `the header ${HEADER.join(',')}`, header?.join(',') ?? '');
    return undefined;
  }
  const intervals = Math.round(1440 / intervalMinutes);
  const parsed: { day: number; slot: number; reason: number; calls: number }[] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let bad = 0;
  for (let i = 1; i < rows.length; i++) {
    const [start = '', quoted = '', forecast = ''] = rows[i]!;
    const reason = readCsvText(quoted);
    if (reason === 'all') continue;
    const where = `${at} (${path}) line ${i + 1}`;
    const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(start);
    const minutes = m ? Number(m[2]) * 60 + Number(m[3]) : Number.NaN;
    const r = reasonNames.indexOf(reason);
    const calls = Number(forecast);
    let problem = true;
    if (!m || Number.isNaN(dayNumber(m[1]!)))
      p.add(where, 'an ISO interval start such as 2026-03-02T08:30:00+01:00', start);
    else if (minutes % intervalMinutes !== 0)
      p.add(
        where,
        `an interval start on the ${intervalMinutes}-minute grid of calendar.intervalMinutes`,
        start,
      );
    else if (r < 0) {
      const s = suggestName(reason, reasonNames);
      p.add(
        where,
        `a reason defined in reasons (${reasonNames.join(', ')})`,
        reason,
        s ? `did you mean "${s}"?` : undefined,
      );
    } else if (!(calls >= 0) || !Number.isFinite(calls))
      p.add(where, 'a forecast: a number of calls ≥ 0', forecast);
    else problem = false;
    if (problem) {
      if (++bad >= 20) break;
      continue;
    }
    const day = dayNumber(m![1]!);
    first = Math.min(first, day);
    last = Math.max(last, day);
    parsed.push({ day, slot: minutes / intervalMinutes, reason: r, calls });
  }
  if (bad > 0) return undefined;
  if (parsed.length === 0) {
    p.add(`${at} (${path})`, 'at least one forecast row for a reason of the scenario', 'none');
    return undefined;
  }
  const days = last - first + 1;
  const calls = reasonNames.map(() => new Float64Array(days * intervals));
  for (const row of parsed)
    calls[row.reason]![(row.day - first) * intervals + row.slot]! += row.calls;
  const startDate = new Date(first * 86400000).toISOString().slice(0, 10);
  return { startDate, days, calls };
}
