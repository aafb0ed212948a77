import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// QA F-cmp-name: two files with the same `name:` (docs/audit.md's workflow: a calibrated
// scenario and a copy with one operator more) gave "X compared with X", the files nowhere.
describe('compare: scenarios of the same name', () => {
  it('are told apart by their files', async () => {
    const root = new URL('../..', import.meta.url).pathname;
    const dir = mkdtempSync(join(tmpdir(), 'compare-labels-'));
    for (const name of ['a.yaml', 'b.yaml'])
      copyFileSync(join(root, 'scenarios/baseline.yaml'), join(dir, name));
    const io = bufferIo(dir);
    const argv = ['compare', 'a.yaml', 'b.yaml', '--days', '1', '--replications', '2', '--json'];
    expect(await main(argv, io)).toBe(0);
    const report = JSON.parse(io.out);
    expect(report.base).toBe('University hospital switchboard (baseline) (a.yaml)');
    expect(report.comparisons[0].variant).toBe(
      'University hospital switchboard (baseline) (b.yaml)',
    );
  });
});
