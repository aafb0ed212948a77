import { parentPort } from 'node:worker_threads';
import { replicationSeed } from '../random/random-stream.js';
import { type LoadedReplication, loadReplicationTask } from './load-replication-task.js';
import type { ReplicationTask } from './load-replication-task.js';
import type { ReplicationItem } from './run-replications.js';

/**
 * The worker-thread side of {@link runReplicationBatch}: a thread of the pool that lives across
 * batches. It waits for messages, handled one after the other:
 * - `{ preload: url, warmUp? }`: import a task module ahead of its first batch (while the caller
 *   is still loading its scenario), and run its warm-up export, if it names one;
 * - `{ batch, ...setup }`: the task, the batch's inputs, items and seed, and a shared counter.
 *   The worker takes the next item from the counter until none is left, preparing each input on
 *   first use, and posts `{ batch, k, result }` (or `{ batch, k, error }`) for item k.
 * Modules stay imported (and their code compiled) from one batch to the next.
 */
interface Setup extends ReplicationTask {
  batch: number;
  inputs: unknown[];
  items: ReplicationItem[];
  seed: number | string;
  counter: Int32Array;
}

async function work(setup: Setup): Promise<void> {
  const loaded = new Map<number, LoadedReplication>();
  const total = setup.items.length;
  const { batch, counter } = setup;
  for (let k = Atomics.add(counter, 0, 1); k < total; k = Atomics.add(counter, 0, 1)) {
    const { input, index } = setup.items[k]!;
    try {
      let run = loaded.get(input);
      if (run === undefined) {
        run = await loadReplicationTask(setup, setup.inputs[input]);
        loaded.set(input, run);
      }
      parentPort?.postMessage({ batch, k, result: run(replicationSeed(setup.seed, index), index) });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      parentPort?.postMessage({ batch, k, error: message });
      return;
    }
  }
}

let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (message: Setup | { preload: string; warmUp?: string }) => {
  queue = queue.then(async () => {
    if ('preload' in message) {
      // A failed import or warm-up shows, with its message, when a batch runs the task.
      try {
        const module = (await import(message.preload)) as Record<string, unknown>;
        const warmUp = message.warmUp === undefined ? undefined : module[message.warmUp];
        if (typeof warmUp === 'function') (warmUp as () => unknown)();
      } catch {
        /* see above */
      }
    } else await work(message);
  });
});
