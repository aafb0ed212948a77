import { parse } from 'csv-parse/sync';
import { didYouMeanHint, InputError, type InputProblem } from '../errors.js';
import { readCsvText } from '../io/csv-cell.js';
import { dayOfIsoDate } from '../calendar/days.js';

/** One interval of offered load read from a plan file. */
export interface LoadRow {
  /** Line of the file the row came from (1 = header). */
  line: number;
  /** The interval's start as written in the file. */
  intervalStart: string;
  /** The start in milliseconds since the epoch, for ordering and the interval length. */
  startMs: number;
  /** The call reason, or null when the file has no reason column. */
  reason: string | null;
  /** Calls offered in the interval (may be fractional: a forecast). */
  calls: number;
  /** Mean handling time of this row, seconds, when the file gives one. */
  handleTimeSeconds: number | undefined;
}

const KNOWN_COLUMNS = [
  'interval_start',
  'calls',
  'forecast',
  'aht_seconds',
  'reason',
  'lower',
  'upper',
];
const MAX_PROBLEMS = 20;

/**
 * Read a load file for `switchboard staff --plan`: CSV with a header, columns
 * `interval_start,calls[,aht_seconds][,reason]`, or the forecast file the forecasting command
 * writes, `interval_start,reason,forecast,lower,upper` (`forecast` is read as calls; `lower`
 * and `upper` are ignored). Blank lines are skipped.
 *
 * Every malformed row is reported, not only the first: an {@link InputError} for `file` whose
 * problems name the line (`line 14: calls`). Cost O(rows).
 */
export function readLoadCsv(text: string, file: string): LoadRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputError(
      {
        path: line === undefined ? 'CSV' : `line ${line}`,
        expected: 'well-formed CSV',
        received: (error as Error).message.replace(/^[^:]*:\s*/, ''),
      },
      file,
    );
  }
  const [header, ...body] = records;
  if (header === undefined) {
    throw new InputError(
      { path: 'line 1', expected: 'a header row', received: 'an empty file' },
      file,
    );
  }
  const columns = header.record.map((name) => name.toLowerCase());
  const problems: InputProblem[] = [];
  for (const name of columns) {
    if (!KNOWN_COLUMNS.includes(name)) {
      const hint = didYouMeanHint(name, KNOWN_COLUMNS);
      problems.push({
        path: `line 1: column "${name}"`,
        expected: `one of ${KNOWN_COLUMNS.join(', ')}`,
        received: JSON.stringify(name),
        ...(hint ? { hint } : {}),
      });
    }
  }
  const callsColumn = columns.includes('calls') ? 'calls' : 'forecast';
  if (!columns.includes('interval_start') || !columns.includes(callsColumn)) {
    problems.push({
      path: 'line 1',
      expected: 'columns interval_start and calls (or forecast)',
      received: JSON.stringify(header.record.join(',')),
    });
  }
  if (problems.length > 0) throw new InputError(problems, file);
  const at = (name: string) => columns.indexOf(name);
  const rows: LoadRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    if (problems.length >= MAX_PROBLEMS) break;
    const line = info.lines;
    const problem = (column: string, expected: string, received: string) =>
      problems.push({
        path: `line ${line}: ${column}`,
        expected,
        received: JSON.stringify(received),
      });
    const start = record[at('interval_start')] ?? '';
    // Date.parse rolls 2026-02-31 over to 3 March: the date is checked against the calendar.
    const isoDate = /^\d{4}-\d{2}-\d{2}/.test(start) ? start.slice(0, 10) : undefined;
    const startMs =
      isoDate !== undefined && dayOfIsoDate(isoDate) === undefined ? Number.NaN : Date.parse(start);
    if (Number.isNaN(startMs))
      problem('interval_start', 'a date-time such as 2026-01-05T08:30', start);
    const callsText = record[at(callsColumn)] ?? '';
    const calls = Number(callsText);
    if (callsText === '' || !Number.isFinite(calls) || calls < 0) {
      problem(callsColumn, 'a number of calls ≥ 0', callsText);
    }
    let handleTimeSeconds: number | undefined;
    if (at('aht_seconds') >= 0) {
      const ahtText = record[at('aht_seconds')] ?? '';
      handleTimeSeconds = Number(ahtText);
      if (ahtText === '' || !Number.isFinite(handleTimeSeconds) || handleTimeSeconds <= 0) {
        problem('aht_seconds', 'a handling time in seconds > 0', ahtText);
      }
    }
    const reason = at('reason') >= 0 ? readCsvText(record[at('reason')] ?? '') : null;
    if (reason === '') problem('reason', 'a call reason', reason);
    const key = `${startMs}\u0000${reason}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(
        'interval_start',
        `one row per interval${reason === null ? '' : ' and reason'} (also on line ${earlier})`,
        start,
      );
    }
    seen.set(key, line);
    rows.push({ line, intervalStart: start, startMs, reason, calls, handleTimeSeconds });
  }
  if (problems.length > 0) throw new InputError(problems, file);
  if (rows.length === 0) {
    throw new InputError(
      { path: 'line 2', expected: 'at least one interval', received: 'none' },
      file,
    );
  }
  return rows;
}
