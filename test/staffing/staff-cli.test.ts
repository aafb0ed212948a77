import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { STAFFING_EVALUATION_KEYS } from '../../src/staffing/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name: string) => join('test/staffing/fixtures', name);

async function staff(...args: string[]) {
  const io = bufferIo(root);
  const code = await main(['staff', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('switchboard staff --json', () => {
  it.each([
    [
      'erlang-c evaluation',
      ['--calls', '100', '--interval', '30m', '--aht', '180s', '--agents', '14'],
    ],
    [
      'erlang-c solve',
      ['--rate', '200', '--aht', '3m', '--service-level', '0.8', '--shrinkage', '0.3'],
    ],
    ['erlang-a', ['--rate', '200', '--aht', '180', '--patience', '2m', '--agents', '12']],
    ['erlang-b', ['--model', 'erlang-b', '--erlangs', '10', '--max-blocking', '0.02']],
    ['finite lines', ['--rate', '200', '--aht', '180', '--lines', '20', '--agents', '12']],
    [
      'traffic',
      ['--model', 'erlang-b', '--agents', '15', '--solve', 'traffic', '--max-blocking', '0.01'],
    ],
    ['overload', ['--erlangs', '12', '--aht', '180', '--agents', '10']],
  ])('%s prints exactly the issue’s keys', async (_name, args) => {
    const { code, out, err } = await staff(...args, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual([...STAFFING_EVALUATION_KEYS]);
    for (const key of STAFFING_EVALUATION_KEYS.slice(1)) {
      expect(parsed[key] === null || typeof parsed[key] === 'number').toBe(true);
    }
  });

  it('answers the CRAN ErlangC README example (100 calls / 30 min, AHT 180 s, 14 operators)', async () => {
    const { out } = await staff(
      '--calls',
      '100',
      '--interval',
      '30m',
      '--aht',
      '180s',
      '--agents',
      '14',
      '--json',
    );
    const e = JSON.parse(out);
    expect(e.trafficErlangs).toBe(10);
    expect(e.probabilityWait).toBeCloseTo(0.1741319, 7); // CRAN ErlangC 0.1.0 README
    expect(e.serviceLevel).toBeCloseTo(0.88835, 5);
  });

  it('solves the pyworkforce README question: 14 operators, 20 positions at 30 % shrinkage', async () => {
    const { out } = await staff(
      '--calls',
      '100',
      '--interval',
      '30m',
      '--aht',
      '3m',
      '--service-level',
      '0.8',
      '--max-occupancy',
      '0.85',
      '--shrinkage',
      '0.3',
      '--json',
    );
    const e = JSON.parse(out);
    expect([e.agents, e.positions]).toEqual([14, 20]);
  });

  it('reports an unbounded Erlang C wait as null in JSON and in words in the table', async () => {
    const json = JSON.parse(
      (await staff('--erlangs', '12', '--aht', '180', '--agents', '10', '--json')).out,
    );
    expect([json.serviceLevel, json.asaSeconds, json.meanWaitSeconds]).toEqual([0, null, null]);
    const table = (await staff('--erlangs', '12', '--aht', '180', '--agents', '10')).out;
    expect(table).toMatch(/ASA\s+unbounded: traffic ≥ operators/);
    expect(table).toMatch(/service level\s+0\.00 %/);
  });
});

describe('switchboard staff table and help', () => {
  it('prints a short table naming each definition', async () => {
    const { code, out } = await staff(
      '--rate',
      '200',
      '--aht',
      '3m',
      '--patience',
      '120s',
      '--agents',
      '12',
      '--service-level',
      '0.8',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^model\s+Erlang A/);
    expect(out).toContain('of ALL offered calls answered within 20 s');
    expect(out).toContain('mean wait of answered calls');
    expect(out).toMatch(/targets\s+all met/);
  });

  it('states every definition in --help', async () => {
    const { code, out } = await staff('--help');
    expect(code).toBe(0);
    for (const text of [
      'ALL offered calls',
      'mean wait of ANSWERED calls',
      'abandoners counted until they hang up',
      'ceil(agents / (1 - shrinkage))',
    ]) {
      expect(out).toContain(text);
    }
  });
});

describe('switchboard staff: bad input gets one line and exit code 2', () => {
  it.each([
    [
      'negative rate',
      ['--rate', '-5', '--aht', '180', '--agents', '3'],
      '--rate: expected calls per hour > 0, received "-5"',
    ],
    [
      'zero rate',
      ['--rate', '0', '--aht', '180', '--agents', '3'],
      '--rate: expected calls per hour > 0, received "0"',
    ],
    [
      'zero calls',
      ['--calls', '0', '--interval', '30m', '--aht', '180', '--agents', '3'],
      '--calls: expected calls per interval > 0',
    ],
    [
      'AHT 0',
      ['--rate', '100', '--aht', '0', '--agents', '3'],
      '--aht: expected a positive duration, received "0"',
    ],
    [
      'service level > 1',
      ['--rate', '100', '--aht', '180', '--service-level', '1.2'],
      '--service-level: expected a fraction',
    ],
    [
      'unknown model',
      ['--rate', '100', '--aht', '180', '--agents', '3', '--model', 'erlang-x'],
      '--model: expected one of erlang-c, erlang-a, erlang-b, finite-lines, erlang-a-lines, received "erlang-x" (did you mean "erlang-c"?)',
    ],
    ['no load', ['--aht', '180', '--agents', '3'], '--calls: expected exactly one load'],
    [
      'two loads',
      ['--rate', '100', '--erlangs', '3', '--aht', '180', '--agents', '3'],
      '--erlangs: expected exactly one load',
    ],
    [
      'calls without interval',
      ['--calls', '100', '--aht', '180', '--agents', '3'],
      '--interval: expected the interval length',
    ],
    [
      'no agents and no target',
      ['--rate', '100', '--aht', '180'],
      '--agents: expected operators to evaluate, or a target',
    ],
    [
      'abandon target in Erlang C',
      ['--rate', '100', '--aht', '180', '--max-abandon', '0.05'],
      '--max-abandon: expected a target the model can judge',
    ],
    [
      'patience with erlang-c',
      [
        '--rate',
        '100',
        '--aht',
        '180',
        '--agents',
        '3',
        '--model',
        'erlang-c',
        '--patience',
        '60s',
      ],
      '--patience: expected to be used with --model erlang-a',
    ],
    [
      'bad duration',
      ['--rate', '100', '--aht', '3 minutes', '--agents', '3'],
      '--aht: expected a positive duration',
    ],
    [
      'bad shrinkage',
      ['--rate', '100', '--aht', '180', '--agents', '3', '--shrinkage', '1'],
      '--shrinkage: expected a fraction',
    ],
    [
      'agents with --solve agents',
      [
        '--rate',
        '100',
        '--aht',
        '180',
        '--agents',
        '3',
        '--solve',
        'agents',
        '--service-level',
        '0.8',
      ],
      '--agents: expected no --agents with --solve agents',
    ],
    [
      'traffic with a load',
      [
        '--rate',
        '100',
        '--aht',
        '180',
        '--agents',
        '3',
        '--solve',
        'traffic',
        '--service-level',
        '0.8',
      ],
      '--rate: expected no load with --solve traffic',
    ],
  ])('%s', async (_name, args, message) => {
    const { code, out, err } = await staff(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err).toContain(`switchboard: ${message}`);
  });

  it('names the file and every bad line of a malformed plan CSV', async () => {
    const { code, err } = await staff('--plan', fixture('bad-load.csv'), '--service-level', '0.8');
    expect(code).toBe(2);
    expect(err).toContain('bad-load.csv: 3 problems');
    expect(err).toContain('line 3: calls: expected a number of calls ≥ 0, received "-3"');
    expect(err).toContain('line 4: aht_seconds');
    expect(err).toContain('line 5: interval_start');
  });

  it('names the line of a CSV row with the wrong number of cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-'));
    const path = join(dir, 'ragged.csv');
    await import('node:fs').then((fs) =>
      fs.writeFileSync(path, 'interval_start,calls\n2026-01-05T08:00,40\n2026-01-05T08:30\n'),
    );
    const { code, err } = await staff('--plan', path, '--aht', '180', '--service-level', '0.8');
    expect(code).toBe(2);
    expect(err).toMatch(/ragged\.csv: line 3: expected well-formed CSV/);
  });

  it('says so when no staffing meets the targets', async () => {
    const { code, err } = await staff(
      '--lines',
      '12',
      '--rate',
      '200',
      '--aht',
      '180',
      '--max-blocking',
      '0.0000001',
    );
    expect(code).toBe(2);
    expect(err).toMatch(
      /^switchboard: targets: expected targets that at most 12 operators can meet on 12 lines/,
    );
  });
});

describe('switchboard staff --plan', () => {
  it('plans per reason and totals operator hours', async () => {
    const { code, out } = await staff(
      '--plan',
      fixture('load.csv'),
      '--service-level',
      '0.8',
      '--json',
    );
    expect(code).toBe(0);
    const plan = JSON.parse(out);
    expect(plan.intervalMinutes).toBe(30);
    expect(plan.rows).toHaveLength(6);
    const hours = plan.rows.reduce((s: number, r: { agentHours: number }) => s + r.agentHours, 0);
    const sum = plan.totals.find((t: { reason: string }) => t.reason === 'sum');
    expect(sum.agentHours).toBeCloseTo(hours, 12);
    for (const row of plan.rows) {
      if (row.calls === 0) expect(row.evaluation).toBeNull();
      else expect(row.agentHours).toBe(row.evaluation.agents / 2);
    }
  });

  it('reads a forecast file and keeps its `all` rows apart from the per-reason sum', async () => {
    const { code, out } = await staff(
      '--plan',
      fixture('forecast.csv'),
      '--aht',
      '150s',
      '--service-level',
      '0.8',
      '--json',
    );
    expect(code).toBe(0);
    const plan = JSON.parse(out);
    expect(plan.rows.every((r: { reason: string }) => r.reason !== 'all')).toBe(true);
    expect(plan.pooled).toHaveLength(2);
    const sum = plan.totals.find((t: { reason: string }) => t.reason === 'sum');
    const all = plan.totals.find((t: { reason: string }) => t.reason === 'all');
    expect(sum.calls).toBeCloseTo(245.5, 9);
    expect(all.calls).toBeCloseTo(245.5, 9);
    // A pooled team needs no more hours than separate teams (economies of scale).
    expect(all.agentHours).toBeLessThanOrEqual(sum.agentHours);
    expect(sum.team).toBe('separate');
    expect(all.team).toBe('pooled');
    expect(plan.staffed).toEqual(all);
  });

  // Issue 14: the headline was the sum of separate per-reason teams (3679 h for the bank
  // forecast) while the switchboard is one pooled team (1564 h).
  it('staffs a one-reason forecast (reason + `all` rows) as one team, not two', async () => {
    // QA F-plan-1: the README's forecast → staff --plan pipeline printed twice the calls and
    // operator hours. Reference: the same load without its `all` rows, planned alone.
    const args = ['--aht', '150s', '--service-level', '0.8'];
    const { code, out, err } = await staff('--plan', fixture('forecast-one-reason.csv'), ...args);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.filter((l) => l.includes(',all,'))).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'staff-'));
    const single = join(dir, 'main.csv');
    writeFileSync(
      single,
      readFileSync(join(root, fixture('forecast-one-reason.csv')), 'utf8')
        .split('\n')
        .filter((l) => !l.includes(',all,'))
        .join('\n'),
    );
    const alone = await staff('--plan', single, ...args);
    expect(out).toBe(alone.out);
    expect(lines.at(-1)).toMatch(/^staffed,one team,245\.5,/);
  });

  it('heads the plan with the switchboard as staffed: pooled unless --teams separate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-'));
    const out = join(dir, 'plan.csv');
    const args = ['--plan', fixture('forecast.csv'), '--aht', '150s', '--service-level', '0.8'];
    const pooled = await staff(...args, '--threshold', '30s', '--out', out);
    expect(pooled.code).toBe(0);
    // Hand count from the fixture: pooled 8 + 18 operators over two half-hours = 13 h; separate
    // teams (6 + 4) + (13 + 8) = 15.5 h (docs/staff.md shows the same rows).
    expect(pooled.err).toBe(
      'wrote ' +
        out +
        ': 6 rows; staffed as one pooled team: 13.0 operator hours, 13.0 position hours ' +
        '(as 2 separate teams, one per reason: 15.5 operator hours)\n',
    );
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.slice(-5).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'total,appointments (separate team)',
      'total,results (separate team)',
      'total,separate teams (sum)',
      'total,pooled team (all)',
      'staffed,pooled team',
    ]);
    expect(lines.at(-1)).toMatch(/^staffed,pooled team,245\.5,(,){10}13,13$/);
    const separate = await staff(...args, '--threshold', '30s', '--teams', 'separate', '--json');
    const plan = JSON.parse(separate.out);
    expect(plan.staffed).toMatchObject({ reason: 'sum', team: 'separate', agentHours: 15.5 });
    const bad = await staff(...args, '--teams', 'pool');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--teams: expected pooled or separate, received "pool".*"pooled"/);
  });

  it('writes --out whole, leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-'));
    const out = join(dir, 'plan.csv');
    const result = await staff(
      '--plan',
      fixture('load.csv'),
      '--service-level',
      '0.8',
      '--out',
      out,
    );
    expect(result.code).toBe(0);
    expect(result.out).toBe('');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(
      /^interval_start,reason,calls,aht_seconds,traffic_erlangs,agents,positions,/,
    );
    expect(lines.at(-3)).toMatch(/^total,separate teams \(sum\),340,/);
    expect(lines.at(-1)).toMatch(/^staffed,pooled team,340,/);
    expect(readdirSync(dir)).toEqual(['plan.csv']);
  });

  it('refuses (exit 2) and writes nothing when --out is in a missing directory', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'staff-')), 'missing-dir', 'plan.csv');
    const result = await staff(
      '--plan',
      fixture('load.csv'),
      '--service-level',
      '0.8',
      '--out',
      out,
    );
    // Checked before the plan is computed, like --report (it was exit 1, at the write).
    expect(result.code).toBe(2);
    expect(result.err).toContain('--out: expected a file in an existing directory');
    expect(existsSync(out)).toBe(false);
  });
});

describe('the real bin/switchboard.js', () => {
  const bin = join(root, 'bin/switchboard.js');
  it.skipIf(!existsSync(join(root, 'dist/cli/commands/staff.js')))(
    'solves and fails like main()',
    () => {
      const ok = spawnSync(
        process.execPath,
        [bin, 'staff', '--rate', '200', '--aht', '3m', '--service-level', '0.8', '--json'],
        { timeout: 120_000, encoding: 'utf8' },
      );
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout).agents).toBe(14); // 13 give 0.7956 (C-CCH row of the reference CSV)
      const bad = spawnSync(
        process.execPath,
        [bin, 'staff', '--rate', '200', '--aht', '0', '--agents', '3'],
        { timeout: 120_000, encoding: 'utf8' },
      );
      expect(bad.status).toBe(2);
      expect(bad.stderr).toBe(
        'switchboard: --aht: expected a positive duration, received "0" (e.g. 180s, 3m, 1.5h, 14d, or a bare number of seconds)\n',
      );
    },
  );
});
