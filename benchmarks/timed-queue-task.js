// The queue replication task of engine.bench.js --breakdown, timed from inside the thread that
// runs it: the thread's CPU time (Linux /proc/thread-self/schedstat, nanoseconds) when this
// module loads (the thread's start-up: Node's worker bootstrap and the pool's worker module),
// around the import of the task, and around each replication. Results carry the timings
// beside the replication's counts, so they are not compared byte for byte. Wall-clock stamps
// (when the task was imported, when each replication started and ended) give each thread's
// lane of the run.
import { readFileSync, readlinkSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

export const threadCpuMs = () =>
  Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
const atLoad = threadCpuMs();
// This thread's kernel id (/proc/thread-self → /proc/<pid>/task/<tid>), to tell its CPU time
// from that of V8's helper threads (compilation, garbage collection) in the process.
const tid = readlinkSync('/proc/thread-self').split('/').pop();
const { replicateQueue, warmUpQueue } = await import('../dist/queueing/queue-replication-task.js');
const afterImport = threadCpuMs();

// Wall-clock time on a clock every thread of the process shares (ms since the epoch).
export const wallMs = () => performance.timeOrigin + performance.now();
const importedAt = wallMs();

export function timedReplicateQueue(model, seed, index) {
  const startedAt = wallMs();
  const before = threadCpuMs();
  const r = replicateQueue(model, seed, index);
  const cpu = threadCpuMs() - before;
  return {
    startedAt,
    endedAt: wallMs(),
    importedAt,
    index,
    threadId,
    tid,
    cpu,
    startCpu: atLoad,
    importCpu: afterImport - atLoad,
    offered: r.offered,
    answered: r.answered,
  };
}

export { warmUpQueue };
