/**
 * Whether a run meets its targets: the one judgement `compare`, `roster` and the report pages
 * make, per day and over the horizon, for the whole switchboard or one queue.
 *
 * A span (a day, the horizon) is judged on the queue entries it holds, one share per
 * replication: service level = answered within the threshold ÷ (answered + abandoned),
 * abandonment = abandoned ÷ (answered + abandoned). A replication where no entry was answered or
 * abandoned in the span counts as meeting the targets (nobody waited). A level is `met` when the
 * whole Student-t 95 % interval of its mean over replications lies on the target's side (the
 * target itself included), `missed` when it lies wholly on the other side, and `uncertain` when
 * it spans the target or is unknown (fewer than two replications). A span meets its targets when
 * every level it has is met, misses them when one is missed, and is uncertain otherwise.
 */
import { type ReplicationEstimate, replicationEstimate } from '../stats/confidence-interval.js';
import { percentText } from '../units/fixed.js';

/** A level's verdict against its target. */
export type TargetStatus = 'met' | 'missed' | 'uncertain';

/** The levels a span is held to (a `targets:` section, or one queue's). */
export interface TargetLevels {
  /** Least share of queue entries answered within {@link thresholdSeconds}, if set. */
  serviceLevel: number | undefined;
  /** The service-level threshold, seconds. */
  thresholdSeconds: number;
  /** Greatest share of queue entries abandoned, if set. */
  maxAbandon: number | undefined;
}

/** The target levels a span can be held to, as measures. */
export type TargetMeasure = 'serviceLevel' | 'probabilityAbandon';

/** Which side of its target a level must lie on. */
export const TARGET_BOUND: Readonly<Record<TargetMeasure, 'at least' | 'at most'>> = {
  serviceLevel: 'at least',
  probabilityAbandon: 'at most',
};

/** Targets as a scenario gives them: the whole switchboard's, and queues' own. */
export interface SwitchboardTargets extends TargetLevels {
  /** Queues' own levels (as written: undefined is the switchboard's), by name and index. */
  byQueue?: readonly {
    queue: string;
    index: number;
    serviceLevel: number | undefined;
    maxAbandon: number | undefined;
  }[];
}

/** Whose queue entries a target judges, and the levels it holds them to. */
export interface TargetGroup {
  /** `null`: the whole switchboard (every queue's entries); else the queue's name. */
  queue: string | null;
  /** Indices of the queues whose entries count. */
  queues: number[];
  levels: TargetLevels;
}

/**
 * What a scenario's targets judge: the whole switchboard by its own levels (when it sets one),
 * then each queue with targets of its own by them, a level it does not set being the
 * switchboard's. Cost O(queues).
 */
export function targetGroups(
  targets: SwitchboardTargets | undefined,
  queueCount: number,
): TargetGroup[] {
  if (targets === undefined) return [];
  const groups: TargetGroup[] = [];
  const whole = {
    serviceLevel: targets.serviceLevel,
    thresholdSeconds: targets.thresholdSeconds,
    maxAbandon: targets.maxAbandon,
  };
  if (whole.serviceLevel !== undefined || whole.maxAbandon !== undefined)
    groups.push({
      queue: null,
      queues: Array.from({ length: queueCount }, (_, q) => q),
      levels: whole,
    });
  for (const own of targets.byQueue ?? [])
    groups.push({
      queue: own.queue,
      queues: [own.index],
      levels: {
        serviceLevel: own.serviceLevel ?? targets.serviceLevel,
        thresholdSeconds: targets.thresholdSeconds,
        maxAbandon: own.maxAbandon ?? targets.maxAbandon,
      },
    });
  return groups;
}

/**
 * The levels queue `q`'s entries are held to on their own: its own targets (a level it does not
 * set being the switchboard's), else the switchboard's. Cost O(queues with own targets).
 */
export function levelsOfQueue(targets: SwitchboardTargets, q: number): TargetLevels {
  const own = targets.byQueue?.find((t) => t.index === q);
  return {
    serviceLevel: own?.serviceLevel ?? targets.serviceLevel,
    thresholdSeconds: targets.thresholdSeconds,
    maxAbandon: own?.maxAbandon ?? targets.maxAbandon,
  };
}

/** A level's target, or undefined when the levels set none. */
export function targetOf(levels: TargetLevels, measure: TargetMeasure): number | undefined {
  return measure === 'serviceLevel' ? levels.serviceLevel : levels.maxAbandon;
}

/** One replication's queue entries in a span. */
export interface SpanCounts {
  /** Answered + abandoned entries. */
  decided: number;
  /** Answered within the threshold. */
  inTarget: number;
  abandoned: number;
}

/** A span judged against its targets. */
export interface SpanVerdict {
  /** The service level over replications (mean, Student-t 95 % interval; NaN when unknown). */
  serviceLevel: ReplicationEstimate;
  /** The abandonment over replications, as {@link serviceLevel}. */
  probabilityAbandon: ReplicationEstimate;
  /** Each level the targets set, judged; absent when the targets set none. */
  levels: Partial<Record<TargetMeasure, TargetStatus>>;
  /** Every level met: `met`; one missed: `missed`; else `uncertain`. */
  status: TargetStatus;
  /** Mean answered + abandoned entries per replication (0: nobody waited in any replication). */
  decided: number;
}

/**
 * A level's verdict from its interval: `met` when `[lo, hi]` lies wholly on the target's side
 * (the target included), `missed` when wholly on the other, `uncertain` when it spans the target
 * or is unknown. Cost O(1).
 */
export function levelStatus(
  ci95: readonly [number | null, number | null],
  bound: 'at least' | 'at most',
  target: number,
): TargetStatus {
  const [lo, hi] = ci95;
  if (lo === null || hi === null || Number.isNaN(lo) || Number.isNaN(hi)) return 'uncertain';
  const [good, bad] =
    bound === 'at least' ? [lo >= target, hi < target] : [hi <= target, lo > target];
  return good ? 'met' : bad ? 'missed' : 'uncertain';
}

/** Every level met: met; one missed: missed; else uncertain (no level: met). */
export function combinedStatus(statuses: readonly TargetStatus[]): TargetStatus {
  if (statuses.includes('missed')) return 'missed';
  return statuses.every((s) => s === 'met') ? 'met' : 'uncertain';
}

/**
 * Judge a span from its counts in each replication (see the module's rule). `strictness` widens
 * the interval (2: twice the half-width), for a roster search whose roster must then pass on
 * fresh seeds too; the estimates returned are the plain 95 % ones. Cost O(R).
 */
export function judgeSpan(
  counts: readonly SpanCounts[],
  targets: TargetLevels,
  strictness = 1,
): SpanVerdict {
  const shares: Record<TargetMeasure, number[]> = { serviceLevel: [], probabilityAbandon: [] };
  let decided = 0;
  for (const c of counts) {
    shares.serviceLevel.push(c.decided > 0 ? c.inTarget / c.decided : 1);
    shares.probabilityAbandon.push(c.decided > 0 ? c.abandoned / c.decided : 0);
    decided += c.decided;
  }
  const serviceLevel = replicationEstimate(shares.serviceLevel);
  const probabilityAbandon = replicationEstimate(shares.probabilityAbandon);
  const estimates = { serviceLevel, probabilityAbandon };
  const levels: Partial<Record<TargetMeasure, TargetStatus>> = {};
  for (const measure of ['serviceLevel', 'probabilityAbandon'] as const) {
    const target = targetOf(targets, measure);
    if (target === undefined) continue;
    const { mean, ci95 } = estimates[measure];
    const half = (strictness * (ci95[1] - ci95[0])) / 2;
    levels[measure] = levelStatus([mean - half, mean + half], TARGET_BOUND[measure], target);
  }
  return {
    serviceLevel,
    probabilityAbandon,
    levels,
    status: combinedStatus(Object.values(levels)),
    decided: counts.length > 0 ? decided / counts.length : 0,
  };
}

/** Sum of counts rows (`{ answered, answeredInTarget, abandoned }`) as a span's counts. */
export function spanCounts(
  rows: readonly { answered?: number; answeredInTarget?: number; abandoned?: number }[],
): SpanCounts {
  let answered = 0;
  let inTarget = 0;
  let abandoned = 0;
  for (const row of rows) {
    answered += row.answered ?? 0;
    inTarget += row.answeredInTarget ?? 0;
    abandoned += row.abandoned ?? 0;
  }
  return { decided: answered + abandoned, inTarget, abandoned };
}

/** One level as words: `service level ≥ 80.0 % within 20 s`, `abandonment ≤ 5.0 %`. */
export function levelText(levels: TargetLevels, measure: TargetMeasure): string {
  const target = targetOf(levels, measure);
  if (target === undefined) return '';
  return measure === 'serviceLevel'
    ? `service level ≥ ${percentText(target)} within ${levels.thresholdSeconds} s`
    : `abandonment ≤ ${percentText(target)}`;
}

/**
 * The levels as words: `service level ≥ 80.0 % within 20 s, abandonment ≤ 5.0 %`, then each
 * queue's own: `; queue urgent: service level ≥ 90.0 % within 20 s, abandonment ≤ 5.0 %`.
 */
export function targetText(targets: SwitchboardTargets): string {
  const words = (levels: TargetLevels) =>
    (['serviceLevel', 'probabilityAbandon'] as const)
      .map((m) => levelText(levels, m))
      .filter((t) => t !== '')
      .join(', ');
  return [
    words(targets),
    ...(targets.byQueue ?? []).map(
      (t) => `queue ${t.queue}: ${words(levelsOfQueue(targets, t.index))}`,
    ),
  ]
    .filter((t) => t !== '')
    .join('; ');
}
