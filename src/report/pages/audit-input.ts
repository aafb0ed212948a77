/**
 * The input of {@link auditReport}: what `switchboard audit` really produces (its `--json`
 * report, issue 7), with the audit's own key names and nulls, converted only where a chart needs
 * another convention (ISO weekdays, a survival curve with bounds). `auditReportInput` in
 * `../from-audit.ts` builds it from an audit's result; nothing here is invented — a figure the
 * audit does not compute is left out of the page. Audited values are counts and shares, not
 * estimates over replications.
 */

import type { CallsReport } from '../../audit/audit-stats.js';
import type { CallersReport } from '../../audit/caller-tracker.js';
import type { CdrReport } from '../../audit/cdr-tracker.js';
import type { SurvivalPoint } from '../charts/survival-chart.js';

/** What happened to each line of one input file: lines = records + blank + rejected. */
export interface AuditInputFile {
  path: string;
  format: string;
  lines: number;
  records: number;
  blank: number;
  rejected: number;
  /** Records whose time is earlier than the record before them (still used). */
  outOfOrder?: number;
  /** Records seen before (a call's id and arrival, or a CDR leg's fields): counted once. */
  duplicates?: number;
  /** Rows the column map marks `ignore`, by outcome value (counted as records, not in the figures). */
  ignored?: Record<string, number>;
  /** The first rejected lines with the reason (the audit keeps up to 20). */
  firstRejected?: readonly { line: number; reason: string }[];
}

/** Queue calls: `offered` = answered + abandoned + timeout + exitKey + exitEmpty + busy + other. */
export type AuditCalls = Pick<
  CallsReport,
  | 'offered'
  | 'answered'
  | 'abandoned'
  | 'shortAbandoned'
  | 'timeout'
  | 'exitKey'
  | 'exitEmpty'
  | 'busy'
  | 'other'
  | 'transferred'
  | 'blindTransfers'
  | 'attendedTransfers'
  | 'bounced'
  | 'notQueued'
>;

/** Callers linked by caller number; shares are of identified callers. */
export type AuditCallers = Pick<
  CallersReport,
  | 'distinct'
  | 'repeat'
  | 'attemptsPerCaller'
  | 'neverGotThrough'
  | 'firstCallAnswered'
  | 'waitPerCallerSeconds'
  | 'unidentifiedCalls'
  | 'redials'
  | 'redialProbability'
  | 'redialWindowSeconds'
  | 'backAfterTransfer'
>;

/** One cell of the week: ISO weekday (1 = Monday … 7 = Sunday), local hour of day. */
export interface AuditHourRow {
  weekday: number;
  hour: number;
  offered: number;
  abandoned: number;
  answered?: number;
  /** Answered within the threshold ÷ (answered + abandoned − short abandons), null if none. */
  serviceLevel?: number | null;
}

/** One queue (the call's first queue). */
export interface AuditQueueRow {
  queue: string;
  offered: number;
  answered: number;
  abandonRate: number | null;
  serviceLevel: number | null;
  asaSeconds: number | null;
  meanTalkSeconds: number | null;
  transferred: number;
  patienceMedianSeconds: number | null;
  callsPerWeek: number;
  microFlow: boolean;
}

/** Kaplan–Meier patience: abandons are events, answers and exits censor. */
export interface AuditPatience {
  /** S(t) with its 95 % pointwise band, evaluated at the times the audit reports. */
  curve: readonly SurvivalPoint[];
  medianSeconds: number | null;
  quartileSeconds?: number | null;
  restrictedMeanSeconds?: number | null;
  tauSeconds?: number;
  abandons: number;
  censored: number;
}

/** Occupancy when the records log agent sessions. */
export interface AuditOccupancy {
  definition: string;
  all: { loggedInSeconds: number; talkSeconds: number; occupancy: number | null };
  byAgent: readonly {
    agent: string;
    loggedInSeconds: number;
    talkSeconds: number;
    occupancy: number | null;
  }[];
}

/** What the CDR legs say about calls (present when CDR records were read). */
export type AuditCdr = CdrReport;

/** Everything {@link auditReport} can show. */
export interface AuditReportInput {
  input: readonly AuditInputFile[];
  calls: AuditCalls;
  callers: AuditCallers;
  serviceLevel: {
    thresholdSeconds: number;
    ofAnswered: number | null;
    ofAnsweredAndAbandoned: number | null;
  };
  asaSeconds: number | null;
  abandonRate: { all: number | null; excludingShort: number | null; shortAbandonSeconds: number };
  patience?: AuditPatience;
  byHour: readonly AuditHourRow[];
  byQueue?: readonly AuditQueueRow[];
  /** Transfers by destination, with how many came back to a queue. */
  transferTargets?: readonly { target: string; transfers: number; bouncedBack: number }[];
  occupancy?: AuditOccupancy;
  /**
   * Per weekday (ISO: 1 = Monday … 7 = Sunday) and hour: mean distinct agents seen answering
   * (`seen`) and the operators the calibrated scenario gets (`effective`: the number whose
   * Erlang A abandonment is nearest the hour's, or its refinement by simulation).
   */
  operators?: readonly { weekday: number; hour: number; seen: number; effective: number }[];
  /** True when `effective` was then refined by simulating the scenario (`--refine-roster`). */
  operatorsRefined?: boolean;
  cdr?: AuditCdr;
  /** Net Promoter Score (−100…100) overall and by reason, when a survey was given. */
  nps?: readonly {
    reason: string;
    responses: number;
    score: number;
    ci95: readonly [number, number];
  }[];
  /** First and last interval with calls (local wall clock, ISO 8601) and days with calls. */
  period?: { from: string; to: string; days: number };
  /** The time zone hours and weekdays are read in. */
  timeZone?: string;
  /** Definition of every KPI, by key, as the audit states them. */
  definitions: Readonly<Record<string, string>>;
}
