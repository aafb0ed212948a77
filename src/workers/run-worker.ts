import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { compiledModuleUrl } from '../replications/compiled-module-url.js';
import { programVersion } from '../version.js';
import { DEFAULT_QUEUE } from './replication-job.js';
import { checkRedisServer, parseRedisUrl } from './redis-server.js';

/** Options of {@link runWorker}. */
export interface RunWorkerOptions {
  url: string;
  /** Jobs run at once, each on a thread of its own (default 1). */
  concurrency?: number;
  queue?: string;
  /**
   * How long a job stays claimed by a worker that has gone silent (killed, cut off) before
   * another worker takes it over, in seconds (default 30). The lock is renewed every half of it.
   */
  lockSeconds?: number;
  /** Where the worker says what it does (one line each). */
  log: (line: string) => void;
  /** Stops the worker (after its running jobs end). */
  signal: AbortSignal;
}

/**
 * `switchboard worker`: take replication jobs from the queue until stopped. BullMQ runs each
 * job in a sandboxed processor on a worker thread (reused from job to job, so the code stays
 * warm and each scenario is compiled once), keeping this thread free to renew the jobs' locks.
 * A worker killed mid-job loses nothing: when its lock expires, another worker's stalled-job
 * check puts the job back in the queue and it runs again, with the same result.
 */
export async function runWorker(options: RunWorkerOptions): Promise<void> {
  const server = parseRedisUrl(options.url);
  const note = await checkRedisServer(server);
  if (note !== undefined) options.log(note);
  const concurrency = options.concurrency ?? 1;
  const lockMs = (options.lockSeconds ?? 30) * 1000;
  const name = options.queue ?? DEFAULT_QUEUE;
  const processor = fileURLToPath(compiledModuleUrl('./job-processor.js', import.meta.url));
  const worker = new Worker(name, processor, {
    connection: server.options as Record<string, unknown>,
    concurrency,
    useWorkerThreads: true,
    lockDuration: lockMs,
    stalledInterval: Math.max(1000, lockMs / 2),
    maxStalledCount: 3,
  });
  worker.on('error', (error) => options.log(`redis: ${error.message}`));
  worker.on('failed', (job, error) =>
    options.log(`refused job ${job?.id ?? '?'} (${job?.name ?? '?'}): ${error.message}`),
  );
  await worker.waitUntilReady();
  options.log(
    `switchboard ${programVersion()} worker: taking jobs from ${server.shown} (queue ${name}), ${concurrency} at a time; stop with Ctrl-C`,
  );
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  options.log('stopping: waiting for running jobs to end');
  await worker.close();
}
