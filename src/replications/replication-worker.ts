import { parentPort, workerData } from 'node:worker_threads';
import { type LoadedReplication, loadReplicationTask } from './load-replication-task.js';
import type { ReplicationTask } from './load-replication-task.js';

/**
 * The worker-thread side of {@link runReplications}. The task and its input arrive once, as
 * `workerData` (`{ moduleUrl, exportName, prepareExportName?, input }`); the module is imported
 * and the input prepared (when the task names a prepare export) once per worker. Each job
 * message `{ seed, index }` runs the task and posts `{ index, result }` back (or
 * `{ index, error }`).
 */
interface Job {
  seed: string;
  index: number;
}

let loaded: Promise<LoadedReplication> | undefined;

parentPort?.on('message', async (job: Job) => {
  try {
    const setup = workerData as ReplicationTask & { input: unknown };
    loaded ??= loadReplicationTask(setup, setup.input);
    const run = await loaded;
    parentPort?.postMessage({ index: job.index, result: run(job.seed, job.index) });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    parentPort?.postMessage({ index: job.index, error: message });
  }
});
