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
  /**
   * How a switchboard with several reasons is staffed: `pooled` (default), one team answering
   * every reason; `separate`, one team per reason, each answering only its own calls.
   */
  teams?: PlanTeams;
}

/** How a switchboard with several reasons is staffed (`--teams`). */
export type PlanTeams = 'pooled' | 'separate';

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
  /** The reason, `sum` for the sum over reasons, or `all` for the pooled team's total. */
  reason: string;
  /**
   * Which staffing the hours are for: `separate` (a team per reason: a reason's own team, or
   * `sum`, all those teams together), `pooled` (one team answering every reason), or `single`
   * (a plan with one reason or none: the one team there is).
   */
  team: 'separate' | 'pooled' | 'single';
  calls: number;
  agentHours: number;
  positionHours: number;
}

/** A staffing plan: one row per interval and reason, and its totals. */
export interface StaffingPlan {
  intervalMinutes: number;
  /**
   * The switchboard as it is staffed, the plan's headline: the pooled team (default), the sum
   * of the separate teams (`teams: 'separate'`), or the one team of a plan without reasons.
   * It is one of `totals`.
   */
  staffed: PlanTotal;
  /** Rows per interval and reason (reason `all` rows excluded when other reasons exist). */
  rows: PlanRow[];
  /**
   * With several reasons, one row of reason `all` per interval: the staffing of one pooled team
   * answering every reason. A forecast file's own `all` rows, or else the reasons' rows of the
   * interval pooled (calls added, handling time their calls-weighted mean). Reported apart so
   * they are never added to the rows.
   */
  pooled: PlanRow[];
  /**
   * With several reasons: one total per reason (its separate team), `sum` over those teams,
   * then `all` (the pooled team). With one reason or none: `sum` alone (team `single`).
   */
  totals: PlanTotal[];
}

/**
 * Solve every interval of a load file for the fewest operators meeting the targets, and total
 * the operator hours. Rows are planned in file order, per reason when the file has reasons.
 * With several reasons the plan is made both ways: a team per reason (the rows, totalled per
 * reason and as `sum`) and one pooled team (`pooled`, totalled as `all`): a forecast's own
 * `all` rows, or else each interval's rows pooled (handling time weighted by calls, the usual
 * single-skill approximation of a team that takes every call). `staffed`, the headline, is the
 * pooled team unless `teams` is `separate`: pooling needs fewer operators for the same targets
 * (economies of scale), so adding up separate teams overstates a pooled switchboard. A file
 * with one reason and `all` rows (a forecast of one reason) has one team: the `all` rows repeat
 * the reason and are not planned again.
 *
 * The interval length is `intervalMinutes`, or else the smallest gap between distinct starts.
 * Throws an InputError naming the file and line for a row it cannot plan (no handling time,
 * unreachable targets). Cost: one {@link solveAgents} per row.
 */
export function planStaffing(rows: readonly LoadRow[], options: PlanStaffingOptions): StaffingPlan {
  const intervalMinutes = options.intervalMinutes ?? inferIntervalMinutes(rows, options.file);
  const reasons = new Set(rows.map((row) => row.reason));
  const givenPooled = reasons.has('all') && reasons.size > 1;
  const several = reasons.size - (givenPooled ? 1 : 0) > 1;
  // One reason and its `all` rows (a forecast of one reason): one team, planned once.
  const oneTeamRows = givenPooled && !several ? withoutRepeatedTotal(rows, options) : rows;
  const problems: InputProblem[] = [];
  const planned: PlanRow[] = [];
  const toPlan = several && !givenPooled ? [...rows, ...pooledRows(rows, options)] : oneTeamRows;
  for (const row of toPlan) {
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
      const where =
        row.reason === 'all' && !givenPooled
          ? `interval ${row.intervalStart} (pooled team)`
          : `line ${row.line}`;
      problems.push(...error.problems.map((p) => ({ ...p, path: `${where}: ${p.path}` })));
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
  const pooled = several ? planned.filter((row) => row.reason === 'all') : [];
  const perReason = several ? planned.filter((row) => row.reason !== 'all') : planned;
  if (!several) {
    const single = total('sum', 'single', perReason);
    return { intervalMinutes, staffed: single, rows: perReason, pooled, totals: [single] };
  }
  const byReason = new Map<string, PlanRow[]>();
  for (const row of perReason) {
    const key = row.reason!;
    byReason.set(key, [...(byReason.get(key) ?? []), row]);
  }
  const totals = [...byReason].map(([reason, list]) => total(reason, 'separate', list));
  const separate = total('sum', 'separate', perReason);
  const pooledTeam = total('all', 'pooled', pooled);
  totals.push(separate, pooledTeam);
  const staffed = options.teams === 'separate' ? separate : pooledTeam;
  return { intervalMinutes, staffed, rows: perReason, pooled, totals };
}

/**
 * The rows of a file with one reason and `all` rows, without the `all` rows: with one reason
 * the total is that reason (a forecast writes it so), and planning both would count every call
 * twice. An `all` row that is not its interval's reason row (other calls or handling time, or
 * no reason row) contradicts the file and is an input error naming its line.
 */
function withoutRepeatedTotal(rows: readonly LoadRow[], options: PlanStaffingOptions): LoadRow[] {
  const kept = rows.filter((row) => row.reason !== 'all');
  const byStart = new Map(kept.map((row) => [row.startMs, row]));
  const problems: InputProblem[] = [];
  for (const row of rows) {
    if (row.reason !== 'all') continue;
    const own = byStart.get(row.startMs);
    const same =
      own !== undefined &&
      Math.abs(own.calls - row.calls) <= 1e-9 * Math.max(1, row.calls) &&
      own.handleTimeSeconds === row.handleTimeSeconds;
    if (same) continue;
    problems.push({
      path: `line ${row.line}: reason all`,
      expected: `the total of the file's one reason, "${kept[0]!.reason}" (${
        own === undefined ? 'no row of that reason' : `line ${own.line}`
      } for ${row.intervalStart})`,
      received:
        own === undefined
          ? `${row.calls} calls`
          : `${row.calls} calls${row.handleTimeSeconds === undefined ? '' : ` of ${row.handleTimeSeconds} s`}`,
    });
  }
  if (problems.length > 0) throw new InputError(problems, options.file);
  return kept;
}

/**
 * One `all` row per interval start for a file with several reasons and no `all` rows: the
 * reasons' calls added, their handling times weighted by calls (by reason when no call came).
 * A row without a handling time (none in the file, no --aht) is left out: it is reported on
 * its own line.
 */
function pooledRows(rows: readonly LoadRow[], options: PlanStaffingOptions): LoadRow[] {
  const byStart = new Map<number, { first: LoadRow; calls: number; work: number; aht: number[] }>();
  for (const row of rows) {
    const aht = row.handleTimeSeconds ?? options.question.handleTimeSeconds;
    if (aht === undefined) continue;
    const slot = byStart.get(row.startMs) ?? { first: row, calls: 0, work: 0, aht: [] };
    slot.calls += row.calls;
    slot.work += row.calls * aht;
    slot.aht.push(aht);
    byStart.set(row.startMs, slot);
  }
  return [...byStart.values()].map(({ first, calls, work, aht }) => ({
    line: first.line,
    intervalStart: first.intervalStart,
    startMs: first.startMs,
    reason: 'all',
    calls,
    handleTimeSeconds: calls > 0 ? work / calls : aht.reduce((a, b) => a + b, 0) / aht.length,
  }));
}

function base(row: LoadRow, handleTimeSeconds: number) {
  return {
    intervalStart: row.intervalStart,
    reason: row.reason,
    calls: row.calls,
    handleTimeSeconds,
  };
}

function total(reason: string, team: PlanTotal['team'], rows: readonly PlanRow[]): PlanTotal {
  let calls = 0;
  let agentHours = 0;
  let positionHours = 0;
  for (const row of rows) {
    calls += row.calls;
    agentHours += row.agentHours;
    positionHours += row.positionHours;
  }
  return { reason, team, calls, agentHours, positionHours };
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
