import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { expectHandled, fuzzHarness } from './fuzz-harness.js';

// Issue 15's fuzz suite, by structure: a valid file (a scenario, a column map, a history CSV)
// with random parts replaced, removed or renamed by hostile values — wrong types, out-of-range
// numbers, object-key names, empty containers. Every case must end with exit 0 or 2 (one
// message naming where, no stack trace), in bounded time. Seeded by test/fast-check-seed.ts.

const { dir, file, run } = fuzzHarness('hostile-structure');
// The starter scenario reads its intraday profile from a CSV beside it.
copyFileSync('scenarios/small-hospital-profile.csv', join(dir, 'small-hospital-profile.csv'));

/** A value of any type a YAML file can hold, mostly hostile. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
    Infinity,
    -Infinity,
    Number.NaN,
    '',
    'x',
    '__proto__',
    'constructor',
    'toString',
    '-1s',
    '1e9h',
    '99:99',
    '24:00',
    '00:00-24:00',
    '2026-02-30',
    'Mars/Olympus',
    'exponential',
    '=1+1',
    [],
    {},
    [[[]]],
    { __proto__: null, constructor: 1 },
  ),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), {
    maxKeys: 3,
  }),
);

/** Every path (list of keys) to a value inside `value`. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value as Record<string, unknown>);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

/**
 * A number of the kind that breaks arithmetic: zero, negative, tiny, huge, not whole. Values
 * the scenario accepts that only scale the work (a million calls a day is allowed, and takes
 * its time) stay under 20,000, so each case runs in seconds; larger ones are refused at once.
 */
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1e-9, 5e-324, 0.999999, 1.000001, 1e7, 1e9, 1e15, 1e308, 2 ** 31, 2 ** 53),
  fc.double({ min: -10, max: 20_000, noNaN: true }),
  fc.integer({ min: -5, max: 20_000 }),
);

/** A string of the kinds scenarios and maps hold: durations, times, ranges, dates, names. */
const hostileText = fc.oneof(
  fc.constantFrom('0s', '1e9s', '-5m', '0.0001s', '24h', '9999h', '00:00', '23:59', '24:00'),
  fc.constantFrom('23:59-00:01', '12:00-12:00', '2026-02-29', '1900-01-01', '2100-01-01'),
  fc.constantFrom('Pacific/Chatham', 'Asia/Kathmandu', 'America/St_Johns', 'UTC', 'Etc/GMT+14'),
  fc.constantFrom('warm', 'wild', 'none', 'available', 'exponential', 'deterministic', 'gamma'),
  fc.string({ maxLength: 6 }),
);

/**
 * One change to a document: replace a value by one of any type, or of its own type (so the
 * change gets past the schema to the checks and the arithmetic behind it), remove it, or
 * rename its key.
 */
const change = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'typed', 'typed', 'typed', 'remove', 'rename'),
  value: anyValue,
  number: hostileNumber,
  text: hostileText,
  name: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', '', ' '), fc.string()),
});

/** `document` (a fresh copy) with `changes` applied. */
function mutate(
  document: unknown,
  changes: {
    at: number;
    kind: string;
    value: unknown;
    number: number;
    text: string;
    name: string;
  }[],
): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  for (const c of changes) {
    const paths = pathsOf(copy).filter((p) => p.length > 0);
    if (paths.length === 0) break;
    const path = paths[c.at % paths.length]!;
    let parent: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    const old = parent[key];
    if (c.kind === 'typed' && typeof old === 'number') parent[key] = c.number;
    else if (c.kind === 'typed' && typeof old === 'string') parent[key] = c.text;
    else if (c.kind === 'typed' && typeof old === 'boolean') parent[key] = !old;
    else if (c.kind === 'replace' || c.kind === 'typed') parent[key] = c.value;
    else if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else if (c.kind === 'remove') delete parent[key];
    else {
      const value = parent[key];
      delete parent[key];
      Object.defineProperty(parent, c.name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return copy;
}

describe('fuzzed structure', () => {
  it('a scenario with random parts replaced, removed or renamed: simulate runs or refuses', async () => {
    const base = parse(readFileSync('scenarios/small-hospital.yaml', 'utf8'));
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
        const scenario = file(stringify(mutate(base, changes)), 'yaml');
        expectHandled(await run(['simulate', scenario, '--days', '1', '--replications', '1']));
      }),
      { numRuns: 60 },
    );
  });

  it('a column map with random parts changed: audit reads or refuses', async () => {
    const map = parse(readFileSync('audit-maps/anonymous-bank-1999.yaml', 'utf8'));
    const header =
      'vru+line,call_id,customer_id,priority,type,date,vru_entry,vru_exit,vru_time,q_start,q_exit,q_time,outcome,ser_start,ser_exit,ser_time,server';
    const rows = [
      'AA0101,33116,9664491,2,PS,990101,0:00:31,0:00:36,5,0:00:36,0:03:09,153,HANG,0:00:00,0:00:00,0,NO_SERVER',
      'AA0101,33117,0,0,PS,990101,0:34:12,0:34:23,11,0:00:00,0:00:00,0,HANG,0:00:00,0:00:00,0,NO_SERVER',
      'AA0101,33118,27290495,2,PS,990101,6:55:20,6:55:26,6,6:55:26,6:55:43,17,AGENT,6:55:43,6:56:37,54,MICHAL',
    ];
    const calls = file(`${header}\n${rows.join('\n')}\n`, 'csv');
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
        const path = file(stringify(mutate(map, changes)), 'yaml');
        const result = await run(['audit', calls, '--map', path, '--json']);
        expectHandled(result);
        if (result.code === 0) {
          const input = JSON.parse(result.out).input[0];
          expect(input.lines).toBe(4);
          expect(input.records + input.blank + input.rejected).toBe(input.lines);
        }
      }),
      { numRuns: 40 },
    );
  });
});
