/**
 * What one replication counts, as flat typed arrays (per queue, per reason, per interval of the
 * day) and a fixed-shape record of overall counts, plus the conversion into named measures.
 * Monitoring is plugged beside the model, not interleaved with it: the model only increments.
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
  size: 14,
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
  size: 10,
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
    queueAbandons: 0,
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
  };
}

/** The overall counts record. */
export type OverallCounts = ReturnType<typeof overallCounts>;

/** Everything one replication counted. */
export interface Tallies {
  overall: OverallCounts;
  byQueue: Float64Array;
  byReason: Float64Array;
  /** By interval of the week: (weekday × intervals + interval) × fields. */
  byInterval: Float64Array;
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
  needs: MeasureRow;
  cost: MeasureRow;
  /** Events the kernel executed (for benchmarks). */
  events: number;
}
