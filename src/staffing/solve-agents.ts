import { inputError } from '../errors.js';
import { checkQuestion, evaluateStaffing } from './evaluate-staffing.js';
import { hasTargets, targetsOutsideModel, unmetTargets } from './meets-targets.js';
import type { StaffingEvaluation, StaffingQuestion } from './staffing-question.js';

/** The most operators {@link solveAgents} will consider. */
export const MAX_SOLVED_AGENTS = 1_000_000;

/**
 * The fewest whole operators meeting every target of `question.targets`, and the evaluation
 * at that staffing (its `positions` apply the question's shrinkage). `question.agents` is
 * ignored.
 *
 * Every measure is monotone in the number of operators, so the answer is found by galloping
 * up from a lower bound and bisecting. The lower bound is 1, or ⌊A⌋ + 1 for Erlang C: with
 * fewer operators its queue grows without limit, which no staffing plan should accept: N meets the targets and N − 1 does not.
 *
 * Throws RangeError for a question with no targets or a target its model cannot judge, and an
 * InputError (path `targets`) when no staffing up to {@link MAX_SOLVED_AGENTS} (or up to the
 * lines, for finite lines) meets them, e.g. a service level of 1. Cost O(log N) evaluations.
 *
 * @example solveAgents({ model: 'erlang-c', trafficErlangs: 10, handleTimeSeconds: 180, targets: { serviceLevel: 0.8 } }).agents // 14
 */
export function solveAgents(question: StaffingQuestion): StaffingEvaluation {
  checkQuestion(question);
  const targets = question.targets;
  if (!hasTargets(targets)) throw new RangeError('solveAgents: question.targets names no target');
  const outside = targetsOutsideModel(question.model, targets);
  if (outside.length > 0) {
    throw new RangeError(`solveAgents: ${question.model} cannot judge ${outside.join(', ')}`);
  }
  const evaluateAt = (agents: number) => evaluateStaffing({ ...question, agents });
  const meets = (agents: number) => unmetTargets(evaluateAt(agents), targets).length === 0;
  const ceiling = question.model === 'finite-lines' ? (question.lines ?? 1) : MAX_SOLVED_AGENTS;
  let low = 1;
  if (question.model === 'erlang-c')
    low = Math.min(ceiling, Math.floor(question.trafficErlangs) + 1);
  if (meets(low)) return evaluateAt(low);
  // Gallop: `bad` misses, look for a `good` that meets.
  let bad = low;
  let step = 1;
  let good = -1;
  while (good < 0) {
    const next = Math.min(ceiling, bad + step);
    if (meets(next)) good = next;
    else if (next === ceiling) {
      throw inputError(
        'targets',
        `targets some staffing up to ${ceiling} ${question.model === 'finite-lines' ? 'operators on the lines' : 'operators'} meets`,
        JSON.stringify(targets),
        { raw: true, hint: 'a service level below 1, or more lines' },
      );
    } else {
      bad = next;
      step *= 2;
    }
  }
  while (good - bad > 1) {
    const middle = bad + Math.floor((good - bad) / 2);
    if (meets(middle)) good = middle;
    else bad = middle;
  }
  return evaluateAt(good);
}
