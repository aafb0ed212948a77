import { inputError } from '../errors.js';

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
  'redis',
  'timeout',
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
