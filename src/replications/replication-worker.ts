import { parentPort, workerData } from 'node:worker_threads';
import { replicationSeed } from '../random/random-stream.js';
import { type LoadedReplication, loadReplicationTask } from './load-replication-task.js';
import type { ReplicationTask } from './load-replication-task.js';
import type { ReplicationItem } from './run-replications.js';

/**
 * The worker-thread side of {@link runReplicationBatch}. Everything arrives once, as
 * `workerData`: the task, its inputs, the items and the seed, and a shared counter. The worker
 * takes the next item from the counter until none is left, importing the task once and
 * preparing each input on first use, and posts `{ k, result }` (or `{ k, error }`) for item k.
 */
interface Setup extends ReplicationTask {
  inputs: unknown[];
  items: ReplicationItem[];
  seed: number | string;
  counter: Int32Array;
}

async function work(): Promise<void> {
  const setup = workerData as Setup;
  const loaded = new Map<number, LoadedReplication>();
  const total = setup.items.length;
  for (let k = Atomics.add(setup.counter, 0, 1); k < total; k = Atomics.add(setup.counter, 0, 1)) {
    const { input, index } = setup.items[k]!;
    try {
      let run = loaded.get(input);
      if (run === undefined) {
        run = await loadReplicationTask(setup, setup.inputs[input]);
        loaded.set(input, run);
      }
      parentPort?.postMessage({ k, result: run(replicationSeed(setup.seed, index), index) });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      parentPort?.postMessage({ k, error: message });
      return;
    }
  }
}

void work();
