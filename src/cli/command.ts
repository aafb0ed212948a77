import type { Argv } from 'yargs';
import type { CliIo } from './io.js';

/**
 * One `switchboard` sub-command: its yargs definition and a handler that returns the exit code
 * (0 ok, 1 run failed, 2 bad input). Handlers stay thin: parse flags, call the library, print.
 * They throw {@link InputError} for bad input; `main` turns it into one line and exit code 2.
 */
export interface SwitchboardCommand {
  /** yargs command string, e.g. `staff` or `simulate <scenario>`. */
  command: string;
  /** One line for the command list. */
  describe: string;
  /** Declare the command's options. */
  builder: (yargs: Argv) => Argv;
  /** Run it. `args` is what yargs parsed. */
  run: (args: Record<string, unknown>, io: CliIo) => Promise<number> | number;
}
