import {
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// QA F-clobber: an output path naming the command's own input replaced it (a scenario by a
// queue_log, a history by its forecast, a load file by its plan), rc 0. Now refused before any
// work, exit 2, the input untouched — whether named by the same path, another spelling of it,
// a hard link or a symbolic link given as the input.
const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'output-not-input-'));
const copy = (from: string, name: string) => {
  copyFileSync(join(root, from), join(dir, name));
  return readFileSync(join(dir, name));
};
const scenario = copy('scenarios/baseline.yaml', 's.yaml');
const history = copy('docs/examples/paris-calls.csv', 'calls.csv');
const load = copy('test/staffing/fixtures/load.csv', 'load.csv');
linkSync(join(dir, 's.yaml'), join(dir, 'hard.html'));
symlinkSync(join(dir, 'calls.csv'), join(dir, 'calls-link.csv'));

async function run(...argv: string[]) {
  const io = bufferIo(dir);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('an output is never one of the command’s inputs', () => {
  it.each([
    [
      ['simulate', 's.yaml', '--days', '1', '--replications', '1', '--queue-log', 's.yaml'],
      '--queue-log: expected a file other than the command\'s input, received "s.yaml" (it is the scenario "s.yaml")',
    ],
    [
      ['simulate', 's.yaml', '--days', '1', '--replications', '1', '--report', 'hard.html'],
      '--report: expected a file other than the command\'s input, received "hard.html" (it is the scenario "s.yaml")',
    ],
    [
      [
        'compare',
        's.yaml#warm-transfers',
        '--days',
        '1',
        '--replications',
        '2',
        '--report',
        'hard.html',
      ],
      '(it is the scenario "s.yaml#warm-transfers")',
    ],
    [
      ['forecast', '--history', 'calls.csv', '--horizon', '1d', '--out', './calls.csv'],
      '--out: expected a file other than the command\'s input, received "./calls.csv" (it is the --history file)',
    ],
    [
      ['forecast', '--history', 'calls-link.csv', '--horizon', '1d', '--out', 'calls.csv'],
      '(it is the --history file)',
    ],
    [
      ['staff', '--plan', 'load.csv', '--service-level', '0.8', '--out', 'load.csv'],
      '--out: expected a file other than the command\'s input, received "load.csv" (it is the --plan file)',
    ],
  ])('%j', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(err).toContain(message);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(readFileSync(join(dir, 's.yaml'))).toEqual(scenario);
    expect(readFileSync(join(dir, 'calls.csv'))).toEqual(history);
    expect(readFileSync(join(dir, 'load.csv'))).toEqual(load);
  });
});

describe('a non-empty --out directory (QA F-force)', () => {
  it('is refused before the work, advising --force only where the command has it', async () => {
    const full = join(dir, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'x'), '');
    const sweep = await run(
      'sweep',
      's.yaml',
      '--vary',
      'transfers.mode=wild,warm',
      '--out',
      'full',
    );
    expect(sweep.code).toBe(2);
    expect(sweep.err).toBe(
      'switchboard: --out: expected a new or empty directory, received "full" (1 entry already there; choose another directory or empty this one)\n',
    );
    const simulate = await run('simulate', 's.yaml', '--out', 'full');
    expect(simulate.err).toBe(sweep.err);
    const audit = await run(
      'audit',
      join(root, 'test/audit/fixtures/small.queue_log'),
      '--out',
      'full',
    );
    expect(audit.code).toBe(2);
    expect(audit.err).toContain('(1 entry already there; --force replaces the files');
  });
});
