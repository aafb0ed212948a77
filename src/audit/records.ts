/**
 * The normalised records every importer produces, whatever the source format, and the
 * per-file accounting that proves no line was lost.
 */

import { nameKeyed } from '../io/name-keyed.js';

/** Input formats the audit reads. */
export const auditFormats = [
  'queue_log',
  'queue_log-csv',
  'sql',
  'cdr-csv',
  'freeswitch-csv',
  'mapped-csv',
] as const;

/** One input format (see {@link auditFormats}). */
export type AuditFormat = (typeof auditFormats)[number];

/**
 * One Asterisk queue_log event, normalised to the native field order: `data[0..4]` mean what
 * `data1..data5` mean in Asterisk's own log (ENTERQUEUE: url, caller id, position; CONNECT:
 * hold time, bridged uniqueid, ring time; …), whatever the vendor put where.
 */
export interface QueueEvent {
  kind: 'queue';
  /** UTC epoch seconds. */
  time: number;
  callId: string;
  queue: string;
  agent: string;
  /** Event name, upper case. */
  event: string;
  data: string[];
  /** Identity of the event for duplicate detection: the raw line, or its fields joined. */
  key: string;
  /** Index of the input file, and the 1-based line in it. */
  source: number;
  line: number;
}

/** One CDR row (a call leg) from Asterisk Master.csv, a CDR table or FreeSWITCH. */
export interface CdrLeg {
  kind: 'cdr';
  /** UTC epoch seconds of the start; NaN for answer when never answered. */
  time: number;
  answerTime: number;
  durationSeconds: number;
  billSeconds: number;
  source: number;
  line: number;
  src: string;
  dst: string;
  lastApp: string;
  /** ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION (FreeSWITCH causes are mapped to these). */
  disposition: string;
  uniqueId: string;
  /** The call this leg belongs to (linkedid, else uniqueid). */
  callKey: string;
  /** Identity of the leg for duplicate detection: its fields (CSV line or SQL tuple) joined. */
  key: string;
}

/** How a queue call ended. */
export type CallOutcome =
  'answered' | 'abandoned' | 'timeout' | 'exitKey' | 'exitEmpty' | 'busy' | 'other';

/**
 * One reconstructed call: its path through queues, its waits, and its end. Produced by the
 * queue_log reconstruction and directly by mapped per-call CSV rows.
 */
export interface CallSummary {
  kind: 'call';
  callId: string;
  /** Caller number (pseudonymised when asked); '' when unidentified. */
  caller: string;
  /** The first queue entered: the call's route. */
  queue: string;
  /** Queues in the order entered (re-entries repeat a name). */
  path: string[];
  /** UTC epoch seconds of the first queue entry (of the arrival when it never queued). */
  time: number;
  /** UTC epoch seconds of the call's arrival (before any IVR/VRU); = time for queue_log. */
  arrivalTime: number;
  endTime: number;
  outcome: CallOutcome;
  /** Wait from the first queue entry to the first answer, or to leaving unanswered. */
  waitSeconds: number;
  /** Total wait over all queue segments (re-entries included). */
  totalWaitSeconds: number;
  /** Talk time of the answered segments. */
  talkSeconds: number;
  /** Answered segments with a talk time (a bounced call is answered again); default 1. */
  talks?: number;
  /** Sum of the squared talk times of those segments; default `talkSeconds²`. */
  talkSquares?: number;
  agent: string;
  transfers: number;
  /** Destination of each transfer, in order (`extension@context`, `(attended)`). */
  transferTargets: string[];
  /** Destination of each transfer the call came back from. */
  bouncedFrom: string[];
  blindTransfers: number;
  attendedTransfers: number;
  /** Queue re-entries after a transfer (the call came back to the switchboard). */
  bounces: number;
  /** Agents rung without answer. */
  ringNoAnswer: number;
  /**
   * Still waiting when the records end (queued, no outcome yet, active within the last hours
   * of the log): counted as open at the end, not offered.
   */
  openAtEnd?: boolean;
  /** Answered without ever waiting in a queue (mapped records whose queue start is not set). */
  neverQueued?: boolean;
  /** Queue credit of the caller's priority (seconds; mapped records with a `priority` column). */
  queueCreditSeconds?: number;
  source: number;
  line: number;
}

/** Any record an importer yields. */
export type AuditRecord = QueueEvent | CdrLeg | CallSummary;

/** A rejected line: where and why. */
export interface RejectedLine {
  line: number;
  reason: string;
  text: string;
}

/**
 * What became of every line of one file: `lines = records + blank + rejected` always holds.
 * For SQL dumps the unit is a line outside INSERT statements or one VALUES tuple.
 */
export interface FileAccount {
  /** The file as the user gave it (an {@link AuditInput}'s name), not necessarily absolute. */
  path: string;
  format: AuditFormat;
  lines: number;
  records: number;
  /** Blank lines, comments, headers and (SQL) statements holding no records we read. */
  blank: number;
  rejected: number;
  /** The first rejected lines with reasons (up to 20). */
  firstRejected: RejectedLine[];
  /** Events (queue_log) or dispositions (CDR) seen, duplicates included. */
  events: Record<string, number>;
  /** Records whose time is earlier than the record before them in the same file. */
  outOfOrder: number;
  /** SQL: rows of tables not read (e.g. `cel`). */
  ignoredTables: Record<string, number>;
  /**
   * Set when some of the file's records were seen before, in this file or an earlier one
   * (per-call records with the same call id and arrival; CDR legs with the same fields):
   * counted in `records`, left out of the KPIs and of the CDR legs.
   */
  duplicates?: number;
  /** Set when the file is not UTF-8: the line from which it was read as Latin-1. */
  latin1FromLine?: number;
  /**
   * Set when the column map marks some rows `ignore`: those rows by their outcome value,
   * counted in `records` and left out of the KPIs.
   */
  ignored?: Record<string, number>;
}

/**
 * The rows a column map ignored, as one phrase for the text and the page: `665 rows (PHANTOM)`,
 * or with the count of each value when there are several (`700 rows (PHANTOM 665, TEST 35)`).
 */
export function ignoredRowsText(ignored: Record<string, number>): string {
  const values = Object.entries(ignored).sort((a, b) => b[1] - a[1]);
  const total = values.reduce((n, [, k]) => n + k, 0);
  const which =
    values.length === 1 ? values[0]![0] : values.map(([value, k]) => `${value} ${k}`).join(', ');
  return `${total} ${total === 1 ? 'row' : 'rows'} (${which})`;
}

/** A fresh account for `path`. */
export function newFileAccount(path: string, format: AuditFormat): FileAccount {
  return {
    path,
    format,
    lines: 0,
    records: 0,
    blank: 0,
    rejected: 0,
    firstRejected: [],
    events: nameKeyed(),
    outOfOrder: 0,
    ignoredTables: nameKeyed(),
  };
}

/** Record a rejected line in `account` (keeping the first 20 verbatim, shortened). */
export function rejectLine(account: FileAccount, line: number, reason: string, text: string) {
  account.lines++;
  account.rejected++;
  if (account.firstRejected.length < 20)
    account.firstRejected.push({
      line,
      reason,
      text: text.length > 120 ? `${text.slice(0, 117)}...` : text,
    });
}
