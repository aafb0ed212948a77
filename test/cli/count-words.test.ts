import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { countText } from '../../src/units/fixed.js';

// QA F-fmt-zero: "× 1 replications", "forecast: 1 days × 48 intervals".
describe('counts with their nouns', () => {
  it('countText: singular for exactly one', () => {
    expect(countText(1, 'day')).toBe('1 day');
    expect(countText(0, 'day')).toBe('0 days');
    expect(countText(7, 'replication')).toBe('7 replications');
    expect(countText(2, 'entry', 'entries')).toBe('2 entries');
  });

  it('simulate and forecast headers', async () => {
    const root = new URL('../..', import.meta.url).pathname;
    const io = bufferIo(root);
    const argv = ['simulate', 'scenarios/baseline.yaml', '--days', '1', '--replications', '1'];
    expect(await main(argv, io)).toBe(0);
    expect(io.out).toMatch(/— 1 day from \d{4}-\d{2}-\d{2} × 1 replication, seed 1\n/);
    const fc = bufferIo(root);
    const history = ['--history', 'docs/examples/paris-calls.csv', '--horizon', '1d'];
    const out = join(mkdtempSync(join(tmpdir(), 'count-words-')), 'f.csv');
    expect(await main(['forecast', ...history, '--out', out], fc)).toBe(0);
    expect(fc.err).toMatch(/forecast: 1 day × 48 intervals/);
  });
});
