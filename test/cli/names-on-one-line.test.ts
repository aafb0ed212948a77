import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatComparison } from '../../src/cli/format-comparison.js';
import { formatRoster } from '../../src/cli/format-roster.js';
import { formatSummary } from '../../src/cli/format-simulation-summary.js';
import { formatSweep, sweepCsv } from '../../src/cli/format-sweep.js';
import { terminalText } from '../../src/cli/terminal-safe.js';
import { shownName } from '../../src/io/control-characters.js';
import { csvCell, readCsvText } from '../../src/io/csv-cell.js';
import { yamlText } from '../../src/io/yaml-text.js';
import { resultFiles } from '../../src/switchboard/write-results.js';
import { filesUnder, hostileName, scratch } from '../hostile/output-checks.js';

// QA G-newline-names: a line break (or any other control character) in a scenario, queue,
// reason, group, template or variant name must not reach the terminal or a CSV file raw, or a
// name such as "q\nserviceLevel 99.9 %" forges a line of the output. README "Names are data":
// control characters are shown as `\u001b`-style escapes on the terminal and in every file.
// References: ECMA-48 / ISO 6429 (the C0 and C1 controls, LF = U+000A, CR = U+000D, NEL =
// U+0085), Unicode UAX #14 (mandatory breaks: LF, CR, VT, FF, NEL, U+2028, U+2029), RFC 4180
// (a CSV record ends at a line break outside quotes; one inside quotes is part of the cell).

const { fresh, run } = scratch('names-one-line');

/** Any character an output must not carry raw besides its own line feeds. */
const RAW_CONTROL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A line break of any kind (UAX #14 mandatory breaks, CR LF) or a tab. */
const lineBreak = fc.constantFrom(
  '\n',
  '\r',
  '\r\n',
  '\u000b',
  '\u000c',
  '\u0085',
  '\u2028',
  '\u2029',
  '\t',
  '\u001b[2K\r',
);
const word = fc.stringMatching(/^[a-z][a-z0-9 ]{0,5}[a-z0-9]$/);
/** Something that reads like a line the tool prints, to follow a forged line break. */
const forged = fc.constantFrom(
  'serviceLevel   99.9 % (forged)',
  '# injected',
  'Variant: forged',
  '  answered 1',
);
/** A name with line breaks (and other controls) in it: what QA found printed raw. */
const brokenName = fc
  .tuple(
    word,
    fc.array(fc.tuple(lineBreak, fc.oneof(word, forged)), { minLength: 1, maxLength: 3 }),
  )
  .map(([first, rest]) => first + rest.map(([b, w]) => b + w).join(''));
const anyControl = fc
  .tuple(
    word,
    fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })),
    word,
  )
  .map(([a, c, b]) => a + String.fromCharCode(c) + b);
const nameArb = fc.oneof(brokenName, anyControl, hostileName);

// The scenario's names are placeholders QQ<k>QQ, replaced by generated names.
const NAMES = 10;
const placeholder = (k: number) => `QQ${k}QQ`;
const PLACEHOLDER = /QQ(\d+)QQ/g;

/** The test scenario: every kind of name, each a placeholder QQ<k>QQ, then `names[k]`. */
function scenarioDocument(names: readonly string[]): Record<string, unknown> {
  const [title, queueA, queueB, reasonA, reasonB, group, service, variant, templateA, templateB] =
    names as [string, string, string, string, string, string, string, string, string, string];
  const exponential = (mean: number) => ({ distribution: 'exponential', mean });
  const staffed = (operators: number) => ({
    operators: { default: [{ from: '08:00', to: '12:00', operators }] },
  });
  return {
    name: title,
    calendar: { startDate: '2026-01-05', openingHours: { default: ['08:00-12:00'] } },
    arrivals: { callsPerDay: 40, intradayProfile: { default: { '08:00': 1, '10:00': 1 } } },
    reasons: {
      [reasonA]: {
        share: 0.6,
        handleTime: exponential(120),
        patience: exponential(200),
        queue: queueA,
        transfer: { probability: 0.3, to: { [service]: 1 } },
      },
      [reasonB]: {
        share: 0.4,
        handleTime: exponential(120),
        patience: exponential(200),
        queue: queueB,
      },
    },
    callerGroups: { [group]: { share: 0.3, patienceFactor: 1.5 } },
    services: { [service]: { availability: { default: 0.7 }, voicemail: 'available' } },
    queues: { [queueA]: staffed(1), [queueB]: staffed(1) },
    targets: { serviceLevel: 0.2, threshold: '300s' },
    shifts: {
      [queueA]: [{ name: templateA, starts: ['08:00'], length: '4h', min: 1 }],
      [queueB]: [{ name: templateB, starts: ['08:00'], length: '4h', min: 1 }],
    },
    variants: { [variant]: { queues: { [queueA]: staffed(2) } } },
  };
}

function writeScenario(names: readonly string[]): string {
  const path = fresh('scenario.yaml');
  writeFileSync(path, yamlText(scenarioDocument(names), { lineWidth: 0, version: '1.1' }));
  return path;
}

/** A value swept, its path through a reason's name. */
const SWEPT = `reasons.${placeholder(3)}.handleTime.mean=120,150`;

const QUICK = ['--days', '1', '--replications', '2', '--threads', '1'];

/** `value` with every placeholder in its strings and keys replaced by its name. */
function named<T>(value: T, names: readonly string[]): T {
  const put = (text: string) => text.replace(PLACEHOLDER, (_, k: string) => names[Number(k)]!);
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return put(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item === null || typeof item !== 'object') return item;
    return Object.fromEntries(Object.entries(item).map(([k, v]) => [put(k), walk(v)]));
  };
  return walk(value) as T;
}

/**
 * `result` without the rows of intervals where no call came (most of the weekday × half-hour
 * tables: 90 % of a result, no name in them), so that a property run formats in milliseconds.
 * The texts do not change (checked below against the commands' own output).
 */
function trimmed<T>(result: T): T {
  const walk = (item: unknown, key = ''): unknown => {
    if (Array.isArray(item)) {
      const rows = /^by(Weekday)?Interval$|^perInterval$/.test(key)
        ? item.filter(
            (row: { offeredPerDay?: { mean: number } }) => (row.offeredPerDay?.mean ?? 0) > 0,
          )
        : item;
      return rows.map((row) => walk(row));
    }
    if (item === null || typeof item !== 'object') return item;
    return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, walk(v, k)]));
  };
  return walk(result) as T;
}

const lineCount = (text: string) => text.split('\n').length;

/** The checks of one output against the same output with placeholder names. */
function expectOneLinePerName(text: string, plain: string, names: readonly string[]): void {
  expect(text).not.toMatch(RAW_CONTROL);
  expect(lineCount(text)).toBe(lineCount(plain));
  // Every name the placeholder output carries is in this one, shown whole on its line (CSV
  // cells: checked as cells, a quote in a name is doubled there).
  if (/^[a-zA-Z0-9_]+,/.test(plain)) return;
  for (const [k, name] of names.entries())
    if (plain.includes(placeholder(k))) expect(text).toContain(shownName(name));
}

describe('a name is shown on one line: the formatters of every command', () => {
  // The results of one run of each command (their --json), placeholders for names; each
  // property run puts generated names in and formats them as the commands do.
  type Json = Record<string, unknown>;
  const results: Record<'simulate' | 'compare' | 'sweep' | 'roster', Json> = {} as never;
  const placeholders = Array.from({ length: NAMES }, (_, k) => placeholder(k));

  beforeAll(async () => {
    const scenario = writeScenario(placeholders);
    const json = async (argv: string[]) => {
      const result = await run([...argv, ...QUICK, '--json']);
      expect(result.code, result.err).toBe(0);
      return trimmed(JSON.parse(result.out) as Json);
    };
    results.simulate = await json(['simulate', scenario]);
    results.compare = await json(['compare', scenario, `--variant=${placeholder(7)}`]);
    results.sweep = await json(['sweep', scenario, '--vary', SWEPT]);
    // roster exits 2 when a day misses; its JSON result is printed either way.
    const roster = await run(['roster', scenario, ...QUICK, '--iterations', '1', '--json']);
    results.roster = trimmed(JSON.parse(roster.out) as Json);
  });

  const outputs = (names: readonly string[]) => {
    const simulate = named(results.simulate, names) as never;
    const sweep = named(results.sweep, names) as never;
    return {
      'simulate text': terminalText(formatSummary, simulate),
      'compare text': terminalText(formatComparison, named(results.compare, names) as never),
      'sweep text': terminalText(formatSweep, sweep),
      'roster text': terminalText(formatRoster, named(results.roster, names) as never),
      'sweep.csv': sweepCsv(sweep),
      ...Object.fromEntries(
        Object.entries(resultFiles(simulate))
          .filter(([file]) => file.endsWith('.csv'))
          .map(([file, text]) => [`simulate --out ${file}`, text]),
      ),
    } as Record<string, string>;
  };

  it('the placeholder results are what the commands print (the fixture is faithful)', async () => {
    const scenario = writeScenario(placeholders);
    const text = await run(['simulate', scenario, ...QUICK]);
    expect(terminalText(formatSummary, results.simulate as never)).toBe(text.out);
    const compared = await run(['compare', scenario, `--variant=${placeholder(7)}`, ...QUICK]);
    expect(terminalText(formatComparison, results.compare as never)).toBe(compared.out);
    const swept = await run(['sweep', scenario, '--vary', SWEPT, ...QUICK]);
    expect(terminalText(formatSweep, results.sweep as never)).toBe(swept.out);
    const roster = await run(['roster', scenario, ...QUICK, '--iterations', '1']);
    expect(terminalText(formatRoster, results.roster as never)).toBe(roster.out);
    const plain = outputs(placeholders);
    // Every name reaches some output (else the property below would check nothing for it), but
    // the service's: no text or CSV table names services (--json and the page do).
    const all = Object.values(plain).join('\n');
    expect(placeholders.filter((name) => !all.includes(name))).toEqual([placeholder(6)]);
  });

  it('no generated name adds a line or a raw control character (text and CSV)', () => {
    const plain = outputs(placeholders);
    fc.assert(
      fc.property(fc.uniqueArray(nameArb, { minLength: NAMES, maxLength: NAMES }), (names) => {
        for (const [what, text] of Object.entries(outputs(names))) {
          try {
            expectOneLinePerName(text, plain[what]!, names);
          } catch (error) {
            throw new Error(`${what}: ${(error as Error).message}`);
          }
          if (what.endsWith('.csv')) {
            const rows = parseCsv(text) as string[][];
            const plainRows = parseCsv(plain[what]!) as string[][];
            expect(rows.length).toBe(plainRows.length);
            // Each cell reads back as the name shown (apostrophe of a formula start removed).
            const cells = new Set(rows.flat().map(readCsvText));
            for (const [k, name] of names.entries())
              if (plainRows.flat().includes(placeholder(k)))
                expect(cells.has(shownName(name))).toBe(true);
          }
        }
      }),
      // 200 runs × 10 names, formatted by 4 commands and 8 CSV tables: ~2 s.
      { numRuns: 200 },
    );
  });
});

describe('a name is shown on one line: the commands end to end', () => {
  // The simulated figures depend on the names (random streams are drawn per name), so the
  // outputs are not compared line for line with a plainly named run here (the formatters'
  // property above does that): no raw control character, no line that is the tail of a name
  // after its line break, and every name shown.
  it('simulate (text, --out), compare, sweep (text, --out), roster (text, --out)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(brokenName, { minLength: NAMES, maxLength: NAMES }),
        async (names) => {
          const scenario = writeScenario(names);
          const [simOut, sweepOut, rosterOut] = [
            fresh('sim-out'),
            fresh('sweep-out'),
            fresh('roster-out'),
          ];
          const runs = [
            await run(['simulate', scenario, ...QUICK, '--out', simOut]),
            await run(['compare', scenario, `--variant=${names[7]}`, ...QUICK]),
            await run([
              'sweep',
              scenario,
              '--vary',
              'arrivals.callsPerDay=40,50',
              ...QUICK,
              '--out',
              sweepOut,
            ]),
            // A roster that misses a day (exit 2) prints its text and writes nothing.
            await run(['roster', scenario, ...QUICK, '--iterations', '1', '--out', rosterOut]),
          ];
          for (const r of runs.slice(0, 3)) expect(r.code, r.err).toBe(0);
          const files = [simOut, sweepOut, ...(runs[3]!.code === 0 ? [rosterOut] : [])]
            .flatMap(filesUnder)
            .filter((file) => file.path.endsWith('.csv'));
          const texts = [...runs.flatMap((r) => [r.out, r.err]), ...files.map((f) => f.text)];
          for (const text of texts) {
            expect(text).not.toMatch(RAW_CONTROL);
            for (const name of names) {
              expect(text).not.toContain(name);
              expect(text).not.toContain(
                `\n${name.slice(name.search(/[\n\r\u000b\u000c\u0085\u2028\u2029\t]/) + 1)}`,
              );
            }
          }
          const all = texts.join('\n');
          for (const [k, name] of names.entries())
            if (k !== 6) expect(all).toContain(shownName(name));
        },
      ),
      // Each run: 4 commands on a 1-day, 40-call scenario (~1 s idle).
      { numRuns: 3 },
    );
  });
});

describe("QA's two cases (QA-REPORT-5 G-newline-names)", () => {
  it('a scenario named "evil\\n# injected\\ntargets: x\\u2028 =cmd": roster prints one heading line', async () => {
    const names = Array.from({ length: NAMES }, (_, k) => `n${k}`);
    names[0] = 'evil\n# injected\ntargets: x\u2028 =cmd';
    const scenario = writeScenario(names);
    const roster = await run(['roster', scenario, ...QUICK, '--iterations', '1']);
    const first = roster.out.split('\n')[0]!;
    expect(first).toMatch(
      /^evil\\u000a# injected\\u000atargets: x\\u2028 =cmd: roster for service level ≥ 20\.0 % within 300 s/,
    );
    expect(roster.out).not.toMatch(/^# injected/m);
    const simulate = await run(['simulate', scenario, ...QUICK]);
    expect(simulate.out.split('\n')[0]).toMatch(
      /^evil\\u000a# injected\\u000atargets: x\\u2028 =cmd — 1 day/,
    );
    const compare = await run(['compare', scenario, `--variant=${names[7]}`, ...QUICK]);
    expect(compare.out.split('\n')[0]).toMatch(/^Base: evil\\u000a# injected\\u000atargets/);
    for (const out of [roster.out, simulate.out, compare.out])
      expect(out).not.toMatch(/^(# injected|targets: x)/m);
  });

  it('a queue named "q\\nserviceLevel   99.9 % (forged)": no forged line in simulate, one cell in by-queue.csv', async () => {
    const queue = 'q\nserviceLevel   99.9 % (forged)';
    const names = Array.from({ length: NAMES }, (_, k) => `n${k}`);
    names[1] = queue;
    const scenario = writeScenario(names);
    const out = fresh('evq-out');
    const simulate = await run(['simulate', scenario, ...QUICK, '--out', out]);
    expect(simulate.code, simulate.err).toBe(0);
    expect(simulate.out).toContain('Queue q\\u000aserviceLevel   99.9 % (forged)\n');
    expect(simulate.out).not.toMatch(/^serviceLevel/m);
    const csv = readFileSync(join(out, 'by-queue.csv'), 'utf8');
    expect(csv).not.toContain('\nserviceLevel');
    const rows = parseCsv(csv) as string[][];
    expect(rows.filter((row) => row[0] === 'q\\u000aserviceLevel   99.9 % (forged)').length).toBe(
      rows.filter((row) => row[0] === names[2]).length,
    );
    // One record per physical line: no line break inside a cell.
    expect(csv.trimEnd().split('\n').length).toBe(rows.length);
  });

  it('an input error about a name with a line break is one line', async () => {
    const names = Array.from({ length: NAMES }, (_, k) => `n${k}`);
    names[1] = 'q\nserviceLevel 99.9 %';
    const document = scenarioDocument(names);
    (document.queues as Record<string, unknown>)[names[1]] = { operators: 'many' };
    const scenario = fresh('bad.yaml');
    writeFileSync(scenario, yamlText(document, { lineWidth: 0, version: '1.1' }));
    const result = await run(['simulate', scenario, ...QUICK]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('queues.q\\u000aserviceLevel 99.9 %.operators');
    expect(result.err).not.toMatch(/^serviceLevel/m);
  });

  it('a CSV cell and a shown name keep the text, control characters as escapes', () => {
    expect(shownName('a\nb\tc\rd\u2028e')).toBe('a\\u000ab\\u0009c\\u000dd\\u2028e');
    expect(csvCell('q\nx')).toBe('q\\u000ax');
    // A tab at the start, shown, no longer starts a formula; `=` still does.
    expect(csvCell('\tq')).toBe('\\u0009q');
    expect(csvCell('=1\n+2')).toBe("'=1\\u000a+2");
  });
});
