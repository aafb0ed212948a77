import { statSync } from 'node:fs';
import { InputFileError, readFailure, readInputText } from '../io/read-input-file.js';
import { csvRows, type CsvRow } from '../io/csv-rows.js';
import type { ProblemList } from './problem-list.js';
import { parseTimeOfDay } from './read-fields.js';
import { weekdays } from './scenario-types.js';
import { didYouMeanHint } from '../errors.js';

/** The largest intraday-profile CSV read: a week of 5-minute intervals is about 50 kB. */
export const MAX_PROFILE_CSV_BYTES = 1_000_000;
/** The most rows read from one: a default day and seven weekdays of 5-minute intervals is 2,304. */
export const MAX_PROFILE_CSV_ROWS = 10_000;
/** The largest weight of one interval (as in the scenario's own `intradayProfile`). */
const MAX_WEIGHT = 1e9;
/** Bad rows reported before the reader stops listing them. */
const MAX_REPORTED = 20;

/**
 * An intraday profile from a CSV file, in the form a scenario writes it inline: weekday (or
 * `default`) → interval start `HH:MM` → weight. Columns, found by their header: `interval_start`
 * (`HH:MM`, on the `intervalMinutes` grid), `calls` (a number from 0 to 1e9: calls counted in
 * that interval, or any weights) and an optional `weekday` (`monday` … `sunday` or `default`;
 * without the column every row is `default`). The file is read with the project's CSV reader
 * (quotes, a byte-order mark, blank lines, spreadsheet spacing). Every bad row is recorded in
 * `p` as `at (file) line L, column C` (at most 20 of them; the file named `shown`, as the
 * scenario writes it); a file over 1 MB or 10,000 rows, a
 * missing column and a repeated interval are refused. Returns undefined when anything is wrong.
 * Cost: O(file).
 */
export function readProfileCsv(
  path: string,
  intervalMinutes: number,
  at: string,
  p: ProblemList,
  shown = path,
): Record<string, Record<string, number>> | undefined {
  const where = (line?: number, column?: string) =>
    `${at} (${shown})${line === undefined ? '' : ` line ${line}`}${column === undefined ? '' : `, column ${column}`}`;
  const expectedFile = 'a readable CSV file with the columns interval_start,calls[,weekday]';
  let rows: CsvRow[];
  try {
    rows = csvRows(readInputText(path, MAX_PROFILE_CSV_BYTES));
  } catch (error) {
    if (error instanceof InputFileError && error.code === 'EFBIG') {
      p.add(where(), `a profile CSV of at most 1 MB`, `${statSync(path).size} bytes`);
      return undefined;
    }
    if (
      error instanceof InputFileError ||
      typeof (error as NodeJS.ErrnoException).syscall === 'string'
    ) {
      // Not read (ENOENT, EACCES…): the reason in words, not the system's message, which names
      // the absolute path.
      p.add(where(), expectedFile, shown, readFailure(error));
      return undefined;
    }
    const e = error as Error & { code?: string; lines?: number; column?: number | string };
    const line = typeof e.lines === 'number' ? e.lines : undefined;
    p.add(where(line), expectedFile, shown, (e.message.split('\n')[0] ?? '').slice(0, 200));
    return undefined;
  }
  const header = rows[0]?.record.map((h) => h.toLowerCase());
  if (!header) {
    p.add(where(1), 'a header row interval_start,calls[,weekday]', 'an empty file');
    return undefined;
  }
  const column = (name: string) => header.indexOf(name);
  const [startColumn, callsColumn, weekdayColumn] = [
    column('interval_start'),
    column('calls'),
    column('weekday'),
  ];
  if (startColumn < 0 || callsColumn < 0) {
    p.add(where(1), 'a header with the columns interval_start,calls[,weekday]', header.join(','));
    return undefined;
  }
  if (rows.length - 1 > MAX_PROFILE_CSV_ROWS) {
    p.add(where(), `at most ${MAX_PROFILE_CSV_ROWS} rows`, `${rows.length - 1} rows`);
    return undefined;
  }
  const days = ['default', ...weekdays];
  const profile: Record<string, Record<string, number>> = {};
  const seenOn = new Map<string, number>();
  let bad = 0;
  const problem = (
    line: number,
    name: string,
    expected: string,
    received: unknown,
    hint?: string,
  ) => {
    if (bad++ < MAX_REPORTED) {
      const index = column(name) + 1;
      p.add(where(line, `${index} (${name})`), expected, received, hint);
    }
  };
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines;
    const start = record[startColumn] ?? '';
    const seconds = /^\d\d:\d\d$/.test(start) ? parseTimeOfDay(start) : Number.NaN;
    const rawCalls = record[callsColumn] ?? '';
    const calls = rawCalls === '' ? Number.NaN : Number(rawCalls);
    const day = weekdayColumn >= 0 ? (record[weekdayColumn] ?? '').toLowerCase() : 'default';
    if (!days.includes(day)) {
      problem(
        line,
        'weekday',
        `a weekday (${days.join(', ')})`,
        record[weekdayColumn],
        didYouMeanHint(day, days),
      );
    } else if (!(seconds >= 0 && seconds < 86400) || seconds % (intervalMinutes * 60) !== 0)
      problem(
        line,
        'interval_start',
        `an interval start HH:MM on the ${intervalMinutes}-minute grid`,
        start,
      );
    else if (!(calls >= 0 && calls <= MAX_WEIGHT))
      problem(line, 'calls', 'calls counted in the interval: a number from 0 to 1e9', rawCalls);
    else if (seenOn.has(`${day} ${start}`))
      problem(
        line,
        'interval_start',
        `each interval once per weekday (${day} ${start} is on line ${seenOn.get(`${day} ${start}`)})`,
        start,
      );
    else {
      seenOn.set(`${day} ${start}`, line);
      (profile[day] ??= {})[start] = calls;
    }
  }
  if (bad > MAX_REPORTED) p.add(where(), 'fewer bad rows', `${bad - MAX_REPORTED} more not listed`);
  if (bad > 0) return undefined;
  if (Object.keys(profile).length === 0) {
    p.add(where(), 'at least one row of interval_start,calls', 'no rows');
    return undefined;
  }
  return profile;
}
