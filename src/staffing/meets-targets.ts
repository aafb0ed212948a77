import type { QueueMeasures } from './queue-measures.js';
import type { StaffingEvaluation, StaffingModel, StaffingTargets } from './staffing-question.js';

/**
 * The targets a staffing misses, by name (`serviceLevel`, `asaSeconds`, `maxOccupancy`,
 * `maxAbandon`, `maxBlocking`); empty when it meets them all. An unbounded or absent measure
 * misses its target. Cost O(1).
 */
export function unmetTargets(
  evaluation: StaffingEvaluation | QueueMeasures,
  targets: StaffingTargets,
): (keyof StaffingTargets)[] {
  const unmet: (keyof StaffingTargets)[] = [];
  const atLeast = (value: number | null, target: number | undefined) =>
    target === undefined || (value !== null && value >= target);
  const atMost = (value: number | null, target: number | undefined) =>
    target === undefined || (value !== null && value <= target);
  if (!atLeast(evaluation.serviceLevel, targets.serviceLevel)) unmet.push('serviceLevel');
  if (!atMost(evaluation.asaSeconds, targets.asaSeconds)) unmet.push('asaSeconds');
  if (!atMost(evaluation.occupancy, targets.maxOccupancy)) unmet.push('maxOccupancy');
  if (!atMost(evaluation.probabilityAbandon, targets.maxAbandon)) unmet.push('maxAbandon');
  if (!atMost(evaluation.probabilityBlocking, targets.maxBlocking)) unmet.push('maxBlocking');
  return unmet;
}

/**
 * The targets a model cannot judge: `maxAbandon` needs Erlang A, `maxBlocking` needs Erlang B
 * or finite lines. Used to reject such questions up front rather than never meeting them.
 */
export function targetsOutsideModel(
  model: StaffingModel,
  targets: StaffingTargets,
): (keyof StaffingTargets)[] {
  const outside: (keyof StaffingTargets)[] = [];
  if (targets.maxAbandon !== undefined && model !== 'erlang-a') outside.push('maxAbandon');
  if (targets.maxBlocking !== undefined && model !== 'erlang-b' && model !== 'finite-lines') {
    outside.push('maxBlocking');
  }
  return outside;
}

/** True when at least one target is given. */
export function hasTargets(targets: StaffingTargets | undefined): targets is StaffingTargets {
  return (
    targets !== undefined &&
    Object.values(targets).some((value) => value !== undefined && value !== null)
  );
}
