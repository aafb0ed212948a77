import { createRequire } from 'node:module';
import type { Ajv, ErrorObject } from 'ajv';
import { describeReceived, type InputProblem } from '../errors.js';
import { scenarioSchema } from './scenario-schema.js';
import { didYouMeanHint } from '../errors.js';

/** Fields renamed since earlier versions of the format, with the new name. */
const RENAMED: ReadonlyMap<string, string> = new Map([
  ['lostCall', 'renamed "lostNeed": one price per need that ends unresolved, whatever its path'],
]);

let compiled: ReturnType<Ajv['compile']> | undefined;

function validator(): ReturnType<Ajv['compile']> {
  if (compiled === undefined) {
    // Ajv is loaded by the first scenario read, not by commands that read none.
    const { Ajv: AjvClass } = createRequire(import.meta.url)('ajv') as { Ajv: typeof Ajv };
    const ajv = new AjvClass({ allErrors: true, verbose: true, strict: false });
    compiled = ajv.compile(scenarioSchema);
  }
  return compiled;
}

/** `/ivr/options/2/routes/0` → `ivr.options[2].routes[0]`. */
export function pointerToPath(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else path += path === '' ? part : `.${part}`;
  }
  return path;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function expectation(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  const schema = error.parentSchema as Record<string, unknown> | undefined;
  const described = typeof schema?.description === 'string' ? schema.description : undefined;
  switch (error.keyword) {
    case 'type':
      return `a value of type ${String(p.type)}`;
    case 'minimum':
      return described ?? `a number ≥ ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return described ?? `a number > ${String(p.limit)}`;
    case 'maximum':
      if (described !== undefined) return described;
      return `a number ≤ ${String(p.limit)}${p.limit === 1 ? ' (a probability is in [0, 1])' : ''}`;
    case 'enum':
      return `one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return described ?? patternExpectation(String(p.pattern));
    case 'anyOf':
      return described ?? 'a value of one of the allowed forms (see docs/scenario-format.md)';
    case 'minItems':
      return `a list of at least ${String(p.limit)}`;
    case 'minProperties':
      return `at least ${String(p.limit)} entry`;
    case 'minLength':
      return 'a non-empty name';
    case 'const':
      return JSON.stringify(p.allowedValue);
    default:
      return error.message ?? error.keyword;
  }
}

/** What a string matching `pattern` (one of the schema's) is, in words. */
function patternExpectation(pattern: string): string {
  return /:/.test(pattern)
    ? pattern.includes('-(')
      ? 'a time range HH:MM-HH:MM'
      : 'a time of day HH:MM'
    : /\\d\{4\}/.test(pattern)
      ? 'a date YYYY-MM-DD'
      : 'a duration such as 26s, 3m, 1.5h or a number of seconds';
}

/**
 * What a key of a map must be, from the map's `propertyNames` schema (`{ anyOf: [{ const:
 * 'default' }, timeRange] }` → `"default" or a time range HH:MM-HH:MM`), and the fixed names
 * it allows (for "did you mean").
 */
function keyExpectation(schema: Record<string, unknown>): { expected: string; names: string[] } {
  if (Array.isArray(schema.anyOf)) {
    const parts = (schema.anyOf as Record<string, unknown>[]).map(keyExpectation);
    return {
      expected: parts.map((k) => k.expected).join(' or '),
      names: parts.flatMap((k) => k.names),
    };
  }
  if (typeof schema.const === 'string')
    return { expected: JSON.stringify(schema.const), names: [schema.const] };
  if (Array.isArray(schema.enum)) {
    const names = schema.enum.filter((v): v is string => typeof v === 'string');
    return { expected: `one of ${names.map((v) => JSON.stringify(v)).join(', ')}`, names };
  }
  if (typeof schema.pattern === 'string')
    return { expected: patternExpectation(schema.pattern), names: [] };
  const { minLength, maxLength } = schema;
  if (typeof maxLength === 'number')
    return {
      expected: `a name of ${minLength === 1 ? '1 to ' : 'at most '}${maxLength} characters`,
      names: [],
    };
  if (typeof minLength === 'number') return { expected: 'a non-empty name', names: [] };
  return { expected: 'a key of the allowed form (see docs/scenario-format.md)', names: [] };
}

function valueAt(document: unknown, pointer: string): unknown {
  let value = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Check a parsed scenario document against {@link scenarioSchema}. Returns every problem with
 * its path (`ivr.options[2].routes[0].probability`), what was expected, what was received and,
 * for a misspelt field, "did you mean". Cost: linear in the document's size.
 */
export function validateDocument(document: unknown): InputProblem[] {
  const validate = validator();
  if (validate(document)) return [];
  const errors = validate.errors ?? [];
  // anyOf errors come with one error per failed branch: keep the anyOf one only, unless the
  // value is a map that one branch alone accepts the type of (`callsPerDay` given per
  // weekday): then that branch's errors say what is wrong inside it (a misspelt weekday, a bad
  // number), at their own paths.
  const branchOf = (anyOf: ErrorObject, error: ErrorObject): number | undefined => {
    const prefix = `${anyOf.schemaPath}/`;
    if (!error.schemaPath.startsWith(prefix) || !error.instancePath.startsWith(anyOf.instancePath))
      return undefined;
    return Number(error.schemaPath.slice(prefix.length).split('/')[0]);
  };
  const chosen = new Map<ErrorObject, number>();
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    const branches = new Set<number>();
    const wrongType = new Set<number>();
    for (const error of errors) {
      const branch = branchOf(anyOf, error);
      if (branch === undefined) continue;
      branches.add(branch);
      if (error.keyword === 'type' && error.instancePath === anyOf.instancePath)
        wrongType.add(branch);
    }
    const typed = [...branches].filter((b) => !wrongType.has(b));
    const isMap =
      anyOf.data !== null && typeof anyOf.data === 'object' && !Array.isArray(anyOf.data);
    if (isMap && typed.length === 1) chosen.set(anyOf, typed[0]!);
  }
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (chosen.has(error)) continue;
    if (
      error.keyword !== 'anyOf' &&
      errors.some((a) => {
        if (a.keyword !== 'anyOf') return false;
        const branch = branchOf(a, error);
        return branch !== undefined && branch !== chosen.get(a);
      })
    ) {
      continue;
    }
    // A bad key is reported by its propertyNames error (which names it), not by the errors of
    // the key's own check (which name the map only).
    if (error.keyword === 'if' || error.schemaPath.includes('/propertyNames/')) continue;
    const path = pointerToPath(error.instancePath);
    let problem: InputProblem;
    if (error.keyword === 'propertyNames') {
      const key = String((error.params as { propertyName: string }).propertyName);
      const { expected, names } = keyExpectation(error.schema as Record<string, unknown>);
      problem = {
        path: key.length <= 64 ? join(path, key) : path,
        expected: `a key: ${expected}`,
        received: describeReceived(key),
      };
      const suggestion = didYouMeanHint(key, names);
      if (suggestion) problem.hint = suggestion;
    } else if (error.keyword === 'additionalProperties') {
      const field = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys(
        ((error.parentSchema as Record<string, unknown>).properties as object) ?? {},
      );
      problem = {
        path: join(path, field),
        expected: `no such field here (known: ${known.join(', ')})`,
        received: describeReceived(valueAt(document, `${error.instancePath}/${field}`)),
      };
      const suggestion = didYouMeanHint(field, known);
      const renamed = RENAMED.get(field);
      if (renamed) problem.hint = renamed;
      else if (suggestion) problem.hint = suggestion;
    } else if (error.keyword === 'required') {
      const field = String((error.params as { missingProperty: string }).missingProperty);
      problem = { path: join(path, field), expected: 'a value (required)', received: 'nothing' };
    } else {
      problem = {
        path: path === '' ? '(top level)' : path,
        expected: expectation(error),
        received: describeReceived(error.data),
      };
      if (error.keyword === 'enum' && typeof error.data === 'string') {
        const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
        const suggestion = didYouMeanHint(
          error.data,
          allowed.filter((v): v is string => typeof v === 'string'),
        );
        if (suggestion) problem.hint = suggestion;
      }
    }
    const key = `${problem.path}|${problem.expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
