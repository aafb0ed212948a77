import type { Scenario } from '../scenario/scenario-types.js';
import { maxReplicationThreads, runReplications } from '../replications/run-replications.js';
import { replicationTasks } from '../replications/replication-tasks.js';
import {
  type ScenarioRunInput,
  scenarioRunInput,
} from '../switchboard/scenario-replication-task.js';
import { type HourlyQueueOutcomes, hourlyQueueOutcomesTask } from './hourly-queue-outcomes.js';

/** Options of {@link simulateHourlyAbandonment}. */
export interface SimulateHourlyAbandonmentOptions {
  days: number;
  replications: number;
  seed: number | string;
  /** Worker threads; the result does not depend on it. */
  threads?: number;
}

/** The model's abandonment of queued calls in one weekday × hour, over all replications. */
export interface SimulatedHour {
  /** Abandoned queue entries, all replications. */
  abandoned: number;
  /** Answered + abandoned queue entries, all replications. */
  decided: number;
  /** abandoned ÷ decided (null when nothing was decided). */
  share: number | null;
  /** Binomial standard error of `share`, √(p(1 − p) ÷ decided): right for independent calls. */
  binomialError: number | null;
  /**
   * Standard error of `share` from the spread between replications (ratio estimator; null with
   * fewer than 2 replications). Calls of one hour share the queue, so they are positively
   * correlated and this exceeds the binomial error; from a few replications it is itself noisy.
   */
  replicationError: number | null;
}

/**
 * Simulate a scenario and return its abandonment of queued calls by weekday (0 = Sunday) ×
 * hour of queue entry: 7 × 24 cells, index `weekday × 24 + hour`. Replication i is seeded
 * `replicationSeed(seed, i)` like `switchboard simulate`'s, so same scenario and seed ⇒ the same
 * result, whatever `threads`. Cost: replications × days × calls per day × a few events.
 */
export async function simulateHourlyAbandonment(
  scenario: Scenario,
  options: SimulateHourlyAbandonmentOptions,
): Promise<SimulatedHour[]> {
  const { days, replications, seed } = options;
  const threads = Math.max(
    1,
    Math.min(options.threads ?? 1, replications, maxReplicationThreads()),
  );
  const run = { scenario, days };
  const results = await runReplications<ScenarioRunInput, HourlyQueueOutcomes>({
    task: replicationTasks.hourlyAbandonment,
    input: scenarioRunInput(scenario, days),
    replications,
    seed,
    threads,
    inThread: (replicationSeed, index) => hourlyQueueOutcomesTask(run, replicationSeed, index),
  });
  return Array.from({ length: 7 * 24 }, (_, cell) =>
    hourEstimate(results.map((r) => [r[2 * cell]!, r[2 * cell + 1]!] as const)),
  );
}

/** Pool one cell's (abandoned, decided) counts of every replication. */
function hourEstimate(counts: readonly (readonly [number, number])[]): SimulatedHour {
  let abandoned = 0;
  let decided = 0;
  for (const [a, d] of counts) {
    abandoned += a;
    decided += d;
  }
  if (decided === 0)
    return { abandoned, decided, share: null, binomialError: null, replicationError: null };
  const share = abandoned / decided;
  const binomialError = Math.sqrt((share * (1 - share)) / decided);
  const r = counts.length;
  if (r < 2) return { abandoned, decided, share, binomialError, replicationError: null };
  // Variance of a ratio estimator over replications: Σ (a − p·d)² / (r − 1), ÷ r, ÷ mean d².
  let squares = 0;
  for (const [a, d] of counts) squares += (a - share * d) ** 2;
  const meanDecided = decided / r;
  const replicationError = Math.sqrt(squares / (r - 1) / r) / meanDecided;
  return { abandoned, decided, share, binomialError, replicationError };
}
