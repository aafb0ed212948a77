import type { QueueMeasures } from './queue-measures.js';
import {
  modelHasLines,
  modelHasPatience,
  type StaffingEvaluation,
  type StaffingModel,
  type StaffingTargets,
} from './staffing-question.js';

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
 * The targets a model cannot judge: `maxAbandon` needs a model with patience (Erlang A, with or
 * without lines), `maxBlocking` Erlang B or a model with lines. Used to reject such questions up front rather than never meeting them.
 */
export function targetsOutsideModel(
  model: StaffingModel,
  targets: StaffingTargets,
): (keyof StaffingTargets)[] {
  const outside: (keyof StaffingTargets)[] = [];
  if (targets.maxAbandon !== undefined && !modelHasPatience(model)) outside.push('maxAbandon');
  if (targets.maxBlocking !== undefined && model !== 'erlang-b' && !modelHasLines(model)) {
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
