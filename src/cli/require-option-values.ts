import type { Argv } from 'yargs';

/**
 * The names of a yargs command string's positionals: `audit <files..>` → `['files']`,
 * `simulate <scenario> [more..]` → `['scenario', 'more']`. Cost: O(length).
 */
export function positionalNames(command: string): string[] {
  return [...command.matchAll(/[<[]([^<>[\]|.\s]+)(?:\.\.)?[>\]]/g)].map((m) => m[1]!);
}

/** The part of yargs' declared options that {@link requireOptionValues} reads. */
interface DeclaredOptions {
  string: string[];
  number: string[];
  array: string[];
  boolean: string[];
  count: string[];
  alias: Record<string, string[]>;
}

/**
 * Make every option of `y` that takes a value (a string or a number, not a boolean, an array or
 * a positional) take the next word as its value even when it begins with a minus and a digit.
 * yargs otherwise reads `--horizon -1h` as the flags `-1` and `-h`, and `--aht -3m` as `-3` and
 * `-m`, so the user got yargs' help or an unknown-argument message instead of the command's
 * own one-line error naming the flag. Marking the option `requiresArg` (yargs-parser `nargs: 1`)
 * makes it eat the next word unless that word looks like a flag (`-` then a non-digit:
 * `--json`, `-h`), in which case yargs reports "Not enough arguments following: horizon"
 * (exit 2) rather than silently using an empty value or the default. Call it after the
 * command's builder has declared its options. Cost: O(options).
 */
export function requireOptionValues(y: Argv, positionals: readonly string[] = []): Argv {
  // yargs 18 has getOptions() (its declared options by type); @types/yargs does not declare it.
  const withOptions = y as Argv & { getOptions?: () => DeclaredOptions };
  if (typeof withOptions.getOptions !== 'function')
    throw new TypeError('requireOptionValues: this yargs has no getOptions()');
  const options = withOptions.getOptions();
  const skip = new Set([...options.array, ...options.boolean, ...options.count, ...positionals]);
  for (const name of positionals) for (const alias of options.alias[name] ?? []) skip.add(alias);
  const valued = [...options.string, ...options.number].filter((key) => !skip.has(key));
  if (valued.length > 0) y.requiresArg([...new Set(valued)]);
  return y;
}
