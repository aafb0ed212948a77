/**
 * The input of {@link auditReport}: plain objects whose key names mirror `switchboard audit
 * --json` (issue 7): `input`, `calls`, `callers`, `serviceLevel`, `asaSeconds`, `abandonRate`,
 * `patience`, `byHour`, `byQueue`, `definitions`. Audited values are counts and shares, not
 * estimates over replications.
 */

import type { SurvivalPoint } from '../charts/survival-chart.js';

/** What happened to each line of one input file: every line is accounted for. */
export interface AuditInputFile {
  path: string;
  format: string;
  lines: number;
  records: number;
  blank: number;
  rejected: number;
  /** The first rejected lines with the reason. */
  firstRejected?: readonly { line: number; reason: string }[];
}

/** Call outcomes. */
export interface AuditCalls {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  timeout: number;
  exitKey: number;
  exitEmpty: number;
  transferred: number;
}

/** Callers and their attempts. */
export interface AuditCallers {
  distinct: number;
  /** Callers with more than one attempt. */
  repeat: number;
  /** Mean attempts per distinct caller. */
  attemptsPerCaller: number;
  /** Callers none of whose attempts was answered. */
  neverGotThrough?: number;
  /** How many callers made 1, 2, 3… attempts. */
  attemptsDistribution?: readonly { attempts: number; callers: number }[];
}

/** One cell of offered / abandoned calls by ISO weekday (1 = Monday) and hour of day. */
export interface AuditHourRow {
  weekday: number;
  hour: number;
  offered: number;
  abandoned: number;
  answered?: number;
}

/** Everything {@link auditReport} can show. */
export interface AuditReportInput {
  input: readonly AuditInputFile[];
  calls: AuditCalls;
  callers: AuditCallers;
  serviceLevel: { thresholdSeconds: number; ofAnswered: number; ofAnsweredAndAbandoned: number };
  asaSeconds: number;
  abandonRate: { all: number; excludingShort: number; shortAbandonSeconds: number };
  /** Kaplan–Meier patience: abandons as events, answers as censoring. */
  patience?: { curve: readonly SurvivalPoint[]; medianSeconds?: number };
  byHour: readonly AuditHourRow[];
  byQueue?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Outcomes of transfers: answered by the service, bounced back, lost… */
  transfers?: readonly { outcome: string; calls: number; kind?: 'good' | 'bad' | 'neutral' }[];
  /** Net Promoter Score by reason when a survey was given (−100…100). */
  nps?: readonly {
    reason: string;
    responses: number;
    score: number;
    ci95: readonly [number, number];
  }[];
  /** First and last record time, ISO 8601. */
  period?: { from: string; to: string };
  /** Definition of every KPI, by key, as the audit states them. */
  definitions: Readonly<Record<string, string>>;
}
