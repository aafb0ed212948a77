import type { Scenario } from '../scenario/scenario-types.js';
import {
  IntervalField as I,
  type MeasureRow,
  PathField as P,
  QueueField as Q,
  GroupField as G,
  ReasonField as R,
  TargetField as T,
  type ReplicationResult,
  type Tallies,
  WAIT_BIN_EDGES_SECONDS,
} from './tallies.js';
import { clockText } from '../calendar/time-of-day.js';

const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);

/**
 * The rates of needs that ended (the same definitions overall, per reason and per caller group):
 * resolved, resolved on their first attempt, and attempts per need.
 */
function needRates(
  ended: number,
  resolved: number,
  firstContact: number,
  attempts: number,
): { resolvedRate: number; firstContactResolution: number; attemptsPerNeed: number } {
  return {
    resolvedRate: ratio(resolved, ended),
    firstContactResolution: ratio(firstContact, ended),
    attemptsPerNeed: ratio(attempts, ended),
  };
}

/**
 * Turn one replication's counts into named measures, by table. Definitions (also in
 * docs/simulate.md): service level = queue entries answered within the target / (answered +
 * abandoned) entries; ASA = mean wait of answered entries; probability of abandon = abandoned /
 * (answered + abandoned) entries; occupancy = operator busy time (talk, warm-transfer hold,
 * wrap-up, callbacks) / rostered operator time. Interval rows are per-day averages. Ratios with
 * nothing to divide are NaN (JSON null).
 */
export function replicationMeasures(
  scenario: Scenario,
  days: number,
  tallies: Tallies,
  events: number,
): ReplicationResult {
  const o = tallies.overall;
  const entriesDecided = o.answers + o.abandoned;
  const overall: MeasureRow = {
    offered: o.offered,
    answered: o.answered,
    abandoned: o.abandoned,
    busy: o.busy,
    inSystemAtEnd: o.inSystemAtEnd,
    transfers: o.transfers,
    bouncedBack: o.bouncedBack,
    closed: o.closed,
    ivrAbandoned: o.ivrAbandoned,
    ivrResolved: o.ivrResolved,
    callbackAccepted: o.callbackAccepted,
    completed: o.completed,
    transferFailed: o.transferFailed,
    shortAbandoned: o.shortAbandoned,
    warmTransfers: o.warmTransfers,
    wildTransfers: o.wildTransfers,
    failedTransfers: o.failedTransfers,
    serviceVoicemails: o.serviceVoicemails,
    redials: o.redials,
    misrouted: o.misrouted,
    errors: o.errors,
    voicemailGeneratedCalls: o.voicemailGeneratedCalls,
    callbacksMade: o.callbacksMade,
    callbacksAnswered: o.callbacksAnswered,
    outboundAttempts: o.outboundAttempts,
    outboundReached: o.outboundReached,
    outboundMessages: o.outboundMessages,
    offeredPerDay: o.offered / days,
    serviceLevel: ratio(o.answeredInTarget, entriesDecided),
    serviceLevelOfOffered: ratio(o.answeredInTarget, entriesDecided + o.busy),
    serviceLevelExcludingShortAbandons: ratio(
      o.answeredInTarget,
      entriesDecided - o.shortAbandoned,
    ),
    asaSeconds: ratio(o.waitAnswered, o.answers),
    probabilityAbandon: ratio(o.abandoned, entriesDecided),
    probabilityAbandonExcludingShort: ratio(
      o.abandoned - o.shortAbandoned,
      entriesDecided - o.shortAbandoned,
    ),
    probabilityBusy: ratio(o.busy, o.offered),
    occupancy: ratio(o.busySeconds, o.rosterSeconds + o.overtimeSeconds),
    overtimeHours: o.overtimeSeconds / 3600,
    transfersPerAnsweredCall: ratio(o.transfers, o.answered),
  };

  const intervalSeconds = scenario.intervalMinutes * 60;
  const intervals = Math.round(86400 / intervalSeconds);
  // How many of each weekday the horizon holds, for per-day averages.
  const weekdayDays = new Array<number>(7).fill(0);
  for (let d = 0; d < days; d++) weekdayDays[(scenario.startWeekday + d) % 7]!++;
  const row = (sum: (field: number) => number, perDays: number): MeasureRow => {
    const decided = sum(I.answered) + sum(I.abandoned);
    const perDay = (field: number) => (perDays > 0 ? sum(field) / perDays : Number.NaN);
    return {
      offeredPerDay: perDay(I.offered),
      busyPerDay: perDay(I.busy),
      answeredPerDay: perDay(I.firstAnswered),
      abandonedPerDay: perDay(I.abandoned),
      serviceLevel: ratio(sum(I.answeredInTarget), decided),
      asaSeconds: ratio(sum(I.waitAnswered), sum(I.answered)),
      probabilityAbandon: ratio(sum(I.abandoned), decided),
      occupancy: ratio(sum(I.busySeconds), sum(I.rosterSeconds) + sum(I.overtimeSeconds)),
      operators: perDays > 0 ? sum(I.rosterSeconds) / (intervalSeconds * perDays) : Number.NaN,
    };
  };
  const t = tallies.byInterval;
  const byInterval: MeasureRow[] = [];
  for (let k = 0; k < intervals; k++) {
    byInterval.push(
      row((field) => {
        let total = 0;
        for (let w = 0; w < 7; w++) total += t[(w * intervals + k) * I.size + field]!;
        return total;
      }, days),
    );
  }
  const byWeekdayInterval: MeasureRow[] = [];
  for (let w = 0; w < 7; w++) {
    for (let k = 0; k < intervals; k++) {
      byWeekdayInterval.push(
        row((field) => t[(w * intervals + k) * I.size + field]!, weekdayDays[w]!),
      );
    }
  }

  const byQueue = scenario.queues.map((_, q) => {
    const t = tallies.byQueue;
    const at = q * Q.size;
    const decided = t[at + Q.answered]! + t[at + Q.abandoned]!;
    return {
      entries: t[at + Q.entries]!,
      answered: t[at + Q.answered]!,
      abandoned: t[at + Q.abandoned]!,
      shortAbandoned: t[at + Q.shortAbandoned]!,
      callbackAccepted: t[at + Q.callbackAccepted]!,
      callbacksMade: t[at + Q.callbacksMade]!,
      callbacksAnswered: t[at + Q.callbacksAnswered]!,
      waitingAtEnd: t[at + Q.waitingAtEnd]!,
      serviceLevel: ratio(t[at + Q.answeredInTarget]!, decided),
      probabilityWait: ratio(t[at + Q.waited]!, t[at + Q.entries]!),
      asaSeconds: ratio(t[at + Q.waitAnswered]!, t[at + Q.answered]!),
      averageWaitSeconds: ratio(t[at + Q.waitAll]!, decided + t[at + Q.callbackAccepted]!),
      probabilityAbandon: ratio(t[at + Q.abandoned]!, decided),
      occupancy: ratio(
        t[at + Q.busySeconds]!,
        t[at + Q.rosterSeconds]! + t[at + Q.overtimeSeconds]!,
      ),
      operatorHours: t[at + Q.rosterSeconds]! / 3600,
      overtimeHours: t[at + Q.overtimeSeconds]! / 3600,
    };
  });

  const byReason = scenario.reasons.map((_, r) => {
    const t = tallies.byReason;
    const at = r * R.size;
    const lostNeeds = t[at + R.needsEnded]! - t[at + R.needsResolved]!;
    return {
      offered: t[at + R.offered]!,
      answered: t[at + R.answered]!,
      reanswered: t[at + R.reanswered]!,
      abandoned: t[at + R.abandoned]!,
      busy: t[at + R.busy]!,
      transfers: t[at + R.transfers]!,
      bouncedBack: t[at + R.bouncedBack]!,
      asaSeconds: ratio(t[at + R.waitAnswered]!, t[at + R.answered]! + t[at + R.reanswered]!),
      needs: t[at + R.needs]!,
      ...needRates(
        t[at + R.needsEnded]!,
        t[at + R.needsResolved]!,
        t[at + R.needsFirstContact]!,
        t[at + R.attemptsOfEnded]!,
      ),
      lostNeeds,
      lostNeedCost: lostNeeds * scenario.costs.lostNeed[r]!,
    };
  });

  const byGroup = scenario.callerGroups.map((_, g) => {
    const t = tallies.byGroup;
    const at = g * G.size;
    const ended = t[at + G.needsEnded]!;
    const lostNeeds = ended - t[at + G.needsResolved]!;
    return {
      offered: t[at + G.offered]!,
      answered: t[at + G.answered]!,
      abandoned: t[at + G.abandoned]!,
      ivrAbandoned: t[at + G.ivrAbandoned]!,
      asaSeconds: ratio(t[at + G.waitAnswered]!, t[at + G.answers]!),
      needs: t[at + G.needs]!,
      ...needRates(
        ended,
        t[at + G.needsResolved]!,
        t[at + G.needsFirstContact]!,
        t[at + G.attemptsOfEnded]!,
      ),
      lostNeeds,
      lostNeedCost: t[at + G.lostNeedCost]!,
    };
  });

  const needs: MeasureRow = {
    needs: o.needs,
    resolved: o.needsResolved,
    unresolved: o.needsUnresolved,
    openAtEnd: o.needsOpenAtEnd,
    ...needRates(o.needsEnded, o.needsResolved, o.needsFirstContact, o.attemptsOfEnded),
    totalWaitSeconds: ratio(o.waitOfEnded, o.needsEnded),
    transfersPerNeed: ratio(o.transfersOfEnded, o.needsEnded),
  };

  const c = scenario.costs;
  // Paid hours: on the phones, plus the paid breaks of a week spread over the days simulated.
  const operatorHours = o.rosterSeconds / 3600 + (c.paidBreakHours * days) / 7;
  const lostNeeds = o.needsUnresolved;
  const lostNeedCost = byReason.reduce((sum, row) => sum + row.lostNeedCost!, 0);
  const total =
    operatorHours * c.operatorHour +
    lostNeedCost +
    o.transfers * c.transfer +
    o.redials * c.repeatAttempt;
  const cost: MeasureRow = {
    operatorHours,
    operatorCost: operatorHours * c.operatorHour,
    lostNeeds,
    lostNeedCost,
    transferCost: o.transfers * c.transfer,
    repeatAttempts: o.redials,
    repeatCost: o.redials * c.repeatAttempt,
    total,
    perDay: total / days,
    perAnsweredCall: ratio(total, o.answered),
  };

  const p = tallies.paths;
  const paths: MeasureRow = {};
  for (const key of [
    'warmAnswered',
    'warmTakenBack',
    'warmInFlightAtEnd',
    'wildAnswered',
    'wildVoicemail',
    'wildBouncedBack',
    'wildLost',
    'wildInFlightAtEnd',
    'needsEnded1',
    'needsEnded2',
    'needsEnded3',
    'needsEnded4Plus',
    'operatorCompleted',
    'putThrough',
  ] as const)
    paths[key] = p[P[key]]!;
  let from = 0;
  WAIT_BIN_EDGES_SECONDS.forEach((to, i) => {
    paths[`wait${from}to${to}`] = p[P.waitBins + i]!;
    from = to;
  });
  paths[`wait${from}plus`] = p[P.waitBins + WAIT_BIN_EDGES_SECONDS.length]!;

  return {
    overall,
    byInterval,
    byWeekdayInterval,
    byQueue,
    byReason,
    byGroup,
    needs,
    cost,
    paths,
    byQueueWeekday: Array.from({ length: scenario.queues.length * 7 }, (_, i) => ({
      answered: tallies.byQueueWeekday[i * T.size + T.answered]!,
      answeredInTarget: tallies.byQueueWeekday[i * T.size + T.answeredInTarget]!,
      abandoned: tallies.byQueueWeekday[i * T.size + T.abandoned]!,
    })),
    events,
  };
}

/** `HH:MM` of interval `k` of `intervalMinutes`. */
export function intervalLabel(k: number, intervalMinutes: number): string {
  return clockText(k * intervalMinutes);
}
