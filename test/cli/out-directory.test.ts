import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'out-directory-'));
copyFileSync(join(root, 'scenarios/baseline.yaml'), join(dir, 's.yaml'));

async function run(...argv: string[]) {
  const io = bufferIo(dir);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

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
