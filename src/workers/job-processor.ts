import type { Job } from 'bullmq';
import { inputError } from '../errors.js';
import { checkRetrialLossModel, type RetrialLossModel } from '../queueing/simulate-retrial-loss.js';
import { checkQueueModel } from '../queueing/simulate-queue.js';
import type { QueueModel } from '../queueing/queue-model.js';
import { replicationSeed } from '../random/random-stream.js';
import {
  type LoadedReplication,
  loadReplicationTask,
} from '../replications/load-replication-task.js';
import { programVersion } from '../version.js';
import { contentHash, encodeResult, type ReplicationJobData } from './replication-job.js';
import { replicationTaskNamed } from '../replications/replication-tasks.js';
import {
  compileScenarioRun,
  type ScenarioRunInput,
} from '../switchboard/scenario-replication-task.js';

/**
 * The job processor of `switchboard worker`, run by BullMQ in a worker thread of its own (a
 * sandboxed processor), so the worker's main thread stays free to keep its jobs' locks while a
 * replication runs. A job is data from the network: its version, task, hash and input are
 * checked before anything runs; each input is compiled once and kept (the last few, by task and hash).
 */
const KEEP = 8;
const loaded = new Map<string, LoadedReplication>();

const MAX_DAYS = 3660;
const MAX_SECONDS = MAX_DAYS * 86400;

/** Check an input a job brings for its task: what the local run checked before sending it. */
function checkInput(task: string, input: unknown): void {
  const record = (input ?? {}) as Record<string, unknown>;
  if (task === 'scenario' || task === 'hourlyAbandonment' || task === 'roster') {
    const days = record.days;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS)
      throw inputError('job input.days', `a whole number from 1 to ${MAX_DAYS}`, days);
    // The full check, schema included; a forecast's arrivals come with the document (checked
    // against it), and no file is read whatever the document names.
    const document = record.document as Record<string, unknown> | undefined;
    const arrivals = document?.arrivals as Record<string, unknown> | undefined;
    if (arrivals?.forecast !== undefined && record.forecast === undefined)
      throw inputError(
        'job input.forecast',
        'the arrivals of arrivals.forecast, sent with the document (a worker reads no file)',
        undefined,
      );
    compileScenarioRun(record as unknown as ScenarioRunInput, false);
    return;
  }
  const model = record as unknown as QueueModel & RetrialLossModel;
  if (task === 'queue') checkQueueModel(model);
  else checkRetrialLossModel(model);
  if (!(model.warmupSeconds + model.horizonSeconds <= MAX_SECONDS))
    throw inputError(
      'job input.horizonSeconds',
      `at most ${MAX_DAYS} days with the warm-up`,
      model.horizonSeconds,
    );
}

async function replication(data: ReplicationJobData): Promise<LoadedReplication> {
  const key = `${data.task} ${data.inputHash}`;
  const cached = loaded.get(key);
  if (cached !== undefined) return cached;
  const task = replicationTaskNamed(data.task)!;
  checkInput(data.task, data.input);
  const run = await loadReplicationTask(task, data.input);
  loaded.set(key, run);
  if (loaded.size > KEEP) loaded.delete(loaded.keys().next().value!);
  return run;
}

/** Run one job; throws (failing the job with that message) when it must be refused. */
export default async function processReplicationJob(job: Job<ReplicationJobData>): Promise<string> {
  const data = job.data;
  const version = programVersion();
  if (data?.program !== 'switchboard' || data.version !== version)
    throw new Error(
      `version mismatch: this worker runs switchboard ${version}, the job was sent by switchboard ${String(data?.version)}; run workers of the sender's version`,
    );
  if (replicationTaskNamed(String(data.task)) === undefined)
    throw new Error(`unknown task ${JSON.stringify(data.task)}`);
  if (!Number.isInteger(data.index) || data.index < 0 || data.index > 1_000_000)
    throw new Error(`bad replication index ${String(data.index)}`);
  if (typeof data.seed !== 'number' && typeof data.seed !== 'string') throw new Error('bad seed');
  if (contentHash(data.input) !== data.inputHash)
    throw new Error('the input does not match its content hash');
  const run = await replication(data);
  return encodeResult(run(replicationSeed(data.seed, data.index), data.index));
}
