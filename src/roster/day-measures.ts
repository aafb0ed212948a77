import {
  judgeSpan,
  levelsOfQueue,
  type SpanCounts,
  type SwitchboardTargets,
  type TargetLevels,
} from '../measures/target-verdict.js';
import type { ReplicationEstimate } from '../stats/confidence-interval.js';
import {
  cellOffset,
  RosterCell as C,
  type RosterLayout,
  type RosterReplication,
} from './simulate-roster.js';

/** Service level and abandonment of one weekday (or the whole horizon), over replications. */
export interface DayMeasures {
  /** Answered within the threshold ÷ (answered + abandoned) queue entries. */
  serviceLevel: ReplicationEstimate;
  /** Abandoned ÷ (answered + abandoned) queue entries. */
  probabilityAbandon: ReplicationEstimate;
  /** Mean answered + abandoned entries per replication (0: nobody called, not a day to judge). */
  decided: number;
  /**
   * Whether the targets are met with confidence (the whole 95 % interval on the right side): the
   * switchboard's on every queue's entries and, with {@link byQueue}, each queue's own.
   */
  met: boolean;
  /** The queues with targets of their own (`targets.byQueue`), each judged on its entries. */
  byQueue?: QueueDayMeasures[];
  /** With {@link byQueue}: whether the switchboard's own targets are met on every queue's entries. */
  switchboardMet?: boolean;
}

/** One queue's day, judged by its own targets. */
export interface QueueDayMeasures {
  queue: string;
  serviceLevel: ReplicationEstimate;
  probabilityAbandon: ReplicationEstimate;
  met: boolean;
}

/**
 * A day (or the week) judged by every target: {@link dayMeasures} of every queue by the
 * switchboard's levels, then of each queue with its own (see `targetGroups` in
 * src/measures/target-verdict.ts); met when all are. Without queues' own targets, exactly
 * {@link dayMeasures}. Cost O(R × cells × (1 + queues with own targets)).
 */
export function judgedDay(
  results: readonly RosterReplication[],
  layout: RosterLayout,
  from: number,
  to: number,
  targets: SwitchboardTargets,
  strictness = 1,
): DayMeasures {
  const whole = dayMeasures(results, layout, from, to, targets, strictness);
  const own = targets.byQueue ?? [];
  if (own.length === 0) return whole;
  const byQueue = own.map((t) => {
    const m = dayMeasures(results, layout, from, to, levelsOfQueue(targets, t.index), strictness, [
      t.index,
    ]);
    return {
      queue: t.queue,
      serviceLevel: m.serviceLevel,
      probabilityAbandon: m.probabilityAbandon,
      met: m.met,
    };
  });
  return {
    ...whole,
    met: whole.met && byQueue.every((q) => q.met),
    byQueue,
    switchboardMet: whole.met,
  };
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
 * every queue (or of `queues` only), judged by the one rule of src/measures/target-verdict.ts
 * ({@link judgeSpan}: one share per replication, a replication without a decided entry meeting
 * the targets, met when the whole 95 % interval is on the target's side). `strictness` widens
 * the interval (2: twice the half-width), for a search whose roster must then pass on fresh
 * seeds too. Cost O(R × cells).
 */
export function dayMeasures(
  results: readonly RosterReplication[],
  layout: RosterLayout,
  from: number,
  to: number,
  targets: TargetLevels,
  strictness = 1,
  queues?: readonly number[],
): DayMeasures {
  const counted = queues ?? Array.from({ length: layout.queues }, (_, q) => q);
  const counts: SpanCounts[] = results.map((r) => {
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
    return { decided, inTarget, abandoned };
  });
  const verdict = judgeSpan(counts, targets, strictness);
  return {
    serviceLevel: verdict.serviceLevel,
    probabilityAbandon: verdict.probabilityAbandon,
    decided: verdict.decided,
    met: verdict.status === 'met',
  };
}
