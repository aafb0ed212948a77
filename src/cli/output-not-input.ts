import { lstatSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputError } from '../errors.js';
import { fileId } from '../io/file-id.js';
import { flagName, optionKey } from './flag-names.js';

/** The options that name files a command writes. */
const OUTPUT_FLAGS = ['out', 'queue-log', 'report'];

/** The positional arguments that name scenarios, whose own files are inputs too. */
const SCENARIO_ARGUMENTS = new Set(['scenario', 'scenarios']);

/**
 * Refuse, before any work, an output file that is one of the command's own inputs
 * (`forecast --history h.csv --out h.csv`, `simulate s.yaml --queue-log s.yaml`): the write
 * would replace the input, whole, with the results. `args` are the parsed arguments of the
 * command (options and positionals by name). The inputs are every other argument that names an
 * existing file (a scenario's `#variant` suffix aside) and, for a scenario, the files it names
 * (a forecast CSV, profile CSVs: its variants' too; see filesNamedByScenario). Files are
 * compared by device and inode, so another spelling or a hard link of the input is caught too.
 * An output that is a symbolic link is never followed by the write, so it clobbers nothing.
 * Throws an InputError naming the flag and the input. Cost: a stat per argument; when an output
 * file exists already, reading each scenario's YAML once more.
 */
export async function checkOutputsAreNotInputs(
  args: Record<string, unknown>,
  cwd: string,
): Promise<void> {
  const outputs: { flag: string; value: string; id: string }[] = [];
  for (const flag of OUTPUT_FLAGS) {
    const value = args[flag];
    if (typeof value !== 'string' || value === '') continue;
    const id = idAt(value, cwd, lstatSync);
    if (id !== undefined) outputs.push({ flag, value, id });
  }
  // An output that is not there yet replaces nothing.
  if (outputs.length === 0) return;
  const outputKeys = new Set(OUTPUT_FLAGS.flatMap((f) => [f, optionKey(f)]));
  const inputs: { id: string; what: string }[] = [];
  for (const [key, value] of Object.entries(args)) {
    if (key === '_' || key === '$0' || outputKeys.has(key) || key.includes('-')) continue;
    for (const text of Array.isArray(value) ? value : [value]) {
      if (typeof text !== 'string' || text === '') continue;
      const id = idAt(text, cwd, statSync) ?? idAt(text.replace(/#[^/]*$/, ''), cwd, statSync);
      if (id === undefined) continue;
      const positional = SCENARIO_ARGUMENTS.has(key) || key === 'files';
      inputs.push({
        id,
        what: positional ? `the input ${JSON.stringify(text)}` : `the --${flagName(key)} file`,
      });
      if (!SCENARIO_ARGUMENTS.has(key)) continue;
      const { filesNamedByScenario } = await import('../scenario/named-files.js');
      for (const named of filesNamedByScenario(resolve(cwd, text))) {
        const namedId = idAt(named.path, cwd, statSync);
        if (namedId !== undefined)
          inputs.push({
            id: namedId,
            what: `${JSON.stringify(named.text)} (${named.at} of ${JSON.stringify(text)})`,
          });
      }
    }
  }
  for (const output of outputs) {
    const input = inputs.find((i) => i.id === output.id);
    if (input !== undefined)
      throw inputError(`--${output.flag}`, "a file other than the command's inputs", output.value, {
        hint: `it is ${input.what}, which the write would replace`,
      });
  }
}

/** `dev:ino` of the regular file at `text` (relative to `cwd`), or undefined. */
function idAt(text: string, cwd: string, stat: typeof statSync): string | undefined {
  return fileId(resolve(cwd, text), stat);
}
