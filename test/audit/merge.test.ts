import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions } from '../../src/audit/index.js';

// Law: a log split into several files (as rotated logs are: queue_log, queue_log.1…) gives
// the same audit as the whole log, because files are merged in time order.
const fixture = fileURLToPath(new URL('./fixtures/small.queue_log', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'audit-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('several files are merged in time order', () => {
  it('gives the same calls, callers and KPIs as the single file', async () => {
    const lines = readFileSync(fixture, 'utf8').trimEnd().split('\n');
    const parts = [[], [], []] as string[][];
    lines.forEach((line, i) => parts[i % 3]!.push(line));
    const paths = parts.map((p, k) => {
      const path = join(dir, `part${k}.queue_log`);
      writeFileSync(path, `${p.join('\n')}\n`);
      return path;
    });
    const whole = (await auditFiles([fixture], defaultAuditOptions)).report;
    const split = (await auditFiles(paths, defaultAuditOptions)).report;
    const sum = (key: 'lines' | 'records' | 'blank' | 'rejected') =>
      split.input.reduce((a, f) => a + f[key], 0);
    expect(sum('lines')).toBe(whole.input[0]!.lines);
    expect(sum('records')).toBe(whole.input[0]!.records);
    expect(sum('rejected')).toBe(whole.input[0]!.rejected);
    const { input: _a, ...restWhole } = whole;
    const { input: _b, ...restSplit } = split;
    expect(restSplit).toEqual(restWhole);
  });
});
