import { replicationSeed } from '../random/random-stream.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { replicationMeasures } from './replication-measures.js';
import { type CallEventListener, SwitchboardModel } from './switchboard-model.js';
import type { ReplicationResult } from './tallies.js';

/** Options of {@link runReplication}. */
export interface RunReplicationOptions {
  days: number;
  seed: number | string;
  /** Replication number: its random streams are seeded with `replicationSeed(seed, index)`. */
  index: number;
  onCallEvent?: CallEventListener;
}

/**
 * Run replication `index` of a scenario and return its measures. Independent of the thread
 * that runs it: same scenario, seed and index ⇒ the same result. Cost: a few events per call.
 */
export function runReplication(
  scenario: Scenario,
  options: RunReplicationOptions,
): ReplicationResult {
  const model = new SwitchboardModel(scenario, {
    days: options.days,
    seed: replicationSeed(options.seed, options.index),
    ...(options.onCallEvent ? { onCallEvent: options.onCallEvent } : {}),
  });
  const tallies = model.run();
  return replicationMeasures(scenario, options.days, tallies, model.sim.eventsProcessed);
}
