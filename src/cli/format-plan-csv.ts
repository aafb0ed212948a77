import { stringify } from 'csv-stringify/sync';
import type { PlanRow, StaffingPlan } from '../staffing/plan-staffing.js';

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
 * A staffing plan as CSV: one row per interval (and reason), then the pooled `all` rows of a
 * forecast file, then one `total` row per reason, `total,sum` over the reasons and, when
 * pooled rows exist, `total,all`. Empty cells where a measure does not apply (or an interval
 * has no calls). Numbers carry up to 6 significant decimals. Cost O(rows).
 */
export function formatPlanCsv(plan: StaffingPlan): string {
  const records: (string | number)[][] = [];
  const cell = (value: number | null | undefined, digits = 6) =>
    value === null || value === undefined ? '' : Number(value.toFixed(digits));
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
  for (const t of plan.totals) {
    const blank = ['', '', '', '', '', '', '', '', '', ''];
    records.push([
      'total',
      t.reason,
      cell(t.calls, 4),
      ...blank,
      cell(t.agentHours, 4),
      cell(t.positionHours, 4),
    ]);
  }
  return stringify(records, { header: true, columns: [...PLAN_CSV_COLUMNS] });
}
