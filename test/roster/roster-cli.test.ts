import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { mmcmDocument } from './roster-builders.js';

const quick = ['--days', '1', '--replications', '2', '--iterations', '2'];

function scenarioFile(document: Record<string, unknown>): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'roster-cli-'));
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, stringify(document));
  return { dir, file };
}

async function roster(dir: string, ...args: string[]) {
  const io = bufferIo(dir);
  const code = await main(['roster', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('switchboard roster', () => {
  const base = { callsPerDay: 800, ahtSeconds: 150, patienceSeconds: 240 };

  it('prints the fields of the issue in --json, and --out writes a scenario simulate runs as is', async () => {
    const { dir } = scenarioFile(mmcmDocument(base));
    const { code, out, err } = await roster(
      dir,
      'scenario.yaml',
      ...['--days', '1', '--replications', '6', '--iterations', '4'],
      '--json',
      '--out',
      'out',
    );
    expect(code, err).toBe(0);
    const result = JSON.parse(out);
    for (const key of ['operatorHours', 'shifts', 'perInterval', 'verification', 'erlangPlan'])
      expect(result).toHaveProperty(key);
    expect(Object.keys(result.shifts[0]).sort()).toEqual(
      ['breaks', 'count', 'days', 'queue', 'start', 'template'].sort(),
    );
    expect(Object.keys(result.perInterval[0])).toEqual(
      expect.arrayContaining(['queue', 'weekday', 'interval', 'required', 'scheduled']),
    );
    expect(result.verification.serviceLevel).toHaveProperty('ci95');
    expect(result.verification.byDay[0]).toHaveProperty('probabilityAbandon');
    expect(result.erlangPlan).toHaveProperty('operatorHours');
    expect(result.erlangPlan.verification).toHaveProperty('byDay');
    // The roster written as operators: loads, and its Monday operators are the roster's.
    const written = loadScenario(join(dir, 'out', 'scenario.yaml'));
    const steps = written.queues[0]!.roster[0]!;
    const at = (seconds: number) =>
      steps.find((s) => s.fromSeconds <= seconds && seconds < s.toSeconds)?.operators ?? 0;
    for (const row of result.perInterval.filter(
      (r: { weekday: string }) => r.weekday === 'monday',
    )) {
      const [h, m] = row.interval.split(':').map(Number);
      expect(at(h * 3600 + m * 60)).toBe(row.scheduled);
    }
    expect(readFileSync(join(dir, 'out', 'roster.csv'), 'utf8').split('\n')[0]).toBe(
      'queue,template,start,breaks,days,operators',
    );
    const sim = bufferIo(dir);
    expect(
      await main(['simulate', 'out/scenario.yaml', '--days', '1', '--replications', '1'], sim),
    ).toBe(0);
  });

  it('names the intervals no template covers, shows the best roster and exits 2 writing nothing', async () => {
    const document = mmcmDocument({
      ...base,
      templates: [{ name: 'morning', starts: ['08:00'], length: '4h' }],
    });
    const { dir } = scenarioFile(document);
    const { code, out, err } = await roster(dir, 'scenario.yaml', ...quick, '--out', 'out');
    expect(code).toBe(2);
    expect(err).toContain('shifts.main: expected templates covering every interval with calls');
    expect(err).toContain('monday 12:00-18:00');
    expect(err).toContain('nothing written');
    expect(out).toContain('morning');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('names the intervals where the templates’ max leaves too few operators, exit 2', async () => {
    const document = mmcmDocument({
      ...base,
      templates: [
        {
          name: 'block',
          starts: Array.from(
            { length: 20 },
            (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
          ),
          length: '30m',
          max: 2,
        },
      ],
    });
    const { dir } = scenarioFile(document);
    const { code, err } = await roster(dir, 'scenario.yaml', ...quick);
    expect(code).toBe(2);
    expect(err).toContain(
      'shifts.main: expected templates whose max allows the operators the targets need',
    );
    expect(err).toMatch(/too few operators in monday \d\d:\d\d-\d\d:\d\d/);
    expect(err).toContain(
      'targets: expected every day to meet the targets with 95 % confidence on fresh seeds (service level ≥ 80.0 % within 20 s, abandonment ≤ 5.0 %)',
    );
    expect(err).toContain(
      'missed on monday (figures in the summary; the templates leave intervals short',
    );
  });

  it('refuses a budget below the least cover, naming the hours it needs', async () => {
    const { dir } = scenarioFile(mmcmDocument(base));
    const { code, err } = await roster(dir, 'scenario.yaml', ...quick, '--budget', '10');
    expect(code).toBe(2);
    expect(err).toMatch(/--budget: expected at least 70 paid hours/);
  });

  it('with a budget, spends at most it and says the service level it buys beside the Erlang A placement', async () => {
    const { dir } = scenarioFile(mmcmDocument(base));
    const { code, out, err } = await roster(
      dir,
      'scenario.yaml',
      ...quick,
      '--budget',
      '200',
      '--json',
    );
    expect(code, err).toBe(0);
    const result = JSON.parse(out);
    expect(result.operatorHours).toBeLessThanOrEqual(200);
    expect(result.budget.hours).toBe(200);
    expect(result.budget.measure).toBe('serviceLevel');
    expect(result.budget.erlangPlacement.operatorHours).toBeLessThanOrEqual(200);
    expect(result.budget.erlangPlacement.verification.seed).toBe(result.verification.seed);
    expect(result.budget.gain.serviceLevel.ci95).toHaveLength(2);
    expect(result.budget.rounds[0].iteration).toBe(1);
    expect(result.search.iterations).toEqual([]);
    expect(
      result.budget.rounds.filter((r: { kept: boolean }) => r.kept).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('bad flags and scenarios without shifts or targets: one line, exit 2', async () => {
    const { dir } = scenarioFile(mmcmDocument(base));
    let r = await roster(dir, 'scenario.yaml', '--service-level', '1.5');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--service-level');
    const { shifts: _s, targets: _t, ...bare } = mmcmDocument(base);
    const other = scenarioFile(bare);
    r = await roster(other.dir, 'scenario.yaml', '--service-level', '0.8');
    expect(r.code).toBe(2);
    expect(r.err).toContain('shifts: expected shift templates');
    r = await roster(other.dir, 'scenario.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--service-level: expected a target');
    // The scenario's targets are bounded as the flags are: 100 % in time is no roster's target.
    const certain = scenarioFile({ ...mmcmDocument(base), targets: { serviceLevel: 1 } });
    r = await roster(certain.dir, 'scenario.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('targets.serviceLevel: expected a share strictly between 0 and 1');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    // A day is judged by its interval: one replication has none.
    r = await roster(dir, 'scenario.yaml', '--replications', '1');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'switchboard: --replications: expected a whole number from 2 to 10000 (a day meets its targets when its whole 95 % interval does), received 1\n',
    );
  });
});
