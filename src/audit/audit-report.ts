import { weekdayName } from '../calendar/weekdays.js';
import type { OccupancyReport } from './agent-sessions.js';
import type { AuditStats, CallsReport, GroupCounters, PatienceReport } from './audit-stats.js';
import type { CallersReport } from './caller-tracker.js';
import type { ColumnMap } from './column-map.js';
import type { NpsReport } from './nps.js';
import type { FileAccount } from './records.js';

/** Service level with both usual denominators. */
export interface ServiceLevelReport {
  thresholdSeconds: number;
  answeredWithin: number;
  /** answeredWithin / answered. */
  ofAnswered: number | null;
  /** answeredWithin / (answered + abandoned − short abandons). */
  ofAnsweredAndAbandoned: number | null;
}

/** One hour-of-day × weekday cell (local time). */
export interface HourCell {
  weekday: number;
  weekdayName: string;
  hour: number;
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
}

/** One queue. */
export interface QueueRow {
  queue: string;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  /** abandoned / offered: the headline's `abandonRate.all`, per queue. */
  abandonRate: number | null;
  /** (abandoned − short) / (offered − short): the headline's `abandonRate.excludingShort`. */
  abandonRateExcludingShort: number | null;
  meanTalkSeconds: number | null;
  transferred: number;
  /** Kaplan–Meier median patience of this queue's callers (null when the curve stays above ½). */
  patienceMedianSeconds: number | null;
  /** Exponential patience MLE: time at risk / abandons. */
  patienceMeanSeconds: number | null;
  callsPerWeek: number;
  microFlow: boolean;
}

/** The whole audit, as `--json` prints it. */
export interface AuditReport {
  input: FileAccount[];
  calls: CallsReport;
  callers: CallersReport;
  serviceLevel: ServiceLevelReport;
  asaSeconds: number | null;
  abandonRate: { all: number | null; excludingShort: number | null; shortAbandonSeconds: number };
  patience: PatienceReport;
  byHour: HourCell[];
  byQueue: QueueRow[];
  definitions: Record<string, string>;
  /** Present only when the records log agent sessions (logins, queue memberships). */
  occupancy?: OccupancyReport;
  /** Present only with `--survey`. */
  survey?: NpsReport;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Service level, ASA and abandonment of a group. */
function rates(g: GroupCounters) {
  return {
    serviceLevel: ratio(g.answeredWithin, g.answered + g.abandoned - g.shortAbandoned),
    asaSeconds: ratio(g.waitAnsweredSeconds, g.answered),
    abandonRate: ratio(g.abandoned, g.offered),
    abandonRateExcludingShort: ratio(g.abandoned - g.shortAbandoned, g.offered - g.shortAbandoned),
  };
}

/** The definitions printed with every report, so nobody has to guess a denominator. */
export function definitions(stats: AuditStats, map?: ColumnMap): Record<string, string> {
  const {
    serviceLevelSeconds: t,
    shortAbandonSeconds: s,
    microFlowPerWeek: m,
    timeZone,
  } = stats.options;
  return {
    offered:
      'Queue calls: distinct call ids with an ENTERQUEUE (or JOINEMPTY/FULL), or mapped rows that reached a queue (or were answered). Repeated identical events are counted once. Calls still waiting when the records end are counted apart (openAtEnd), not offered.',
    answered: 'Calls connected to an agent in any queue (CONNECT, COMPLETE*, TRANSFER events).',
    abandoned: 'Calls whose caller hung up while waiting (ABANDON) and never answered.',
    shortAbandoned: `Abandoned after waiting less than ${s} s (--short-abandon).`,
    serviceLevel: `Answered within ${t} s (--service-level). ofAnswered = within / answered; ofAnsweredAndAbandoned = within / (answered + abandoned − short abandons). byHour/byQueue use the second.`,
    asaSeconds: `Average speed of answer: mean wait of answered calls. ${waitDefinition(map)}`,
    abandonRate:
      'all = abandoned / offered; excludingShort = (abandoned − short) / (offered − short). byQueue: abandonRate as all, abandonRateExcludingShort as excludingShort.',
    patience:
      'Kaplan–Meier estimate of the time callers are willing to wait: abandon waits are events, waits of answered, timed-out, key-exit and empty-queue calls are right-censored. restrictedMeanSeconds integrates S up to τ = min(last abandon, 3600 s).',
    callers:
      'Calls linked by caller number. A redial is a call within the redial window after an unanswered call of the same number; neverGotThrough = callers none of whose calls was answered; firstCallAnswered = callers whose first call was answered; waitPerCallerSeconds = queue wait summed over the calls of a caller, averaged over callers.',
    byHour: `Local time in ${timeZone} (--tz) of the first queue entry; weekday 0 = Sunday.`,
    microFlow: `A queue with fewer than ${m} calls a week (--micro-flow); weeks = days with calls / 7 (at least 1).`,
    bounced:
      'Calls that entered a queue again after a transfer, with the same call id; callers.backAfterTransfer counts a new call from the same number soon after a transferred call.',
    lines:
      'Per file: lines = records + blank + rejected. SQL dumps count a line outside the INSERTs of queue_log/cdr, or one VALUES tuple, as one line.',
  };
}

/** How a call's wait is measured, for the records read (queue_log, or a column map). */
function waitDefinition(map: ColumnMap | undefined): string {
  if (!map) return 'The wait runs from the first queue entry to CONNECT (or to leaving the queue).';
  const t = map.times;
  if (map.durations.queue)
    return `The wait is the records' own time in queue (column ${map.durations.queue}), not a difference of clock times; a call whose queue start (${t.queueStart ?? '–'}) is not set and whose ${map.durations.queue} is 0 never queued: answered, it waited 0 s; a queue start at ${map.notSet.join('/') || '–'} with a positive ${map.durations.queue} is a real midnight entry.`;
  if (t.queueStart)
    return `The wait runs from the queue start (${t.queueStart}) to the answer (${t.answer ?? '–'}) or the queue exit (${t.queueEnd ?? '–'}); a call whose queue start is not set never queued: answered, it waited 0 s.`;
  return `The wait runs from the arrival (${t.arrival}, the queue entry) to the answer (${t.answer ?? '–'}).`;
}

/** Assemble the report from the accumulated statistics. */
export function buildReport(
  stats: AuditStats,
  input: FileAccount[],
  builderCounts: Pick<
    CallsReport,
    'duplicateEvents' | 'callsWithoutEnterQueue' | 'unknownEvents' | 'otherEvents'
  >,
  map?: ColumnMap,
): AuditReport {
  const all = stats.all;
  const c = stats.calls;
  const weeks = Math.max(1, stats.days.size / 7);
  const byQueue: QueueRow[] = [...stats.byQueue.entries()]
    .sort((a, b) => b[1].offered - a[1].offered)
    .map(([queue, g]) => {
      const callsPerWeek = g.offered / weeks;
      return {
        queue,
        offered: g.offered,
        answered: g.answered,
        abandoned: g.abandoned,
        shortAbandoned: g.shortAbandoned,
        ...rates(g),
        meanTalkSeconds: ratio(g.talkSeconds, g.answered),
        transferred: g.transferred,
        patienceMedianSeconds: stats.queuePatienceMedian(queue),
        patienceMeanSeconds: ratio(g.patienceExposureSeconds, g.patienceAbandons),
        callsPerWeek,
        microFlow: callsPerWeek < stats.options.microFlowPerWeek,
      };
    });
  const byHour: HourCell[] = [];
  stats.byHour.forEach((g, i) => {
    if (g.offered === 0) return;
    const r = rates(g);
    byHour.push({
      weekday: Math.floor(i / 24),
      weekdayName: weekdayName(Math.floor(i / 24)),
      hour: i % 24,
      offered: g.offered,
      answered: g.answered,
      abandoned: g.abandoned,
      serviceLevel: r.serviceLevel,
      asaSeconds: r.asaSeconds,
    });
  });
  return {
    input,
    calls: {
      ...c,
      transferTargets: [...stats.transferTargets.entries()]
        .map(([target, t]) => ({ target, ...t }))
        .sort((a, b) => b.transfers - a.transfers),
      ...builderCounts,
      cdr: stats.cdr.report() ?? null,
    },
    callers: stats.callersReport(),
    serviceLevel: {
      thresholdSeconds: stats.options.serviceLevelSeconds,
      answeredWithin: all.answeredWithin,
      ofAnswered: ratio(all.answeredWithin, all.answered),
      ofAnsweredAndAbandoned: ratio(
        all.answeredWithin,
        all.answered + all.abandoned - all.shortAbandoned,
      ),
    },
    asaSeconds: ratio(all.waitAnsweredSeconds, all.answered),
    abandonRate: {
      all: ratio(c.abandoned, c.offered),
      excludingShort: ratio(c.abandoned - c.shortAbandoned, c.offered - c.shortAbandoned),
      shortAbandonSeconds: stats.options.shortAbandonSeconds,
    },
    patience: stats.patienceReport(),
    byHour,
    byQueue,
    definitions: definitions(stats, map),
  };
}
