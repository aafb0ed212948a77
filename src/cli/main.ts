import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import {
  didYouMeanHint,
  formatProblem,
  InputError,
  type InputProblem,
  InterruptedError,
  RunError,
} from '../errors.js';
import type { CommandModule, SwitchboardCommand } from './command.js';
import { commands as defaultCommands } from './commands/index.js';
import type { CliIo } from './io.js';
import { positionalNames, requireOptionValues } from './require-option-values.js';
import { terminalSafeIo } from './terminal-safe.js';
import { checkOutputsAreNotInputs } from './output-not-input.js';
import { flagName, optionKey } from './flag-names.js';

/** Exit codes of the CLI. */
export const ExitCode = {
  ok: 0,
  runFailed: 1,
  badInput: 2,
  /** Stopped by Ctrl-C (SIGINT), as shells report it. */
  interrupted: 130,
  /** Stopped by SIGTERM. */
  terminated: 143,
} as const;

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
  // The chosen command runs only once parsing and validation have passed, from the parsed
  // arguments (`_[0]` names it): commands are declared without a yargs handler, since yargs
  // still calls one after a usage error.
  let parsed: Record<string, unknown> | undefined;
  let usageError: string | undefined;
  let output = '';
  const entries = options.commands ?? defaultCommands;
  const commandNames = entries.map((entry) => entry.command.split(' ')[0]!);

  const parser = yargs()
    .scriptName('switchboard')
    .usage('$0 <command> [options]')
    .strict()
    .demandCommand(1, NAME_A_COMMAND)
    .option('verbose', { type: 'boolean', describe: 'Print stack traces of errors', global: true })
    .help()
    .alias('help', 'h')
    .version(packageVersion())
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own YError (e.g. "Not enough arguments following: x") is bad usage; anything
      // else thrown while parsing is a bug to report as such.
      if (error && error.name !== 'YError') throw error;
      const text = message ?? error?.message ?? 'bad usage';
      // The command's options are known here only (yargs resets them after parsing).
      const { getOptions } = parser as unknown as { getOptions?: () => { key?: object } };
      const known = Object.keys(getOptions?.call(parser).key ?? {});
      const command = commandNames.find((name) => name === requested);
      usageError = unknownArguments(text, argv, known, command) ?? usageMessage(text);
    });

  skipHelpCache(parser);
  // Only the module of the command named on the line is loaded (the first word that is not a
  // flag); the others are declared by name and line, enough for the command list.
  const requested = argv.find((word) => !word.startsWith('-'));
  try {
    if (requested !== undefined && !commandNames.includes(requested)) {
      const hint =
        requested === 'help' ? 'switchboard --help' : didYouMeanHint(requested, commandNames);
      throw new InputError({
        path: 'command',
        expected: `one of ${commandNames.join(', ')} (switchboard --help describes them)`,
        received: JSON.stringify(requested),
        ...(hint ? { hint } : {}),
      });
    }
    const modules = new Map<string, CommandModule>();
    for (const entry of entries) {
      const name = entry.command.split(' ')[0]!;
      const module: CommandModule | undefined =
        'load' in entry ? (name === requested ? await entry.load() : undefined) : entry;
      if (module) modules.set(name, module);
      parser.command(entry.command, entry.describe, (y) =>
        module ? requireOptionValues(module.builder(y), positionalNames(entry.command)) : y,
      );
    }
    await new Promise<void>((resolve, reject) => {
      try {
        parser.parse([...argv], {}, (error, args, text) => {
          parsed = args as Record<string, unknown>;
          output = text ?? '';
          if (error && !usageError) usageError = error.message;
          resolve();
        });
      } catch (error) {
        reject(error);
      }
    });
    if (usageError !== undefined) {
      // No command named: the list the message points to.
      if (usageError === NAME_A_COMMAND && !output) output = await parser.getHelp();
      if (output) io.stderr(`${output.trimEnd()}\n\n`);
      io.stderr(`switchboard: ${usageError}\n`);
      return ExitCode.badInput;
    }
    if (output) io.stdout(`${output.trimEnd()}\n`);
    if (parsed) keepTypedText(parsed, argv);
    const name = (parsed?._ as unknown[] | undefined)?.[0];
    const module = typeof name === 'string' && output === '' ? modules.get(name) : undefined;
    if (module === undefined) return ExitCode.ok;
    await checkOutputsAreNotInputs(parsed!, io.cwd);
    return await module.run(parsed!, io);
  } catch (error) {
    return reportError(error, io, verbose);
  }
}

/**
 * Put back what was typed for a number option yargs could not read (`--days abc` parses to
 * NaN): the command's check then quotes `received "abc"` instead of `received NaN`. Looks for
 * `--name value` and `--name=value` under the option's key and its kebab-case spelling.
 * Cost: O(flags × words).
 */
function keepTypedText(parsed: Record<string, unknown>, argv: readonly string[]): void {
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'number' || !Number.isNaN(value)) continue;
    for (const flag of new Set([`--${key}`, `--${flagName(key)}`])) {
      const at = argv.lastIndexOf(flag);
      const joined = [...argv].reverse().find((word) => word.startsWith(`${flag}=`));
      const typed = joined?.slice(flag.length + 1) ?? (at >= 0 ? argv[at + 1] : undefined);
      if (typed !== undefined) {
        parsed[key] = typed;
        break;
      }
    }
  }
}

/** The message of a line without a command, printed after the command list. */
const NAME_A_COMMAND = 'Name a command: see the list above.';

/** The version in package.json (two folders up from src/cli/ and dist/cli/ alike). */
function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return String((JSON.parse(text) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/**
 * yargs' strict-mode message (`Unknown arguments: replicatons, b.yaml`) as our problems: each
 * unknown flag as typed, with the closest option of the command (`--replications`), and each
 * word too many. Undefined for any other message. `known` are the option names in force.
 */
function unknownArguments(
  message: string,
  argv: readonly string[],
  known: readonly string[],
  command: string | undefined,
): string | undefined {
  const list = /^Unknown arguments?: (.+)$/.exec(message);
  if (!list) return undefined;
  const unknown = new Set(list[1]!.split(', '));
  const options = known.map((name) => `--${name}`);
  const of = command === undefined ? 'switchboard' : `switchboard ${command}`;
  const problems: InputProblem[] = [];
  const flagged = new Set<string>();
  for (const word of argv) {
    if (!/^--?[A-Za-z_]/.test(word)) continue;
    const name = word.replace(/^--?/, '').split('=')[0]!;
    if (!unknown.has(name) && !unknown.has(optionKey(name))) continue;
    flagged.add(name).add(optionKey(name));
    const typed = word.split('=')[0]!;
    const hint = didYouMeanHint(typed.replace(/^-(?=[^-])/, '--'), options);
    problems.push({
      path: typed,
      expected: `an option of ${of} (${of} --help lists them)`,
      received: JSON.stringify(typed),
      ...(hint ? { hint } : {}),
    });
  }
  for (const word of unknown) {
    if (flagged.has(word)) continue;
    problems.push({
      path: 'arguments',
      expected: `no more arguments after those of ${of} (${of} --help shows its usage)`,
      received: JSON.stringify(word),
    });
  }
  return problems.length === 0 ? undefined : new InputError(problems).message;
}

/**
 * yargs' message for values outside an option's `choices` (`Invalid values:` then one
 * `Argument: method, Given: "holt", Choices: "auto", …` line per option) as our problems, with
 * the closest choice. Undefined when a line does not read as expected.
 */
function invalidChoices(message: string): string | undefined {
  const problems: InputProblem[] = [];
  for (const line of message.split('\n').slice(1)) {
    const parts = /^\s*Argument: (.+?), Given: (.+?), Choices: (.+)$/.exec(line);
    if (!parts) return undefined;
    const choices = [...parts[3]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
    const given = /^"(.*)"$/.exec(parts[2]!)?.[1] ?? parts[2]!;
    const hint = didYouMeanHint(given, choices);
    problems.push({
      path: parts[1]!.length === 1 ? `-${parts[1]!}` : `--${parts[1]!}`,
      expected: `one of ${choices.join(', ')}`,
      received: parts[2]!,
      ...(hint ? { hint } : {}),
    });
  }
  return problems.length === 0 ? undefined : new InputError(problems).message;
}

/**
 * yargs' usage message, in our `path: expected …, received …` form where we know better:
 * an option given without its value (`--horizon` last, or followed by another flag).
 */
function usageMessage(message: string): string {
  const invalid = /^Invalid values:\n/.test(message) ? invalidChoices(message) : undefined;
  if (invalid !== undefined) return invalid;
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
  if (error instanceof InterruptedError)
    return error.signal === 'SIGINT' ? ExitCode.interrupted : ExitCode.terminated;
  if (verbose && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else if (!(error instanceof RunError)) io.stderr('(run again with --verbose for details)\n');
  return ExitCode.runFailed;
}

/**
 * yargs renders a command's whole help text after running it, to cache it for a later failure
 * (`usage.cacheHelpMessage`): a third of `switchboard staff`'s start-up, for text we never show
 * (our failures print their own message). Turn that cache off; help asked for (`--help`) is
 * rendered as before. Guarded: if a yargs version lacks the hook, nothing changes.
 */
function skipHelpCache(parser: Argv): void {
  const internal = (parser as unknown as { getInternalMethods?: () => unknown }).getInternalMethods;
  const usage = (
    internal?.call(parser) as { getUsageInstance?: () => Record<string, unknown> } | undefined
  )?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}
