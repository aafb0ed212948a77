import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseHistoryCsv } from '../../src/forecasting/parse-history-csv.js';
import { parseSpecialDaysCsv } from '../../src/forecasting/special-days.js';
import { readLoadCsv } from '../../src/staffing/read-load-csv.js';
import { withCpuMs } from '../cpu-time.js';

// Issue 15's fuzz suite over the tables people paste: history CSVs (`forecast --history`),
// load files (`staff --plan`, e.g. a forecast written by `forecast --out`) and special-days
// files. Headers are shuffled, dropped, doubled or misspelt; cells are swapped for hostile
// values (far dates, DST gaps, huge or negative counts, object-key names, formulas, controls).
// Each file is read or refused with an InputError — never another exception — in bounded time
// (CPU time).
// Library API, so hundreds of cases run in seconds. Seeded by test/fast-check-seed.ts.

const cell = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('2025-01-06T09:00', '2025-01-06 09:30', '2025-03-30T02:30'),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 50 }).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '-1',
      '1e308',
      '1e6',
      '1000001',
      'NaN',
      '0.5',
      '2025-02-30T09:00',
      '1900-01-01T00:00',
      '9999-12-31T23:59',
      '2025-01-06T09:00+14:00',
      '2025-01-06T09:00Z',
      '__proto__',
      'constructor',
      "'=1+1",
      '=1+1',
      '\u001b[2J',
      'monday',
      '"',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

/** A cell of a column: mostly a value of its kind, sometimes anything. */
const column = (ordinary: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 5, arbitrary: ordinary }, { weight: 1, arbitrary: cell });
const time = column(
  fc
    .tuple(fc.integer({ min: 0, max: 27 }), fc.integer({ min: 0, max: 47 }))
    .map(([d, h]) => new Date(Date.UTC(2025, 0, 6 + d, 0, 30 * h)).toISOString().slice(0, 16)),
);
const count = column(fc.integer({ min: 0, max: 40 }).map(String));
const name = column(fc.constantFrom('info', 'wards', '__proto__', 'constructor', '=cmd', 'a b'));

/**
 * A table: the header of `columns` (often as is, else shuffled, cut, doubled or misspelt) and
 * rows of cells of each column's kind, with hostile cells, short and long rows mixed in.
 */
function table(columns: [string, fc.Arbitrary<string>][]) {
  const names = columns.map(([n]) => n);
  const header = fc.oneof(
    { weight: 3, arbitrary: fc.constant(names) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.oneof(fc.constantFrom(...names), fc.constantFrom('Calls', ' date ', 'x', '')),
        {
          minLength: 1,
          maxLength: names.length + 1,
        },
      ),
    },
  );
  const row = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(...columns.map(([, cells]) => cells)) },
    { weight: 1, arbitrary: fc.array(cell, { maxLength: names.length + 1 }) },
  );
  return fc
    .tuple(header, fc.array(row, { maxLength: 40 }))
    .map(([head, rows]) =>
      [head, ...rows]
        .map((r) =>
          r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','),
        )
        .join('\n'),
    );
}

/**
 * `read` returns or throws an InputError, within 10 s of CPU time: runaway work fails it, a
 * loaded machine does not (test/cpu-time.ts). The costliest cases (far dates: millions of
 * interval cells, within the reader's limit of 20 M) take ~0.4 s.
 */
function expectReadOrRefused(read: () => unknown) {
  const { cpuMs } = withCpuMs(() => {
    try {
      read();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
    }
  });
  expect(cpuMs).toBeLessThan(10_000);
}

describe('fuzzed tables: read or refused with an InputError, in bounded time', () => {
  it('history CSVs (interval_start, calls, reason)', () => {
    fc.assert(
      fc.property(
        table([
          ['interval_start', time],
          ['calls', count],
          ['reason', name],
        ]),
        (text) => {
          expectReadOrRefused(() => {
            const history = parseHistoryCsv(text, { file: 'h.csv' });
            // Unknown cells are NaN; known ones are whole counts within the bound.
            const negative = history.counts.some((series) => series.some((count) => count < 0));
            expect(negative).toBe(false);
            // Every reason's calls are in the total — a reason named __proto__ included.
            expect(Object.keys(history.callsByReason).sort()).toEqual([...history.reasons].sort());
            const sum = Object.values(history.callsByReason).reduce((a, b) => a + b, 0);
            expect(sum).toBe(history.totalCalls);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('load files for staff --plan (interval_start, reason, forecast, calls, …)', () => {
    fc.assert(
      fc.property(
        table([
          ['interval_start', time],
          ['reason', name],
          ['forecast', count],
          ['lower', count],
          ['upper', count],
        ]),
        (text) => {
          expectReadOrRefused(() => {
            for (const row of readLoadCsv(text, 'plan.csv'))
              expect(Number.isFinite(row.calls)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('special-days files (date, label, effect)', () => {
    fc.assert(
      fc.property(
        table([
          ['date', column(fc.constantFrom('2025-01-06', '2025-12-25', '2024-02-29'))],
          ['label', name],
          ['effect', column(fc.constantFrom('1', '0.5', '1.25', '0'))],
        ]),
        (text) => {
          expectReadOrRefused(() => {
            for (const day of parseSpecialDaysCsv(text, 'days.csv'))
              if (day.effect !== undefined) expect(Number.isFinite(day.effect)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
