import type { AuditRecord, FileAccount } from './records.js';

/**
 * Turns the lines of one file into records, accounting for every line in `account`: each call
 * of `parseLine` adds exactly one to `lines` and one to `records`, `blank` or `rejected` (SQL
 * dumps count a line outside INSERTs or a VALUES tuple as the unit).
 */
export interface RecordParser {
  readonly account: FileAccount;
  parseLine(text: string, line: number, out: AuditRecord[]): void;
  /** Called once after the last line (flushes a statement left open). */
  finish(out: AuditRecord[]): void;
}

/** Options every parser shares. */
export interface ParserOptions {
  /** IANA time zone of datetimes written without an offset. */
  timeZone: string;
  /** Index of the file among the inputs. */
  source: number;
}

/** Count a blank/comment/header line. */
export function countBlank(account: FileAccount): void {
  account.lines++;
  account.blank++;
}

/** Count a record and its event name; notes time going backwards. */
export function countRecord(
  account: FileAccount,
  event: string,
  time: number,
  last: { time: number },
) {
  account.lines++;
  account.records++;
  account.events[event] = (account.events[event] ?? 0) + 1;
  if (time < last.time) account.outOfOrder++;
  last.time = time;
}

/** True for a line holding only whitespace. */
export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}
