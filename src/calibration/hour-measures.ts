import type { CalibratedParameters } from '../audit/calibration-tracker.js';
import type { SimulatedHour } from './simulate-hourly-abandonment.js';

/** One weekday × hour of a calibration's `staffingSeen`. */
export type StaffingCell = CalibratedParameters['staffingSeen'][number];

/**
 * How much the calls of one hour being alike (they share the queue) inflates the variance of an
 * hour's abandonment over the binomial one: over the compared hours, Σ replication variance ÷
 * Σ binomial variance, at least 1; 1 with a single replication. The hours of the records come
 * in the same clusters (one hour of one day, the same calls per hour), so the same factor
 * applies to them. Pooled over hours because a few replications give each hour a noisy spread
 * (a ratio of sums, not a median: with 2 replications each hour's ratio is χ²₁-distributed,
 * whose median is 0.45 of its mean). Reference: Kish, "Survey Sampling" (1965), the design
 * effect of cluster samples.
 */
export function designEffect(
  cells: readonly StaffingCell[],
  sim: readonly SimulatedHour[],
): number {
  let replication = 0;
  let binomial = 0;
  for (const s of cells) {
    const h = sim[s.weekday * 24 + s.hour];
    if (h?.replicationError == null || h.binomialError === null) continue;
    replication += h.replicationError ** 2;
    binomial += h.binomialError ** 2;
  }
  return binomial > 0 ? Math.max(1, replication / binomial) : 1;
}

/** An hour's simulated abandonment against the records', at one number of operators. */
export interface HourMeasures {
  share: number | null;
  observedStandardError: number;
  simulatedStandardError: number | null;
  /** (simulated − observed) ÷ √(SE² + SE²); null when the model offered no call then. */
  z: number | null;
}

/** Standard errors (binomial × √design effect) and z of one hour. */
export function hourMeasures(s: StaffingCell, sim: SimulatedHour, deff: number): HourMeasures {
  const p = s.abandonObserved ?? 0;
  const inflate = Math.sqrt(deff);
  const observedStandardError = s.offered > 0 ? Math.sqrt((p * (1 - p)) / s.offered) * inflate : 0;
  const simulatedStandardError = sim.binomialError === null ? null : sim.binomialError * inflate;
  if (sim.share === null || s.abandonObserved === null)
    return { share: sim.share, observedStandardError, simulatedStandardError, z: null };
  const diff = sim.share - s.abandonObserved;
  const combined = Math.hypot(observedStandardError, simulatedStandardError ?? 0);
  const z =
    combined > 0 ? diff / combined : diff === 0 ? 0 : Math.sign(diff) * Number.POSITIVE_INFINITY;
  return { share: sim.share, observedStandardError, simulatedStandardError, z };
}

/** Abandonment of queued calls simulated over some hours: Σ abandoned ÷ Σ offered. */
export function pooledSimulated(
  cells: readonly StaffingCell[],
  sim: readonly SimulatedHour[],
): number | null {
  let abandoned = 0;
  let offered = 0;
  for (const s of cells) {
    const h = sim[s.weekday * 24 + s.hour];
    abandoned += h?.abandoned ?? 0;
    offered += h?.offered ?? 0;
  }
  return offered > 0 ? abandoned / offered : null;
}

/** Abandonment of queued calls in the records over some hours: Σ abandoned ÷ Σ offered. */
export function pooledObserved(cells: readonly StaffingCell[]): number | null {
  let abandoned = 0;
  let offered = 0;
  for (const s of cells) {
    abandoned += (s.abandonObserved ?? 0) * s.offered;
    offered += s.offered;
  }
  return offered > 0 ? abandoned / offered : null;
}
