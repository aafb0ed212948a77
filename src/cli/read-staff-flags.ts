import { didYouMeanHint, inputError } from '../errors.js';
import { parseDurationSeconds, parseIntervalMinutes } from '../units/duration.js';
import { decimalNumber } from '../units/decimal.js';
import { targetsOutsideModel } from '../staffing/meets-targets.js';
import type { PlanTeams } from '../staffing/plan-staffing.js';
import {
  modelHasLines,
  modelHasPatience,
  STAFFING_MODELS,
  type StaffingModel,
  type StaffingQuestion,
  type StaffingTargets,
} from '../staffing/staffing-question.js';

/**
 * Limits of `switchboard staff`, checked where the flags enter so that no solver overflows or
 * runs for long: the offered load (calls × handling time) is at most 100,000 erlangs, operators
 * at most 100,000, lines at most 100,000 (the finite-lines models cost one step per line).
 * Durations are bounded by `MAX_DURATION_SECONDS` (units/duration.ts).
 */
export const STAFF_LIMITS = { erlangs: 100_000, agents: 100_000, lines: 100_000 } as const;

/**
 * What `switchboard staff` was asked, read from its flags: the staffing question, what to solve
 * for, and where the output goes.
 */
export interface StaffFlags {
  question: Omit<StaffingQuestion, 'trafficErlangs'> & { trafficErlangs?: number };
  solve: 'agents' | 'traffic' | undefined;
  plan: string | undefined;
  /** With --plan: how a switchboard with several reasons is staffed (default pooled). */
  teams: PlanTeams;
  intervalMinutes: number | undefined;
  json: boolean;
  out: string | undefined;
}

/**
 * Turn the flags of `switchboard staff` (as yargs parsed them, every value a string) into a
 * staffing question: the load (--calls/--interval, --rate or --erlangs with --aht), the model
 * (erlang-c by default, erlang-a with --patience, finite-lines with --lines, erlang-a-lines with
 * both), the targets and
 * what to solve for. Kept apart from the command so the flag rules are a pure function.
 *
 * Throws an InputError naming the flag, what was expected and what was received, for every
 * bad value or combination (negative rate, AHT 0, service level > 1, unknown model…).
 */
export function readStaffFlags(args: Record<string, unknown>): StaffFlags {
  const text = (name: string): string | undefined => {
    const value = args[name];
    if (value === undefined) return undefined;
    if (Array.isArray(value))
      throw inputError(`--${name}`, 'one value', `${value.length} values`, { raw: true });
    return String(value);
  };
  const number = (
    name: string,
    expected: string,
    ok: (n: number) => boolean,
  ): number | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const value = decimalNumber(raw);
    if (!Number.isFinite(value) || !ok(value)) throw inputError(`--${name}`, expected, raw);
    return value;
  };
  const duration = (name: string, allowZero: boolean) => {
    const raw = text(name);
    return raw === undefined
      ? undefined
      : parseDurationSeconds(raw, { path: `--${name}`, allowZero });
  };
  const fraction = (name: string, expected: string) =>
    number(name, expected, (n) => n > 0 && n < 1);

  const patienceSeconds = duration('patience', false);
  const lines = number(
    'lines',
    `a whole number of lines from 1 to ${STAFF_LIMITS.lines.toLocaleString('en')}`,
    (n) => Number.isInteger(n) && n >= 1 && n <= STAFF_LIMITS.lines,
  );
  const model = readModel(text('model'), patienceSeconds, lines);
  const handleTimeSeconds = duration('aht', false);
  const targets: StaffingTargets = {};
  const setTarget = <K extends keyof StaffingTargets>(key: K, value: number | undefined) => {
    if (value !== undefined) targets[key] = value;
  };
  setTarget(
    'serviceLevel',
    number(
      'service-level',
      'a fraction of calls above 0 and below 1 (0.8 = 80 %)',
      (n) => n > 0 && n < 1,
    ),
  );
  setTarget('asaSeconds', duration('asa', false));
  setTarget(
    'maxOccupancy',
    number('max-occupancy', 'a fraction between 0 and 1 (0.85 = 85 %)', (n) => n > 0 && n <= 1),
  );
  setTarget(
    'maxAbandon',
    fraction('max-abandon', 'a fraction strictly between 0 and 1 (0.05 = 5 %)'),
  );
  setTarget(
    'maxBlocking',
    fraction('max-blocking', 'a fraction strictly between 0 and 1 (0.01 = 1 %)'),
  );
  const outside = targetsOutsideModel(model, targets);
  if (outside.length > 0) {
    const flag = outside[0] === 'maxAbandon' ? '--max-abandon' : '--max-blocking';
    const needs =
      outside[0] === 'maxAbandon'
        ? 'patience (give --patience)'
        : 'erlang-b or finite lines (give --lines)';
    throw inputError(flag, `a target the model can judge: it needs ${needs}`, `model ${model}`, {
      raw: true,
    });
  }
  const hasTarget = Object.keys(targets).length > 0;

  const question: StaffFlags['question'] = { model, targets };
  if (handleTimeSeconds !== undefined) question.handleTimeSeconds = handleTimeSeconds;
  if (patienceSeconds !== undefined) question.patienceSeconds = patienceSeconds;
  if (lines !== undefined) question.lines = lines;
  const threshold = duration('threshold', true);
  if (threshold !== undefined) question.thresholdSeconds = threshold;
  const shrinkage = number(
    'shrinkage',
    'a fraction from 0 to below 1 (0.3 = 30 %)',
    (n) => n >= 0 && n < 1,
  );
  if (shrinkage !== undefined) question.shrinkage = shrinkage;
  const retries = number(
    'retries',
    'a fraction from 0 to below 1 (0.5 = half of blocked calls retry)',
    (n) => n >= 0 && n < 1,
  );
  if (retries !== undefined) {
    if (model !== 'erlang-b')
      throw inputError('--retries', 'to be used with --model erlang-b', `model ${model}`, {
        raw: true,
      });
    question.retryFraction = retries;
  }
  const agents = number(
    'agents',
    `a number of operators > 0 and at most ${STAFF_LIMITS.agents.toLocaleString('en')}`,
    (n) => n > 0 && n <= STAFF_LIMITS.agents,
  );
  if (agents !== undefined) {
    if (modelHasLines(model) && !Number.isInteger(agents)) {
      throw inputError('--agents', 'a whole number of operators with --lines', text('agents'));
    }
    if (lines !== undefined && agents > lines) {
      throw inputError('--agents', `at most --lines (${lines}) operators`, text('agents'));
    }
    question.agents = agents;
  }
  if (model !== 'erlang-b' && handleTimeSeconds === undefined && text('plan') === undefined) {
    throw inputError('--aht', 'a mean handling time such as 180s or 3m', undefined);
  }

  const solveText = text('solve');
  if (solveText !== undefined && solveText !== 'agents' && solveText !== 'traffic') {
    throw inputError('--solve', 'agents or traffic', solveText, {
      hint: didYouMeanHint(solveText, ['agents', 'traffic']),
    });
  }
  const plan = text('plan');
  const out = text('out');
  const intervalText = text('interval');
  const intervalMinutes =
    intervalText === undefined ? undefined : parseIntervalMinutes(intervalText);
  if (out !== undefined && plan === undefined)
    throw inputError('--out', 'to be used with --plan', out);
  const teamsText = text('teams');
  if (teamsText !== undefined && plan === undefined)
    throw inputError('--teams', 'to be used with --plan', teamsText);
  if (teamsText !== undefined && teamsText !== 'pooled' && teamsText !== 'separate') {
    throw inputError('--teams', 'pooled or separate', teamsText, {
      hint: didYouMeanHint(teamsText, ['pooled', 'separate']),
    });
  }
  const teams: PlanTeams = teamsText ?? 'pooled';
  const loadFlags = ['calls', 'rate', 'erlangs'].filter((name) => text(name) !== undefined);
  if (plan !== undefined) {
    if (loadFlags.length > 0)
      throw inputError(
        `--${loadFlags[0]}`,
        'no load flag with --plan (the file gives the load)',
        text(loadFlags[0]!),
      );
    if (!hasTarget)
      throw inputError(
        '--plan',
        'at least one target to plan for (e.g. --service-level 0.8)',
        plan,
        { hint: 'a plan solves every interval for the fewest operators' },
      );
    if (agents !== undefined)
      throw inputError(
        '--agents',
        'no --agents with --plan (the plan solves for them)',
        text('agents'),
      );
    return {
      question,
      solve: 'agents',
      plan,
      teams,
      intervalMinutes,
      json: args.json === true,
      out,
    };
  }

  const solve = solveText ?? (agents === undefined ? 'agents' : undefined);
  if (solve === 'agents' && agents !== undefined) {
    throw inputError(
      '--agents',
      'no --agents with --solve agents (the operators are the answer)',
      text('agents'),
    );
  }
  if (solve === 'traffic') {
    if (loadFlags.length > 0)
      throw inputError(
        `--${loadFlags[0]}`,
        'no load with --solve traffic (the load is the answer)',
        text(loadFlags[0]!),
      );
    if (agents === undefined)
      throw inputError('--agents', 'the operators whose greatest load to find', undefined);
  } else {
    question.trafficErlangs = readLoad(text, handleTimeSeconds, intervalMinutes, loadFlags);
  }
  if (solve !== undefined && !hasTarget) {
    throw inputError(
      solve === 'agents' ? '--agents' : '--service-level',
      solve === 'agents'
        ? 'operators to evaluate, or a target to solve for (--service-level, --asa, --max-occupancy, --max-abandon, --max-blocking)'
        : 'a target for --solve traffic (--service-level, --asa, --max-occupancy, --max-abandon, --max-blocking)',
      undefined,
    );
  }
  return {
    question,
    solve,
    plan: undefined,
    teams,
    intervalMinutes,
    json: args.json === true,
    out: undefined,
  };
}

function readModel(
  raw: string | undefined,
  patience: number | undefined,
  lines: number | undefined,
): StaffingModel {
  if (raw === undefined) {
    if (patience !== undefined && lines !== undefined) return 'erlang-a-lines';
    return patience !== undefined ? 'erlang-a' : lines !== undefined ? 'finite-lines' : 'erlang-c';
  }
  const model = raw.toLowerCase();
  if (!(STAFFING_MODELS as readonly string[]).includes(model)) {
    const hint = didYouMeanHint(model, STAFFING_MODELS);
    throw inputError('--model', `one of ${STAFFING_MODELS.join(', ')}`, raw, hint ? { hint } : {});
  }
  const chosen = model as StaffingModel;
  const both = { raw: true, hint: 'with both --patience and --lines, the model is erlang-a-lines' };
  if (patience !== undefined && !modelHasPatience(chosen))
    throw inputError(
      '--patience',
      'to be used with --model erlang-a or erlang-a-lines',
      `--model ${raw}`,
      both,
    );
  if (lines !== undefined && !modelHasLines(chosen))
    throw inputError(
      '--lines',
      'to be used with --model finite-lines or erlang-a-lines',
      `--model ${raw}`,
      both,
    );
  if (modelHasPatience(chosen) && patience === undefined)
    throw inputError('--patience', `a mean patience for ${chosen}, e.g. 120s`, undefined);
  if (modelHasLines(chosen) && lines === undefined)
    throw inputError('--lines', `a number of lines for ${chosen}`, undefined);
  return chosen;
}

function readLoad(
  text: (name: string) => string | undefined,
  handleTimeSeconds: number | undefined,
  intervalMinutes: number | undefined,
  loadFlags: string[],
): number {
  if (loadFlags.length !== 1) {
    throw inputError(
      loadFlags.length === 0 ? '--calls' : `--${loadFlags[1]}`,
      'exactly one load: --calls N --interval 30m, --rate N per hour, or --erlangs E',
      loadFlags.length === 0 ? undefined : loadFlags.map((f) => `--${f}`).join(' and '),
      { raw: loadFlags.length > 0 },
    );
  }
  const name = loadFlags[0]!;
  const raw = text(name)!;
  const value = decimalNumber(raw);
  if (!Number.isFinite(value) || value <= 0) {
    const what =
      name === 'erlangs'
        ? 'an offered load in erlangs > 0'
        : name === 'rate'
          ? 'calls per hour > 0'
          : 'calls per interval > 0';
    throw inputError(`--${name}`, what, raw);
  }
  const bounded = (erlangs: number): number => {
    if (!(erlangs <= STAFF_LIMITS.erlangs))
      throw inputError(
        `--${name}`,
        `a load of at most ${STAFF_LIMITS.erlangs.toLocaleString('en')} erlangs${name === 'erlangs' ? '' : ' with --aht'}`,
        raw,
        { hint: `that is ${erlangs.toPrecision(3)} erlangs` },
      );
    return erlangs;
  };
  if (name === 'erlangs') return bounded(value);
  if (handleTimeSeconds === undefined)
    throw inputError('--aht', `a mean handling time to turn --${name} into erlangs`, undefined);
  if (name === 'rate') return bounded((value * handleTimeSeconds) / 3600);
  if (intervalMinutes === undefined)
    throw inputError('--interval', 'the interval length of --calls, e.g. 30m', undefined);
  return bounded((value * handleTimeSeconds) / (intervalMinutes * 60));
}
