import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { distinctLabels } from '../../src/scenario/distinct-labels.js';
import { stationaryQueueDocument } from './scenario-builders.js';

// docs/audit.md's workflow compares a calibrated scenario with a copy edited by sed: both files
// say `name: Calibrated from records`. Each side must still be told apart by its file.
describe('compare labels of scenarios with the same name', () => {
  it('adds the file to clashing names only, with as much of the path as tells them apart', () => {
    expect(
      distinctLabels([
        { name: 'A', file: '/w/audit/scenario.yaml' },
        { name: 'A', file: '/w/six.yaml' },
        { name: 'B', file: '/w/b.yaml' },
      ]),
    ).toEqual(['A (scenario.yaml)', 'A (six.yaml)', 'B']);
    expect(
      distinctLabels([
        { name: 'A', file: '/w/x/s.yaml' },
        { name: 'A', file: '/w/y/s.yaml' },
      ]),
    ).toEqual(['A (x/s.yaml)', 'A (y/s.yaml)']);
    expect(
      distinctLabels([
        { name: 'A', file: '/w/s.yaml' },
        { name: 'A', file: '/w/s.yaml' },
      ]),
    ).toEqual(['A (s.yaml)', 'A (s.yaml)']);
    expect(distinctLabels([{ name: 'A' }, { name: 'A' }])).toEqual(['A', 'A']);
  });

  it('names both files in the text, the JSON and the page title', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-labels-'));
    mkdirSync(join(dir, 'audit'));
    const doc = (operators: number) =>
      JSON.stringify({
        ...stationaryQueueDocument({ arrivalsPerHour: 20, ahtSeconds: 120, operators }),
        name: 'Calibrated from records',
      });
    writeFileSync(join(dir, 'audit', 'scenario.yaml'), doc(5));
    writeFileSync(join(dir, 'six.yaml'), doc(6));
    const args = ['compare', 'audit/scenario.yaml', 'six.yaml', '--days', '1'];
    const text = bufferIo(dir);
    const page = join(dir, 'cmp.html');
    expect(await main([...args, '--replications', '2', '--report', page], text), text.err).toBe(0);
    expect(text.out).toContain('Base: Calibrated from records (scenario.yaml) — 1 day ×');
    expect(text.out).toContain('Variant: Calibrated from records (six.yaml)');
    expect(readFileSync(page, 'utf8')).toContain(
      '<title>Calibrated from records (six.yaml) compared with Calibrated from records (scenario.yaml)',
    );
    const json = bufferIo(dir);
    expect(await main([...args, '--replications', '2', '--json'], json)).toBe(0);
    const report = JSON.parse(json.out);
    expect(report.base).toBe('Calibrated from records (scenario.yaml)');
    expect(report.comparisons[0].variant).toBe('Calibrated from records (six.yaml)');
    expect(report.comparisons[0].file).toBe('six.yaml');
  });
});
