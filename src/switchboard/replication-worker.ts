/**
 * Worker-thread entry: receives a scenario document and replication indices, returns their
 * results. Used by {@link simulateScenario} when `threads > 1`.
 */
import { parentPort } from 'node:worker_threads';
import { parseScenario } from '../scenario/parse-scenario.js';
import { runReplication } from './run-replication.js';

interface Job {
  document: Record<string, unknown>;
  days: number;
  seed: number | string;
  indices: number[];
}

parentPort?.on('message', (job: Job) => {
  const scenario = parseScenario(job.document);
  const results = job.indices.map((index) => ({
    index,
    result: runReplication(scenario, { days: job.days, seed: job.seed, index }),
  }));
  parentPort?.postMessage(results);
});
