import { type CsvColumns, csvRecordParser } from './csv-record-parser.js';
import {
  countBlank,
  countRecord,
  isBlank,
  type ParserOptions,
  type RecordParser,
} from './record-parser.js';
import { type FileAccount, newFileAccount, rejectLine } from './records.js';
import { isRecordTime, parseRecordTime } from './record-bounds.js';

/** Whether `text` is an event name (`^[A-Z][A-Z0-9_]*$`, tested without a regex: hot path). */
function isEventName(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    if (!(upper || (i > 0 && ((c >= 48 && c <= 57) || c === 95)))) return false;
  }
  return true;
}

/** Whether `event` is an event name; if not, line `line` is rejected, saying so. */
function acceptEventName(account: FileAccount, line: number, event: string, text: string): boolean {
  if (isEventName(event)) return true;
  rejectLine(
    account,
    line,
    `event ${JSON.stringify(event.slice(0, 30))} is not an event name`,
    text,
  );
  return false;
}

/** Events of Asterisk's app_queue and of agents, all versions; others count as unknown. */
export const knownQueueEvents = new Set([
  'ENTERQUEUE',
  'CONNECT',
  'COMPLETEAGENT',
  'COMPLETECALLER',
  'ABANDON',
  'EXITWITHTIMEOUT',
  'EXITWITHKEY',
  'EXITEMPTY',
  'JOINEMPTY',
  'FULL',
  'TRANSFER',
  'BLINDTRANSFER',
  'ATTENDEDTRANSFER',
  'RINGNOANSWER',
  'RINGCANCELED',
  'DID',
  'INFO',
  'SYSCOMPAT',
  'ADDMEMBER',
  'REMOVEMEMBER',
  'PAUSE',
  'UNPAUSE',
  'PAUSEALL',
  'UNPAUSEALL',
  'AGENTLOGIN',
  'AGENTLOGOFF',
  'AGENTCALLBACKLOGIN',
  'AGENTCALLBACKLOGOFF',
  'AGENTDUMP',
  'QUEUESTART',
  'CONFIGRELOAD',
  'PENALTY',
  'JOINUNAVAIL',
  'LEAVEUNAVAIL',
  'LEAVEEMPTY',
  'CALLBACKOFFER',
  'CALLBACKREQUEST',
  'OUTDIAL',
  'OUTANSWER',
  'OUTCANCEL',
  'OUTCHANUNAVAIL',
  'OUTCONGESTION',
  'OUTTRANSFER',
  'OUTBUSY',
  'OUTNOANSWER',
  'REASON',
  'NONE',
]);

/**
 * Reader of the native Asterisk queue_log: `epoch|callid|queue|agent|EVENT|data1|…` (any
 * number of data fields, agent names with spaces). Lines with fewer than five fields, a
 * timestamp that is not an epoch or an event name that is not a word are rejected with the
 * reason. Cost: one split per line.
 */
export function queueLogParser(path: string, options: ParserOptions): RecordParser {
  const account = newFileAccount(path, 'queue_log');
  const last = { time: Number.NEGATIVE_INFINITY };
  return {
    account,
    parseLine(text, line, out) {
      const first = text.charCodeAt(0);
      if (text.length === 0 || first === 35 || (first <= 32 && isBlank(text))) {
        countBlank(account);
        return;
      }
      // The five fixed fields by indexOf: no array of every field on the hot path.
      const p0 = text.indexOf('|');
      const p1 = p0 < 0 ? -1 : text.indexOf('|', p0 + 1);
      const p2 = p1 < 0 ? -1 : text.indexOf('|', p1 + 1);
      const p3 = p2 < 0 ? -1 : text.indexOf('|', p2 + 1);
      if (p3 < 0) {
        rejectLine(
          account,
          line,
          `expected at least 5 "|"-separated fields, got ${text.split('|').length}`,
          text,
        );
        return;
      }
      const stamp = text.slice(0, p0);
      const time = Number(stamp);
      if (stamp.length === 0 || !isRecordTime(time)) {
        rejectLine(
          account,
          line,
          `timestamp ${JSON.stringify(stamp.slice(0, 30))} is not an epoch from 1971 to 2099`,
          text,
        );
        return;
      }
      const p4 = text.indexOf('|', p3 + 1);
      const event = p4 < 0 ? text.slice(p3 + 1) : text.slice(p3 + 1, p4);
      if (!acceptEventName(account, line, event, text)) return;
      countRecord(account, event, time, last);
      out.push({
        kind: 'queue',
        time,
        callId: text.slice(p0 + 1, p1),
        queue: text.slice(p1 + 1, p2),
        agent: text.slice(p2 + 1, p3),
        event,
        data: p4 < 0 ? [] : text.slice(p4 + 1).split('|'),
        key: text,
        source: options.source,
        line,
      });
    },
    finish() {},
  };
}

/**
 * Reader of queue_log database exports as CSV: Asterisk's realtime table (`time, callid,
 * queuename, agent, event, data1..data5` or a single `data` column holding `a|b|c`, an `id`
 * column allowed) and PBXware's vendor table (`uid, date_time, callid, queue_name, type, event,
 * param1..3, entpos, expos, htime, ttime, time`), whose fields are moved to the native places.
 */
export function queueLogCsvParser(path: string, options: ParserOptions): RecordParser {
  const account = newFileAccount(path, 'queue_log-csv');
  const last = { time: Number.NEGATIVE_INFINITY };
  let header: Map<string, number> | undefined;
  let vendor = false;
  const at = (fields: string[], name: string) => {
    const index = header?.get(name);
    return index === undefined ? '' : (fields[index] ?? '');
  };
  const columnsOf = (fields: string[]): CsvColumns => {
    const names = fields.map((f) => f.trim().toLowerCase());
    if (names.includes('event') && names.includes('callid')) {
      header = new Map(names.map((n, i) => [n, i]));
      vendor = names.includes('param1') && names.includes('date_time');
      return { index: header, width: names.length, header: true };
    }
    const base = /^\d+$/.test(fields[0] ?? '') && fields.length >= 11 ? 1 : 0;
    header = new Map<string, number>([
      ['time', base],
      ['callid', base + 1],
      ['queuename', base + 2],
      ['agent', base + 3],
      ['event', base + 4],
      ['data1', base + 5],
      ['data2', base + 6],
      ['data3', base + 7],
      ['data4', base + 8],
      ['data5', base + 9],
    ]);
    return { index: header, width: fields.length, header: false };
  };
  return csvRecordParser(account, columnsOf, (fields, columns, text, line, out) => {
    const timeText = vendor ? at(fields, 'date_time') : at(fields, 'time');
    const time = parseRecordTime(timeText, options.timeZone);
    if (!Number.isFinite(time)) {
      rejectLine(
        account,
        line,
        `time ${JSON.stringify(timeText.slice(0, 30))} is not a date`,
        text,
      );
      return;
    }
    const event = at(fields, 'event').trim().toUpperCase();
    if (!acceptEventName(account, line, event, text)) return;
    let data: string[];
    if (vendor) data = pbxwareData(event, fields, at);
    else if (columns.has('data') && !columns.has('data1')) data = at(fields, 'data').split('|');
    else data = [1, 2, 3, 4, 5].map((k) => at(fields, `data${k}`));
    countRecord(account, event, time, last);
    out.push({
      kind: 'queue',
      time,
      callId: at(fields, 'callid'),
      queue: vendor ? at(fields, 'queue_name') : at(fields, 'queuename') || at(fields, 'queue'),
      agent: vendor ? at(fields, 'type') : at(fields, 'agent'),
      event,
      data,
      key: fields.join('\u0000'),
      source: options.source,
      line,
    });
  });
}

/** PBXware puts data in vendor columns: move them to Asterisk's native positions. */
function pbxwareData(
  event: string,
  fields: string[],
  at: (fields: string[], name: string) => string,
): string[] {
  const p1 = at(fields, 'param1');
  const p2 = at(fields, 'param2');
  const p3 = at(fields, 'param3');
  switch (event) {
    case 'ENTERQUEUE':
      return ['', p1, at(fields, 'entpos')];
    case 'CONNECT':
      return [at(fields, 'htime'), p2, p3];
    case 'COMPLETEAGENT':
    case 'COMPLETECALLER':
      return [at(fields, 'htime'), at(fields, 'ttime'), at(fields, 'entpos')];
    case 'RINGNOANSWER':
      return [at(fields, 'htime')];
    case 'BLINDTRANSFER':
    case 'TRANSFER':
      // param1 repeats the caller id; the destination is param2 @ param3.
      return [p2, p3, at(fields, 'htime'), at(fields, 'ttime'), at(fields, 'entpos')];
    default:
      return [p1, p2, p3];
  }
}
