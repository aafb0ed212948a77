import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// QA-REPORT-5 G-ignored-silent (rows a map marks `ignore` appeared nowhere in the text or the
// page, so records and calls did not reconcile) and G-redial-share (the redial share is of the
// identified callers' unanswered calls, which the text and page did not say). A small per-call
// export whose figures are counted here by hand.
const dir = mkdtempSync(join(tmpdir(), 'summary-wording-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const map = `callId: id
caller: caller
unidentifiedCallers: ['0']
queue: queue
agent: agent
times: { arrival: arrival, queueStart: q_start, answer: answer, end: end }
outcome: { column: outcome, values: { served: answered, hung: abandoned, PHANTOM: ignore, TEST: ignore } }
`;
const rows = [
  'id,caller,queue,agent,arrival,q_start,answer,end,outcome',
  // Caller 0611 hangs up, then calls again 10 minutes later and is served: 1 redial.
  '1,0611,main,,2026-03-02T09:00:00,2026-03-02T09:00:05,,2026-03-02T09:01:05,hung',
  '2,0611,main,alice,2026-03-02T09:11:00,2026-03-02T09:11:05,2026-03-02T09:11:35,2026-03-02T09:15:00,served',
  // An unidentified caller hangs up: unanswered, but nobody can tell whether they called back.
  '3,0,main,,2026-03-02T09:20:00,2026-03-02T09:20:05,,2026-03-02T09:22:05,hung',
  '4,0622,main,bob,2026-03-02T09:30:00,2026-03-02T09:30:05,2026-03-02T09:30:25,2026-03-02T09:34:00,served',
  // Three rows the map ignores.
  '5,0633,main,,2026-03-02T09:40:00,,,2026-03-02T09:40:01,PHANTOM',
  '6,0633,main,,2026-03-02T09:41:00,,,2026-03-02T09:41:01,PHANTOM',
  '7,0644,main,,2026-03-02T09:42:00,,,2026-03-02T09:42:01,TEST',
  '',
].join('\n');

describe('the audit summary says what the map ignored and whose calls the redial share is of', () => {
  it('text and page', async () => {
    const csv = join(dir, 'calls.csv');
    const mapFile = join(dir, 'map.yaml');
    writeFileSync(csv, rows);
    writeFileSync(mapFile, map);
    const page = join(dir, 'audit.html');
    const io = bufferIo(dir);
    expect(await main(['audit', csv, '--map', mapFile, '--report', page], io), io.err).toBe(0);
    // 8 lines = 7 records + header; 4 calls offered; 3 rows ignored, 2 of one value.
    expect(io.out).toContain('8 lines = 7 records + 1 blank + 0 rejected');
    expect(io.out).toContain('Queue calls: 4 offered');
    expect(io.out).toContain('; ignored (map): 3 rows (PHANTOM 2, TEST 1)');
    // 2 unanswered calls, 1 of an identified caller, redialled: 100 %, not 50 %.
    expect(io.out).toContain(": 1 (100.0% of the identified callers' unanswered calls)");
    const html = readFileSync(page, 'utf8').replace(/&#39;|&#x27;|&apos;/g, "'");
    expect(html).toContain('ignored (map): 3 rows (PHANTOM 2, TEST 1)');
    expect(html).toContain('the column map ignored 3 rows (PHANTOM 2, TEST 1)');
    expect(html).toContain("of the identified callers' unanswered calls");
    expect(html).not.toMatch(/of unanswered calls were/);
  });

  it('one ignored value is named alone', async () => {
    const csv = join(dir, 'one.csv');
    const mapFile = join(dir, 'map1.yaml');
    writeFileSync(csv, rows.replace(',TEST\n', ',PHANTOM\n'));
    writeFileSync(mapFile, map);
    const io = bufferIo(dir);
    expect(await main(['audit', csv, '--map', mapFile], io), io.err).toBe(0);
    expect(io.out).toContain('; ignored (map): 3 rows (PHANTOM)');
  });
});
