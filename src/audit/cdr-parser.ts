import { type CsvColumns, csvRecordParser } from './csv-record-parser.js';
import { countRecord, type ParserOptions, type RecordParser } from './record-parser.js';
import {
  type AuditFormat,
  type CdrLeg,
  type FileAccount,
  newFileAccount,
  rejectLine,
} from './records.js';
import { parseRecordTime, recordSeconds } from './record-bounds.js';

const STANDARD = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
];

/** Who called whom and what ran, in the order of Asterisk's `cdr` table (after its date). */
const CALL_COLUMNS = [
  'clid',
  'src',
  'dst',
  'dcontext',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
];
/** How the call ended, in the order of Asterisk's `cdr` table. */
const OUTCOME_COLUMNS = [
  'duration',
  'billsec',
  'disposition',
  'amaflags',
  'accountcode',
  'uniqueid',
  'userfield',
];

/**
 * Columns of Asterisk's `cdr` database table (cdr_mysql, cdr_adaptive_odbc) when a dump does not
 * say them: `calldate` and then the Master.csv fields in the table's order.
 */
export const cdrTableColumns = ['calldate', ...CALL_COLUMNS, ...OUTCOME_COLUMNS];

/**
 * Column layouts of Asterisk cdr_csv `Master.csv` without a header, by field count: 16 (the
 * classic template), 18 (+ uniqueid, userfield: Asterisk 1.8–11), 21 (+ peeraccount, linkedid,
 * sequence: Asterisk 12+) and a 19-column custom template in the `cdr` table's order, with
 * start, answer and end for its date and sequence last.
 */
export const masterCsvLayouts: Record<number, string[]> = {
  16: STANDARD,
  18: [...STANDARD, 'uniqueid', 'userfield'],
  21: [...STANDARD, 'uniqueid', 'userfield', 'peeraccount', 'linkedid', 'sequence'],
  19: [...CALL_COLUMNS, 'start', 'answer', 'end', ...OUTCOME_COLUMNS, 'sequence'],
};

/** FreeSWITCH mod_cdr_csv default template (15 columns). */
export const freeswitchLayout = [
  'caller_id_name',
  'caller_id_number',
  'destination_number',
  'context',
  'start_stamp',
  'answer_stamp',
  'end_stamp',
  'duration',
  'billsec',
  'hangup_cause',
  'uuid',
  'bleg_uuid',
  'accountcode',
  'read_codec',
  'write_codec',
];

/** Map FreeSWITCH hangup causes to Asterisk dispositions. */
export function dispositionOfHangupCause(cause: string, billSeconds: number): string {
  switch (cause) {
    case 'NORMAL_CLEARING':
      return billSeconds > 0 ? 'ANSWERED' : 'NO ANSWER';
    case 'USER_BUSY':
      return 'BUSY';
    case 'NO_USER_RESPONSE':
    case 'NO_ANSWER':
    case 'ORIGINATOR_CANCEL':
    case 'RECOVERY_ON_TIMER_EXPIRE':
    case 'ALLOTTED_TIMEOUT':
      return 'NO ANSWER';
    case 'NORMAL_CIRCUIT_CONGESTION':
    case 'SWITCH_CONGESTION':
      return 'CONGESTION';
    default:
      return 'FAILED';
  }
}

const DISPOSITIONS = new Set(['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION']);

/**
 * Build a CDR leg from named values, or return the reason it is not one (junk rows with an
 * empty disposition or a `0000-00-00` date are rejected, not guessed).
 */
export function cdrLegFromValues(
  get: (name: string) => string | undefined,
  freeswitch: boolean,
  options: ParserOptions,
  line: number,
  key: string,
): CdrLeg | string {
  const startText = get(freeswitch ? 'start_stamp' : 'start') ?? get('calldate') ?? '';
  const time = parseRecordTime(startText, options.timeZone);
  if (!Number.isFinite(time))
    return `start ${JSON.stringify(startText.slice(0, 30))} is not a date`;
  const durationSeconds = recordSeconds(get('duration'));
  const billSeconds = recordSeconds(get('billsec'));
  if (!Number.isFinite(durationSeconds) || !Number.isFinite(billSeconds))
    return `duration/billsec ${JSON.stringify(`${get('duration')}/${get('billsec')}`)} are not numbers of seconds from 0 to 7 days`;
  let disposition: string;
  if (freeswitch) {
    const cause = (get('hangup_cause') ?? '').trim();
    if (cause === '') return 'empty hangup cause';
    disposition = dispositionOfHangupCause(cause, billSeconds);
  } else {
    disposition = (get('disposition') ?? '').trim().toUpperCase();
    if (!DISPOSITIONS.has(disposition))
      return `disposition ${JSON.stringify(disposition.slice(0, 20))} is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION`;
  }
  const answerText = get(freeswitch ? 'answer_stamp' : 'answer');
  let answerTime = answerText ? parseRecordTime(answerText, options.timeZone) : Number.NaN;
  if (answerText === undefined && disposition === 'ANSWERED')
    answerTime = time + durationSeconds - billSeconds;
  const uniqueId = (freeswitch ? get('uuid') : get('uniqueid')) ?? '';
  const linked = get('linkedid');
  const nullish = (v: string | undefined) => (v === undefined || v === 'NULL' ? '' : v);
  return {
    kind: 'cdr',
    time,
    answerTime,
    durationSeconds,
    billSeconds,
    source: options.source,
    line,
    src: nullish(get(freeswitch ? 'caller_id_number' : 'src')),
    dst: nullish(get(freeswitch ? 'destination_number' : 'dst')),
    lastApp: nullish(get('lastapp')),
    disposition,
    uniqueId: nullish(uniqueId),
    callKey: nullish(linked) || nullish(uniqueId) || `${options.source}:${line}`,
    key,
  };
}

/**
 * Reader of CDR CSV files: Asterisk Master.csv (16/18/19/21 columns, no header), exports with a
 * header naming the columns (PBXware's 26 columns, FreePBX…), and FreeSWITCH mod_cdr_csv. The
 * layout is fixed by the first record; a line with another field count is rejected.
 */
export function cdrCsvParser(
  path: string,
  format: AuditFormat,
  options: ParserOptions,
): RecordParser {
  const account: FileAccount = newFileAccount(path, format);
  const freeswitch = format === 'freeswitch-csv';
  const last = { time: Number.NEGATIVE_INFINITY };
  const columnsOf = (fields: string[]): CsvColumns | string => {
    const names = fields.map((f) => f.trim().toLowerCase());
    if (
      names.includes('disposition') ||
      names.includes('hangup_cause') ||
      names.includes('billsec')
    )
      return { index: new Map(names.map((n, i) => [n, i])), width: names.length, header: true };
    const layout = freeswitch ? freeswitchLayout : masterCsvLayouts[fields.length];
    if (!layout || layout.length !== fields.length)
      return freeswitch
        ? `expected 15 FreeSWITCH fields, got ${fields.length}`
        : `expected 16, 18, 19 or 21 Master.csv fields, got ${fields.length}`;
    return { index: new Map(layout.map((n, i) => [n, i])), width: layout.length, header: false };
  };
  return csvRecordParser(account, columnsOf, (fields, columns, text, line, out) => {
    const leg = cdrLegFromValues(
      (name) => {
        const index = columns.get(name);
        return index === undefined ? undefined : fields[index];
      },
      freeswitch,
      options,
      line,
      fields.join('\u0000'),
    );
    if (typeof leg === 'string') {
      rejectLine(account, line, leg, text);
      return;
    }
    countRecord(account, leg.disposition, leg.time, last);
    out.push(leg);
  });
}
