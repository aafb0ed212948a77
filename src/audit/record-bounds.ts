import { parseRecordTimestamp } from './parse-record-timestamp.js';

/**
 * The range of every number a record file may give, checked where each record is read: a value
 * outside it rejects the line (with its number and reason) instead of reaching the statistics,
 * where one far-future timestamp or an absurd duration would distort every figure or size an
 * allocation. The limits are documented in docs/audit.md ("Limits").
 */
export const RECORD_LIMITS = {
  /** Earliest record time: 1971-01-01T00:00:00Z (epoch seconds). */
  firstTime: 31_536_000,
  /** Latest record time: 2100-01-01T00:00:00Z (epoch seconds). */
  lastTime: 4_102_444_800,
  /** Longest duration a record may state (a hold, talk or CDR duration): 7 days. */
  maxSeconds: 7 * 86_400,
} as const;

/** True when `epochSeconds` is a finite time within {@link RECORD_LIMITS}. */
export function isRecordTime(epochSeconds: number): boolean {
  return epochSeconds >= RECORD_LIMITS.firstTime && epochSeconds < RECORD_LIMITS.lastTime;
}

/**
 * A duration field of a record in seconds, or NaN when it is empty, not a number, negative or
 * longer than {@link RECORD_LIMITS.maxSeconds}.
 */
export function recordSeconds(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return Number.NaN;
  const seconds = Number(text);
  return seconds >= 0 && seconds <= RECORD_LIMITS.maxSeconds ? seconds : Number.NaN;
}

/**
 * A record's timestamp ({@link parseRecordTimestamp}: an epoch or a datetime, local in `timeZone`
 * without an offset) in epoch seconds, or NaN when unreadable or outside {@link RECORD_LIMITS}.
 */
export function parseRecordTime(text: string, timeZone: string): number {
  const time = parseRecordTimestamp(text, timeZone);
  return isRecordTime(time) ? time : Number.NaN;
}
