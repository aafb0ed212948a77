import type { ProblemList } from './problem-list.js';
import type { QueueTargets, ScenarioTargets } from './scenario-types.js';

type Doc = Record<string, unknown>;

/**
 * The scenario's service-level threshold and `targets:` section. A scenario has one threshold:
 * `targets.threshold`, or else `measures.serviceLevelTime`, or 20 s; when both are written they
 * must agree (a problem is recorded otherwise). `targets.byQueue` keys must name queues of
 * `queueNames` (a problem with the nearest name otherwise). Cost O(queues).
 */
export function parseTargets(
  doc: Doc,
  p: ProblemList,
  queueNames: readonly string[],
): { targets: ScenarioTargets | undefined; serviceLevelSeconds: number } {
  const measures = (doc.measures ?? {}) as Doc;
  const raw = doc.targets as Doc | undefined;
  const measured = p.duration(measures.serviceLevelTime, 'measures.serviceLevelTime', 20);
  const threshold =
    raw?.threshold !== undefined
      ? p.duration(raw.threshold, 'targets.threshold', measured)
      : measured;
  if (
    raw?.threshold !== undefined &&
    measures.serviceLevelTime !== undefined &&
    threshold !== measured
  ) {
    p.add(
      'targets.threshold',
      `the same threshold as measures.serviceLevelTime (${measured} s): a scenario has one`,
      raw.threshold,
      'write it in one place, targets.threshold',
    );
  }
  if (raw === undefined) return { targets: undefined, serviceLevelSeconds: threshold };
  const targets: ScenarioTargets = {
    serviceLevel: raw.serviceLevel as number | undefined,
    thresholdSeconds: threshold,
    maxAbandon: raw.maxAbandon as number | undefined,
  };
  if (raw.byQueue !== undefined) {
    const byQueue: QueueTargets[] = [];
    for (const [queue, value] of Object.entries(raw.byQueue as Doc)) {
      const index = p.reference(queue, queueNames, `targets.byQueue.${queue}`, 'queue');
      if (index < 0) continue;
      const own = value as Doc;
      byQueue.push({
        queue,
        index,
        serviceLevel: own.serviceLevel as number | undefined,
        maxAbandon: own.maxAbandon as number | undefined,
      });
    }
    targets.byQueue = byQueue;
  }
  return { targets, serviceLevelSeconds: threshold };
}
