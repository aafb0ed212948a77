import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { erlangALines, STAFFING_EVALUATION_KEYS } from '../../src/staffing/index.js';

// `switchboard staff --lines K --patience P`: the M/M/c/K+M model (erlang-a-lines) end to end.
// The numbers themselves are checked against references in erlang-a-lines-reference.test.ts;
// here: the flags choose the model, the keys and words are right, and bad input gets one line.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LOAD = ['--rate', '200', '--aht', '3m'];

async function staff(...args: string[]) {
  const io = bufferIo(root);
  const code = await main(['staff', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('switchboard staff --lines K --patience P', () => {
  it('evaluates M/M/c/K+M: the JSON keys of every model, abandonment and blocking together', async () => {
    const { code, out } = await staff(
      ...LOAD,
      '--patience',
      '2m',
      '--lines',
      '20',
      '--agents',
      '12',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual([...STAFFING_EVALUATION_KEYS]);
    expect(json.model).toBe('erlang-a-lines');
    const exact = erlangALines(12, 20, 10, 180, 120, 20);
    expect(json.probabilityBlocking).toBe(exact.probabilityBlocking);
    expect(json.probabilityAbandon).toBe(exact.probabilityAbandon);
    expect(json.serviceLevel).toBe(exact.serviceLevel);
    expect(json.probabilityBlocking).toBeGreaterThan(0);
    expect(json.probabilityAbandon).toBeGreaterThan(0);
  });

  it('--model erlang-a-lines says the same; the table names the model, patience and lines', async () => {
    const args = [...LOAD, '--patience', '2m', '--lines', '20', '--agents', '12'];
    const implicit = await staff(...args);
    const explicit = await staff(...args, '--model', 'erlang-a-lines');
    expect(explicit.out).toBe(implicit.out);
    expect(implicit.out).toContain(
      'M/M/c/K+M (finite lines and exponential patience), mean patience 2 min 00 s, 20 lines',
    );
    expect(implicit.out).toMatch(/abandoned {6}6\.10 % of offered calls/);
    expect(implicit.out).toMatch(/blocked {8}0\.07 % of offered calls get a busy signal/);
  });

  it('solves for the fewest operators meeting abandonment AND blocking targets', async () => {
    const targets = ['--service-level', '0.8', '--max-abandon', '0.05', '--max-blocking', '0.01'];
    const { code, out } = await staff(
      ...LOAD,
      '--patience',
      '2m',
      '--lines',
      '20',
      ...targets,
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.agents).toBe(13);
    expect(json.probabilityAbandon).toBeLessThanOrEqual(0.05);
    expect(erlangALines(12, 20, 10, 180, 120, 20).probabilityAbandon).toBeGreaterThan(0.05);
  });

  it('solves for the most traffic a staffing carries', async () => {
    const { code, out } = await staff(
      '--aht',
      '3m',
      '--patience',
      '1m',
      '--lines',
      '12',
      '--agents',
      '10',
      '--solve',
      'traffic',
      '--max-blocking',
      '0.02',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.model).toBe('erlang-a-lines');
    expect(json.probabilityBlocking).toBeCloseTo(0.02, 9);
  });

  it('plans a load file with both abandonment and blocking columns', async () => {
    const { code, out } = await staff(
      '--plan',
      'test/staffing/fixtures/load.csv',
      '--patience',
      '1m',
      '--lines',
      '20',
      '--service-level',
      '0.8',
      '--max-blocking',
      '0.02',
    );
    expect(code).toBe(0);
    const rows: Record<string, string>[] = parse(out, { columns: true });
    const planned = rows.filter(
      (r) => !['total', 'staffed'].includes(r.interval_start!) && Number(r.agents) > 0,
    );
    // 5 per-reason rows with calls, and the pooled team of each of the 3 intervals.
    expect(planned.length).toBe(8);
    for (const row of planned) {
      expect(row.probability_abandon).not.toBe('');
      expect(row.probability_blocking).not.toBe('');
      expect(Number(row.probability_blocking)).toBeLessThanOrEqual(0.02);
    }
  });
});

describe('switchboard staff --lines --patience: bad input gets one line and exit code 2', () => {
  it.each([
    [
      '--lines with --model erlang-a',
      ['--patience', '2m', '--lines', '20', '--agents', '12', '--model', 'erlang-a'],
      '--lines: expected to be used with --model finite-lines or erlang-a-lines, received --model erlang-a (with both --patience and --lines, the model is erlang-a-lines)',
    ],
    [
      '--patience with --model finite-lines',
      ['--patience', '2m', '--lines', '20', '--agents', '12', '--model', 'finite-lines'],
      '--patience: expected to be used with --model erlang-a or erlang-a-lines',
    ],
    [
      'erlang-a-lines without --patience',
      ['--lines', '20', '--agents', '12', '--model', 'erlang-a-lines'],
      '--patience: expected a mean patience for erlang-a-lines, e.g. 120s, received nothing',
    ],
    [
      'more operators than lines',
      ['--patience', '2m', '--lines', '10', '--agents', '12'],
      '--agents: expected at most --lines (10) operators, received "12"',
    ],
    [
      'fractional operators',
      ['--patience', '2m', '--lines', '20', '--agents', '11.5'],
      '--agents: expected a whole number of operators with --lines',
    ],
    [
      'blocking that rises with operators (patience < AHT) and cannot be met',
      ['--patience', '30s', '--lines', '12', '--service-level', '0.8', '--max-blocking', '0.01'],
      'targets: expected targets that some staffing on 12 lines meets (11 operators block 8.76 %, and more operators block more)',
    ],
  ])('%s', async (_name, args, message) => {
    const { code, out, err } = await staff(...LOAD, ...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err).toContain(`switchboard: ${message}`);
  });
});

describe('the real bin/switchboard.js', () => {
  it.skipIf(!existsSync(join(root, 'dist/staffing/erlang-a-lines.js')))(
    'evaluates --lines with --patience',
    () => {
      const result = spawnSync(
        process.execPath,
        [join(root, 'bin/switchboard.js'), 'staff', ...LOAD, '--patience', '2m', '--lines', '20'],
        { timeout: 120_000, encoding: 'utf8' },
      );
      // No --agents and no target: one line naming what is missing.
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      const ok = spawnSync(
        process.execPath,
        [
          join(root, 'bin/switchboard.js'),
          'staff',
          ...LOAD,
          '--patience',
          '2m',
          '--lines',
          '20',
          '--agents',
          '12',
          '--json',
        ],
        { timeout: 120_000, encoding: 'utf8' },
      );
      expect(ok.status).toBe(0);
      const json = JSON.parse(ok.stdout);
      expect(json.model).toBe('erlang-a-lines');
      expect(json.probabilityBlocking).toBe(
        erlangALines(12, 20, 10, 180, 120, 20).probabilityBlocking,
      );
    },
  );
});
