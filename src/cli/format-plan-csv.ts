import { stringify } from 'csv-stringify/sync';
import { CSV_CAST } from '../io/csv-cell.js';
import type { PlanRow, PlanTotal, StaffingPlan } from '../staffing/plan-staffing.js';
import { fixed } from '../units/fixed.js';

/** Columns of the plan CSV, in order. */
export const PLAN_CSV_COLUMNS = [
  'interval_start',
  'reason',
  'calls',
  'aht_seconds',
  'traffic_erlangs',
  'agents',
  'positions',
  'service_level',
  'asa_seconds',
  'mean_wait_seconds',
  'occupancy',
  'probability_abandon',
  'probability_blocking',
  'agent_hours',
  'position_hours',
] as const;

/**
 * A staffing plan as CSV: one row per interval (and reason), then the pooled `all` rows, then
 * the totals and, last, the headline. With several reasons the totals are labelled by team:
 * `total,<reason> (separate team)` per reason, `total,separate teams (sum)` and
 * `total,pooled team (all)`; the last row, `staffed,…`, is the switchboard as it is staffed
 * (`staffed,pooled team`, `staffed,separate teams` or, for one reason or none,
 * `staffed,one team`). Empty cells where a measure does not apply (or an interval has no
 * calls). Numbers carry up to 6 significant decimals. Cost O(rows).
 */
export function formatPlanCsv(plan: StaffingPlan): string {
  const records: (string | number)[][] = [];
  const cell = (value: number | null | undefined, digits = 6) =>
    value === null || value === undefined ? '' : Number(fixed(value, digits));
  const row = (r: PlanRow) => {
    const e = r.evaluation;
    records.push([
      r.intervalStart,
      r.reason ?? '',
      cell(r.calls, 4),
      cell(r.handleTimeSeconds, 3),
      cell(e ? e.trafficErlangs : 0),
      e ? e.agents : 0,
      e ? e.positions : 0,
      cell(e?.serviceLevel),
      cell(e?.asaSeconds, 3),
      cell(e?.meanWaitSeconds, 3),
      cell(e?.occupancy),
      cell(e?.probabilityAbandon),
      cell(e?.probabilityBlocking),
      cell(r.agentHours, 4),
      cell(r.positionHours, 4),
    ]);
  };
  plan.rows.forEach(row);
  plan.pooled.forEach(row);
  const footer = (first: string, label: string, t: PlanTotal) => {
    const blank = ['', '', '', '', '', '', '', '', '', ''];
    records.push([
      first,
      label,
      cell(t.calls, 4),
      ...blank,
      cell(t.agentHours, 4),
      cell(t.positionHours, 4),
    ]);
  };
  for (const t of plan.totals) if (t.team !== 'single') footer('total', teamLabel(t), t);
  footer('staffed', staffedLabel(plan.staffed), plan.staffed);
  return stringify(records, { header: true, columns: [...PLAN_CSV_COLUMNS], cast: CSV_CAST });
}

/** `PS (separate team)`, `separate teams (sum)`, `pooled team (all)`, `one team`. */
export function teamLabel(t: PlanTotal): string {
  if (t.team === 'single') return 'one team';
  if (t.team === 'pooled') return 'pooled team (all)';
  return t.reason === 'sum' ? 'separate teams (sum)' : `${t.reason} (separate team)`;
}

/** How the headline total is staffed: `pooled team`, `separate teams` or `one team`. */
export function staffedLabel(t: PlanTotal): string {
  return t.team === 'single' ? 'one team' : t.team === 'pooled' ? 'pooled team' : 'separate teams';
}

/**
 * One line for people: the switchboard as staffed, then the other way of staffing it, e.g.
 * `staffed as one pooled team: 13.0 operator hours, 13.0 position hours (as 2 separate teams,
 * one per reason: 15.5 operator hours)`.
 */
export function planHeadline(plan: StaffingPlan): string {
  const hours = (t: PlanTotal) =>
    `${fixed(t.agentHours, 1)} operator hours, ${fixed(t.positionHours, 1)} position hours`;
  const { staffed } = plan;
  if (staffed.team === 'single') return `staffed as one team: ${hours(staffed)}`;
  const teams = plan.totals.filter((t) => t.team === 'separate' && t.reason !== 'sum').length;
  const separate = plan.totals.find((t) => t.team === 'separate' && t.reason === 'sum')!;
  const pooled = plan.totals.find((t) => t.team === 'pooled')!;
  const asSeparate = `${teams} separate teams, one per reason`;
  return staffed.team === 'pooled'
    ? `staffed as one pooled team: ${hours(pooled)} (as ${asSeparate}: ${fixed(separate.agentHours, 1)} operator hours)`
    : `staffed as ${asSeparate}: ${hours(separate)} (as one pooled team: ${fixed(pooled.agentHours, 1)} operator hours)`;
}
