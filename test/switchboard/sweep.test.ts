import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const root = new URL('../..', import.meta.url).pathname;
const baseline = join(root, 'scenarios/baseline.yaml');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo(root);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

const small = ['--days', '1', '--replications', '3', '--seed', '2'];

describe('switchboard sweep', () => {
  it('runs every combination on common random numbers, ranked, with the correction stated', async () => {
    const r = await run([
      'sweep',
      baseline,
      '--vary',
      'transfers.mode=wild,warm',
      '--vary',
      'queues.main.operators.default.2.operators=7,9',
      ...small,
      '--threads',
      '2',
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    const labels = report.variants.map((v: { label: string }) => v.label).sort();
    expect(labels).toEqual([
      'transfers.mode=warm, queues.main.operators.default.2.operators=7',
      'transfers.mode=warm, queues.main.operators.default.2.operators=9',
      'transfers.mode=wild, queues.main.operators.default.2.operators=7',
      'transfers.mode=wild, queues.main.operators.default.2.operators=9',
    ]);
    expect(report.variants.map((v: { rank: number }) => v.rank)).toEqual([1, 2, 3, 4]);
    expect(report.correction).toMatch(/Holm's step-down correction over the 20 paired t-tests/);
    // The base already has wild transfers and 7 operators there: that variant is the base, and
    // on common random numbers it differs by exactly nothing.
    const same = report.variants.find(
      (v: { label: string }) =>
        v.label === 'transfers.mode=wild, queues.main.operators.default.2.operators=7',
    );
    for (const m of same.measures) {
      expect(m.difference.mean).toBe(0);
      expect(m.verdict).toBe('no difference detectable');
    }
    // Ranked on the service level, better (higher) first.
    const sl = report.variants.map(
      (v: { measures: { name: string; variant: { mean: number } }[] }) =>
        v.measures.find((m) => m.name === 'overall.serviceLevel')!.variant.mean,
    );
    expect([...sl].sort((a, b) => b - a)).toEqual(sl);
  });

  it('prints the same text on 1 thread as on 2', async () => {
    const args = ['sweep', baseline, '--vary', 'transfers.mode=wild,warm', ...small];
    const one = await run(args);
    const two = await run([...args, '--threads', '2']);
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    expect(one.out).toMatch(/^Sweep of University hospital switchboard/);
    expect(one.out).toMatch(/Correction: Holm's step-down/);
  });

  it.each([
    [
      ['--vary', 'queues.main.callback.acceptance=0.2,0.4'],
      /^switchboard: --vary: expected a path to a value written in the scenario .*received "queues\.main\.callback\.acceptance"/,
    ],
    [['--vary', 'transfers.mode'], /^switchboard: --vary: expected PATH=V1,V2,…/],
    [
      ['--vary', 'lines=60,many'],
      /^switchboard: --vary lines: expected numbers \(the scenario has 60 there\), received "many"/,
    ],
    [
      ['--vary', 'transfers=a,b'],
      /^switchboard: --vary transfers: expected a path to a single value/,
    ],
    [
      ['--vary', 'transfers.mode=wild,sideways'],
      /^switchboard: --vary transfers\.mode=sideways: expected transfers\.mode: /,
    ],
    [
      ['--vary', 'lines=60', '--measures', 'overall.nonsense'],
      /^switchboard: --measures: expected/,
    ],
    [[], /^switchboard: --vary: expected at least one PATH=V1,V2/],
  ])('refuses bad input before any work: %j', async (flags, message) => {
    const r = await run(['sweep', baseline, ...flags, ...small]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  });
});
