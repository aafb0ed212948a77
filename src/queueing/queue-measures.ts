import { type Estimate, estimate } from '../stats/confidence-interval.js';
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
export type QueueEstimates = Record<(typeof SIMULATED_KEYS)[number], Estimate>;

/**
 * Combine replications, in their order, into Student-t 95 % estimates of every measure and
 * count (see {@link estimate}). Cost: O(R).
 */
export function summarizeQueueReplications(
  reps: readonly QueueReplication[],
  thresholdIndex = 0,
): QueueEstimates {
  const samples = reps.map((r) => queueMeasures(r, thresholdIndex));
  const of = (f: (s: QueueMeasuresSample) => number) => estimate(samples.map(f));
  const count = (f: (r: QueueReplication) => number) => estimate(reps.map(f));
  return {
    serviceLevel: of((s) => s.serviceLevel),
    probabilityWait: of((s) => s.probabilityWait),
    asaSeconds: of((s) => s.asaSeconds),
    meanWaitSeconds: of((s) => s.meanWaitSeconds),
    occupancy: of((s) => s.occupancy),
    probabilityAbandon: of((s) => s.probabilityAbandon),
    probabilityBlocking: of((s) => s.probabilityBlocking),
    offered: count((r) => r.offered),
    answered: count((r) => r.answered),
    abandoned: count((r) => r.abandoned),
    blocked: count((r) => r.blocked),
  };
}
