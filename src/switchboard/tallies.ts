/**
 * What one replication counts, as flat typed arrays (per queue, per reason, per interval of the
 * day) and a fixed-shape record of overall counts, plus the conversion into named measures.
 * Counted by the {@link Counters} observer, plugged in beside the model (the model reports
 * moments of a call's life and counts nothing itself).
 */

/** Fields of a queue's row. */
export const QueueField = {
  entries: 0,
  answered: 1,
  answeredInTarget: 2,
  abandoned: 3,
  shortAbandoned: 4,
  waitAnswered: 5,
  waitAll: 6,
  callbackAccepted: 7,
  callbacksMade: 8,
  callbacksAnswered: 9,
  busySeconds: 10,
  rosterSeconds: 11,
  waitingAtEnd: 12,
  waited: 13,
  /** Operator seconds past the roster, finishing calls begun before a shift ended. */
  overtimeSeconds: 14,
  size: 15,
} as const;

/** Fields of a reason's row. */
export const ReasonField = {
  offered: 0,
  answered: 1,
  abandoned: 2,
  busy: 3,
  transfers: 4,
  bouncedBack: 5,
  waitAnswered: 6,
  needs: 7,
  needsResolved: 8,
  needsFirstContact: 9,
  needsEnded: 10,
  attemptsOfEnded: 11,
  /** Answers of calls already answered once (after a bounce, or put through to the right queue). */
  reanswered: 12,
  size: 13,
} as const;

/** Fields of a caller group's row (`callerGroups:`). */
export const GroupField = {
  offered: 0,
  answered: 1,
  abandoned: 2,
  ivrAbandoned: 3,
  answers: 4,
  waitAnswered: 5,
  needs: 6,
  needsEnded: 7,
  needsResolved: 8,
  needsFirstContact: 9,
  attemptsOfEnded: 10,
  lostNeedCost: 11,
  size: 12,
} as const;

/** Fields of an interval-of-day row. */
export const IntervalField = {
  offered: 0,
  busy: 1,
  answered: 2,
  answeredInTarget: 3,
  abandoned: 4,
  shortAbandoned: 5,
  waitAnswered: 6,
  busySeconds: 7,
  rosterSeconds: 8,
  firstAnswered: 9,
  /** Operator seconds past the roster in this interval (see QueueField.overtimeSeconds). */
  overtimeSeconds: 10,
  size: 11,
} as const;

/** Fields of a queue-and-weekday row: the counts a target verdict reads. */
export const TargetField = {
  answered: 0,
  answeredInTarget: 1,
  abandoned: 2,
  size: 3,
} as const;

/** Upper edges (seconds) of the wait bins of answered calls: 5 s wide up to 120 s, then one open bin. */
export const WAIT_BIN_EDGES_SECONDS: readonly number[] = Array.from(
  { length: 24 },
  (_, i) => (i + 1) * 5,
);

/**
 * Fields of the call-path row: what became of operator transfers (warm: the service answered,
 * or the operator took the call back; wild: the service answered, its voicemail took a message,
 * the call bounced back to the switchboard, or it was lost), transfers still ringing at the end,
 * answers ended by the operator without a transfer, misrouted callers put through,
 * needs ended after 1, 2, 3 and 4 or more attempts, and queue answers by wait bin
 * ({@link WAIT_BIN_EDGES_SECONDS}, then 120 s or more). Counted like the other tables:
 * no random draw depends on them.
 */
export const PathField = {
  warmAnswered: 0,
  warmTakenBack: 1,
  warmInFlightAtEnd: 2,
  wildAnswered: 3,
  wildVoicemail: 4,
  wildBouncedBack: 5,
  wildLost: 6,
  wildInFlightAtEnd: 7,
  needsEnded1: 8,
  needsEnded2: 9,
  needsEnded3: 10,
  needsEnded4Plus: 11,
  /** Answers the operator ended without a transfer (resolved, or answered wrongly). */
  operatorCompleted: 12,
  /** Misrouted callers the operator put through to the right queue. */
  putThrough: 13,
  /** First of the wait bins (one per edge, then the open bin). */
  waitBins: 14,
  size: 14 + WAIT_BIN_EDGES_SECONDS.length + 1,
} as const;

/** Overall counts of one replication. */
export function overallCounts() {
  return {
    offered: 0,
    busy: 0,
    closed: 0,
    ivrAbandoned: 0,
    ivrResolved: 0,
    abandoned: 0,
    shortAbandoned: 0,
    callbackAccepted: 0,
    completed: 0,
    transferFailed: 0,
    inSystemAtEnd: 0,
    answered: 0,
    answers: 0,
    answeredInTarget: 0,
    waitAnswered: 0,
    transfers: 0,
    warmTransfers: 0,
    wildTransfers: 0,
    failedTransfers: 0,
    serviceVoicemails: 0,
    bouncedBack: 0,
    redials: 0,
    misrouted: 0,
    errors: 0,
    voicemailGeneratedCalls: 0,
    callbacksMade: 0,
    callbacksAnswered: 0,
    callbacksUnreached: 0,
    outboundAttempts: 0,
    outboundReached: 0,
    outboundMessages: 0,
    outboundUnreached: 0,
    needs: 0,
    needsResolved: 0,
    needsUnresolved: 0,
    needsFirstContact: 0,
    needsEnded: 0,
    needsOpenAtEnd: 0,
    attemptsOfEnded: 0,
    waitOfEnded: 0,
    transfersOfEnded: 0,
    busySeconds: 0,
    rosterSeconds: 0,
    overtimeSeconds: 0,
  };
}

/** The overall counts record. */
export type OverallCounts = ReturnType<typeof overallCounts>;

/** Everything one replication counted. */
export interface Tallies {
  overall: OverallCounts;
  byQueue: Float64Array;
  byReason: Float64Array;
  /** By caller group ({@link GroupField}); empty when the scenario has no groups. */
  byGroup: Float64Array;
  /** By interval of the week: (weekday × intervals + interval) × fields. */
  byInterval: Float64Array;
  /** The call-path row, {@link PathField}. */
  paths: Float64Array;
  /**
   * By queue and weekday of the queue entry: (queue × 7 + weekday) × {@link TargetField}: what
   * the targets read (src/measures/target-verdict.ts).
   */
  byQueueWeekday: Float64Array;
}

/** A row of named measures of one replication. */
export type MeasureRow = Record<string, number>;

/** The measures of one replication, by table. */
export interface ReplicationResult {
  overall: MeasureRow;
  byInterval: MeasureRow[];
  /** By weekday (monday first) and interval: weekday × intervals + interval. */
  byWeekdayInterval: MeasureRow[];
  byQueue: MeasureRow[];
  byReason: MeasureRow[];
  /** By caller group, in `scenario.callerGroups` order (empty without groups). */
  byGroup: MeasureRow[];
  needs: MeasureRow;
  cost: MeasureRow;
  /**
   * Transfer outcomes, attempts per ended need and the wait distribution of queue answers, as
   * counts named after {@link PathField} (`wait0to5`, …, `wait120plus`).
   */
  paths: MeasureRow;
  /**
   * Queue entries answered (within the threshold) and abandoned, by queue and weekday of the
   * entry (queue × 7 + weekday, monday first): `{ answered, answeredInTarget, abandoned }`, what
   * targets are judged on per day and per queue.
   */
  byQueueWeekday: MeasureRow[];
  /** Events the kernel executed (for benchmarks). */
  events: number;
}
