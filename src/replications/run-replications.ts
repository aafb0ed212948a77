import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { replicationSeed } from '../random/random-stream.js';
import { compiledModuleUrl } from './compiled-module-url.js';
import { loadReplicationTask, type ReplicationTask } from './load-replication-task.js';

export type { ReplicationTask };

/** Options of {@link runReplications}. */
export interface RunReplicationsOptions<I> {
  task: ReplicationTask;
  /** Sent to every replication (structured-cloned). */
  input: I;
  /** Number of replications R (≥ 1). */
  replications: number;
  /** Base seed; replication i is seeded `replicationSeed(seed, i)`. */
  seed: number | string;
  /** Worker threads (1 = run in this thread). At most 4 × the available cores. */
  threads?: number;
  /** Called after each replication finishes, with the number done. */
  onProgress?: (done: number, total: number) => void;
  /**
   * With one thread, run replications with this function, `(seed, index) => result`, instead
   * of importing the task module: for a caller already holding the prepared input (a compiled
   * scenario). It must compute what the task would.
   */
  inThread?: (seed: string, index: number) => unknown;
}

/** The most threads {@link runReplications} accepts on this machine. */
export function maxReplicationThreads(): number {
  return 4 * availableParallelism();
}

/**
 * Run R independent replications of a task, each seeded `replicationSeed(seed, i)`, on
 * `threads` worker threads (plain `worker_threads`, a tiny pool handing out the next index to the
 * first free worker), and return the results in replication order — so the combined output is
 * identical whatever the number of threads. With one thread the task runs in this thread.
 *
 * Module URLs that point into `src/` (running from TypeScript sources) are mapped to `dist/`.
 * Cost: R task runs, plus one worker start-up (~30 ms) per thread.
 */
export async function runReplications<I, R>(options: RunReplicationsOptions<I>): Promise<R[]> {
  const { replications, seed, input, onProgress } = options;
  const threads = options.threads ?? 1;
  if (!Number.isInteger(replications) || replications < 1) {
    throw new RangeError(
      `runReplications: replications must be an integer ≥ 1, got ${replications}`,
    );
  }
  if (!Number.isInteger(threads) || threads < 1 || threads > maxReplicationThreads()) {
    throw new RangeError(
      `runReplications: threads must be an integer in 1..${maxReplicationThreads()}, got ${threads}`,
    );
  }
  const moduleUrl = String(options.task.moduleUrl);
  const results: R[] = new Array(replications);
  if (threads === 1) {
    const run = options.inThread ?? (await loadReplicationTask(options.task, input));
    for (let i = 0; i < replications; i++) {
      results[i] = run(replicationSeed(seed, i), i) as R;
      onProgress?.(i + 1, replications);
    }
    return results;
  }
  const workerUrl = compiledModuleUrl('./replication-worker.js', import.meta.url);
  // Workers inherit the parent's Node flags, but `--input-type` (from `node -e`) stops them
  // loading a module file.
  // `--expose-gc` (benchmarks/run.js) is a per-process flag workers refuse.
  const execArgv = process.execArgv.filter(
    (flag) => !flag.startsWith('--input-type') && flag !== '--expose-gc',
  );
  const workers = Array.from(
    { length: Math.min(threads, replications) },
    () =>
      new Worker(workerUrl, {
        execArgv,
        // The task and its input cross to each worker once, not with every replication.
        workerData: {
          moduleUrl,
          exportName: options.task.exportName,
          ...(options.task.prepareExportName === undefined
            ? {}
            : { prepareExportName: options.task.prepareExportName }),
          input,
        },
      }),
  );
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker): void => {
        if (next >= replications) return;
        const index = next++;
        worker.postMessage({ seed: replicationSeed(seed, index), index });
      };
      for (const worker of workers) {
        worker.on('message', (message: { index: number; result?: R; error?: string }) => {
          if (message.error !== undefined) {
            reject(new Error(`replication ${message.index} failed: ${message.error}`));
            return;
          }
          results[message.index] = message.result as R;
          done++;
          onProgress?.(done, replications);
          if (done === replications) resolve();
          else send(worker);
        });
        worker.on('error', reject);
        send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
