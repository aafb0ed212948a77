import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { replicationSeed } from '../random/random-stream.js';
import { compiledModuleUrl } from './compiled-module-url.js';
import {
  type LoadedReplication,
  loadReplicationTask,
  type ReplicationTask,
} from './load-replication-task.js';

export type { ReplicationTask };

/**
 * Runs a batch of replications elsewhere (workers taking jobs from a queue; see src/workers),
 * returning the results in the order of `items`, exactly as {@link runReplicationBatch} would.
 */
export interface RemoteReplications {
  runBatch(request: {
    task: string;
    inputs: readonly unknown[];
    items: readonly ReplicationItem[];
    seed: number | string;
    onProgress?: (done: number, total: number) => void;
  }): Promise<unknown[]>;
}

/** Options of {@link runReplications}. */
export interface RunReplicationsOptions<I> {
  task: ReplicationTask;
  /** Sent to every replication (structured-cloned). */
  input: I;
  /** Number of replications R (≥ 1). */
  replications: number;
  /** Base seed; replication i is seeded `replicationSeed(seed, i)`. */
  seed: number | string;
  /**
   * Threads that run replications, this one included (1 = only this thread). At most 4 × the
   * available cores.
   */
  threads?: number;
  /** Called after each replication finishes, with the number done. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Run replications in this thread with this function, `(seed, index) => result`, instead of
   * importing the task module: for a caller already holding the prepared input (a compiled
   * scenario). It must compute what the task would.
   */
  inThread?: (seed: string, index: number) => unknown;
  /** Run the replications there instead of on this machine's threads. */
  remote?: RemoteReplications;
}

/** One replication of a batch: which input (its position in `inputs`) and which index. */
export interface ReplicationItem {
  input: number;
  index: number;
}

/** Options of {@link runReplicationBatch}: several inputs run on common seeds in one pool. */
export interface RunReplicationBatchOptions<I> {
  task: ReplicationTask;
  /** The inputs (structured-cloned to each worker thread once). */
  inputs: readonly I[];
  /** The replications to run; replication `index` of any input is seeded `replicationSeed(seed, index)`. */
  items: readonly ReplicationItem[];
  seed: number | string;
  /** Threads that run replications, this one included (see {@link RunReplicationsOptions}). */
  threads?: number;
  /** Called after each replication finishes, with the number done. */
  onProgress?: (done: number, total: number) => void;
  /** See {@link RunReplicationsOptions.inThread}; `input` is the position in `inputs`. */
  inThread?: (seed: string, index: number, input: number) => unknown;
  /** Run the replications there instead of on this machine's threads. */
  remote?: RemoteReplications;
}

/** The most threads {@link runReplications} accepts on this machine. */
export function maxReplicationThreads(): number {
  return 4 * availableParallelism();
}

/**
 * Run R independent replications of a task, each seeded `replicationSeed(seed, i)`, on
 * `threads` threads, and return the results in replication order — so the combined output is
 * identical whatever the number of threads. See {@link runReplicationBatch}.
 */
export async function runReplications<I, R>(options: RunReplicationsOptions<I>): Promise<R[]> {
  const { replications, inThread } = options;
  if (!Number.isInteger(replications) || replications < 1) {
    throw new RangeError(
      `runReplications: replications must be an integer ≥ 1, got ${replications}`,
    );
  }
  return runReplicationBatch<I, R>({
    task: options.task,
    inputs: [options.input],
    items: Array.from({ length: replications }, (_, index) => ({ input: 0, index })),
    seed: options.seed,
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(inThread === undefined ? {} : { inThread: (seed, index) => inThread(seed, index) }),
    ...(options.remote === undefined ? {} : { remote: options.remote }),
  });
}

/**
 * Run a batch of replications (of one or several inputs: a base scenario and its variants, on
 * the same seeds) and return the results in the order of `items`. With `remote`, they run
 * there (as jobs for workers) instead.
 *
 * With `threads` = T > 1, T − 1 worker threads of the pool take part (waiting ones first, see
 * {@link prestartReplicationThreads}; the rest start now) and this thread works too, while they
 * start. Every thread takes the next replication from a shared atomic counter, so none waits
 * for another to hand it work and a slow one holds back at most one replication at the end.
 * Each worker imports the task and prepares each input once per batch, on first use; after a
 * successful batch the workers wait in the pool, their modules imported and compiled, for the
 * next one. Module URLs that point into `src/` (running from TypeScript sources) are mapped to
 * `dist/`. Cost: the replications, plus per new worker its start-up (~30–40 ms of CPU) and
 * per worker the import of the task and the code's warm-up (its first replication runs
 * slower), none of which waits for another thread.
 */
export async function runReplicationBatch<I, R>(
  options: RunReplicationBatchOptions<I>,
): Promise<R[]> {
  const { items, seed, inputs, onProgress } = options;
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1 || threads > maxReplicationThreads()) {
    throw new RangeError(
      `runReplications: threads must be an integer in 1..${maxReplicationThreads()}, got ${threads}`,
    );
  }
  const total = items.length;
  const results: R[] = new Array(total);
  if (total === 0) return results;
  if (options.remote !== undefined) {
    if (options.task.name === undefined)
      throw new TypeError(`runReplications: ${String(options.task.moduleUrl)} has no task name`);
    return (await options.remote.runBatch({
      task: options.task.name,
      inputs,
      items,
      seed,
      ...(onProgress === undefined ? {} : { onProgress }),
    })) as R[];
  }
  // The next item to take, shared by every thread.
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const batch = ++batches;
  const workers = takeWorkers(Math.min(threads, total) - 1);
  let done = 0;
  let failure: Error | undefined;
  let finish: (() => void) | undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const record = (k: number, result: R): void => {
    results[k] = result;
    done++;
    onProgress?.(done, total);
    if (done === total) finish?.();
  };
  const fail = (error: Error): void => {
    failure ??= error;
    finish?.();
  };
  const onMessage = (message: { batch: number; k: number; result?: R; error?: string }) => {
    if (message.batch !== batch) return;
    if (message.error !== undefined) {
      const item = items[message.k]!;
      fail(new Error(`replication ${item.index} failed: ${message.error}`));
    } else record(message.k, message.result as R);
  };
  let completed = false;
  const onExit = (code: number) =>
    fail(new Error(`a replication thread stopped (exit code ${code})`));
  const { task } = options;
  // The task, its inputs and the items cross to each worker once, with the batch.
  const setup = {
    batch,
    moduleUrl: String(task.moduleUrl),
    exportName: task.exportName,
    ...(task.prepareExportName === undefined ? {} : { prepareExportName: task.prepareExportName }),
    inputs,
    items,
    seed,
    counter,
  };
  for (const worker of workers) {
    worker.on('message', onMessage);
    worker.on('error', fail);
    worker.on('exit', onExit);
    worker.postMessage(setup);
  }
  try {
    // This thread takes its share, yielding between replications so the workers' results
    // (and the progress they make) are received as they come.
    const loaded = new Map<number, LoadedReplication>();
    for (let k = Atomics.add(counter, 0, 1); k < total; k = Atomics.add(counter, 0, 1)) {
      if (failure !== undefined) break;
      const { input, index } = items[k]!;
      let run: LoadedReplication | undefined = options.inThread
        ? (s, i) => options.inThread!(s, i, input)
        : loaded.get(input);
      if (run === undefined) {
        run = await loadReplicationTask(options.task, inputs[input]);
        loaded.set(input, run);
      }
      record(k, run(replicationSeed(seed, index), index) as R);
      if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    if (done < total) await finished;
    if (failure !== undefined) throw failure;
    completed = true;
  } finally {
    for (const worker of workers) {
      worker.off('message', onMessage);
      worker.off('error', fail);
      worker.off('exit', onExit);
    }
    // Every item is taken: a worker still in the batch only finds the counter past the end.
    // After a failure, a worker may be mid-replication or broken: end them instead.
    if (completed) for (const worker of workers) park(worker);
    else await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

// The pool: worker threads waiting for a batch, kept for a while so that the next batch (a
// roster search runs hundreds) finds them started, their modules imported and compiled.
const IDLE_MS = 10_000;
const idle: Worker[] = [];
const idleTimers = new Map<Worker, ReturnType<typeof setTimeout>>();
let batches = 0;

function spawnWorker(): Worker {
  const workerUrl = compiledModuleUrl('./replication-worker.js', import.meta.url);
  // Workers inherit the parent's Node flags, but `--input-type` (from `node -e`) stops them
  // loading a module file, and `--expose-gc` (benchmarks/run.js) is a per-process flag workers
  // refuse.
  const execArgv = process.execArgv.filter(
    (flag) => !flag.startsWith('--input-type') && flag !== '--expose-gc',
  );
  const worker = new Worker(workerUrl, { execArgv });
  // A worker that dies while waiting leaves the pool.
  worker.on('exit', () => unpark(worker));
  worker.on('error', () => unpark(worker));
  return worker;
}

/** Put a worker back in the pool: it holds the process open no longer, and ends after a while. */
function park(worker: Worker): void {
  worker.unref();
  idle.push(worker);
  const timer = setTimeout(() => {
    unpark(worker);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idleTimers.set(worker, timer);
}

function unpark(worker: Worker): void {
  clearTimeout(idleTimers.get(worker));
  idleTimers.delete(worker);
  const at = idle.indexOf(worker);
  if (at >= 0) idle.splice(at, 1);
}

function takeWorkers(count: number): Worker[] {
  const taken: Worker[] = [];
  while (taken.length < count && idle.length > 0) {
    const worker = idle.pop()!;
    unpark(worker);
    worker.ref();
    taken.push(worker);
  }
  while (taken.length < count) taken.push(spawnWorker());
  return taken;
}

/**
 * Start worker threads for a run about to come — `threads` − 1 of them, as
 * {@link runReplicationBatch} would — so that they start while the caller is still busy, e.g.
 * loading and checking its scenario; the next batch takes them. With `task`, they import its
 * module and run its warm-up export, when it names one, so that its code is compiled before
 * the batch.
 * Threads already waiting count. They do not keep the process alive, and end after 10 s
 * unused. Cost: per thread its start-up (~30–40 ms of CPU) and warm-up, on another core.
 */
export function prestartReplicationThreads(threads: number, task?: ReplicationTask): void {
  const count = Math.min(threads, maxReplicationThreads()) - 1 - idle.length;
  for (let i = 0; i < count; i++) {
    const worker = spawnWorker();
    if (task !== undefined)
      worker.postMessage({
        preload: String(task.moduleUrl),
        ...(task.warmUpExportName === undefined ? {} : { warmUp: task.warmUpExportName }),
      });
    park(worker);
  }
}
