import { type ReplicationEstimate, replicationEstimate } from '../stats/confidence-interval.js';
import type { QueueReplication } from './queue-model.js';

/**
 * The measures of one replication, with the staffing calculator's definitions: every
 * probability is a fraction of ALL offered calls; `asaSeconds` is the mean wait of answered
 * calls; `meanWaitSeconds` the mean time in queue over all offered calls (abandoners until they
 * hang up, blocked calls 0). `thresholdIndex` picks the service-level threshold.
 */
export interface QueueMeasuresSample {
  serviceLevel: number;
  probabilityWait: number;
  asaSeconds: number;
  meanWaitSeconds: number;
  occupancy: number;
  probabilityAbandon: number;
  probabilityBlocking: number;
}

/** The measures of one replication (NaN where undefined, e.g. no call offered). */
export function queueMeasures(rep: QueueReplication, thresholdIndex = 0): QueueMeasuresSample {
  const offered = rep.offered;
  return {
    serviceLevel: (rep.answeredWithin[thresholdIndex] ?? Number.NaN) / offered,
    probabilityWait: rep.queued / offered,
    asaSeconds: rep.answeredWaitSeconds / rep.answered,
    meanWaitSeconds: rep.queueTimeSeconds / offered,
    occupancy: rep.occupancy,
    probabilityAbandon: rep.abandoned / offered,
    probabilityBlocking: rep.blocked / offered,
  };
}

/** The keys of a simulated answer, in print order: measures, then counts. */
export const SIMULATED_KEYS = [
  'serviceLevel',
  'probabilityWait',
  'asaSeconds',
  'meanWaitSeconds',
  'occupancy',
  'probabilityAbandon',
  'probabilityBlocking',
  'offered',
  'answered',
  'abandoned',
  'blocked',
] as const;

/** Every measure and count as `{ mean, ci95 }` over replications. */
export type QueueEstimates = Record<(typeof SIMULATED_KEYS)[number], ReplicationEstimate>;

/**
 * Combine replications, in their order, into Student-t 95 % estimates of every measure and
 * count (see {@link replicationEstimate}), each interval clipped to the measure's range. Cost: O(R).
 */
export function summarizeQueueReplications(
  reps: readonly QueueReplication[],
  thresholdIndex = 0,
): QueueEstimates {
  const samples = reps.map((r) => queueMeasures(r, thresholdIndex));
  // Intervals are clipped to the values a measure can take (a probability to [0, 1], times and
  // counts to ≥ 0): with few replications mean ± t·s/√R can overshoot, and clipping to where
  // the true value must lie never lowers the coverage.
  const within = (e: ReplicationEstimate, max: number): ReplicationEstimate => ({
    mean: e.mean,
    ci95: [Math.max(0, e.ci95[0]), Math.min(max, e.ci95[1])],
  });
  const p = (f: (s: QueueMeasuresSample) => number) =>
    within(replicationEstimate(samples.map(f)), 1);
  const t = (f: (s: QueueMeasuresSample) => number) =>
    within(replicationEstimate(samples.map(f)), Infinity);
  const count = (f: (r: QueueReplication) => number) =>
    within(replicationEstimate(reps.map(f)), Infinity);
  return {
    serviceLevel: p((s) => s.serviceLevel),
    probabilityWait: p((s) => s.probabilityWait),
    asaSeconds: t((s) => s.asaSeconds),
    meanWaitSeconds: t((s) => s.meanWaitSeconds),
    occupancy: p((s) => s.occupancy),
    probabilityAbandon: p((s) => s.probabilityAbandon),
    probabilityBlocking: p((s) => s.probabilityBlocking),
    offered: count((r) => r.offered),
    answered: count((r) => r.answered),
    abandoned: count((r) => r.abandoned),
    blocked: count((r) => r.blocked),
  };
}
