import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// `--flag -1h` used to be read by yargs as the flags -1 and -h (help, exit 0, or "Unknown
// argument"), while `--flag=-1h` reached the command's own check. Both spellings must now give
// that same one-line error naming the flag, what was expected and what was received (exit 2).
const root = fileURLToPath(new URL('../..', import.meta.url));
const scenario = join(root, 'scenarios/baseline.yaml');
const queueLog = join(root, 'test/audit/fixtures/small.queue_log');
const dir = mkdtempSync(join(tmpdir(), 'negative-values-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Three weeks of hourly counts, a valid history for `forecast`. */
function writeHistory(): string {
  const lines = ['interval_start,calls'];
  for (let d = 0; d < 21; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    for (let h = 8; h < 18; h++) lines.push(`${date}T${String(h).padStart(2, '0')}:00,${h % 5}`);
  }
  const path = join(dir, 'history.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
const history = writeHistory();

const staffBase = ['staff', '--calls', '100', '--interval', '30m', '--aht', '3m'];
/** [command line before the flag, flag, negative value, flag the error names]. */
const cases: [string[], string, string, string][] = [
  [['forecast', '--history', history], '--horizon', '-1h', '--horizon'],
  [['forecast', '--history', history], '--level', '-5', '--level'],
  [['forecast', '--history', history], '--interval', '-30m', '--interval'],
  [['forecast', '--history', history, '--backtest'], '--folds', '-2', '--folds'],
  [staffBase, '--agents', '-3', '--agents'],
  [['staff', '--interval', '30m', '--aht', '3m', '--agents', '5'], '--calls', '-1e3', '--calls'],
  [['staff', '--calls', '100', '--interval', '30m', '--agents', '5'], '--aht', '-3m', '--aht'],
  [[...staffBase, '--agents', '5'], '--threshold', '-20s', '--threshold'],
  [staffBase, '--service-level', '-0.8', '--service-level'],
  [['simulate', scenario], '--days', '-2', '--days'],
  [['simulate', scenario], '--replications', '-1', '--replications'],
  [['simulate', scenario], '--threads', '-4', '--threads'],
  [['compare', scenario, scenario], '--days', '-2', '--days'],
  [['audit', queueLog], '--micro-flow', '-1', '--micro-flow'],
  [['audit', queueLog], '--service-level', '-20s', '--service-level'],
  [['audit', queueLog], '--timezone', '-3', '--tz'],
];

async function run(argv: string[]) {
  const io = bufferIo(root);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('a negative value after a value-taking flag reaches the command’s own check', () => {
  it.each(cases)('%j %s %s', async (before, flag, value, named) => {
    const spaced = await run([...before, flag, value]);
    const joined = await run([...before, `${flag}=${value}`]);
    expect(spaced.code).toBe(2);
    expect(spaced.out).toBe('');
    expect(spaced.err.split('\n')).toHaveLength(2); // one line and its newline
    expect(spaced.err).toMatch(
      new RegExp(`^switchboard: ${named}: expected .+, received "?${value.replace('.', '\\.')}"?`),
    );
    expect(spaced).toEqual(joined);
  });
});

describe('through the real bin/switchboard.js (built dist/)', () => {
  const bin = join(root, 'bin/switchboard.js');
  const node = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { timeout: 120_000, cwd: root, encoding: 'utf8' });
  it('--aht -3m is the one-line --aht error, exit 2', () => {
    const r = node([
      'staff',
      '--calls',
      '100',
      '--interval',
      '30m',
      '--agents',
      '5',
      '--aht',
      '-3m',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^switchboard: --aht: expected .+, received "-3m".*\n$/);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });
  it('an unknown flag is bad usage: the command does not start and nothing crashes', () => {
    const r = node(['staff', '--calls', '100', '--level', '-5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'switchboard: --level: expected an option of switchboard staff (switchboard staff --help lists them), received "--level"\n',
    );
  });
});
