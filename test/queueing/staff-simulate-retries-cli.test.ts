import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { SIMULATED_KEYS } from '../../src/queueing/summarize-queue-replications.js';

// The Westbay manual's Extended Erlang B example: 5.5 E, 11 lines, half of blocked callers retry.
const WESTBAY = [
  'staff',
  '--model',
  'erlang-b',
  '--erlangs',
  '5.5',
  '--aht',
  '3m',
  '--agents',
  '11',
  '--retries',
  '0.5',
];
const QUICK = ['--simulate', '--replications', '4', '--horizon', '4h'];

async function run(args: string[]) {
  const io = bufferIo();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('switchboard staff --model erlang-b --retries R --simulate', () => {
  it('--json: simulation.retries holds the delay, Extended Erlang B and the simulated measures', async () => {
    const { code, out, err } = await run([...WESTBAY, ...QUICK, '--retry-delay', '2m', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json.simulation)).toEqual([
      ...SIMULATED_KEYS,
      'retries',
      'replications',
      'seed',
      'events',
      'wallSeconds',
    ]);
    const retries = json.simulation.retries;
    expect(Object.keys(retries)).toEqual([
      'retryFraction',
      'retryDelaySeconds',
      'extendedErlangB',
      'probabilityBlocking',
      'probabilityLost',
      'attemptsPerCaller',
      'offeredErlangs',
    ]);
    expect(retries.retryFraction).toBe(0.5);
    expect(retries.retryDelaySeconds).toBe(120);
    // The formula's per-attempt blocking is the one the staffing table prints.
    expect(retries.extendedErlangB.probabilityBlocking).toBe(json.probabilityBlocking);
    for (const key of ['probabilityBlocking', 'probabilityLost', 'attemptsPerCaller']) {
      expect(Object.keys(retries[key])).toEqual(['mean', 'ci95']);
      expect(retries[key].ci95).toHaveLength(2);
    }
  });

  it('prints the retry rows beside Extended Erlang B, counts as attempts', async () => {
    const { code, out } = await run([...WESTBAY, ...QUICK]);
    expect(code).toBe(0);
    expect(out).toContain(
      'retries: 50 % of blocked attempts retry after an exponential delay of mean 5 min 00 s',
    );
    expect(out).toMatch(/blocked per attempt\s+1\.50 %\s+\d+\.\d+ %\s+\d+\.\d+ % – \d+\.\d+ %/);
    expect(out).toMatch(/callers lost\s+0\.76 %\s+\d+\.\d+ %/);
    expect(out).toMatch(/attempts per caller\s+1\.0076\s+1\.\d{4}\s+1\.\d{4} – 1\.\d{4}/);
    expect(out).toMatch(/offered with retries\s+5\.542 E\s+\d\.\d{3} E/);
    expect(out).toMatch(/attempts offered\s+—\s+\d+/);
  });

  it.each([
    [[...WESTBAY, '--retry-delay', '5m'], 'to be used with --simulate'],
    [[...WESTBAY, '--simulate', '--retry-delay', '0'], 'positive duration'],
    [[...WESTBAY, '--simulate', '--retry-delay', 'soon'], 'duration'],
    [
      [
        'staff',
        '--model',
        'erlang-b',
        '--erlangs',
        '5.5',
        '--agents',
        '11',
        '--simulate',
        '--retry-delay',
        '5m',
      ],
      'to be used with --retries above 0',
    ],
  ])('refuses %j: one line naming --retry-delay, exit 2', async (args, expected) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('--retry-delay');
    expect(err).toContain(expected);
  });
});

describe('the real bin/switchboard.js with retries', () => {
  const bin = fileURLToPath(new URL('../../bin/switchboard.js', import.meta.url));
  const json = (extra: string[]) => {
    const result = spawnSync(
      process.execPath,
      [bin, ...WESTBAY, '--simulate', '--replications', '6', '--horizon', '4h', '--json', ...extra],
      { timeout: 120_000, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return result.stdout.replace(/"wallSeconds": [0-9.e+-]+/, '"wallSeconds": 0');
  };

  it('same seed ⇒ byte-identical JSON on 1 or 3 threads; another seed, other numbers', () => {
    const one = json(['--seed', '11', '--threads', '1']);
    expect(json(['--seed', '11', '--threads', '3'])).toBe(one);
    expect(json(['--seed', '12', '--threads', '1'])).not.toBe(one);
    expect(JSON.parse(one).simulation.retries.attemptsPerCaller.mean).toBeGreaterThan(1);
  });
});
