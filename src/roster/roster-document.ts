import { intervalLabel } from '../switchboard/replication-measures.js';
import { type Scenario, weekdays } from '../scenario/scenario-types.js';

/** A queue's roster: operators on the phones per slot of the week (weekday × intervals + k). */
export interface QueueSchedule {
  queue: number;
  scheduled: ArrayLike<number>;
}

/** `{ hours, operators }` steps of one weekday, equal neighbours merged, gaps for nobody. */
function weekdaySteps(
  scheduled: ArrayLike<number>,
  weekday: number,
  intervalMinutes: number,
): { hours: string; operators: number }[] {
  const perDay = Math.round(1440 / intervalMinutes);
  const steps: { hours: string; operators: number }[] = [];
  let k = 0;
  while (k < perDay) {
    const n = scheduled[weekday * perDay + k]!;
    let end = k + 1;
    while (end < perDay && scheduled[weekday * perDay + end] === n) end++;
    if (n > 0)
      steps.push({
        hours: `${intervalLabel(k, intervalMinutes)}-${end === perDay ? '24:00' : intervalLabel(end, intervalMinutes)}`,
        operators: n,
      });
    k = end;
  }
  return steps;
}

/**
 * The scenario document with each rostered queue's `operators` replaced by the roster (one list
 * of steps per weekday) and the targets the roster was built for: a scenario `simulate` and
 * `compare` run as is. Other queues keep their operators. Cost: O(queues × slots).
 */
export function rosterDocument(
  scenario: Scenario,
  schedules: readonly QueueSchedule[],
  targets?: Record<string, unknown>,
  paidBreakHours?: number,
): Record<string, unknown> {
  const document = structuredClone(scenario.document) as Record<string, unknown>;
  if (paidBreakHours !== undefined) {
    // The roster's paid hours off the phones, so that its cost is the roster's (or none).
    const { paidBreakHours: _old, ...costs } = (document.costs ?? {}) as Record<string, unknown>;
    document.costs = paidBreakHours > 0 ? { ...costs, paidBreakHours } : costs;
    if (Object.keys(document.costs as object).length === 0) delete document.costs;
  }
  const queues = document.queues as Record<string, Record<string, unknown>>;
  for (const { queue, scheduled } of schedules) {
    const name = scenario.queues[queue]!.name;
    queues[name] = {
      ...queues[name],
      operators: Object.fromEntries(
        weekdays.map((day, w) => [day, weekdaySteps(scheduled, w, scenario.intervalMinutes)]),
      ),
    };
  }
  if (targets !== undefined) {
    document.targets = targets;
    const measures = document.measures as Record<string, unknown> | undefined;
    if (measures !== undefined) {
      const { serviceLevelTime: _threshold, ...rest } = measures;
      document.measures = rest;
    }
  }
  return document;
}
