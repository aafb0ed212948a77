import { type ReplicationEstimate, replicationEstimate } from '../stats/confidence-interval.js';
import {
  cellOffset,
  RosterCell as C,
  type RosterLayout,
  type RosterReplication,
} from './simulate-roster.js';
import type { RosterTargets } from './erlang-requirement.js';

/** Service level and abandonment of one weekday (or the whole horizon), over replications. */
export interface DayMeasures {
  /** Answered within the threshold ÷ (answered + abandoned) queue entries. */
  serviceLevel: ReplicationEstimate;
  /** Abandoned ÷ (answered + abandoned) queue entries. */
  probabilityAbandon: ReplicationEstimate;
  /** Whether the targets are met with confidence: the whole 95 % interval on the right side. */
  met: boolean;
}

/**
 * Per queue and slot of the week (and each queue's handling totals), summed over replications:
 * a {@link RosterReplication} of the pooled counts.
 */
export function pooledCells(results: readonly RosterReplication[]): Float64Array {
  const pooled = new Float64Array(results[0]?.length ?? 0);
  for (const r of results) for (let i = 0; i < pooled.length; i++) pooled[i]! += r[i]!;
  return pooled;
}

/**
 * The measures over the slots `from` ≤ slot < `to` (a weekday's intervals, or the week's) of
 * every queue (or of `queues` only), one ratio per replication, then their mean and Student-t 95 % interval. Met when the interval's
 * lower end reaches the service-level target and its upper end stays under the abandonment
 * target. A replication without a decided entry counts as meeting the targets. `strictness`
 * widens the interval (2: twice the half-width), for a search whose roster must then pass on
 * fresh seeds too. Cost O(R × cells).
 */
export function dayMeasures(
  results: readonly RosterReplication[],
  layout: RosterLayout,
  from: number,
  to: number,
  targets: RosterTargets,
  strictness = 1,
  queues?: readonly number[],
): DayMeasures {
  const counted = queues ?? Array.from({ length: layout.queues }, (_, q) => q);
  const sl: number[] = [];
  const ab: number[] = [];
  for (const r of results) {
    let decided = 0;
    let inTarget = 0;
    let abandoned = 0;
    for (const q of counted) {
      for (let at = cellOffset(layout, q, from); at < cellOffset(layout, q, to); at += C.size) {
        decided += r[at + C.decided]!;
        inTarget += r[at + C.inTarget]!;
        abandoned += r[at + C.abandoned]!;
      }
    }
    sl.push(decided > 0 ? inTarget / decided : 1);
    ab.push(decided > 0 ? abandoned / decided : 0);
  }
  const serviceLevel = replicationEstimate(sl);
  const probabilityAbandon = replicationEstimate(ab);
  const half = (e: ReplicationEstimate) =>
    Number.isNaN(e.ci95[0]) ? 0 : strictness * ((e.ci95[1] - e.ci95[0]) / 2);
  const low = (e: ReplicationEstimate) => e.mean - half(e);
  const high = (e: ReplicationEstimate) => e.mean + half(e);
  const met =
    (targets.serviceLevel === undefined || low(serviceLevel) >= targets.serviceLevel) &&
    (targets.maxAbandon === undefined || high(probabilityAbandon) <= targets.maxAbandon);
  return { serviceLevel, probabilityAbandon, met };
}
