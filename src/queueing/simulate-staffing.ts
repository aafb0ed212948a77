import type { DistributionSpec } from '../random/distribution-spec.js';
import {
  modelHasLines,
  modelHasPatience,
  type StaffingQuestion,
} from '../staffing/staffing-question.js';
import {
  type RemoteReplications,
  type ReplicationTask,
  runReplications,
} from '../replications/run-replications.js';
import { replicationTasks } from '../replications/replication-tasks.js';
import { type QueueEstimates, summarizeQueueReplications } from './summarize-queue-replications.js';
import type { QueueModel, QueueReplication } from './queue-model.js';
import {
  extendedErlangBRetryMeasures,
  type RetryEstimates,
  type RetryMeasures,
  summarizeRetrialReplications,
} from './retry-measures.js';
import { checkQueueModel } from './simulate-queue.js';
import {
  checkRetrialLossModel,
  type RetrialLossModel,
  type RetrialLossReplication,
} from './simulate-retrial-loss.js';

/**
 * The part of a staffing question (`src/staffing`'s `StaffingQuestion`) the simulator reads:
 * the same plain object answers both the formulas and the simulation.
 */
export type SimulatedStaffingQuestion = Pick<
  StaffingQuestion,
  | 'model'
  | 'trafficErlangs'
  | 'handleTimeSeconds'
  | 'agents'
  | 'thresholdSeconds'
  | 'patienceSeconds'
  | 'lines'
  | 'retryFraction'
>;

/** Options of {@link simulateStaffing}. */
export interface SimulateStaffingOptions {
  /** Replications R (default 10). */
  replications?: number;
  /** Observation window of each replication after warm-up, seconds (default 8 h). */
  horizonSeconds?: number;
  /** Warm-up deleted before statistics, seconds (default 30 min). */
  warmupSeconds?: number;
  /** Base seed (default 1). */
  seed?: number | string;
  /** Worker threads (default 1). */
  threads?: number;
  /** Coefficient of variation of handling time: lognormal with the question's AHT (default: exponential). */
  handleTimeCv?: number;
  /** Patience distribution (default exponential with the question's mean patience). */
  patience?: DistributionSpec;
  /** Mean delay before a blocked caller retries, seconds (Erlang B retries; default 5 min). */
  retryDelaySeconds?: number;
  /** Called after each replication. */
  onProgress?: (done: number, total: number) => void;
  /** Run the replications on workers through a job queue instead of this machine's threads. */
  remote?: RemoteReplications;
}

/**
 * Erlang B with retries answered by simulation: the retrial model's parameters, Extended Erlang
 * B's values of the {@link RetryMeasures} (the formula), and the simulated `{ mean, ci95 }`.
 */
export interface SimulatedRetries extends RetryEstimates {
  retryFraction: number;
  retryDelaySeconds: number;
  extendedErlangB: RetryMeasures;
}

/** A staffing question answered by simulation: `switchboard staff --simulate --json`'s `simulation`. */
export interface SimulatedStaffing extends QueueEstimates {
  /** Erlang B with retries only; with retries every attempt is a call in the counts above. */
  retries?: SimulatedRetries;
  replications: number;
  seed: number | string;
  /** Kernel events over all replications. */
  events: number;
  /** Wall-clock time of the run (the only field that changes between identical runs). */
  wallSeconds: number;
}

/** Used for Erlang B questions that give no handling time (blocking does not depend on it). */
export const DEFAULT_SIMULATED_AHT_SECONDS = 180;

/** Mean delay before a blocked caller retries when none is given (Erlang B retries). */
export const DEFAULT_RETRY_DELAY_SECONDS = 300;

function fail(rule: string): never {
  throw new RangeError(`simulateStaffing: ${rule}`);
}

/** The agents and service distribution of a question, checked; throws RangeError naming the rule. */
function simulatedServers(
  question: SimulatedStaffingQuestion,
  options: SimulateStaffingOptions,
): { agents: number; aht: number; service: DistributionSpec } {
  const agents = question.agents;
  if (agents === undefined || !Number.isInteger(agents) || agents < 1) {
    fail(`agents must be a whole number ≥ 1 to simulate, received ${agents}`);
  }
  if (!(question.trafficErlangs > 0) || !Number.isFinite(question.trafficErlangs)) {
    fail(`trafficErlangs must be finite and > 0, received ${question.trafficErlangs}`);
  }
  const aht = question.handleTimeSeconds ?? DEFAULT_SIMULATED_AHT_SECONDS;
  if (!(aht > 0)) fail(`handleTimeSeconds must be > 0, received ${aht}`);
  const cv = options.handleTimeCv;
  if (cv !== undefined && !(cv >= 0 && Number.isFinite(cv))) {
    fail(`handleTimeCv must be finite and ≥ 0, received ${cv}`);
  }
  const service: DistributionSpec =
    cv === undefined
      ? { distribution: 'exponential', mean: aht }
      : { distribution: 'lognormal', mean: aht, cv };
  return { agents: agents as number, aht, service };
}

/**
 * Build the queue model of a staffing question: M/M/N (erlang-c), M/M/N+M (erlang-a), M/M/N/N
 * (erlang-b), M/M/N/K (finite-lines), M/M/N/K+M (erlang-a-lines: K lines and patience), with a
 * lognormal handling time when `handleTimeCv` is given and any patience distribution. Throws RangeError naming the rule for what cannot be
 * simulated this way (fractional agents, Erlang B retries: see {@link staffingRetrialModel},
 * patience for a model without abandonment).
 */
export function staffingQueueModel(
  question: SimulatedStaffingQuestion,
  options: SimulateStaffingOptions = {},
): QueueModel {
  const { agents, aht, service } = simulatedServers(question, options);
  if ((question.retryFraction ?? 0) > 0) fail('Erlang B retries need staffingRetrialModel');
  const hasPatience = modelHasPatience(question.model);
  if (options.patience !== undefined && !hasPatience) {
    fail(`a patience distribution needs a model with patience, not ${question.model}`);
  }
  let patience: DistributionSpec | null = null;
  if (hasPatience) {
    const mean = question.patienceSeconds;
    if (options.patience === undefined && !(mean !== undefined && mean > 0)) {
      fail(`patienceSeconds must be > 0 for ${question.model}, received ${mean}`);
    }
    patience = options.patience ?? { distribution: 'exponential', mean };
  }
  let capacity: number | null = null;
  if (question.model === 'erlang-b') capacity = agents;
  if (modelHasLines(question.model)) {
    const lines = question.lines;
    if (lines === undefined || !Number.isInteger(lines) || lines < agents) {
      fail(`lines must be a whole number ≥ agents, received ${lines}`);
    }
    capacity = lines as number;
  }
  const model: QueueModel = {
    arrivals: question.trafficErlangs / aht,
    servers: agents,
    service,
    patience,
    capacity,
    warmupSeconds: options.warmupSeconds ?? 1800,
    horizonSeconds: options.horizonSeconds ?? 8 * 3600,
    thresholdsSeconds: [question.thresholdSeconds ?? 20],
  };
  checkQueueModel(model);
  return model;
}

/**
 * Build the retrial loss model of an Erlang B question with retries (`retryFraction` r > 0):
 * agents = lines, no waiting room, each blocked attempt retried with probability r after an
 * exponential delay of mean `retryDelaySeconds` (default 5 min). The default warm-up is the
 * larger of 30 min and 10 mean delays, so the orbit of callers waiting to retry has filled up
 * (it relaxes in about delay / (1 − r·B), B the blocking per attempt).
 * Throws RangeError naming the rule.
 */
export function staffingRetrialModel(
  question: SimulatedStaffingQuestion,
  options: SimulateStaffingOptions = {},
): RetrialLossModel {
  const { agents, aht, service } = simulatedServers(question, options);
  if (question.model !== 'erlang-b') fail(`retries need the erlang-b model, not ${question.model}`);
  if (options.patience !== undefined) fail('a patience distribution needs the erlang-a model');
  const delay = options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS;
  if (!(delay > 0) || !Number.isFinite(delay)) {
    fail(`retryDelaySeconds must be finite and > 0, received ${delay}`);
  }
  const model: RetrialLossModel = {
    arrivals: question.trafficErlangs / aht,
    servers: agents,
    service,
    retryProbability: question.retryFraction ?? 0,
    retryDelay: { distribution: 'exponential', mean: delay },
    warmupSeconds: options.warmupSeconds ?? Math.max(1800, 10 * delay),
    horizonSeconds: options.horizonSeconds ?? 8 * 3600,
  };
  checkRetrialLossModel(model);
  return model;
}

/**
 * Answer a staffing question by simulation: R replications of its queue (see
 * {@link staffingQueueModel}; with Erlang B retries, {@link staffingRetrialModel}) on worker
 * threads, summarised as `{ mean, ci95 }` for every measure of the staffing calculator and the
 * counts of offered, answered, abandoned and blocked calls (with retries: attempts), plus the
 * retry measures beside Extended Erlang B. Results are identical for a given seed whatever the
 * thread count (only `wallSeconds` changes). Cost: R × (calls in warm-up + horizon) × O(log n).
 */
export async function simulateStaffing(
  question: SimulatedStaffingQuestion,
  options: SimulateStaffingOptions = {},
): Promise<SimulatedStaffing> {
  const retryFraction = question.retryFraction ?? 0;
  const replications = options.replications ?? 10;
  const seed = options.seed ?? 1;
  const started = performance.now();
  const replicate = <I, O extends { events: number }>(task: ReplicationTask, input: I) =>
    runReplications<I, O>({
      task,
      input,
      replications,
      seed,
      threads: options.threads ?? 1,
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options.remote === undefined ? {} : { remote: options.remote }),
    });
  let estimates: QueueEstimates;
  let retries: SimulatedRetries | undefined;
  let reps: { events: number }[];
  if (retryFraction > 0) {
    const model = staffingRetrialModel(question, options);
    const retrials = await replicate<RetrialLossModel, RetrialLossReplication>(
      replicationTasks.retrialLoss,
      model,
    );
    const summary = summarizeRetrialReplications(retrials);
    estimates = summary.estimates;
    retries = {
      retryFraction,
      retryDelaySeconds: model.retryDelay.mean as number,
      extendedErlangB: extendedErlangBRetryMeasures(
        model.servers,
        question.trafficErlangs,
        retryFraction,
      ),
      ...summary.retries,
    };
    reps = retrials;
  } else {
    const queues = await replicate<QueueModel, QueueReplication>(
      replicationTasks.queue,
      staffingQueueModel(question, options),
    );
    estimates = summarizeQueueReplications(queues);
    reps = queues;
  }
  return {
    ...estimates,
    ...(retries === undefined ? {} : { retries }),
    replications,
    seed,
    events: reps.reduce((sum, r) => sum + r.events, 0),
    wallSeconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
