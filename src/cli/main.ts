import yargs from 'yargs';
import { formatProblem, InputError, RunError } from '../errors.js';
import type { SwitchboardCommand } from './command.js';
import { commands as defaultCommands } from './commands/index.js';
import type { CliIo } from './io.js';
import { positionalNames, requireOptionValues } from './require-option-values.js';
import { terminalSafeIo } from './terminal-safe.js';

/** Exit codes of the CLI. */
export const ExitCode = { ok: 0, runFailed: 1, badInput: 2 } as const;

/** Options of {@link main}, for tests that register their own commands. */
export interface MainOptions {
  commands?: readonly SwitchboardCommand[];
}

/**
 * Run `switchboard` with `argv` (without the node and script paths), writing to `io`.
 * Returns the exit code: 0 ok, 1 the run failed, 2 bad usage or bad input. Never throws for
 * user errors and prints no stack trace unless `--verbose` is given.
 */
export async function main(
  argv: readonly string[],
  rawIo: CliIo,
  options: MainOptions = {},
): Promise<number> {
  // Names from records and scenarios end up in summaries and errors: no control sequence of
  // theirs reaches the terminal (or a log file) as such.
  const io = terminalSafeIo(rawIo);
  const verbose = argv.includes('--verbose');
  // The chosen command, run only once parsing and validation have passed: yargs still calls
  // the handler after a usage error (our fail() does not throw), which used to start the run
  // anyway and crash the process when it threw.
  let pending: (() => Promise<number> | number) | undefined;
  let usageError: string | undefined;
  let output = '';

  const parser = yargs()
    .scriptName('switchboard')
    .usage('$0 <command> [options]')
    .strict()
    .demandCommand(1, 'Name a command: see the list above.')
    .recommendCommands()
    .option('verbose', { type: 'boolean', describe: 'Print stack traces of errors', global: true })
    .help()
    .alias('help', 'h')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own YError (e.g. "Not enough arguments following: x") is bad usage; anything
      // else thrown while parsing is a bug to report as such.
      if (error && error.name !== 'YError') throw error;
      usageError = usageMessage(message ?? error?.message ?? 'bad usage');
    });

  for (const command of options.commands ?? defaultCommands) {
    parser.command(
      command.command,
      command.describe,
      (y) => requireOptionValues(command.builder(y), positionalNames(command.command)),
      (args) => {
        // yargs still calls the handler after a usage error (an unknown flag, say): only note
        // the command here; it runs after parsing, when there was no usage error.
        pending = () => command.run(args as Record<string, unknown>, io);
      },
    );
  }

  try {
    await new Promise<void>((resolve, reject) => {
      try {
        parser.parse([...argv], {}, (error, _args, text) => {
          output = text ?? '';
          if (error && !usageError) usageError = error.message;
          resolve();
        });
      } catch (error) {
        reject(error);
      }
    });
    if (usageError !== undefined) {
      if (output) io.stderr(`${output.trimEnd()}\n\n`);
      io.stderr(`switchboard: ${usageError}\n`);
      return ExitCode.badInput;
    }
    if (output) io.stdout(`${output.trimEnd()}\n`);
    if (pending === undefined) return ExitCode.ok;
    return await pending();
  } catch (error) {
    return reportError(error, io, verbose);
  }
}

/**
 * yargs' usage message, in our `path: expected …, received …` form where we know better:
 * an option given without its value (`--horizon` last, or followed by another flag).
 */
function usageMessage(message: string): string {
  const missing = /^Not enough arguments following: (.+)$/.exec(message);
  if (!missing) return message;
  const name = missing[1]!;
  const path = name.length === 1 ? `-${name}` : `--${name}`;
  return formatProblem({
    path,
    expected: 'a value',
    received: 'nothing',
    hint: `a word starting with "-" and a letter is a flag; write ${path}=VALUE for such a value`,
  });
}

function reportError(error: unknown, io: CliIo, verbose: boolean): number {
  if (error instanceof InputError) {
    io.stderr(`switchboard: ${error.message}\n`);
    if (verbose && error.stack) io.stderr(`${error.stack}\n`);
    return ExitCode.badInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`switchboard: ${message}\n`);
  if (verbose && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else if (!(error instanceof RunError)) io.stderr('(run again with --verbose for details)\n');
  return ExitCode.runFailed;
}
