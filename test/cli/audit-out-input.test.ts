import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// `audit --out DIR --force` replaces the files of DIR that it writes (calls.csv, report.json,
// calibration.json, history.csv, scenario.yaml). Records audited from one of those names in DIR
// were replaced by the audit's own output (a review found `audit rec/calls.csv --format
// queue_log --out rec --force` rewrote the records, exit 0). README: results never replace an
// input; refused before any work, exit 2, the records untouched.
const root = new URL('../..', import.meta.url).pathname;
const records = join(root, 'test/audit/fixtures/small.queue_log');

describe('audit --out --force over its own input', () => {
  it('is refused, naming the file and the input; the records are untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-audit-clobber-'));
    mkdirSync(join(dir, 'rec'));
    copyFileSync(records, join(dir, 'rec/calls.csv'));
    const before = readFileSync(join(dir, 'rec/calls.csv'), 'utf8');
    const io = bufferIo(dir);
    const argv = ['audit', 'rec/calls.csv', '--format', 'queue_log', '--out', 'rec', '--force'];
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toBe(
      'switchboard: --out: expected a directory whose files are not the audit’s inputs, received "rec" (the audit writes calls.csv there, which is the input "rec/calls.csv": choose another directory)\n',
    );
    expect(readFileSync(join(dir, 'rec/calls.csv'), 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'rec'))).toEqual(['calls.csv']);
  });

  it('still writes into a directory that holds other files with --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-audit-clobber-'));
    mkdirSync(join(dir, 'rec'));
    copyFileSync(records, join(dir, 'rec/in.queue_log'));
    const io = bufferIo(dir);
    const argv = ['audit', 'rec/in.queue_log', '--out', 'rec', '--force'];
    expect(await main(argv, io), io.err).toBe(0);
    expect(readdirSync(join(dir, 'rec')).sort()).toEqual([
      'calibration.json',
      'calls.csv',
      'history.csv',
      'in.queue_log',
      'report.json',
      'scenario.yaml',
    ]);
  });
});
