import { extendedErlangB } from '../staffing/extended-erlang-b.js';
import { type ReplicationEstimate, replicationEstimate } from '../stats/confidence-interval.js';
import { type QueueEstimates, summarizeQueueReplications } from './summarize-queue-replications.js';
import type { QueueReplication } from './queue-model.js';
import type { RetrialLossReplication } from './simulate-retrial-loss.js';

/** What retries do to a loss system, per attempt and per caller. */
export interface RetryMeasures {
  /** Blocked attempts / attempts (first tries and retries). */
  probabilityBlocking: number;
  /** Callers whose last attempt was blocked / callers. */
  probabilityLost: number;
  /** Attempts / callers (≥ 1). */
  attemptsPerCaller: number;
  /** Load offered by all attempts, in erlangs: attempts per second × mean holding time. */
  offeredErlangs: number;
}

/**
 * The {@link RetryMeasures} of Extended Erlang B (retries as Poisson traffic, each blocked
 * attempt retried with probability r, blocking B per attempt): with A the offered load of
 * {@link extendedErlangB}, attempts per caller 1/(1 − rB) = A/A₀, and a caller is lost after
 * k blocked retries with probability (rB)^k·B(1 − r), so lost = B(1 − r)/(1 − rB).
 * Cost: that of {@link extendedErlangB}.
 */
export function extendedErlangBRetryMeasures(
  lines: number,
  trafficErlangs: number,
  retryFraction: number,
): RetryMeasures {
  const { probabilityBlocking: b, offeredWithRetriesErlangs } = extendedErlangB(
    lines,
    trafficErlangs,
    retryFraction,
  );
  const persisting = 1 - retryFraction * b;
  return {
    probabilityBlocking: b,
    probabilityLost: (b * (1 - retryFraction)) / persisting,
    attemptsPerCaller: 1 / persisting,
    offeredErlangs: offeredWithRetriesErlangs,
  };
}

/** The {@link RetryMeasures} of one simulated replication (NaN when no caller was counted). */
export function retrialMeasures(rep: RetrialLossReplication): RetryMeasures {
  return {
    probabilityBlocking: rep.blockedAttempts / rep.attempts,
    probabilityLost: rep.lost / rep.callers,
    attemptsPerCaller: rep.attempts / rep.callers,
    offeredErlangs: (rep.attempts * rep.meanServiceSeconds) / rep.horizonSeconds,
  };
}

/** Every {@link RetryMeasures} as `{ mean, ci95 }` over replications. */
export type RetryEstimates = Record<keyof RetryMeasures, ReplicationEstimate>;

/**
 * A retrial replication seen as a queue replication where every attempt is a call: offered =
 * attempts, blocked = blocked attempts, answered = the rest, nobody waits nor abandons. So the
 * staffing measures (service level, blocking, occupancy) keep their per-call definitions.
 */
export function retrialAsQueueReplication(rep: RetrialLossReplication): QueueReplication {
  const answered = rep.attempts - rep.blockedAttempts;
  return {
    offered: rep.attempts,
    answered,
    abandoned: 0,
    blocked: rep.blockedAttempts,
    queued: 0,
    inQueueAtEnd: 0,
    answeredWithin: [answered],
    answeredWaitSeconds: 0,
    queueTimeSeconds: 0,
    meanQueueLength: 0,
    meanBusyServers: rep.occupancy,
    occupancy: rep.occupancy,
    answeredWaitPercentiles: [0, 0, 0, 0, 0],
    events: rep.events,
  };
}

/**
 * Combine retrial replications, in order, into the staffing estimates (attempts as calls, see
 * {@link retrialAsQueueReplication}) and Student-t 95 % estimates of the {@link RetryMeasures},
 * each interval clipped to the measure's range. Cost: O(R).
 */
export function summarizeRetrialReplications(reps: readonly RetrialLossReplication[]): {
  estimates: QueueEstimates;
  retries: RetryEstimates;
} {
  const samples = reps.map(retrialMeasures);
  const estimate = (f: (m: RetryMeasures) => number, min: number, max: number) => {
    const e = replicationEstimate(samples.map(f));
    const ci95: [number, number] = [Math.max(min, e.ci95[0]), Math.min(max, e.ci95[1])];
    return { mean: e.mean, ci95 };
  };
  return {
    estimates: summarizeQueueReplications(reps.map(retrialAsQueueReplication)),
    retries: {
      probabilityBlocking: estimate((m) => m.probabilityBlocking, 0, 1),
      probabilityLost: estimate((m) => m.probabilityLost, 0, 1),
      attemptsPerCaller: estimate((m) => m.attemptsPerCaller, 1, Infinity),
      offeredErlangs: estimate((m) => m.offeredErlangs, 0, Infinity),
    },
  };
}
