import type { Scenario } from '../scenario/scenario-types.js';
import type { ScenarioRun } from '../switchboard/run-replication.js';
import { SwitchboardModel } from '../switchboard/switchboard-model.js';
import { IntervalField as I, type Tallies } from '../switchboard/tallies.js';

export { prepareScenarioRun } from '../switchboard/scenario-replication-task.js';

/**
 * One replication's queue entries by weekday × hour of their entry into the queue, flattened:
 * entry `2 × (weekday × 24 + hour)` holds the abandoned entries, the next one the decided
 * entries (answered + abandoned). Weekday 0 = Sunday, as in the audit (the model counts from
 * Monday). Plain numbers, so it crosses worker threads as it is.
 */
export type HourlyQueueOutcomes = number[];

/**
 * Sum a replication's interval tallies into {@link HourlyQueueOutcomes}: the like of the
 * audit's `byHour` cells (queued calls by local hour of their first queue entry), for comparing
 * the model's abandonment with the records' hour by hour. The scenario's interval must divide
 * an hour. Cost: O(intervals of the week).
 */
export function hourlyQueueOutcomes(scenario: Scenario, tallies: Tallies): HourlyQueueOutcomes {
  const minutes = scenario.intervalMinutes;
  if (60 % minutes !== 0)
    throw new RangeError(
      `hourlyQueueOutcomes: the interval must divide an hour, got ${minutes} min`,
    );
  const intervals = 1440 / minutes;
  const out = new Array<number>(7 * 24 * 2).fill(0);
  const t = tallies.byInterval;
  for (let w = 0; w < 7; w++) {
    const weekday = (w + 1) % 7;
    for (let k = 0; k < intervals; k++) {
      const at = (w * intervals + k) * I.size;
      const cell = 2 * (weekday * 24 + Math.floor((k * minutes) / 60));
      const abandoned = t[at + I.abandoned]!;
      out[cell]! += abandoned;
      out[cell + 1]! += abandoned + t[at + I.answered]!;
    }
  }
  return out;
}

/**
 * The replication task of {@link simulateHourlyAbandonment} (run by `runReplications`, on worker
 * threads or not): replication `seed` of the scenario — the same run as `switchboard simulate`
 * makes with that seed — summed by hour. Cost: a few events per call.
 */
export function hourlyQueueOutcomesTask(
  run: ScenarioRun,
  seed: string,
  _index: number,
): HourlyQueueOutcomes {
  const model = new SwitchboardModel(run.scenario, { days: run.days, seed });
  return hourlyQueueOutcomes(run.scenario, model.run());
}
