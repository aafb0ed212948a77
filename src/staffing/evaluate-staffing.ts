import { erlangA } from './erlang-a.js';
import { erlangALines } from './erlang-a-lines.js';
import { erlangCMeasures } from './erlang-c-measures.js';
import { extendedErlangB } from './extended-erlang-b.js';
import { finiteLines } from './finite-lines.js';
import { positionsAfterShrinkage } from './positions-after-shrinkage.js';
import type { QueueMeasures } from './queue-measures.js';
import {
  DEFAULT_THRESHOLD_SECONDS,
  modelHasLines,
  modelHasPatience,
  STAFFING_MODELS,
  type StaffingEvaluation,
  type StaffingQuestion,
} from './staffing-question.js';

/**
 * Answer a staffing question for the `agents` it gives: every measure of its model, as the
 * {@link StaffingEvaluation} record the CLI prints. Unbounded waits become `null`.
 *
 * Throws RangeError naming the rule for a question that is not well formed (missing agents,
 * non-positive load, a parameter the model needs missing). Cost: that of the model, O(agents)
 * for Erlang B/C, plus O(√(agents·patience/AHT)) for Erlang A, O(lines) for finite lines (with
 * or without patience).
 *
 * @example evaluateStaffing({ model: 'erlang-c', trafficErlangs: 10, handleTimeSeconds: 180, agents: 14 })
 */
export function evaluateStaffing(question: StaffingQuestion): StaffingEvaluation {
  checkQuestion(question);
  const agents = question.agents;
  if (agents === undefined) throw new RangeError('evaluateStaffing: question.agents is required');
  if (!(agents > 0) || !Number.isFinite(agents)) {
    throw new RangeError(`evaluateStaffing: agents must be finite and > 0, received ${agents}`);
  }
  const measures = measureStaffing(question, agents);
  const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);
  return {
    model: question.model,
    trafficErlangs: question.trafficErlangs,
    agents,
    positions: positionsAfterShrinkage(agents, question.shrinkage ?? 0),
    probabilityWait: measures.probabilityWait,
    serviceLevel: measures.serviceLevel,
    asaSeconds: finite(measures.asaSeconds),
    meanWaitSeconds: finite(measures.meanWaitSeconds),
    occupancy: measures.occupancy,
    probabilityAbandon: measures.probabilityAbandon,
    probabilityBlocking: measures.probabilityBlocking,
  };
}

/**
 * The raw measures of `question` at `agents` operators (unbounded waits as `Infinity`), without
 * checking the question: the solvers' inner step. `erlangBValue`, when given, is B(agents,
 * traffic) from the caller's running recurrence and saves the O(agents) Erlang B loop for
 * Erlang B (without retries), C, A and A with lines.
 */
export function measureStaffing(
  question: StaffingQuestion,
  agents: number,
  erlangBValue?: number,
): QueueMeasures {
  const load = question.trafficErlangs;
  const aht = question.handleTimeSeconds ?? Number.NaN;
  const threshold = question.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS;
  switch (question.model) {
    case 'erlang-c':
      return erlangCMeasures(agents, load, aht, threshold, erlangBValue);
    case 'erlang-a':
      return erlangA(
        agents,
        load,
        aht,
        question.patienceSeconds ?? Number.NaN,
        threshold,
        erlangBValue,
      );
    case 'finite-lines':
      return finiteLines(agents, question.lines ?? Number.NaN, load, aht, threshold);
    case 'erlang-a-lines':
      return erlangALines(
        agents,
        question.lines ?? Number.NaN,
        load,
        aht,
        question.patienceSeconds ?? Number.NaN,
        threshold,
        erlangBValue,
      );
    case 'erlang-b': {
      const retries = question.retryFraction ?? 0;
      const { probabilityBlocking, offeredWithRetriesErlangs } =
        retries === 0 && erlangBValue !== undefined
          ? { probabilityBlocking: erlangBValue, offeredWithRetriesErlangs: load }
          : extendedErlangB(agents, load, retries);
      return {
        probabilityWait: 0,
        serviceLevel: 1 - probabilityBlocking,
        asaSeconds: 0,
        meanWaitSeconds: 0,
        occupancy: (offeredWithRetriesErlangs * (1 - probabilityBlocking)) / agents,
        probabilityAbandon: null,
        probabilityBlocking,
      };
    }
  }
}

/** Check the parts of a question every solver and evaluator relies on (not `agents`). */
export function checkQuestion(question: StaffingQuestion): void {
  const fail = (rule: string, value: unknown): never => {
    throw new RangeError(`staffing question: ${rule}, received ${String(value)}`);
  };
  if (!STAFFING_MODELS.includes(question.model)) {
    fail(`model must be one of ${STAFFING_MODELS.join(', ')}`, question.model);
  }
  if (!(question.trafficErlangs > 0) || !Number.isFinite(question.trafficErlangs)) {
    fail('trafficErlangs must be finite and > 0', question.trafficErlangs);
  }
  const aht = question.handleTimeSeconds;
  if (question.model !== 'erlang-b' || aht !== undefined) {
    if (aht === undefined || !(aht > 0) || !Number.isFinite(aht)) {
      fail(`handleTimeSeconds must be finite and > 0 for ${question.model}`, aht);
    }
  }
  const threshold = question.thresholdSeconds;
  if (threshold !== undefined && (!(threshold >= 0) || !Number.isFinite(threshold))) {
    fail('thresholdSeconds must be finite and ≥ 0', threshold);
  }
  if (modelHasPatience(question.model)) {
    const p = question.patienceSeconds;
    if (p === undefined || !(p > 0) || !Number.isFinite(p)) {
      fail(`patienceSeconds must be finite and > 0 for ${question.model}`, p);
    }
  }
  if (modelHasLines(question.model)) {
    const k = question.lines;
    if (k === undefined || !Number.isInteger(k) || k < 1) {
      fail(`lines must be a whole number ≥ 1 for ${question.model}`, k);
    }
  }
  const s = question.shrinkage;
  if (s !== undefined && !(s >= 0 && s < 1)) fail('shrinkage must be in [0, 1)', s);
  const r = question.retryFraction;
  if (r !== undefined && !(r >= 0 && r < 1)) fail('retryFraction must be in [0, 1)', r);
}
