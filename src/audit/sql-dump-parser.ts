import { InputError } from '../errors.js';
import { maxRecordChars } from './line-reader.js';
import { parseRecordTime } from './record-bounds.js';
import { cdrLegFromValues, cdrTableColumns } from './cdr-parser.js';
import { countBlank, countRecord, type ParserOptions, type RecordParser } from './record-parser.js';
import { type AuditRecord, newFileAccount, rejectLine } from './records.js';
import {
  columnDefinitionName,
  createTableName,
  isInsert,
  parseInsert,
  StatementScanner,
} from './sql-values.js';

const QUEUE_LOG_COLUMNS = [
  'id',
  'time',
  'callid',
  'queuename',
  'agent',
  'event',
  'data1',
  'data2',
  'data3',
  'data4',
  'data5',
];

/**
 * Reader of MySQL dumps holding Asterisk's `queue_log` and/or `cdr` tables (mysqldump
 * multi-row INSERTs, Navicat one-row INSERTs). Column names come from the dump's own CREATE
 * TABLE (else Asterisk's defaults). Other tables (`cel`, `replicate_cdr`, credentials…) are
 * counted by name, never read. The accounting unit is a line outside an INSERT of a table
 * read, or one VALUES tuple of it.
 */
export function sqlDumpParser(path: string, options: ParserOptions): RecordParser {
  const account = newFileAccount(path, 'sql');
  const lastQueue = { time: Number.NEGATIVE_INFINITY };
  const lastCdr = { time: Number.NEGATIVE_INFINITY };
  const tableColumns = new Map<string, string[]>();
  let creating: string | undefined;
  // The INSERT being read: its lines (joined once, when complete), where it started, its size.
  let pending: string[] = [];
  let pendingLine = 0;
  let pendingChars = 0;
  let scanner = new StatementScanner();
  const maxChars = maxRecordChars();

  /** Add a line to the open statement; true when that completes it. */
  const extend = (text: string, line: number): boolean => {
    const piece = pending.length === 0 ? text : `\n${text}`;
    pendingChars += piece.length;
    if (pendingChars > maxChars)
      throw new InputError(
        {
          path: `line ${pendingLine}`,
          expected: `an INSERT statement of at most ${maxChars.toLocaleString('en-US')} characters`,
          received: `a statement running on to line ${line} without its closing ";"`,
          hint: 'is a quote left open?',
        },
        path,
      );
    pending.push(piece);
    return scanner.feed(piece);
  };

  const flush = (out: AuditRecord[]) => {
    const statement = pending.join('');
    const line = pendingLine;
    const physical = pending.length;
    pending = [];
    pendingChars = 0;
    scanner = new StatementScanner();
    const insert = parseInsert(statement);
    const table = insert.table.toLowerCase();
    if (table !== 'queue_log' && table !== 'cdr') {
      account.ignoredTables[table || '?'] =
        (account.ignoredTables[table || '?'] ?? 0) + insert.tuples.length;
      for (let i = 0; i < physical; i++) countBlank(account);
      if (insert.error) account.ignoredTables[`${table || '?'} (unparsed)`] = 1;
      return;
    }
    const columns =
      insert.columns ??
      tableColumns.get(table) ??
      (table === 'cdr' ? cdrTableColumns : QUEUE_LOG_COLUMNS);
    insert.tuples.forEach((tuple, k) => {
      const where = `${line} tuple ${k + 1}`;
      if (tuple.length !== columns.length) {
        rejectLine(
          account,
          line,
          `${where}: expected ${columns.length} values, got ${tuple.length}`,
          tuple.join(','),
        );
        return;
      }
      const get = (name: string) => {
        const index = columns.indexOf(name);
        return index === -1 ? undefined : (tuple[index] ?? '');
      };
      if (table === 'cdr') {
        const leg = cdrLegFromValues(get, false, options, line, tuple.join('\u0000'));
        if (typeof leg === 'string') {
          rejectLine(account, line, `${where}: ${leg}`, tuple.join(','));
          return;
        }
        countRecord(account, leg.disposition, leg.time, lastCdr);
        out.push(leg);
        return;
      }
      const timeText = get('time') ?? '';
      const time = parseRecordTime(timeText, options.timeZone);
      const event = (get('event') ?? '').toUpperCase();
      if (!Number.isFinite(time) || !/^[A-Z][A-Z0-9_]*$/.test(event)) {
        rejectLine(
          account,
          line,
          `${where}: bad time ${JSON.stringify(timeText)} or event ${JSON.stringify(event)}`,
          tuple.join(','),
        );
        return;
      }
      const data =
        get('data1') !== undefined
          ? [1, 2, 3, 4, 5].map((i) => get(`data${i}`) ?? '')
          : (get('data') ?? '').split('|');
      countRecord(account, event, time, lastQueue);
      out.push({
        kind: 'queue',
        time,
        callId: get('callid') ?? '',
        queue: get('queuename') ?? '',
        agent: get('agent') ?? '',
        event,
        data,
        key: tuple.join('\u0000'),
        source: options.source,
        line,
      });
    });
    if (insert.error)
      rejectLine(
        account,
        line,
        `INSERT INTO ${table}: ${insert.error}${physical > 1 ? ` (statement of lines ${line}–${line + physical - 1}; the tuples after the fault are not read)` : '; the tuples after the fault are not read'}`,
        statement.slice(0, 120),
      );
    if (insert.tuples.length === 0 && !insert.error) countBlank(account);
  };

  return {
    account,
    parseLine(text, line, out) {
      // A new INSERT ends a statement left open (a quote never closed, a `;` missing): the
      // open one is read as far as it goes and its fault reported, instead of swallowing
      // every statement after it.
      if (pending.length > 0 && isInsert(text)) flush(out);
      if (pending.length > 0) {
        if (extend(text, line)) flush(out);
        return;
      }
      if (isInsert(text)) {
        pendingLine = line;
        if (extend(text, line)) flush(out);
        return;
      }
      const created = createTableName(text);
      if (created) {
        creating = created.toLowerCase();
        tableColumns.set(creating, []);
      } else if (creating) {
        const column = columnDefinitionName(text);
        if (column) tableColumns.get(creating)!.push(column.toLowerCase());
        else if (/^\s*\)/.test(text)) creating = undefined;
      }
      countBlank(account);
    },
    finish(out) {
      if (pending.length > 0) flush(out);
    },
  };
}
