import { replicationSeed } from '../random/random-stream.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { replicationMeasures } from './replication-measures.js';
import { SwitchboardModel } from './switchboard-model.js';
import type { ReplicationResult } from './tallies.js';

/** Options of {@link runReplication}. */
export interface RunReplicationOptions {
  days: number;
  seed: number | string;
  /** Replication number: its random streams are seeded with `replicationSeed(seed, index)`. */
  index: number;
}

/**
 * Run replication `index` of a scenario and return its measures. Independent of the thread
 * that runs it: same scenario, seed and index ⇒ the same result. Cost: a few events per call.
 */
export function runReplication(
  scenario: Scenario,
  options: RunReplicationOptions,
): ReplicationResult {
  return replicateScenario(
    { scenario, days: options.days },
    replicationSeed(options.seed, options.index),
  );
}

/** A compiled scenario and the days to simulate: what every replication of a run shares. */
export interface ScenarioRun {
  scenario: Scenario;
  days: number;
}

/**
 * One replication of a scenario, its random streams seeded with `seed` (already the
 * replication's own seed, `replicationSeed(base, index)`): the function `runReplications` runs
 * on worker threads (see `scenario-replication-task.ts`). Cost: a few events per call.
 */
export function replicateScenario(run: ScenarioRun, seed: string): ReplicationResult {
  const model = new SwitchboardModel(run.scenario, { days: run.days, seed });
  const tallies = model.run();
  return replicationMeasures(run.scenario, run.days, tallies, model.sim.eventsProcessed);
}
