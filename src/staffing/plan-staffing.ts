import { InputError, type InputProblem, inputError } from '../errors.js';
import type { LoadRow } from './read-load-csv.js';
import { solveAgents } from './solve-agents.js';
import type { StaffingEvaluation, StaffingQuestion } from './staffing-question.js';

/** Options of {@link planStaffing}: the question every interval shares, without its load. */
export interface PlanStaffingOptions {
  /** Model, threshold, patience, lines, retries, shrinkage and targets for every interval. */
  question: Omit<StaffingQuestion, 'trafficErlangs' | 'agents'>;
  /** Interval length in minutes; inferred from the timestamps when absent. */
  intervalMinutes?: number;
  /** The file the rows came from, for error messages. */
  file?: string;
}

/** One interval (and reason) of a staffing plan. */
export interface PlanRow {
  intervalStart: string;
  /** The call reason, or null for a file without reasons. */
  reason: string | null;
  calls: number;
  handleTimeSeconds: number;
  /** The solved staffing, or null for an interval without calls (no operators needed). */
  evaluation: StaffingEvaluation | null;
  /** Operators on the phones × interval length, hours. */
  agentHours: number;
  /** Roster positions × interval length, hours. */
  positionHours: number;
}

/** Totals of a plan, per reason or over all reasons. */
export interface PlanTotal {
  /** The reason, `sum` for the sum over reasons, or `all` for the pooled total of a forecast file. */
  reason: string;
  calls: number;
  agentHours: number;
  positionHours: number;
}

/** A staffing plan: one row per interval and reason, and its totals. */
export interface StaffingPlan {
  intervalMinutes: number;
  /** Rows per interval and reason (reason `all` rows excluded when other reasons exist). */
  rows: PlanRow[];
  /**
   * Rows of reason `all` in a forecast file that also has other reasons: the staffing of one
   * pooled team answering every reason. Reported apart so they are never added to the rows.
   */
  pooled: PlanRow[];
  /** One total per reason, then `sum` over them; `all` last when pooled rows exist. */
  totals: PlanTotal[];
}

/**
 * Solve every interval of a load file for the fewest operators meeting the targets, and total
 * the operator hours. Rows are planned in file order, per reason when the file has reasons.
 * A forecast's `all` rows (the total of the other reasons) are planned apart as a pooled team
 * and reported in `pooled` and in the `all` total, never added to the per-reason sum.
 *
 * The interval length is `intervalMinutes`, or else the smallest gap between distinct starts.
 * Throws an InputError naming the file and line for a row it cannot plan (no handling time,
 * unreachable targets). Cost: one {@link solveAgents} per row.
 */
export function planStaffing(rows: readonly LoadRow[], options: PlanStaffingOptions): StaffingPlan {
  const intervalMinutes = options.intervalMinutes ?? inferIntervalMinutes(rows, options.file);
  const reasons = new Set(rows.map((row) => row.reason));
  const hasPooled = reasons.has('all') && reasons.size > 1;
  const problems: InputProblem[] = [];
  const planned: PlanRow[] = [];
  for (const row of rows) {
    const handleTimeSeconds = row.handleTimeSeconds ?? options.question.handleTimeSeconds;
    if (handleTimeSeconds === undefined) {
      problems.push({
        path: `line ${row.line}: aht_seconds`,
        expected: 'a handling time (an aht_seconds column or --aht)',
        received: 'nothing',
      });
      continue;
    }
    const hours = intervalMinutes / 60;
    if (row.calls === 0) {
      planned.push({
        ...base(row, handleTimeSeconds),
        evaluation: null,
        agentHours: 0,
        positionHours: 0,
      });
      continue;
    }
    const trafficErlangs = (row.calls * handleTimeSeconds) / (intervalMinutes * 60);
    let evaluation: StaffingEvaluation;
    try {
      evaluation = solveAgents({ ...options.question, handleTimeSeconds, trafficErlangs });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems.map((p) => ({ ...p, path: `line ${row.line}: ${p.path}` })));
      continue;
    }
    planned.push({
      ...base(row, handleTimeSeconds),
      evaluation,
      agentHours: evaluation.agents * hours,
      positionHours: evaluation.positions * hours,
    });
  }
  if (problems.length > 0) throw new InputError(problems, options.file);
  const pooled = hasPooled ? planned.filter((row) => row.reason === 'all') : [];
  const perReason = hasPooled ? planned.filter((row) => row.reason !== 'all') : planned;
  const totals: PlanTotal[] = [];
  const byReason = new Map<string, PlanRow[]>();
  for (const row of perReason) {
    const key = row.reason ?? 'sum';
    byReason.set(key, [...(byReason.get(key) ?? []), row]);
  }
  if (byReason.size > 1 || !byReason.has('sum')) {
    for (const [reason, list] of byReason) totals.push(total(reason, list));
  }
  totals.push(total('sum', perReason));
  if (hasPooled) totals.push(total('all', pooled));
  return { intervalMinutes, rows: perReason, pooled, totals };
}

function base(row: LoadRow, handleTimeSeconds: number) {
  return {
    intervalStart: row.intervalStart,
    reason: row.reason,
    calls: row.calls,
    handleTimeSeconds,
  };
}

function total(reason: string, rows: readonly PlanRow[]): PlanTotal {
  let calls = 0;
  let agentHours = 0;
  let positionHours = 0;
  for (const row of rows) {
    calls += row.calls;
    agentHours += row.agentHours;
    positionHours += row.positionHours;
  }
  return { reason, calls, agentHours, positionHours };
}

/** The smallest gap between distinct interval starts, in whole minutes. */
function inferIntervalMinutes(rows: readonly LoadRow[], file: string | undefined): number {
  const starts = [...new Set(rows.map((row) => row.startMs))].sort((a, b) => a - b);
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < starts.length; i++) gap = Math.min(gap, starts[i]! - starts[i - 1]!);
  const minutes = gap / 60_000;
  if (!Number.isFinite(minutes)) {
    throw inputError(
      '--interval',
      'an interval length (the file has a single interval start)',
      'nothing',
      {
        ...(file ? { file } : {}),
        hint: 'e.g. --interval 30m',
      },
    );
  }
  if (!Number.isInteger(minutes) || 1440 % minutes !== 0) {
    throw inputError(
      'interval_start',
      'starts a whole number of minutes apart that divides a day',
      `${minutes} min`,
      {
        ...(file ? { file } : {}),
        raw: true,
        hint: 'give --interval',
      },
    );
  }
  return minutes;
}
