import { randomUUID } from 'node:crypto';
import { Job, Queue, QueueEvents } from 'bullmq';
import { InterruptedError, RunError } from '../errors.js';
import type { ReplicationItem, RemoteReplications } from '../replications/run-replications.js';
import { programVersion } from '../version.js';
import {
  contentHash,
  DEFAULT_QUEUE,
  decodeResult,
  type ReplicationJobData,
} from './replication-job.js';
import { checkRedisServer, parseRedisUrl, type RedisServer } from './redis-server.js';

/** Options of {@link connectRedisReplications}. */
export interface RedisReplicationsOptions {
  /** The server's URL (`redis://` or `rediss://`). */
  url: string;
  /** Give up when no worker has been listening for this long (seconds). */
  timeoutSeconds: number;
  /** The queue's name (default `switchboard`). */
  queue?: string;
  /** Told when no worker listens, and what is waited for. */
  onNotice?: (line: string) => void;
  /** The version jobs are sent as (default: this program's); a test sends another one. */
  version?: string;
  /** At most this many jobs of a run in Redis at once (default 256). */
  window?: number;
  /** The flag named in errors (default `--redis`). */
  flag?: string;
}

/** Replications run on workers through Redis; close it when done. */
export interface RedisReplications extends RemoteReplications {
  server: RedisServer;
  /**
   * Stop the running batch, if any (the user pressed Ctrl-C): it removes its jobs from Redis
   * and fails with an {@link InterruptedError} saying how many. False when no batch runs.
   */
  interrupt(signal: 'SIGINT' | 'SIGTERM'): boolean;
  close(): Promise<void>;
}

const POLL_MS = 1000;

/**
 * Check the server (one clear InputError before any work when it is wrong, unreachable or
 * refuses the password), then return a runner that turns each replication into a BullMQ job
 * for `switchboard worker` processes and gathers the results by replication index.
 *
 * What Redis holds: the jobs of a run (each with its input: a scenario document, a few kB),
 * at most `window` at a time, each removed as soon as its result is read; BullMQ's event
 * stream (trimmed to about 10,000 entries) and the workers' registrations. A job left behind
 * by a caller that died is removed by BullMQ an hour after it completed or failed.
 */
export async function connectRedisReplications(
  options: RedisReplicationsOptions,
): Promise<RedisReplications> {
  const flag = options.flag ?? '--redis';
  const server = parseRedisUrl(options.url, flag);
  const note = await checkRedisServer(server, flag);
  if (note !== undefined) options.onNotice?.(note);
  const name = options.queue ?? DEFAULT_QUEUE;
  const connection = server.options as Record<string, unknown>;
  const queue = new Queue(name, { connection });
  const events = new QueueEvents(name, { connection });
  // A lost connection shows as no progress, up to the timeout.
  queue.on('error', () => {});
  events.on('error', () => {});
  await events.waitUntilReady();
  const version = options.version ?? programVersion();
  const windowSize = options.window ?? 256;
  let interruptBatch: ((signal: 'SIGINT' | 'SIGTERM') => void) | undefined;

  const runBatch: RemoteReplications['runBatch'] = async ({
    task,
    inputs,
    items,
    seed,
    onProgress,
  }) => {
    const run = randomUUID();
    const hashes = inputs.map((input) => contentHash(input));
    const total = items.length;
    const results: unknown[] = new Array(total);
    const pending = new Set<number>();
    let submitted = 0;
    let done = 0;
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    const idOf = (k: number) => `${run}-${k}`;
    const kOf = (jobId: string): number | undefined => {
      if (!jobId.startsWith(`${run}-`)) return undefined;
      const k = Number(jobId.slice(run.length + 1));
      return pending.has(k) ? k : undefined;
    };
    const gather = async (k: number): Promise<void> => {
      if (!pending.has(k)) return;
      // The state first: a job read before it completed would hold no result yet.
      const state = await queue.getJobState(idOf(k));
      if (state !== 'completed' && state !== 'failed') return;
      const job = await Job.fromId(queue, idOf(k));
      if (job === undefined || !pending.has(k)) return;
      pending.delete(k);
      if (state === 'completed') {
        results[k] = decodeResult(job.returnvalue);
        done++;
        onProgress?.(done, total);
      } else {
        failure ??= new RunError(
          `a worker failed replication ${items[k]!.index}: ${job.failedReason ?? 'no reason given'}`,
        );
      }
      await job.remove().catch(() => {});
      wake?.();
    };
    const onDone = ({ jobId }: { jobId: string }) => {
      const k = kOf(jobId);
      if (k !== undefined) void gather(k).catch((error: unknown) => (failure ??= error as Error));
    };
    events.on('completed', onDone);
    events.on('failed', onDone);
    const submit = async (): Promise<void> => {
      const batch: { name: string; data: ReplicationJobData; opts: object }[] = [];
      while (submitted < total && pending.size + batch.length < windowSize) {
        const k = submitted++;
        const item: ReplicationItem = items[k]!;
        pending.add(k);
        batch.push({
          name: task,
          data: {
            program: 'switchboard',
            version,
            task,
            input: inputs[item.input],
            inputHash: hashes[item.input]!,
            seed,
            index: item.index,
          },
          opts: {
            jobId: idOf(k),
            attempts: 1,
            removeOnComplete: { age: 3600 },
            removeOnFail: { age: 3600 },
          },
        });
      }
      if (batch.length > 0) await queue.addBulk(batch);
    };
    // Remove the jobs of this run still in Redis: those not taken yet, and results not read.
    // A job a worker is running is locked and stays: it finishes, and BullMQ removes it an
    // hour later. Returns how many were removed and how many stay.
    const removePending = async (): Promise<{ removed: number; left: number }> => {
      const ks = [...pending];
      pending.clear();
      const removed = await Promise.all(ks.map((k) => queue.remove(idOf(k)).catch(() => 0)));
      const count = removed.filter((r) => r === 1).length;
      return { removed: count, left: ks.length - count };
    };
    let interrupted: 'SIGINT' | 'SIGTERM' | undefined;
    interruptBatch = (signal) => {
      interrupted = signal;
      wake?.();
    };
    const timeoutMs = options.timeoutSeconds * 1000;
    let lastSign = Date.now();
    let told = false;
    try {
      await submit();
      while (done < total && failure === undefined && interrupted === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, POLL_MS);
        });
        wake = undefined;
        if (failure !== undefined || interrupted !== undefined) break;
        await submit();
        // A safety net for events missed (a reconnect): look at what is still pending.
        const before = done;
        for (const k of [...pending].slice(0, 64)) await gather(k);
        const workers = await queue.getWorkersCount().catch(() => 1);
        if (workers > 0 || done > before) {
          lastSign = Date.now();
          told = false;
        } else if (!told) {
          told = true;
          options.onNotice?.(
            `no switchboard worker is listening on ${server.shown} (queue ${name}); waiting up to ${options.timeoutSeconds} s (--timeout) — start one with: switchboard worker --redis URL`,
          );
        }
        if (Date.now() - lastSign > timeoutMs)
          failure = new RunError(
            `no switchboard worker listened on ${server.shown} (queue ${name}) for ${options.timeoutSeconds} s (--timeout); ${done} of ${total} replications done`,
          );
      }
      if (interrupted !== undefined) {
        const { removed, left } = await removePending();
        throw new InterruptedError(
          `interrupted (${interrupted}): removed ${removed} job(s) of this run from ${server.shown} (queue ${name})` +
            (left > 0
              ? `; ${left} being run by workers finish there and are removed an hour later`
              : '') +
            `; ${done} of ${total} replications were done`,
          interrupted,
        );
      }
      if (failure !== undefined) throw failure;
      return results;
    } finally {
      interruptBatch = undefined;
      events.off('completed', onDone);
      events.off('failed', onDone);
      // Leave nothing behind: jobs not taken yet, and results not read.
      await removePending();
    }
  };

  return {
    server,
    runBatch,
    interrupt(signal) {
      if (interruptBatch === undefined) return false;
      interruptBatch(signal);
      return true;
    },
    async close() {
      await Promise.allSettled([events.close(), queue.close()]);
    },
  };
}
