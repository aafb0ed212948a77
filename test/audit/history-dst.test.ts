import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions } from '../../src/audit/index.js';
import { parseHistoryCsv } from '../../src/forecasting/parse-history-csv.js';

// history.csv is counted on local clock times. In Europe/Paris (EU summer time, Directive
// 2000/84/EC: clocks go forward at 01:00 UTC on the last Sunday of March and back at 01:00 UTC
// on the last Sunday of October) 29 March 2026 has no 02:00–03:00 and 25 October 2026 has it
// twice. A native queue_log written here (epochs are UTC), one answered call each at:
const calls = [
  '2026-03-28T10:00:00Z', // 11:00 CET, the day before
  '2026-03-29T00:40:00Z', // 01:40 CET, just before the jump
  '2026-03-29T01:10:00Z', // 03:10 CEST, just after it
  '2026-03-29T10:00:00Z', // 12:00 CEST
  '2026-10-25T00:20:00Z', // 02:20 CEST, the first 02:20
  '2026-10-25T01:20:00Z', // 02:20 CET, the second 02:20
  '2026-10-25T10:00:00Z', // 11:00 CET
];
const lines = calls.flatMap((iso, i) => {
  const t = Date.parse(iso) / 1000;
  return [
    `${t}|c${i}|main|NONE|ENTERQUEUE||0600000${i}|1`,
    `${t + 10}|c${i}|main|Agent/1|CONNECT|10|b${i}|2`,
    `${t + 70}|c${i}|main|Agent/1|COMPLETECALLER|10|60|1`,
  ];
});
const dir = mkdtempSync(join(tmpdir(), 'history-dst-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'dst.queue_log');
writeFileSync(file, `${lines.join('\n')}\n`);

describe('history.csv across daylight-saving changes (Europe/Paris, 2026)', async () => {
  const { history } = await auditFiles([file], {
    ...defaultAuditOptions,
    timeZone: 'Europe/Paris',
  });
  const ofDay = (day: string) => history.filter(([t]) => t.startsWith(day));

  it('writes no row at a clock time the spring-forward day skips', () => {
    const times = ofDay('2026-03-29').map(([t]) => t.slice(11, 16));
    // Before: 02:00 and 02:30 were written (with 0 calls), times that never happened.
    expect(times).not.toContain('02:00');
    expect(times).not.toContain('02:30');
    expect(times).toHaveLength(46); // 23 hours of 30-minute intervals
    expect(ofDay('2026-03-29').find(([t]) => t.endsWith('01:30:00'))?.[1]).toBe(1);
    expect(ofDay('2026-03-29').find(([t]) => t.endsWith('03:00:00'))?.[1]).toBe(1);
    expect(ofDay('2026-03-28')).toHaveLength(48);
  });

  it('writes the fall-back day’s repeated hour once, holding the calls of both', () => {
    expect(ofDay('2026-10-25')).toHaveLength(48);
    expect(ofDay('2026-10-25').find(([t]) => t.endsWith('02:00:00'))?.[1]).toBe(2);
  });

  it('is read back by the forecaster without a warning, every call counted', () => {
    const text = `interval_start,calls,reason\n${history.map((r) => r.join(',')).join('\n')}\n`;
    const read = parseHistoryCsv(text, { timeZone: 'Europe/Paris', absent: 'missing' });
    expect(read.warnings.filter((w) => /daylight-saving/.test(w.message))).toEqual([]);
    expect(history.reduce((sum, [, n]) => sum + n, 0)).toBe(calls.length);
  });
});
