import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectHandled, fuzzHarness } from './fuzz-harness.js';

// Issue 15, session 3: what a stranger with a hostile file found on a fresh clone, each fixed.

const { dir, run } = fuzzHarness('hostile-stranger');

describe('found on a fresh clone', () => {
  it('compare FILE#VARIANT alone compares it with the other variants (was ENOENT, exit 1)', async () => {
    const scenario = join(dir, 'base.yaml');
    writeFileSync(
      scenario,
      `name: t
arrivals: { callsPerDay: 50, intradayProfile: { default: { '00:00': 1 } } }
reasons:
  only: { share: 1, handleTime: { distribution: exponential, mean: 60 }, patience: { distribution: exponential, mean: 90 }, queue: main }
queues:
  main: { operators: { default: [{ from: '00:00', to: '24:00', operators: 2 }] } }
variants:
  more: { queues: { main: { operators: { default: [{ from: '00:00', to: '24:00', operators: 3 }] } } } }
  "less #1": { queues: { main: { operators: { default: [{ from: '00:00', to: '24:00', operators: 1 }] } } } }
`,
    );
    const days = ['--days', '1', '--replications', '2', '--json'];
    const alone = await run(['compare', `${scenario}#more`, ...days]);
    expectHandled(alone);
    // The base is a variant: compared with the file's other variants.
    expect(alone.code, alone.err).toBe(0);
    const report = JSON.parse(alone.out);
    expect(report.base).toBe('t — more');
    expect(report.comparisons.map((c: { variant: string }) => c.variant)).toEqual(['t — less #1']);
  });

  it('a dump whose first line is an INSERT longer than the detection sample is read as SQL', async () => {
    const tuples = Array.from(
      { length: 2000 },
      (_, i) =>
        `(${i},'2024-01-08 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:00','c${i}','main','NONE','ENTERQUEUE','','06${10_000_000 + i}','1','','')`,
    );
    const dump = join(dir, 'one-line.sql');
    writeFileSync(dump, `INSERT INTO \`queue_log\` VALUES ${tuples.join(',')};\n`);
    const result = await run(['audit', dump, '--json']);
    expectHandled(result);
    expect(result.code, result.err).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.input[0].format).toBe('sql');
    expect(report.input[0].records).toBe(2000);
  });

  it('an output path that is a directory is refused before any output is written', async () => {
    const scenario = join(dir, 'base.yaml');
    mkdirSync(join(dir, 'page.html'));
    mkdirSync(join(dir, 'log-dir'));
    const quick = ['--days', '1', '--replications', '1'];
    // It used to fail at the end (exit 1, EISDIR) with --out and --queue-log already written.
    const page = await run([
      'simulate',
      scenario,
      ...quick,
      '--out',
      'o1',
      '--queue-log',
      'l1.log',
      '--report',
      'page.html',
    ]);
    expectHandled(page);
    expect(page.code).toBe(2);
    expect(page.err).toContain(
      '--report: expected a file to write, received "page.html" (a directory is there)',
    );
    expect(existsSync(join(dir, 'o1')) || existsSync(join(dir, 'l1.log'))).toBe(false);
    const log = await run([
      'simulate',
      scenario,
      ...quick,
      '--out',
      'o2',
      '--queue-log',
      'log-dir',
    ]);
    expect(log.code).toBe(2);
    expect(log.err).toContain('--queue-log');
    expect(existsSync(join(dir, 'o2'))).toBe(false);
    const audit = await run([
      'audit',
      join(dir, 'one-line.sql'),
      '--out',
      'o3',
      '--report',
      'page.html',
    ]);
    expect(audit.code).toBe(2);
    expect(existsSync(join(dir, 'o3'))).toBe(false);
  });

  it('a number flag given a word quotes the word, not NaN (as --seed does)', async () => {
    const scenario = join(dir, 'base.yaml');
    const cases: [string[], string][] = [
      [
        ['simulate', scenario, '--days', 'abc'],
        '--days: expected a whole number from 1 to 3660, received "abc"',
      ],
      [
        ['simulate', scenario, '--replications=x1'],
        '--replications: expected a whole number from 1 to 10000, received "x1"',
      ],
      [
        ['compare', scenario, '--threads', 'two'],
        '--threads: expected a whole number from 1 to 256, received "two"',
      ],
      [
        ['audit', join(dir, 'one-line.sql'), '--micro-flow', 'many'],
        '--micro-flow: expected a number of calls a week from 0 to 10,000,000, received "many"',
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expectHandled(result);
      expect(result.code).toBe(2);
      expect(result.err).toContain(message);
    }
  });
});
