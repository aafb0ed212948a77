import { isRecordTime, parseRecordTime, recordSeconds } from './record-bounds.js';
import { parse as parseYaml } from 'yaml';
import { describeReceived, didYouMeanHint, InputError, type InputProblem } from '../errors.js';
import { nameKeyed } from '../io/name-keyed.js';
import { type CsvColumns, type CsvRecordReader, csvRecordParser } from './csv-record-parser.js';
import { countRecord, type ParserOptions, type RecordParser } from './record-parser.js';
import { type CallOutcome, type CallSummary, newFileAccount, rejectLine } from './records.js';
import { parseDurationSeconds } from '../units/duration.js';
import { localToEpochSeconds } from '../calendar/time-zone.js';
import { isRealDate } from '../calendar/days.js';

/** What a mapped outcome value means; `ignore` drops the row from the KPIs (still counted). */
export type MappedOutcome = CallOutcome | 'ignore' | 'notQueued';

/**
 * How to read a CSV export with one row per call: which columns hold what. Loaded from YAML
 * (`--map`); see `audit-maps/anonymous-bank-1999.yaml` for a commented example.
 */
export interface ColumnMap {
  separator: string;
  /** Column(s) forming the call id (joined with `/`). */
  callId: string[];
  caller?: string | undefined;
  /** Caller values meaning "unidentified". */
  unidentifiedCallers: string[];
  queue?: string | undefined;
  agent?: string | undefined;
  /**
   * Agent values meaning "nobody served the call" (e.g. `NO_SERVER`): read as no agent, so the
   * placeholder is never counted as an agent (occupancy, calibration roster, pseudonyms).
   */
  noAgent?: string[] | undefined;
  /** Column with the date when times are clock times (`H:MM:SS`). */
  date?: { column: string; pattern: 'YYMMDD' | 'YYYYMMDD' | 'YYYY-MM-DD' } | undefined;
  /** Time columns: datetimes, epochs, or clock times on `date`. */
  times: { arrival: string; queueStart?: string; queueEnd?: string; answer?: string; end?: string };
  /**
   * Columns of durations in seconds, as the records document them: `queue` (time in queue: the
   * wait, instead of a difference of clock times) and `service` (the talk time). A time in
   * `notSet` whose duration is positive did happen (a queue entry at midnight, `0:00:00`).
   */
  durations: { queue?: string | undefined; service?: string | undefined };
  /** A time value meaning "did not happen" (e.g. `0:00:00`). */
  notSet: string[];
  /**
   * The caller's priority: its column and the queue credit (seconds) each value got, e.g.
   * `{ column: priority, credit: { '2': 90s } }`; values not listed get none.
   */
  priority?: { column: string; credit: Record<string, number> } | undefined;
  outcome: { column: string; values: Record<string, MappedOutcome> };
  /** IANA zone of the times; the CLI uses it when `--tz` is not given (library: pass `timeZone`). */
  timeZone?: string | undefined;
  /** The map file as the user gave it (named in errors about its columns). */
  file?: string | undefined;
}

/**
 * Every column the map names, with the key naming it inside the map (`times.queueStart`,
 * `callId[1]`), in the map's order.
 */
export function mappedColumns(map: ColumnMap): [key: string, column: string][] {
  const named: [string, string | undefined][] = [
    ...map.callId.map((c, i): [string, string] => [
      map.callId.length > 1 ? `callId[${i}]` : 'callId',
      c,
    ]),
    ['caller', map.caller],
    ['queue', map.queue],
    ['agent', map.agent],
    ['date.column', map.date?.column],
    ...Object.entries(map.times).map(([k, c]): [string, string | undefined] => [`times.${k}`, c]),
    ...Object.entries(map.durations).map(([k, c]): [string, string | undefined] => [
      `durations.${k}`,
      c,
    ]),
    ['priority.column', map.priority?.column],
    ['outcome.column', map.outcome.column],
  ];
  return named.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

/** The top-level keys of a column map. */
const MAP_KEYS = [
  'separator',
  'callId',
  'caller',
  'unidentifiedCallers',
  'queue',
  'agent',
  'noAgent',
  'date',
  'times',
  'notSet',
  'durations',
  'priority',
  'outcome',
  'timeZone',
] as const;

const OUTCOMES: MappedOutcome[] = [
  'answered',
  'abandoned',
  'timeout',
  'exitKey',
  'exitEmpty',
  'busy',
  'other',
  'ignore',
  'notQueued',
];

/**
 * Validate a parsed YAML column map, collecting every problem (path, expected, received).
 * Throws {@link InputError} naming `file`.
 */
export function parseColumnMap(text: string, file: string): ColumnMap {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InputError(
      {
        path: '(yaml)',
        expected: 'valid YAML',
        received: (error as Error).message.split('\n')[0] ?? '',
      },
      file,
    );
  }
  const problems: InputProblem[] = [];
  const obj = (raw ?? {}) as Record<string, unknown>;
  const str = (path: string, value: unknown, required: boolean): string | undefined => {
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value === '') {
      problems.push({
        path,
        expected: 'a column name',
        received: JSON.stringify(value) ?? 'nothing',
      });
      return undefined;
    }
    return value;
  };
  const list = (value: unknown): string[] =>
    value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
  const callId = list(obj.callId);
  if (callId.length === 0)
    problems.push({ path: 'callId', expected: 'a column or list of columns', received: 'nothing' });
  const times = (obj.times ?? {}) as Record<string, unknown>;
  const durations = (obj.durations ?? {}) as Record<string, unknown>;
  const outcome = (obj.outcome ?? {}) as Record<string, unknown>;
  // A misspelt key (`queueStrat:`) would leave its column unread, as a misspelt column would.
  const known = (section: unknown, prefix: string, keys: readonly string[]) => {
    if (typeof section !== 'object' || section === null || Array.isArray(section)) return;
    for (const key of Object.keys(section))
      if (!keys.includes(key)) {
        const problem: InputProblem = {
          path: `${prefix}${key}`,
          expected: `one of the map's keys ${keys.join(', ')}`,
          received: JSON.stringify(key),
        };
        const hint = didYouMeanHint(key, keys);
        if (hint !== undefined) problem.hint = hint;
        problems.push(problem);
      }
  };
  known(obj, '', MAP_KEYS);
  known(obj.times, 'times.', ['arrival', 'queueStart', 'queueEnd', 'answer', 'end']);
  known(obj.durations, 'durations.', ['queue', 'service']);
  known(obj.date, 'date.', ['column', 'pattern']);
  known(obj.priority, 'priority.', ['column', 'credit']);
  known(obj.outcome, 'outcome.', ['column', 'values']);
  const values = nameKeyed<MappedOutcome>();
  for (const [key, value] of Object.entries((outcome.values ?? {}) as Record<string, unknown>)) {
    if (OUTCOMES.includes(value as MappedOutcome)) values[key] = value as MappedOutcome;
    else
      problems.push({
        path: `outcome.values.${key}`,
        expected: `one of ${OUTCOMES.join(', ')}`,
        received: describeReceived(value),
      });
  }
  let date: ColumnMap['date'];
  if (obj.date !== undefined) {
    const d = obj.date as Record<string, unknown>;
    const pattern = d.pattern;
    if (pattern !== 'YYMMDD' && pattern !== 'YYYYMMDD' && pattern !== 'YYYY-MM-DD')
      problems.push({
        path: 'date.pattern',
        expected: 'YYMMDD, YYYYMMDD or YYYY-MM-DD',
        received: describeReceived(pattern),
      });
    const column = str('date.column', d.column, true);
    if (column) date = { column, pattern: pattern as 'YYMMDD' };
  }
  let priority: ColumnMap['priority'];
  if (obj.priority !== undefined) {
    const raw = (obj.priority ?? {}) as Record<string, unknown>;
    const column = str('priority.column', raw.column, true);
    const credit = nameKeyed<number>();
    for (const [value, text] of Object.entries((raw.credit ?? {}) as Record<string, unknown>)) {
      let seconds = Number.NaN;
      try {
        seconds = parseDurationSeconds(text as string, { path: `priority.credit.${value}` });
      } catch {}
      if (Number.isFinite(seconds) && seconds >= 0 && seconds <= 86_400) credit[value] = seconds;
      else
        problems.push({
          path: `priority.credit.${value}`,
          expected: 'a duration of at most 24h (e.g. 90s, 1.5m)',
          received: JSON.stringify(text) ?? 'nothing',
        });
    }
    if (column) priority = { column, credit };
  }
  const map: ColumnMap = {
    separator: typeof obj.separator === 'string' ? obj.separator : ',',
    callId,
    caller: str('caller', obj.caller, false),
    unidentifiedCallers: list(obj.unidentifiedCallers),
    queue: str('queue', obj.queue, false),
    agent: str('agent', obj.agent, false),
    noAgent: list(obj.noAgent),
    date,
    times: {
      arrival: str('times.arrival', times.arrival, true) ?? '',
      queueStart: str('times.queueStart', times.queueStart, false),
      queueEnd: str('times.queueEnd', times.queueEnd, false),
      answer: str('times.answer', times.answer, false),
      end: str('times.end', times.end, false),
    },
    durations: {
      queue: str('durations.queue', durations.queue, false),
      service: str('durations.service', durations.service, false),
    },
    notSet: list(obj.notSet),
    priority,
    outcome: { column: str('outcome.column', outcome.column, true) ?? '', values },
    timeZone: typeof obj.timeZone === 'string' ? obj.timeZone : undefined,
    file,
  };
  if (problems.length > 0) throw new InputError(problems, file);
  return map;
}

/**
 * Reader of a per-call CSV through a {@link ColumnMap}: each row becomes a {@link CallSummary}.
 * The wait is the map's queue-duration column when it has one (the records' own definition),
 * else answer − queue start, or queue end − queue start when unanswered; a row that never
 * queued (queue start not set) waited 0 s, and without a queue-start column the arrival is the
 * queue entry. A clock time more than 12 h earlier than the one before it in the row passed
 * midnight: it moves to the next day. Rows whose outcome is unmapped are rejected, with the
 * value named.
 */
export function mappedCsvParser(
  path: string,
  map: ColumnMap,
  options: ParserOptions,
): RecordParser {
  const account = newFileAccount(path, 'mapped-csv');
  const last = { time: Number.NEGATIVE_INFINITY };
  const timeZone = options.timeZone;
  const columnsOf = (fields: string[]): CsvColumns => {
    const header = new Map(fields.map((f, i) => [f.trim(), i]));
    // Every column the map names must be in the header: a misspelt one would read as empty on
    // every row (a queue start never set: a perfect service level).
    const names = [...header.keys()];
    const shown = names.map((n) => JSON.stringify(n)).join(', ');
    const missing = mappedColumns(map).filter(([, column]) => !header.has(column));
    if (missing.length > 0)
      throw new InputError(
        missing.map(([key, column]) => {
          const problem: InputProblem = {
            path: key,
            expected: `a column of the header of ${path} (${shown.length > 200 ? `${shown.slice(0, 197)}...` : shown})`,
            received: JSON.stringify(column),
          };
          const hint = didYouMeanHint(column, names);
          if (hint !== undefined) problem.hint = hint;
          return problem;
        }),
        map.file ?? path,
      );
    return { index: header, width: header.size, header: true };
  };
  const readRow: CsvRecordReader = (fields, header, text, line, out) => {
    const get = (column: string | undefined) =>
      column === undefined ? '' : (fields[header.get(column) ?? -1] ?? '').trim();
    const outcomeText = get(map.outcome.column);
    const outcome = map.outcome.values[outcomeText];
    if (outcome === undefined) {
      rejectLine(
        account,
        line,
        `outcome ${JSON.stringify(outcomeText)} is not in the map's outcome.values`,
        text,
      );
      return;
    }
    let dayStart = Number.NaN;
    if (map.date) {
      const d = get(map.date.column).replaceAll('-', '');
      const m = /^(\d{2}|\d{4})(\d{2})(\d{2})$/.exec(d);
      if (m) {
        const year =
          m[1]!.length === 2 ? 1900 + Number(m[1]) + (Number(m[1]) < 70 ? 100 : 0) : Number(m[1]);
        if (isRealDate(year, Number(m[2]), Number(m[3])))
          dayStart = localToEpochSeconds(year, Number(m[2]), Number(m[3]), 0, 0, 0, timeZone);
      }
      if (!Number.isFinite(dayStart)) {
        rejectLine(
          account,
          line,
          `date ${JSON.stringify(get(map.date.column))} is not ${map.date.pattern}`,
          text,
        );
        return;
      }
    }
    let previous = Number.NaN;
    // `happened`: the row's own duration shows the event took place, so a `notSet` value (a
    // queue entry at 0:00:00) is a real midnight, not "did not happen".
    const time = (column: string | undefined, happened = false): number => {
      const value = get(column);
      if (column === undefined || value === '') return Number.NaN;
      if (!happened && map.notSet.includes(value)) return Number.NaN;
      const clock = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(value);
      let t: number;
      if (clock && Number.isFinite(dayStart)) {
        t = dayStart + Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
        if (Number.isFinite(previous) && t < previous - 43_200) t += 86_400;
      } else t = parseRecordTime(value, timeZone);
      if (!isRecordTime(t)) t = Number.NaN;
      if (Number.isFinite(t)) previous = t;
      return t;
    };
    const duration = (column: string | undefined): number => {
      const value = get(column);
      if (column === undefined || !/^\d+(\.\d+)?$/.test(value)) return Number.NaN;
      return recordSeconds(value);
    };
    const arrival = time(map.times.arrival);
    if (!Number.isFinite(arrival)) {
      rejectLine(
        account,
        line,
        `arrival ${JSON.stringify(get(map.times.arrival))} is not a time`,
        text,
      );
      return;
    }
    const queueSeconds = duration(map.durations.queue);
    const serviceSeconds = duration(map.durations.service);
    const queueStart = time(map.times.queueStart, queueSeconds > 0);
    const queueEnd = time(map.times.queueEnd, queueSeconds > 0);
    const answer = time(map.times.answer, serviceSeconds > 0);
    const end = time(map.times.end, serviceSeconds > 0);
    countRecord(account, outcomeText, arrival, last);
    if (outcome === 'ignore') {
      const ignored = (account.ignored ??= nameKeyed());
      ignored[outcomeText] = (ignored[outcomeText] ?? 0) + 1;
      return;
    }
    // Without a queue-start column the arrival is the queue entry; with one, a row whose queue
    // start is not set never queued (an answered one went from the menu straight to an agent).
    const hasQueueColumn = map.times.queueStart !== undefined;
    const queued = hasQueueColumn ? Number.isFinite(queueStart) : true;
    const entered = Number.isFinite(queueStart) ? queueStart : arrival;
    let resolved: CallOutcome | 'notQueued' = outcome;
    if (!queued && outcome !== 'answered') resolved = 'notQueued';
    const left =
      outcome === 'answered'
        ? Number.isFinite(answer)
          ? answer
          : entered
        : queued
          ? queueEnd
          : entered;
    const clockWait = Math.max(0, (Number.isFinite(left) ? left : entered) - entered);
    const wait = !queued ? 0 : Number.isFinite(queueSeconds) ? queueSeconds : clockWait;
    const talk = Number.isFinite(serviceSeconds)
      ? serviceSeconds
      : Number.isFinite(end) && Number.isFinite(answer)
        ? end - answer
        : 0;
    const raw = get(map.caller);
    const agent = get(map.agent);
    const summary: CallSummary = {
      kind: 'call',
      callId: map.callId.map(get).join('/'),
      caller: raw === '' || map.unidentifiedCallers.includes(raw) ? '' : raw,
      queue: get(map.queue) || 'default',
      path: [get(map.queue) || 'default'],
      time: entered,
      arrivalTime: arrival,
      endTime: Number.isFinite(end) ? end : Number.isFinite(left) ? left : entered,
      outcome: resolved === 'notQueued' ? 'other' : resolved,
      waitSeconds: wait,
      totalWaitSeconds: wait,
      talkSeconds: outcome === 'answered' ? Math.max(0, talk) : 0,
      agent: map.noAgent?.includes(agent) ? '' : agent,
      transfers: 0,
      transferTargets: [],
      bouncedFrom: [],
      blindTransfers: 0,
      attendedTransfers: 0,
      bounces: 0,
      ringNoAnswer: 0,
      source: options.source,
      line,
    };
    if (resolved === 'notQueued') summary.path = [];
    else if (!queued) summary.neverQueued = true;
    if (map.priority)
      summary.queueCreditSeconds = map.priority.credit[get(map.priority.column)] ?? 0;
    out.push(summary);
  };
  return csvRecordParser(account, columnsOf, readRow, map.separator);
}
