import { lstatSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputError } from '../errors.js';
import { flagName, optionKey } from './flag-names.js';

/** The options that name files a command writes. */
const OUTPUT_FLAGS = ['out', 'queue-log', 'report'];

/**
 * Refuse, before any work, an output file that is one of the command's own inputs
 * (`forecast --history h.csv --out h.csv`, `simulate s.yaml --queue-log s.yaml`): the write
 * would replace the input, whole, with the results. `args` are the parsed arguments of the
 * command (options and positionals by name); an output is compared with every other argument
 * that names an existing file (a scenario's `#variant` suffix aside), by device and inode, so
 * another spelling or a hard link of the input is caught too. An output that is a symbolic link
 * is never followed by the write, so it clobbers nothing. Throws an InputError naming the
 * flag. Cost: a stat per argument.
 */
export function checkOutputsAreNotInputs(args: Record<string, unknown>, cwd: string): void {
  const outputKeys = new Set(OUTPUT_FLAGS.flatMap((f) => [f, optionKey(f)]));
  const inputs: { name: string; text: string; id: string }[] = [];
  for (const [key, value] of Object.entries(args)) {
    if (key === '_' || key === '$0' || outputKeys.has(key) || key.includes('-')) continue;
    for (const text of Array.isArray(value) ? value : [value]) {
      if (typeof text !== 'string' || text === '') continue;
      const id = fileId(text, cwd, statSync) ?? fileId(text.replace(/#[^/]*$/, ''), cwd, statSync);
      if (id !== undefined) inputs.push({ name: key, text, id });
    }
  }
  for (const flag of OUTPUT_FLAGS) {
    const value = args[flag];
    if (typeof value !== 'string' || value === '') continue;
    const id = fileId(value, cwd, lstatSync);
    const input = inputs.find((i) => i.id === id);
    if (id !== undefined && input !== undefined)
      throw inputError(`--${flag}`, "a file other than the command's inputs", value, {
        hint: `it is ${positional(input.name) ? `the input ${JSON.stringify(input.text)}` : `the --${flagName(input.name)} file`}, which the write would replace`,
      });
  }
}

/** `dev:ino` of the regular file at `text` (relative to `cwd`), or undefined. */
function fileId(text: string, cwd: string, stat: typeof statSync): string | undefined {
  try {
    const info = stat(resolve(cwd, text));
    return info.isFile() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}

function positional(name: string): boolean {
  return name === 'scenario' || name === 'scenarios' || name === 'files';
}
