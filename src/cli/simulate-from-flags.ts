import { inputError } from '../errors.js';
import { modelHasPatience } from '../staffing/staffing-question.js';
import type { RemoteReplications } from '../replications/run-replications.js';
import { createProgressBar } from './progress-bar.js';
import { parseSimulationFlags } from './simulation-flags.js';
import {
  type SimulatedStaffing,
  type SimulatedStaffingQuestion,
  simulateStaffing,
} from '../queueing/simulate-staffing.js';

/** Options of {@link simulateFromFlags}. */
export interface SimulateFromFlagsOptions {
  /** True when standard error is a terminal: a progress bar is drawn for runs over a second. */
  stderrIsTTY: boolean;
  /** Run the replications on workers through a job queue. */
  remote?: RemoteReplications;
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
      ...(options.remote === undefined ? {} : { remote: options.remote }),
    });
  } finally {
    bar.stop();
  }
}
