import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const ERLANG_A = [
  'staff',
  '--erlangs',
  '10',
  '--aht',
  '120s',
  '--agents',
  '9',
  '--patience',
  '90s',
];
const QUICK = ['--simulate', '--replications', '4', '--horizon', '1h', '--warmup', '10m'];

async function run(args: string[]) {
  const io = bufferIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('switchboard staff --simulate', () => {
  it('--json gains exactly the key `simulation` with the keys of issue 4', async () => {
    const { code, out } = await run([...ERLANG_A, ...QUICK, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json).at(-1)).toBe('simulation');
    expect(Object.keys(json.simulation)).toEqual([
      'serviceLevel',
      'probabilityWait',
      'asaSeconds',
      'meanWaitSeconds',
      'occupancy',
      'probabilityAbandon',
      'probabilityBlocking',
      'offered',
      'answered',
      'abandoned',
      'blocked',
      'replications',
      'seed',
      'events',
      'wallSeconds',
    ]);
    for (const key of ['serviceLevel', 'offered', 'probabilityAbandon']) {
      expect(Object.keys(json.simulation[key])).toEqual(['mean', 'ci95']);
      expect(json.simulation[key].ci95).toHaveLength(2);
    }
    expect(json.simulation.replications).toBe(4);
  });

  it('same seed ⇒ byte-identical JSON on 1 or 2 threads (wall-clock seconds aside)', async () => {
    const one = await run([...ERLANG_A, ...QUICK, '--seed', '7', '--threads', '1', '--json']);
    const two = await run([...ERLANG_A, ...QUICK, '--seed', '7', '--threads', '2', '--json']);
    const strip = (text: string) => text.replace(/"wallSeconds": [0-9.e+-]+/, '"wallSeconds": 0');
    expect(strip(two.out)).toBe(strip(one.out));
    const other = await run([...ERLANG_A, ...QUICK, '--seed', '8', '--json']);
    expect(strip(other.out)).not.toBe(strip(one.out));
  });

  it('prints the simulation beside the formula in the table', async () => {
    const { code, out } = await run([...ERLANG_A, ...QUICK, '--aht-cv', '0.5']);
    expect(code).toBe(0);
    expect(out).toMatch(/simulation: 4 replications, seed 1, \d+ events/);
    expect(out).toMatch(/abandoned\s+18\.84 %\s+\d+\.\d+ %\s+\d+\.\d+ % – \d+\.\d+ %/);
  });

  it('says there is no steady state when Erlang C is overloaded', async () => {
    const { code, out } = await run([
      'staff',
      '--erlangs',
      '12',
      '--aht',
      '60',
      '--agents',
      '10',
      ...QUICK,
    ]);
    expect(code).toBe(0);
    expect(out).toContain('no steady state');
  });

  it('simulates finite lines together with patience (erlang-a-lines): callers blocked AND abandoning', async () => {
    const args = ['staff', '--erlangs', '10', '--aht', '2m', '--agents', '9', '--lines', '12'];
    const { code, out } = await run([...args, '--patience', '90s', ...QUICK, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.model).toBe('erlang-a-lines');
    expect(json.simulation.blocked.mean).toBeGreaterThan(0);
    expect(json.simulation.abandoned.mean).toBeGreaterThan(0);
    // Any patience distribution, as for erlang-a; never for a model without patience.
    const weibull = await run([
      ...args,
      '--patience',
      '90s',
      ...QUICK,
      '--patience-dist',
      'weibull:0.8',
    ]);
    expect(weibull.code).toBe(0);
    const spec = '{distribution: exponential, mean: 60}';
    const noPatience = await run([...args, ...QUICK, '--patience-dist', spec]);
    expect(noPatience.code).toBe(2);
    expect(noPatience.err).toContain('--patience-dist: expected a model with patience');
  });

  it.each([
    [['--replications', '0'], '--replications'],
    [['--horizon=-1h'], '--horizon'],
    [['--aht-cv', '-0.3'], '--aht-cv'],
    [['--threads', '500'], '--threads'],
    [['--patience-dist', 'weibul:2'], '--patience-dist'],
  ])('bad input %j: one line naming %s, exit 2', async (extra, flag) => {
    const { code, err } = await run([...ERLANG_A, '--simulate', ...extra]);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(flag);
  });

  it('refuses simulation flags without --simulate, and fractional operators', async () => {
    expect((await run([...ERLANG_A, '--replications', '3'])).code).toBe(2);
    const frac = await run([
      'staff',
      '--erlangs',
      '5',
      '--aht',
      '60',
      '--agents',
      '7.5',
      '--simulate',
    ]);
    expect(frac.code).toBe(2);
    expect(frac.err).toContain('whole number');
  });
});

describe('the real bin/switchboard.js', () => {
  it('runs staff --simulate on 2 threads', () => {
    const bin = fileURLToPath(new URL('../../bin/switchboard.js', import.meta.url));
    const result = spawnSync(
      process.execPath,
      [
        bin,
        'staff',
        '--erlangs',
        '5',
        '--aht',
        '2m',
        '--agents',
        '7',
        '--simulate',
        '--replications',
        '4',
        '--horizon',
        '2h',
        '--threads',
        '2',
        '--json',
      ],
      { timeout: 120_000, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.simulation.probabilityAbandon.mean).toBe(0); // Erlang C: nobody hangs up
    expect(json.simulation.serviceLevel.mean).toBeGreaterThan(0.5);
    expect(result.stderr).toBe('');
  });
});
