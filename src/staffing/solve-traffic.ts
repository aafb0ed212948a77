import { inputError } from '../errors.js';
import { evaluateStaffing } from './evaluate-staffing.js';
import { hasTargets, targetsOutsideModel, unmetTargets } from './meets-targets.js';
import type { StaffingEvaluation, StaffingQuestion } from './staffing-question.js';

/** A staffing question whose unknown is the load: `agents` given, `trafficErlangs` ignored. */
export type TrafficQuestion = Omit<StaffingQuestion, 'trafficErlangs'> & { agents: number };

/**
 * The most traffic `question.agents` operators can carry while meeting every target, and the
 * evaluation at that load. Every measure worsens as the load grows, so the answer is found by
 * bisection to 1e-12 relative. For Erlang C the load stays below the operators.
 *
 * Throws RangeError for a question without targets or with a target its model cannot judge,
 * and an InputError (path `targets`) when even a vanishing load misses them. Cost about 60
 * evaluations.
 *
 * @example solveTraffic({ model: 'erlang-b', agents: 15, targets: { maxBlocking: 0.01 } }).trafficErlangs // 8.108… (Westbay manual)
 */
export function solveTraffic(question: TrafficQuestion): StaffingEvaluation {
  const targets = question.targets;
  if (!hasTargets(targets)) throw new RangeError('solveTraffic: question.targets names no target');
  const outside = targetsOutsideModel(question.model, targets);
  if (outside.length > 0) {
    throw new RangeError(`solveTraffic: ${question.model} cannot judge ${outside.join(', ')}`);
  }
  const evaluateAt = (trafficErlangs: number) => evaluateStaffing({ ...question, trafficErlangs });
  const meets = (load: number) => unmetTargets(evaluateAt(load), targets).length === 0;
  const agents = question.agents;
  let good = agents * 1e-9;
  if (!meets(good)) {
    throw inputError(
      'targets',
      `targets that ${agents} operators meet at some load`,
      JSON.stringify(targets),
      { raw: true },
    );
  }
  let bad = question.model === 'erlang-c' ? agents : 2 * agents;
  while (question.model !== 'erlang-c' && meets(bad)) {
    good = bad;
    bad *= 2;
    if (bad > 1e12) throw new RangeError('solveTraffic: targets met at every load');
  }
  while (bad - good > 1e-12 * bad) {
    const middle = (good + bad) / 2;
    if (meets(middle)) good = middle;
    else bad = middle;
  }
  return evaluateAt(good);
}
