import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { InputError, inputError } from '../errors.js';
import { mergePatch } from './merge-patch.js';
import { parseScenario } from './parse-scenario.js';
import type { Scenario } from './scenario-types.js';
import { didYouMeanHint } from '../errors.js';
import { HEAP_BYTES_PER_YAML_BYTE } from '../io/memory-budget.js';
import { readInputText, readFailure } from '../io/read-input-file.js';

/** The largest scenario file read: 16 MB (a scenario is a few kilobytes). */
const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;

/**
 * Read a scenario document (YAML, of which JSON is a subset) from text. Syntax errors name the
 * file, line and column. Cost: linear in the text.
 */
export function readScenarioDocument(text: string, file?: string): Record<string, unknown> {
  const parsed = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  // The parser recurses once per level: a document nested too deep (sub-menus inside sub-menus
  // by the hundred) exhausts the stack, which it reports as a syntax error at that column.
  const tooDeep = parsed.errors.find((e) => /Maximum call stack size exceeded/.test(e.message));
  if (tooDeep)
    throw inputError(
      tooDeep.linePos
        ? `line ${tooDeep.linePos[0].line}, column ${tooDeep.linePos[0].col}`
        : '(document)',
      'a document nested less deep (sub-menus a few hundred levels deep at most)',
      'deeper than the reader can follow',
      { file, raw: true },
    );
  if (parsed.errors.length > 0) {
    throw new InputError(
      parsed.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '(document)',
        expected: 'valid YAML or JSON',
        received: (e.message.split('\n')[0] ?? e.code).replace(/ at line \d+, column \d+:?$/, ''),
      })),
      file,
    );
  }
  let value: unknown;
  try {
    // An alias expanded past 100 nodes (a "billion laughs" bomb) is refused, not expanded.
    value = parsed.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw inputError('(document)', 'valid YAML or JSON', (error as Error).message, {
      file,
      raw: true,
      hint: 'aliases (*name) may expand to at most 100 nodes',
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw inputError(
      '(top level)',
      'a scenario: a mapping with name, arrivals, reasons, queues',
      value,
      { file },
    );
  return value as Record<string, unknown>;
}

/** The names of the `variants:` a scenario document declares. */
export function variantNames(document: Record<string, unknown>): string[] {
  const variants = document.variants;
  return variants !== null && typeof variants === 'object' ? Object.keys(variants) : [];
}

/**
 * The document of variant `name`: the base with the variant's merge patch applied (and without
 * `variants`). Throws an {@link InputError} with "did you mean" for an unknown name.
 */
export function applyVariant(
  document: Record<string, unknown>,
  name: string,
  file?: string,
): Record<string, unknown> {
  const names = variantNames(document);
  if (!names.includes(name)) {
    const hint = didYouMeanHint(name, names);
    throw inputError(
      'variants',
      `the name of a variant (defined: ${names.join(', ') || 'none'})`,
      name,
      {
        file,
        ...(hint ? { hint } : {}),
      },
    );
  }
  const patch = (document.variants as Record<string, unknown>)[name];
  const { variants: _omit, ...base } = document;
  const patched = mergePatch(base, patch) as Record<string, unknown>;
  if (typeof patched.name === 'string' && patched.name === base.name)
    patched.name = `${base.name} — ${name}`;
  return patched;
}

/** Options of {@link loadScenario}. */
export interface LoadScenarioOptions {
  /** Load this variant of the scenario instead of its base. */
  variant?: string;
  /**
   * The path as the user typed it (`scenarios/baseline.yaml`), named in messages and as the
   * scenario's `file` instead of the path read (which a command resolves against its working
   * directory). With `#variant` when `path` has one.
   */
  shown?: string;
}

/**
 * The file and variant a scenario path names: `base.yaml`, or `base.yaml#variant`, where the
 * variant's name may itself hold `#` (the file is the shortest prefix before a `#` that exists;
 * the last `#` when none does, for the error).
 */
export function scenarioPath(path: string): { file: string; variant: string | undefined } {
  let hash = path.indexOf('#');
  while (hash > 0 && !existsSync(path.slice(0, hash))) hash = path.indexOf('#', hash + 1);
  if (hash < 0 && !existsSync(path)) hash = path.lastIndexOf('#');
  return hash > 0
    ? { file: path.slice(0, hash), variant: path.slice(hash + 1) }
    : { file: path, variant: undefined };
}

/**
 * The text of a scenario file, or an {@link InputError} naming it as `shown` (the path as typed;
 * the file by default). Size limited.
 */
export function readScenarioText(file: string, shown = file): string {
  try {
    return readInputText(file, MAX_SCENARIO_BYTES, HEAP_BYTES_PER_YAML_BYTE);
  } catch (error) {
    throw inputError('scenario', 'a readable scenario file', shown, { hint: readFailure(error) });
  }
}

/**
 * Load a scenario file (`base.yaml`, or `base.yaml#variant` / `options.variant` for one of its
 * named variants), validate it and compile it. Throws an {@link InputError} naming the file (as
 * `options.shown` when given) and every problem. Cost: reading and validating the file.
 */
export function loadScenario(path: string, options: LoadScenarioOptions = {}): Scenario {
  const named = scenarioPath(path);
  if (options.variant !== undefined && named.variant !== undefined)
    throw inputError(
      '--variant',
      'one variant: in the path (file.yaml#name) or with --variant',
      `"${options.variant}" and "#${named.variant}" in the scenario path`,
      { raw: true },
    );
  const { file, variant } =
    options.variant === undefined ? named : { file: path, variant: options.variant };
  // The typed path less the same `#variant` the read path has.
  const suffix = path.slice(file.length);
  const shown =
    options.shown === undefined
      ? file
      : options.shown.endsWith(suffix)
        ? options.shown.slice(0, options.shown.length - suffix.length)
        : options.shown;
  const text = readScenarioText(file, shown);
  let document = readScenarioDocument(text, shown);
  if (variant !== undefined) document = applyVariant(document, variant, shown);
  const label = variant !== undefined ? `${shown}#${variant}` : shown;
  return parseScenario(document, { file: label, baseDir: dirname(resolve(file)) });
}
