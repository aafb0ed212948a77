import type { Argv } from 'yargs';
import type { CliIo } from './io.js';

/**
 * What a command's module exports: its yargs options and a handler returning the exit code
 * (0 ok, 1 run failed, 2 bad input). Handlers stay thin: parse flags, call the library, print.
 * They throw {@link InputError} for bad input; `main` turns it into one line and exit code 2.
 */
export interface CommandModule {
  /** Declare the command's options. */
  builder: (yargs: Argv) => Argv;
  /** Run it. `args` is what yargs parsed. */
  run: (args: Record<string, unknown>, io: CliIo) => Promise<number> | number;
}

/**
 * One `switchboard` sub-command as registered: its yargs command string and its line in the
 * command list, with either its module or a loader of it (`load`, called only when that
 * command runs or shows its own help, so other commands' dependencies are never loaded).
 */
export type SwitchboardCommand = {
  /** yargs command string, e.g. `staff` or `simulate <scenario>`. */
  command: string;
  /** One line for the command list. */
  describe: string;
} & (CommandModule | { load: () => Promise<CommandModule> });
