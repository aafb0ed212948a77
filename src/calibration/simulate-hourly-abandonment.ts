import type { Scenario } from '../scenario/scenario-types.js';
import { maxReplicationThreads, runReplications } from '../replications/run-replications.js';
import { replicationTasks } from '../replications/replication-tasks.js';
import {
  type ScenarioRunInput,
  scenarioRunInput,
} from '../switchboard/scenario-replication-task.js';
import { type AuditedReplication, hourlyQueueOutcomesTask } from './hourly-queue-outcomes.js';

/** Options of {@link simulateHourlyAbandonment}. */
export interface SimulateHourlyAbandonmentOptions {
  days: number;
  replications: number;
  seed: number | string;
  /** Worker threads; the result does not depend on it. */
  threads?: number;
}

/**
 * The model's abandonment of queued calls in one weekday × hour of first queue entry, over all
 * replications, counted as the audit counts the records ({@link auditReplication}).
 */
export interface SimulatedHour {
  /** Abandoned calls (never answered), all replications. */
  abandoned: number;
  /** Calls offered to a queue, all replications. */
  offered: number;
  /** abandoned ÷ offered (null when no call was offered). */
  share: number | null;
  /** Binomial standard error of `share`, √(p(1 − p) ÷ offered): right for independent calls. */
  binomialError: number | null;
  /**
   * Standard error of `share` from the spread between replications (ratio estimator; null with
   * fewer than 2 replications). Calls of one hour share the queue, so they are positively
   * correlated and this exceeds the binomial error; from a few replications it is itself noisy.
   */
  replicationError: number | null;
}

/**
 * Simulate a scenario and measure each replication as the audit measures records
 * ({@link auditReplication}). Replication i is seeded `replicationSeed(seed, i)` like
 * `switchboard simulate`'s, so same scenario and seed ⇒ the same result, whatever `threads`.
 * Cost: replications × days × calls per day × a few events and queue_log lines.
 */
export async function simulateAudited(
  scenario: Scenario,
  options: SimulateHourlyAbandonmentOptions,
): Promise<AuditedReplication[]> {
  const { days, replications, seed } = options;
  const threads = Math.max(
    1,
    Math.min(options.threads ?? 1, replications, maxReplicationThreads()),
  );
  const run = { scenario, days };
  return runReplications<ScenarioRunInput, AuditedReplication>({
    task: replicationTasks.hourlyAbandonment,
    input: scenarioRunInput(scenario, days),
    replications,
    seed,
    threads,
    inThread: (replicationSeed, index) => hourlyQueueOutcomesTask(run, replicationSeed, index),
  });
}

/**
 * Simulate a scenario and return its abandonment of queued calls by weekday (0 = Sunday) ×
 * local hour of first queue entry: 7 × 24 cells, index `weekday × 24 + hour`, measured as the
 * audit measures the records ({@link simulateAudited}). Cost: that of {@link simulateAudited}.
 */
export async function simulateHourlyAbandonment(
  scenario: Scenario,
  options: SimulateHourlyAbandonmentOptions,
): Promise<SimulatedHour[]> {
  const results = (await simulateAudited(scenario, options)).map((r) => r.byHour);
  return Array.from({ length: 7 * 24 }, (_, cell) =>
    hourEstimate(results.map((r) => [r[2 * cell]!, r[2 * cell + 1]!] as const)),
  );
}

/** Pool one cell's (abandoned, offered) counts of every replication. */
function hourEstimate(counts: readonly (readonly [number, number])[]): SimulatedHour {
  let abandoned = 0;
  let offered = 0;
  for (const [a, n] of counts) {
    abandoned += a;
    offered += n;
  }
  if (offered === 0)
    return { abandoned, offered, share: null, binomialError: null, replicationError: null };
  const share = abandoned / offered;
  const binomialError = Math.sqrt((share * (1 - share)) / offered);
  const r = counts.length;
  if (r < 2) return { abandoned, offered, share, binomialError, replicationError: null };
  // Variance of a ratio estimator over replications: Σ (a − p·n)² / (r − 1), ÷ r, ÷ mean n².
  let squares = 0;
  for (const [a, n] of counts) squares += (a - share * n) ** 2;
  const meanOffered = offered / r;
  const replicationError = Math.sqrt(squares / (r - 1) / r) / meanOffered;
  return { abandoned, offered, share, binomialError, replicationError };
}
