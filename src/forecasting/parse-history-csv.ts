import { readInputText, readFailure } from '../io/read-input-file.js';
import { type CsvRow, csvRows } from '../io/csv-rows.js';
import { didYouMeanHint, InputError, type InputProblem, inputError } from '../errors.js';
import {
  type AbsentIntervals,
  buildCallHistory,
  type CallHistory,
  type HistoryRecord,
  type HistoryWarning,
} from './call-history.js';
import { parseHistoryTimestamp } from './parse-history-timestamp.js';
import { readCsvText } from '../io/csv-cell.js';

/** Options of {@link parseHistoryCsv}. */
export interface ParseHistoryCsvOptions {
  /** IANA zone of timestamps written without an offset, and of the output. Default `UTC`. */
  timeZone?: string;
  /** Interval length; default: inferred from a counts file, 30 for a per-call file. */
  intervalMinutes?: number;
  absent?: AbsentIntervals;
  /** File name for messages. */
  file?: string;
}

const PER_CALL_DEFAULT_MINUTES = 30;

/**
 * The most calls one row of a counts history may give (per interval and reason): larger counts
 * are reported with their line, so no sum or interval arithmetic can lose precision.
 */
export const MAX_INTERVAL_CALLS = 1_000_000;

/**
 * Read a call history CSV, recognised by its header: one row per call (`timestamp[,reason]`)
 * or counts per interval (`interval_start,calls[,reason]`). Timestamps are ISO
 * (`2024-03-31T08:30[:00][+02:00]`); without an offset they are local clock times of
 * `timeZone`. Every unreadable row, bad timestamp or count, and duplicated interval is
 * reported as a warning with its line number; when no row is usable, or most rows are not, an
 * {@link InputError} lists them. Cost: O(rows + days × intervals × reasons).
 */
export function parseHistoryCsv(text: string, options: ParseHistoryCsvOptions = {}): CallHistory {
  const file = options.file;
  const fileOption = file === undefined ? {} : { file };
  let rows: CsvRow[];
  try {
    rows = csvRows(text);
  } catch (error) {
    throw inputError('history', 'a readable CSV file', (error as Error).message, {
      ...fileOption,
      raw: true,
    });
  }
  const header = rows[0]?.record.map((h) => h.toLowerCase());
  if (!header) throw inputError('line 1', 'a header row', 'an empty file', fileOption);
  const column = (name: string) => header.indexOf(name);
  const reasonColumn = column('reason');
  let shape: 'calls' | 'counts';
  let timeColumn: number;
  const callsColumn = column('calls');
  if (column('interval_start') >= 0 && callsColumn >= 0) {
    shape = 'counts';
    timeColumn = column('interval_start');
  } else if (column('timestamp') >= 0) {
    shape = 'calls';
    timeColumn = column('timestamp');
  } else {
    throw inputError(
      'line 1',
      'a header `timestamp[,reason]` (one row per call) or `interval_start,calls[,reason]` (counts)',
      rows[0]!.record.join(','),
      {
        ...fileOption,
        hint: 'convert telephony records with the audit importer first',
      },
    );
  }
  // Other columns are ignored, but one spelt like a missing known column is a mistake: with
  // `reasn` for `reason`, every interval's reasons would be read as duplicates of one row.
  const known = ['timestamp', 'interval_start', 'calls', 'reason'];
  const misspelt: InputProblem[] = [];
  for (const name of header) {
    if (known.includes(name)) continue;
    const hint = didYouMeanHint(
      name,
      known.filter((k) => !header.includes(k)),
    );
    if (hint)
      misspelt.push({
        path: `line 1: column ${JSON.stringify(name)}`,
        expected: `one of ${known.join(', ')} (other columns are ignored)`,
        received: JSON.stringify(name),
        hint,
      });
  }
  if (misspelt.length > 0) throw new InputError(misspelt, file);
  const warnings: HistoryWarning[] = [];
  const problems: InputProblem[] = [];
  const records: HistoryRecord[] = [];
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines;
    const rawTime = record[timeColumn] ?? '';
    const at = parseHistoryTimestamp(rawTime);
    const reason = reasonColumn >= 0 ? readCsvText(record[reasonColumn] ?? '') : 'all';
    let problem: InputProblem | undefined;
    let calls = 1;
    if (!at) {
      problem = {
        path: `line ${line}`,
        expected: 'an ISO timestamp such as 2024-03-31T08:30',
        received: JSON.stringify(rawTime),
      };
    } else if (reason === '') {
      problem = { path: `line ${line}`, expected: 'a reason', received: 'an empty cell' };
    } else if (reasonColumn >= 0 && reason === 'all') {
      problem = {
        path: `line ${line}`,
        expected: 'a reason other than "all" (reserved for the total)',
        received: '"all"',
      };
    } else if (shape === 'counts') {
      const rawCalls = record[callsColumn] ?? '';
      calls = Number(rawCalls);
      if (rawCalls === '' || !Number.isInteger(calls) || calls < 0 || calls > MAX_INTERVAL_CALLS) {
        problem = {
          path: `line ${line}`,
          expected: 'calls as a whole number from 0 to 1,000,000',
          received: JSON.stringify(rawCalls),
        };
      }
    }
    if (problem) {
      problems.push(problem);
      warnings.push({
        line,
        message: `expected ${problem.expected}, received ${problem.received}: row not counted`,
      });
      continue;
    }
    records.push({ at: at!, reason, calls, line });
  }
  const rowsRead = rows.length - 1;
  if (records.length === 0 || problems.length > rowsRead / 2) {
    throw new InputError(
      problems.length > 0
        ? problems.slice(0, 20)
        : [{ path: 'history', expected: 'at least one data row', received: 'none' }],
      file,
    );
  }
  const intervalMinutes = chooseInterval(records, shape, options.intervalMinutes, file);
  const history = buildCallHistory(records, {
    shape,
    intervalMinutes,
    timeZone: options.timeZone ?? 'UTC',
    absent: options.absent ?? 'auto',
    hasReasons: reasonColumn >= 0,
    rowsRead,
    warnings,
    ...fileOption,
  });
  // Rows the grid did not count (duplicated intervals, daylight-saving gaps) are unusable too.
  const dropped = history.warnings.slice(warnings.length).filter((w) => w.line !== undefined);
  if (problems.length + dropped.length > rowsRead / 2) {
    const listed = dropped.map((w) => ({
      path: `line ${w.line}`,
      expected: 'a row counted once on the grid',
      received: w.message.replace(/: not counted.*$/, ''),
    }));
    throw new InputError(
      [
        {
          path: 'history',
          expected: 'at most half the rows unusable',
          received: `${problems.length + dropped.length} of ${rowsRead} rows not counted`,
        },
        ...[...problems, ...listed].slice(0, 20),
      ],
      file,
    );
  }
  return history;
}

/** Read {@link parseHistoryCsv} from a file; a missing file is an {@link InputError}. */
export function readHistoryCsv(path: string, options: ParseHistoryCsvOptions = {}): CallHistory {
  let text: string;
  try {
    text = readInputText(path);
  } catch (error) {
    throw inputError('--history', 'a readable file', path, { hint: readFailure(error) });
  }
  return parseHistoryCsv(text, { file: path, ...options });
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function chooseInterval(
  records: readonly HistoryRecord[],
  shape: 'calls' | 'counts',
  requested: number | undefined,
  file: string | undefined,
): number {
  if (requested !== undefined && (1440 % requested !== 0 || !Number.isInteger(requested))) {
    throw inputError(
      '--interval',
      'a whole number of minutes dividing a day (5m, 15m, 30m, 1h)',
      `${requested} min`,
      {
        raw: true,
      },
    );
  }
  if (shape === 'calls') return requested ?? PER_CALL_DEFAULT_MINUTES;
  let step = 1440;
  for (const { at } of records) {
    const ms = 'wallMs' in at ? at.wallMs : at.instantMs;
    const minute = Math.floor((((ms % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
    step = gcd(step, minute);
    if (step === 1) break;
  }
  if (requested === undefined) return step;
  // Aggregating finer rows is fine; so is a sparse file whose rows all fall on the grid.
  if (requested % step !== 0 && step % requested !== 0) {
    throw inputError(
      '--interval',
      `a multiple or divisor of the history's ${step}-minute steps`,
      `${requested} min`,
      {
        raw: true,
        ...(file === undefined ? {} : { file }),
      },
    );
  }
  return requested;
}
