import type { DistributionSpec } from '../random/distribution-spec.js';
import type { StaffingQuestion } from '../staffing/staffing-question.js';
import { compiledModuleUrl } from '../stats/compiled-module-url.js';
import { runReplications } from '../stats/run-replications.js';
import { type QueueEstimates, summarizeQueueReplications } from './queue-measures.js';
import type { QueueModel, QueueReplication } from './queue-model.js';
import { checkQueueModel } from './simulate-queue.js';

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
  /** Called after each replication. */
  onProgress?: (done: number, total: number) => void;
}

/** A staffing question answered by simulation: `switchboard staff --simulate --json`'s `simulation`. */
export interface SimulatedStaffing extends QueueEstimates {
  replications: number;
  seed: number | string;
  /** Kernel events over all replications. */
  events: number;
  /** Wall-clock time of the run (the only field that changes between identical runs). */
  wallSeconds: number;
}

/** Used for Erlang B questions that give no handling time (blocking does not depend on it). */
export const DEFAULT_SIMULATED_AHT_SECONDS = 180;

/**
 * Build the queue model of a staffing question: M/M/N (erlang-c), M/M/N+M (erlang-a), M/M/N/N
 * (erlang-b), M/M/N/K (finite-lines), with a lognormal handling time when `handleTimeCv` is
 * given and any patience distribution. Throws RangeError naming the rule for what cannot be
 * simulated (fractional agents, Erlang B retries, patience for a model without abandonment).
 */
export function staffingQueueModel(
  question: SimulatedStaffingQuestion,
  options: SimulateStaffingOptions = {},
): QueueModel {
  const fail = (rule: string): never => {
    throw new RangeError(`simulateStaffing: ${rule}`);
  };
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
  if ((question.retryFraction ?? 0) > 0) fail('Erlang B retries are not simulated');
  const hasPatience = question.model === 'erlang-a';
  if (options.patience !== undefined && !hasPatience) {
    fail(`a patience distribution needs the erlang-a model, not ${question.model}`);
  }
  let patience: DistributionSpec | null = null;
  if (hasPatience) {
    const mean = question.patienceSeconds;
    if (options.patience === undefined && !(mean !== undefined && mean > 0)) {
      fail(`patienceSeconds must be > 0 for erlang-a, received ${mean}`);
    }
    patience = options.patience ?? { distribution: 'exponential', mean };
  }
  let capacity: number | null = null;
  if (question.model === 'erlang-b') capacity = agents as number;
  if (question.model === 'finite-lines') {
    const lines = question.lines;
    if (lines === undefined || !Number.isInteger(lines) || lines < (agents as number)) {
      fail(`lines must be a whole number ≥ agents, received ${lines}`);
    }
    capacity = lines as number;
  }
  const model: QueueModel = {
    arrivals: question.trafficErlangs / aht,
    servers: agents as number,
    service:
      cv === undefined
        ? { distribution: 'exponential', mean: aht }
        : { distribution: 'lognormal', mean: aht, cv },
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
 * Answer a staffing question by simulation: R replications of its queue (see
 * {@link staffingQueueModel}) on worker threads, summarised as `{ mean, ci95 }` for every
 * measure of the staffing calculator and the counts of offered, answered, abandoned and blocked
 * calls. Results are identical for a given seed whatever the thread count (only `wallSeconds`
 * changes). Cost: R × (calls in warm-up + horizon) × O(log n).
 */
export async function simulateStaffing(
  question: SimulatedStaffingQuestion,
  options: SimulateStaffingOptions = {},
): Promise<SimulatedStaffing> {
  const model = staffingQueueModel(question, options);
  const replications = options.replications ?? 10;
  const seed = options.seed ?? 1;
  const started = performance.now();
  const reps = await runReplications<QueueModel, QueueReplication>({
    task: {
      moduleUrl: compiledModuleUrl('./queue-replication-task.js', import.meta.url),
      exportName: 'replicateQueue',
    },
    input: model,
    replications,
    seed,
    threads: options.threads ?? 1,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const estimates = summarizeQueueReplications(reps);
  return {
    ...estimates,
    replications,
    seed,
    events: reps.reduce((sum, r) => sum + r.events, 0),
    wallSeconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
