import { readInputText, readFailure } from '../io/read-input-file.js';
import { parse } from 'csv-parse/sync';
import type { ProblemList } from './problem-list.js';
import { didYouMeanHint } from '../errors.js';
import { readCsvText } from '../io/csv-cell.js';
import { dayOfIsoDate, isoDateOfDay } from '../calendar/days.js';

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
    const day = m ? dayOfIsoDate(m[1]!) : undefined;
    if (day === undefined)
      p.add(
        where,
        'an ISO interval start on a real date, such as 2026-03-02T08:30:00+01:00',
        start,
      );
    else if (minutes % intervalMinutes !== 0)
      p.add(
        where,
        `an interval start on the ${intervalMinutes}-minute grid of calendar.intervalMinutes`,
        start,
      );
    else if (r < 0) {
      p.add(
        where,
        `a reason defined in reasons (${reasonNames.join(', ')})`,
        reason,
        didYouMeanHint(reason, reasonNames),
      );
    } else if (!(calls >= 0) || !Number.isFinite(calls))
      p.add(where, 'a forecast: a number of calls ≥ 0', forecast);
    else problem = false;
    if (problem) {
      if (++bad >= 20) break;
      continue;
    }
    first = Math.min(first, day!);
    last = Math.max(last, day!);
    parsed.push({ day: day!, slot: minutes / intervalMinutes, reason: r, calls });
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
  const startDate = isoDateOfDay(first);
  return { startDate, days, calls };
}

/**
 * A forecast's arrivals as they travel to worker threads and in jobs (JSON, so arrays of
 * numbers): what {@link readForecastArrivals} read from the file, never the file's path.
 */
export interface SentForecastArrivals {
  startDate: string;
  days: number;
  calls: number[][];
}

/** The arrivals of a forecast as {@link SentForecastArrivals}. Cost: linear in the forecast. */
export function sendForecastArrivals(forecast: ForecastArrivals): SentForecastArrivals {
  return {
    startDate: forecast.startDate,
    days: forecast.days,
    calls: forecast.calls.map((c) => Array.from(c)),
  };
}

const MAX_FORECAST_DAYS = 3660;

/**
 * Check arrivals sent with a scenario document (from the network, in a job) against the
 * scenario's reasons and interval, recording each problem under `at`; the arrivals, or
 * undefined when any is wrong. Cost: linear in the forecast.
 */
export function receiveForecastArrivals(
  sent: unknown,
  reasonNames: readonly string[],
  intervalMinutes: number,
  at: string,
  p: ProblemList,
): ForecastArrivals | undefined {
  const s = (sent ?? {}) as Partial<SentForecastArrivals>;
  const intervals = Math.round(1440 / intervalMinutes);
  if (
    typeof s.startDate !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(s.startDate) ||
    dayOfIsoDate(s.startDate) === undefined
  ) {
    p.add(`${at}.startDate`, 'a real date YYYY-MM-DD', s.startDate);
    return undefined;
  }
  if (
    typeof s.days !== 'number' ||
    !Number.isInteger(s.days) ||
    s.days < 1 ||
    s.days > MAX_FORECAST_DAYS
  ) {
    p.add(`${at}.days`, `a whole number of days from 1 to ${MAX_FORECAST_DAYS}`, s.days);
    return undefined;
  }
  const days = s.days;
  if (!Array.isArray(s.calls) || s.calls.length !== reasonNames.length) {
    p.add(
      `${at}.calls`,
      `one list of calls per reason (${reasonNames.length})`,
      Array.isArray(s.calls) ? s.calls.length : typeof s.calls,
    );
    return undefined;
  }
  const calls: Float64Array[] = [];
  for (const [r, list] of s.calls.entries()) {
    const where = `${at}.calls[${r}]`;
    if (!Array.isArray(list) || list.length !== days * intervals) {
      p.add(
        where,
        `${days * intervals} numbers (${days} days × ${intervals} intervals)`,
        Array.isArray(list) ? list.length : typeof list,
      );
      return undefined;
    }
    const bad = list.findIndex((x) => typeof x !== 'number' || !(x >= 0) || !Number.isFinite(x));
    if (bad >= 0) {
      p.add(`${where}[${bad}]`, 'a number of calls ≥ 0', list[bad]);
      return undefined;
    }
    calls.push(Float64Array.from(list as number[]));
  }
  return { startDate: s.startDate, days, calls };
}
