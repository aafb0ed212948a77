import { inputError } from '../errors.js';
import { checkQuestion, evaluateStaffing, measureStaffing } from './evaluate-staffing.js';
import { hasTargets, targetsOutsideModel, unmetTargets } from './meets-targets.js';
import {
  modelHasLines,
  type StaffingEvaluation,
  type StaffingQuestion,
} from './staffing-question.js';
import { fixed } from '../units/fixed.js';

/** The most operators {@link solveAgents} will consider. */
export const MAX_SOLVED_AGENTS = 1_000_000;

/**
 * The fewest whole operators meeting every target of `question.targets`, and the evaluation
 * at that staffing (its `positions` apply the question's shrinkage). `question.agents` is
 * ignored.
 *
 * Every measure is monotone in the number of operators, so the answer is found by galloping
 * from a guess (down while it meets, up while it misses) and bisecting: N meets the targets and N − 1 does not. The lower bound
 * is 1, or ⌊A⌋ + 1 for Erlang C: with fewer operators its queue grows without limit, which no
 * staffing plan should accept. Erlang B values come from one running recurrence shared by all
 * the probes, so each probe of Erlang B/C costs O(1), of Erlang A one series, and of the models
 * with lines O(lines − agents).
 *
 * One exception: on finite lines with patience shorter than the handling time, blocking RISES
 * with operators (see {@link blockingRisesWithAgents}); the other targets are solved for, then
 * blocking is judged at that answer.
 *
 * Throws RangeError for a question with no targets or a target its model cannot judge, and an
 * InputError (path `targets`) when no staffing up to {@link MAX_SOLVED_AGENTS} (or up to the
 * lines, for the models with lines) meets them. Cost O(N) for the recurrence plus O(log N) probes.
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
  if (targets.maxBlocking !== undefined && blockingRisesWithAgents(question)) {
    return solveRisingBlocking(question, targets.maxBlocking);
  }
  const load = question.trafficErlangs;
  const table = question.model === 'finite-lines' ? undefined : [1];
  const erlangBAt = (agents: number): number | undefined => {
    if (table === undefined) return undefined;
    for (let k = table.length; k <= agents; k++) {
      const previous = load * table[k - 1]!;
      table.push(previous / (k + previous));
    }
    return table[agents];
  };
  const meets = (agents: number) =>
    unmetTargets(measureStaffing(question, agents, erlangBAt(agents)), targets).length === 0;
  const withLines = modelHasLines(question.model);
  const ceiling = withLines ? (question.lines ?? 1) : MAX_SOLVED_AGENTS;
  const low = question.model === 'erlang-c' ? Math.min(ceiling, Math.floor(load) + 1) : 1;
  const answer = (agents: number) => evaluateStaffing({ ...question, agents });
  // Gallop from a guess (square-root staffing for Erlang C, the load otherwise), down while it
  // meets, up while it misses, keeping `bad` (misses, or below the bound) < `good` (meets).
  const guess = Math.min(
    ceiling,
    Math.max(low, Math.ceil(question.model === 'erlang-c' ? load + Math.sqrt(load) : load)),
  );
  let bad = low - 1;
  let good = -1;
  if (meets(guess)) {
    good = guess;
    for (let step = 1; good > low; step *= 2) {
      const next = Math.max(low, good - step);
      if (!meets(next)) {
        bad = next;
        break;
      }
      good = next;
    }
  } else {
    bad = guess;
    for (let step = 1; good < 0; step *= 2) {
      const next = Math.min(ceiling, bad + step);
      if (meets(next)) good = next;
      else if (next === ceiling) {
        throw inputError(
          'targets',
          `targets that at most ${ceiling} operators can meet${withLines ? ` on ${ceiling} lines` : ''}`,
          JSON.stringify(targets),
          {
            raw: true,
            hint: withLines ? 'give more --lines or looser targets' : 'loosen the targets',
          },
        );
      } else bad = next;
    }
  }
  while (good - bad > 1) {
    const middle = bad + Math.floor((good - bad) / 2);
    if (meets(middle)) good = middle;
    else bad = middle;
  }
  return answer(good);
}

/**
 * True when more operators mean MORE blocking: M/M/c/K+M (erlang-a-lines) with mean patience
 * shorter than the mean handling time. With K fixed, an operator added turns a waiting place,
 * left at rate θ (abandonment), into a seat left at the slower rate μ, so the death rate of
 * every state above c falls and the number in the system grows (likelihood-ratio order of
 * birth–death chains); at θ = μ blocking is Erlang B(K, A) whatever c. Cost O(1).
 */
export function blockingRisesWithAgents(question: StaffingQuestion): boolean {
  return (
    question.model === 'erlang-a-lines' &&
    (question.patienceSeconds ?? Number.POSITIVE_INFINITY) <
      (question.handleTimeSeconds ?? Number.NaN)
  );
}

/**
 * {@link solveAgents} when blocking rises with operators: the fewest operators meeting the
 * other targets (1 when there are none) is the only candidate, since fewer miss them and more
 * block more. Throws an InputError (path `targets`) when it blocks more than `maxBlocking`.
 */
function solveRisingBlocking(question: StaffingQuestion, maxBlocking: number): StaffingEvaluation {
  const { maxBlocking: _blocking, ...others } = question.targets ?? {};
  const answer = hasTargets(others)
    ? solveAgents({ ...question, targets: others })
    : evaluateStaffing({ ...question, agents: 1 });
  if ((answer.probabilityBlocking ?? 1) > maxBlocking) {
    throw inputError(
      'targets',
      `targets that some staffing on ${question.lines} lines meets (${answer.agents} operators block ${fixed(100 * (answer.probabilityBlocking ?? 1), 2)} %, and more operators block more)`,
      JSON.stringify(question.targets),
      {
        raw: true,
        hint: 'with a mean patience shorter than the AHT, blocking rises with operators: give more --lines',
      },
    );
  }
  return answer;
}
