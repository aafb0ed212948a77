import { parseScenario } from '../scenario/parse-scenario.js';
import { replicateScenario, type ScenarioRun } from './run-replication.js';
import type { ReplicationResult } from './tallies.js';

/**
 * The replication task `runReplications` runs on worker threads for a scenario. A compiled
 * scenario does not cross threads, so its validated document does: each worker compiles it once
 * ({@link prepareScenarioRun}), then runs replications of it ({@link replicateScenarioTask}).
 */
export interface ScenarioRunInput {
  document: Record<string, unknown>;
  days: number;
}

/**
 * Compile the scenario document once per worker thread. The document passed the schema in the
 * process that sent it (a remote job is checked by the job processor first), so the schema
 * check, which would compile the schema in every thread, is skipped. Cost: linear in the
 * document.
 */
export function prepareScenarioRun(input: ScenarioRunInput): ScenarioRun {
  return { scenario: parseScenario(input.document, { schemaChecked: true }), days: input.days };
}

/** One replication (see {@link replicateScenario}). */
export function replicateScenarioTask(
  run: ScenarioRun,
  seed: string,
  _index: number,
): ReplicationResult {
  return replicateScenario(run, seed);
}
