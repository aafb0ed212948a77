import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { afterAll, expect } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// Shared by the output property tests: a scratch directory, the command line run in-process,
// generated hostile names, and the checks every output must pass.
// References: OWASP "CSV Injection" (a cell starting with = + - @ tab or CR is run as a
// formula); ECMA-48 / ISO 6429 (C0 and C1 control functions; ESC and CSI U+009B start control
// sequences); Unicode UAX #9 (the bidirectional overrides and isolates that reorder text).

/** A scratch directory removed after the file's tests; `fresh` names a new path in it. */
export function scratch(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let count = 0;
  return {
    dir,
    fresh: (name: string) => join(dir, `${++count}-${name}`),
    /** Run a command line in this process, in `dir`. */
    async run(argv: string[], env?: Record<string, string>) {
      const io = bufferIo(dir);
      const saved = Object.fromEntries(Object.keys(env ?? {}).map((k) => [k, process.env[k]]));
      Object.assign(process.env, env);
      try {
        const code = await main(argv, io);
        return { code, out: io.out, err: io.err };
      } finally {
        for (const [k, v] of Object.entries(saved))
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
      }
    },
  };
}

/** A character a terminal acts on (ECMA-48 C0 but tab and line feed, DEL, C1; UAX #9 controls). */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** True when a spreadsheet runs `cell` as a formula (OWASP); plain numbers are data. */
export const isFormula = (cell: string) =>
  /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell);

/** Every regular file under `path` (recursively), with its text. */
export function filesUnder(path: string): { path: string; text: string }[] {
  const info = lstatSync(path);
  if (info.isDirectory()) return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
  return [{ path, text: readFileSync(path, 'utf8') }];
}

/**
 * Check the three promises on a run's outputs: no control character in any stream or file, no
 * formula in any CSV cell, valid JSON in every .json file; returns the CSV cells.
 */
export function expectSafe(streams: string[], paths: string[]): string[] {
  const cells: string[] = [];
  for (const text of streams) expect(text).not.toMatch(CONTROL);
  for (const file of paths.flatMap(filesUnder)) {
    const where = file.path;
    expect(CONTROL.test(file.text), `control character in ${where}`).toBe(false);
    if (file.path.endsWith('.csv')) {
      const rows = parseCsv(file.text, { relax_column_count: true }) as string[][];
      const formulas = rows.flat().filter(isFormula);
      expect(formulas, `formula in ${where}`).toEqual([]);
      cells.push(...rows.flat());
    }
    if (file.path.endsWith('.json')) expect(() => JSON.parse(file.text)).not.toThrow();
    if (file.path.endsWith('.yaml')) expect(() => parseYaml(file.text)).not.toThrow();
  }
  return cells;
}

/** One character of a name: mostly letters, often a control, a separator or markup. */
export const nameChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefxyzXYZ 09_.') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ...['\u202e', '\u2066', '\u2028', '|', '#', '"', "'", '<', '>', '&', ',', ';', '\\'],
      ...[':', '{', '}', '[', ']', '*', '!', '%', '=', '+', '-', '@', '\n', 'é', '😀'],
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/** A name as a hostile user writes it: often a formula start or a control in front. */
export const hostileName = fc
  .tuple(
    fc.constantFrom('', '', '=', '+', '-', '@', '\t', '\r', '\u001b[31m', '\u009b2J', ' =', "'"),
    fc.array(nameChar, { minLength: 1, maxLength: 10 }),
  )
  .map(([lead, chars]) => lead + chars.join(''))
  // Names people can write: something visible in them, no surrounding blanks (a scenario
  // refuses those with a clear message; that path is the fuzz suite's).
  .filter((n) => n.trim() === n && /[a-zA-Z0-9]/.test(n));

/** A name a pipe-separated or CSV record can carry (no separators, no line breaks). */
export const fieldName = hostileName.map((n) => n.replace(/[|,"\n\r]/g, '_'));
