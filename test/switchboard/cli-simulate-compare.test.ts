import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const root = new URL('../..', import.meta.url).pathname;
const baseline = join(root, 'scenarios/baseline.yaml');
const bin = join(root, 'bin/switchboard.js');

describe('switchboard simulate', () => {
  it('prints JSON with the tables and the counts the issue names, each measure { mean, ci95 }', async () => {
    const io = bufferIo(root);
    const code = await main(
      ['simulate', 'scenarios/baseline.yaml', '--days', '1', '--replications', '3', '--json'],
      io,
    );
    expect(io.err).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(io.out);
    for (const key of ['overall', 'byInterval', 'byQueue', 'byReason', 'needs', 'cost'])
      expect(out).toHaveProperty(key);
    for (const key of [
      'offered',
      'answered',
      'abandoned',
      'busy',
      'inSystemAtEnd',
      'transfers',
      'bouncedBack',
    ]) {
      expect(out.overall[key]).toEqual({
        mean: expect.any(Number),
        ci95: [expect.any(Number), expect.any(Number)],
      });
    }
    for (const key of ['serviceLevel', 'asaSeconds', 'probabilityAbandon', 'occupancy'])
      expect(out.overall).toHaveProperty(key);
    expect(out.byInterval).toHaveLength(48);
    expect(out.byInterval[17].interval).toBe('08:30');
    expect(out.byWeekdayInterval).toHaveLength(7 * 48);
    expect(out.byWeekdayInterval[17]).toMatchObject({ weekday: 'monday', interval: '08:30' });
    // One day from a Monday: the Monday rows are that day; the other weekdays have no day.
    expect(out.byWeekdayInterval[17].offeredPerDay.mean).toBe(
      out.byInterval[17].offeredPerDay.mean,
    );
    expect(out.byWeekdayInterval[48 + 17].offeredPerDay.mean).toBeNull();
    expect(out.byQueue[0].queue).toBe('main');
  });

  it('prints a readable report by default', async () => {
    const io = bufferIo(root);
    expect(await main(['simulate', baseline, '--days', '1', '--replications', '2'], io)).toBe(0);
    expect(io.out).toContain('serviceLevel');
    // A mean of counts over 2 replications: one decimal, its interval too (unitDecimals).
    expect(io.out).toMatch(/offered\s+\d+\.\d \[\d+\.\d, \d+\.\d\]/);
    expect(io.out).toContain('Definitions');
  });

  it('writes --out whole, and refuses a directory that is not empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-out-'));
    const out = join(dir, 'results');
    const io = bufferIo(root);
    expect(
      await main(['simulate', baseline, '--days', '1', '--replications', '2', '--out', out], io),
    ).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [
        'by-interval.csv',
        'by-weekday-interval.csv',
        'by-queue.csv',
        'by-reason.csv',
        'cost.csv',
        'needs.csv',
        'overall.csv',
        'paths.csv',
        'summary.json',
      ].sort(),
    );
    expect(readFileSync(join(out, 'overall.csv'), 'utf8')).toMatch(
      /^measure,mean,ci95_low,ci95_high\noffered,/,
    );
    // paths.csv: one row per measure of the summary's `paths` table. Source of the identity: the
    // engine counts each wild transfer once, under exactly one outcome (docs/simulate.md,
    // `paths`), so per replication, and so in the mean, the outcomes sum to `wildTransfers`.
    const readMeans = (file: string) => {
      const rows: string[][] = parse(readFileSync(join(out, file), 'utf8'));
      expect(rows[0]).toEqual(['measure', 'mean', 'ci95_low', 'ci95_high']);
      return new Map(rows.slice(1).map(([name, mean]) => [name, Number(mean)]));
    };
    const paths = readMeans('paths.csv');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect([...paths.keys()]).toEqual(Object.keys(summary.paths));
    const wildTransfers = readMeans('overall.csv').get('wildTransfers');
    expect(wildTransfers).toBeGreaterThan(0);
    const wildOutcomes = [
      'wildAnswered',
      'wildVoicemail',
      'wildBouncedBack',
      'wildLost',
      'wildInFlightAtEnd',
    ].reduce((sum, name) => sum + (paths.get(name) ?? Number.NaN), 0);
    expect(wildOutcomes).toBeCloseTo(wildTransfers ?? Number.NaN, 6);
    expect(readdirSync(dir)).toEqual(['results']);
    const full = join(dir, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'x');
    const io2 = bufferIo(root);
    expect(
      await main(['simulate', baseline, '--days', '1', '--replications', '2', '--out', full], io2),
    ).toBe(2);
    expect(io2.err).toMatch(/^switchboard: --out: expected a new or empty directory/);
    expect(readdirSync(full)).toEqual(['keep.txt']);
  });

  it('rejects bad flags and bad scenarios with one line and exit code 2', async () => {
    const io = bufferIo(root);
    expect(await main(['simulate', baseline, '--days', '0'], io)).toBe(2);
    expect(io.err).toBe(
      'switchboard: --days: expected a whole number from 1 to 3660, received 0\n',
    );
    const io2 = bufferIo(root);
    expect(await main(['simulate', 'scenarios/nope.yaml'], io2)).toBe(2);
    expect(io2.err).toMatch(/^switchboard: scenario: expected a readable scenario file/);
    const io3 = bufferIo(root);
    expect(await main(['simulate', `${baseline}#warm-transfer`], io3)).toBe(2);
    expect(io3.err).toContain('did you mean "warm-transfers"?');
    // A paired difference has no interval from one replication: compare and sweep refuse it
    // rather than print "no difference detectable" for every measure (QA G-verdict-label).
    for (const command of [
      ['compare', baseline, '--variant', 'warm-transfers'],
      ['sweep', baseline, '--vary', 'transfers.mode=wild,warm'],
    ]) {
      const io4 = bufferIo(root);
      expect(await main([...command, '--days', '1', '--replications', '1'], io4)).toBe(2);
      expect(io4.err).toBe(
        'switchboard: --replications: expected a whole number from 2 to 10000 (a paired difference needs two replications for its interval), received 1\n',
      );
    }
  });

  it('gives identical output for the same seed', async () => {
    const run = async () => {
      const io = bufferIo(root);
      await main(
        ['simulate', baseline, '--days', '1', '--replications', '2', '--seed', '5', '--json'],
        io,
      );
      return io.out;
    };
    expect(await run()).toBe(await run());
  });
});

describe('switchboard compare', () => {
  it('lists paired differences with a verdict per measure', async () => {
    const io = bufferIo(root);
    const code = await main(
      [
        'compare',
        baseline,
        '--variant',
        'offer-callbacks',
        '--days',
        '1',
        '--replications',
        '4',
        '--json',
      ],
      io,
    );
    expect(io.err).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.measures.length).toBeGreaterThan(10);
    const verdicts = [
      'better',
      'worse',
      'equivalent',
      'not settled',
      'no difference detectable',
      'higher',
      'lower',
    ];
    const units = ['calls', 'needs', 'seconds', 'share', 'hours', 'operators', 'ratio', 'EUR'];
    const checkMeasure = (m: Record<string, unknown>) => {
      expect(Object.keys(m)).toEqual([
        'name',
        'unit',
        'better',
        'margin',
        'base',
        'variant',
        'difference',
        'verdict',
        'pAdjusted',
      ]);
      for (const key of ['base', 'variant', 'difference'])
        expect(Object.keys(m[key] as object)).toEqual(['mean', 'ci95']);
      expect(verdicts).toContain(m.verdict);
      expect(units).toContain(m.unit);
      expect(['higher', 'lower', 'neither']).toContain(m.better);
    };
    for (const m of out.measures) checkMeasure(m);
    // Money only for money: the lost needs are needs, their cost is in the scenario's currency.
    const unitOf = (name: string) =>
      out.measures.find((m: { name: string }) => m.name === name).unit;
    expect(unitOf('cost.lostNeeds')).toBe('needs');
    expect(unitOf('cost.lostNeedCost')).toBe('EUR');
    expect(unitOf('cost.operatorHours')).toBe('hours');
    // byReason: every reason of the scenario, paired differences in the same shape.
    expect(out.comparisons[0].byReason.map((r: { reason: string }) => r.reason)).toEqual([
      'appointments',
      'reachWard',
      'results',
      'admin',
      'information',
      'returnCall',
      'buildingWorks',
      'interpreter',
      'medicalRecords',
    ]);
    for (const reason of out.comparisons[0].byReason)
      for (const m of reason.measures) checkMeasure(m);
    // Callbacks change nothing upstream of the queue: with common random numbers the first
    // attempts are the same callers, so accepted callbacks appear only in the variant.
    const accepted = out.measures.find(
      (m: { name: string }) => m.name === 'overall.callbackAccepted',
    );
    expect(accepted.base.mean).toBe(0);
    expect(accepted.variant.mean).toBeGreaterThan(0);
  });

  it('compares a base with itself as never better or worse, the differences exactly 0', async () => {
    const io = bufferIo(root);
    expect(
      await main(
        ['compare', baseline, baseline, '--days', '1', '--replications', '3', '--json'],
        io,
      ),
    ).toBe(0);
    const out = JSON.parse(io.out);
    const all = [
      ...out.measures,
      ...out.comparisons[0].byReason.flatMap((r: { measures: unknown[] }) => r.measures),
    ];
    for (const m of all) {
      // With zero differences the interval [0, 0] lies within any margin: equivalent.
      if (m.difference.mean !== null) {
        expect(m.difference.mean).toBe(0);
        expect(m.verdict).toBe('equivalent');
      } else expect(m.verdict).toBe('no difference detectable');
    }
  });
});

describe('--report', () => {
  it('writes the HTML reports of simulate and compare', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-report-'));
    const io = bufferIo(root);
    const sim = join(dir, 'simulate.html');
    expect(
      await main(['simulate', baseline, '--days', '1', '--replications', '2', '--report', sim], io),
    ).toBe(0);
    expect(io.err).toMatch(/^report: .*simulate\.html \(\d+ bytes\)\n$/);
    expect(readFileSync(sim, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    const cmp = join(dir, 'compare.html');
    const io2 = bufferIo(root);
    const args = [
      'compare',
      baseline,
      '--variant',
      'warm-transfers',
      '--days',
      '1',
      '--replications',
      '3',
    ];
    expect(await main([...args, '--report', cmp], io2)).toBe(0);
    expect(readFileSync(cmp, 'utf8')).toContain('warm-transfers');
    const io3 = bufferIo(root);
    expect(await main([...args, '--report', join(dir, 'nope', 'r.html')], io3)).toBe(2);
    expect(io3.err).toMatch(/^switchboard: --report: expected a file in an existing directory/);
  });
});

describe.skipIf(!existsSync(join(root, 'dist/index.js')))('the real bin/switchboard.js', () => {
  it('gives the same results whatever the number of threads', () => {
    const run = (threads: string) =>
      spawnSync(
        process.execPath,
        [
          bin,
          'simulate',
          baseline,
          '--days',
          '1',
          '--replications',
          '4',
          '--threads',
          threads,
          '--json',
        ],
        { timeout: 120_000, encoding: 'utf8' },
      );
    const one = run('1');
    const three = run('3');
    expect(one.status).toBe(0);
    expect(three.status).toBe(0);
    expect(JSON.parse(three.stdout)).toEqual(JSON.parse(one.stdout));
  });
});
