import { dirname, resolve } from 'node:path';
import { mergePatch } from './merge-patch.js';
import { readScenarioDocument, readScenarioText, scenarioPath } from './load-scenario.js';

type Doc = Record<string, unknown>;

/** A file a scenario names, which a command that reads the scenario reads too. */
export interface NamedFile {
  /** Where it is: resolved against the scenario file's directory, as the scenario reader does. */
  path: string;
  /** The path as the scenario writes it. */
  text: string;
  /** Where the scenario names it: `arrivals.forecast`, `variants.peak → arrivals.forecast`. */
  at: string;
}

function isDoc(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The fields of a scenario document that name a file, with the file as written: the forecast
 * CSV (`arrivals.forecast`) and every intraday profile given as a CSV path (arrivals' and each
 * reason's). parse-scenario reads these very fields.
 */
export function fileFields(document: Doc): { at: string; text: string }[] {
  const found: { at: string; text: string }[] = [];
  const add = (at: string, value: unknown) => {
    if (typeof value === 'string' && value !== '') found.push({ at, text: value });
  };
  const arrivals = isDoc(document.arrivals) ? document.arrivals : {};
  add('arrivals.forecast', arrivals.forecast);
  add('arrivals.intradayProfile', arrivals.intradayProfile);
  if (isDoc(document.reasons))
    for (const [name, reason] of Object.entries(document.reasons))
      if (isDoc(reason)) add(`reasons.${name}.intradayProfile`, reason.intradayProfile);
  return found;
}

/**
 * The files a scenario reads besides itself ({@link fileFields}), in its base and in each of its
 * variants, each once. `path` is the scenario as a command is given it (`base.yaml`, or
 * `base.yaml#variant`: every variant is listed anyway). Empty when the scenario cannot be read
 * or parsed (loading it reports why). Cost: reading and parsing the scenario's YAML.
 */
export function filesNamedByScenario(path: string): NamedFile[] {
  const { file } = scenarioPath(path);
  let document: Doc;
  try {
    document = readScenarioDocument(readScenarioText(file));
  } catch {
    return [];
  }
  const directory = dirname(resolve(file));
  const { variants, ...base } = document;
  const documents: [string, Doc][] = [['', base]];
  if (isDoc(variants))
    for (const [name, patch] of Object.entries(variants)) {
      const patched = mergePatch(base, patch);
      if (isDoc(patched)) documents.push([`variants.${name} → `, patched]);
    }
  const files = new Map<string, NamedFile>();
  for (const [prefix, doc] of documents)
    for (const { at, text } of fileFields(doc)) {
      const resolved = resolve(directory, text);
      if (!files.has(resolved)) files.set(resolved, { path: resolved, text, at: `${prefix}${at}` });
    }
  return [...files.values()];
}
