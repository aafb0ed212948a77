import { inputError } from '../errors.js';
import { modelHasPatience } from '../staffing/staffing-question.js';
import { createProgressBar } from './progress-bar.js';
import { parseSimulationFlags } from './simulation-flags.js';
import {
  type SimulatedStaffing,
  type SimulatedStaffingQuestion,
  simulateStaffing,
} from '../queueing/simulate-staffing.js';

/** The CLI names of the simulation flags of `switchboard staff` (besides `--simulate`). */
export const SIMULATION_FLAG_NAMES = [
  'replications',
  'horizon',
  'warmup',
  'seed',
  'threads',
  'aht-cv',
  'patience-dist',
  'retry-delay',
] as const;

/**
 * Refuse simulation flags given without `--simulate`, and `--simulate` with a plan (it answers
 * one question). Throws InputError naming the flag.
 */
export function checkSimulationFlagUse(
  args: Record<string, unknown>,
  simulate: boolean,
  plan: string | undefined,
): void {
  for (const name of SIMULATION_FLAG_NAMES) {
    if (args[name] !== undefined && (!simulate || plan !== undefined)) {
      throw inputError(`--${name}`, 'to be used with --simulate (and without --plan)', args[name]);
    }
  }
  if (simulate && plan !== undefined) {
    throw inputError('--simulate', 'one question, not a --plan', plan);
  }
}

/** Options of {@link simulateFromFlags}. */
export interface SimulateFromFlagsOptions {
  /** True when standard error is a terminal: a progress bar is drawn for runs over a second. */
  stderrIsTTY: boolean;
}

/**
 * `switchboard staff --simulate`: read the simulation flags (as yargs parsed them), check the
 * answered question can be simulated (whole operators, a patience distribution only for
 * erlang-a or erlang-a-lines, a retry delay only with Erlang B retries), and run {@link simulateStaffing} with a progress bar.
 * `question` is the staffing question with the agents and traffic of the formula's answer.
 * Throws InputError naming the flag for every problem.
 */
export async function simulateFromFlags(
  args: Record<string, unknown>,
  question: SimulatedStaffingQuestion,
  options: SimulateFromFlagsOptions,
): Promise<SimulatedStaffing> {
  const simulation = parseSimulationFlags(
    {
      replications: args.replications,
      horizon: args.horizon,
      warmup: args.warmup,
      seed: args.seed,
      threads: args.threads,
      ahtCv: args['aht-cv'],
      patienceDist: args['patience-dist'],
      retryDelay: args['retry-delay'],
    },
    question.patienceSeconds,
  );
  if (!Number.isInteger(question.agents)) {
    throw inputError('--agents', 'a whole number of operators to simulate', question.agents);
  }
  if (simulation.patience !== undefined && !modelHasPatience(question.model)) {
    throw inputError(
      '--patience-dist',
      'a model with patience: erlang-a or erlang-a-lines (give --patience)',
      question.model,
    );
  }
  if (simulation.retryDelaySeconds !== undefined && !((question.retryFraction ?? 0) > 0)) {
    throw inputError('--retry-delay', 'to be used with --retries above 0', args['retry-delay'], {
      hint: 'give --model erlang-b --retries 0.5',
    });
  }
  const bar = createProgressBar({ isTTY: options.stderrIsTTY, label: 'replications' });
  try {
    return await simulateStaffing(question, {
      ...simulation,
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.stop();
  }
}
