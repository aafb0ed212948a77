import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// A run in which no call entered a queue (the fuzz's scenario closed all day: every caller hears
// the closed message) has no service level, wait or abandonment: `simulate --report` stopped with
// "Cannot read properties of undefined (reading 'mean')", exit 1 (fuzz finding F-fuzz-8).
const root = new URL('../..', import.meta.url).pathname;
const scenario = join(root, 'test/hostile/fixtures/report-closed-all-day.json');

describe('simulate --report of a run where no call entered a queue', () => {
  it('writes the page, saying there is no service level or abandonment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-no-queue-'));
    const io = bufferIo(dir);
    const argv = ['simulate', scenario, '--days', '1', '--replications', '2', '--report', 'p.html'];
    expect(await main(argv, io), io.err).toBe(0);
    const page = readFileSync(join(dir, 'p.html'), 'utf8');
    expect(page).toContain('No call entered a queue, so there is no service level or abandonment.');
    expect(page).not.toContain('Service level was');
  });
});
