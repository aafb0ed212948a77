import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions } from '../../src/audit/index.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { sharedData } from '../shared-data.js';

// A CDR file given twice (or overlapping exports) must not double its legs, as a per-call export
// given twice is counted once (QA F-map-dup): a leg seen before, all of its fields alike, is
// counted once and in the later file's `duplicates`. Shown on a synthetic Asterisk Master.csv
// (always run) and on two public CDR files (../shared/data/logs/SOURCES.md).

const dir = mkdtempSync(join(tmpdir(), 'cdr-duplicates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// Asterisk 1.8–11 Master.csv, 18 fields (no header). Call 100.1 rings two phones at once: two
// forks with the same unique id, start and destination, told apart only by their channel.
const legs = [
  '"","0611","200","from-pstn","""A"" <0611>","SIP/trunk-01","SIP/201-01","Dial","SIP/201","2026-03-02 09:00:00","2026-03-02 09:00:05","2026-03-02 09:02:05","125","120","ANSWERED","DOCUMENTATION","100.1",""',
  '"","0611","200","from-pstn","""A"" <0611>","SIP/trunk-01","SIP/202-01","Dial","SIP/202","2026-03-02 09:00:00","","2026-03-02 09:00:05","5","0","NO ANSWER","DOCUMENTATION","100.1",""',
  '"","0622","200","from-pstn","""B"" <0622>","SIP/trunk-02","SIP/201-02","Dial","SIP/201","2026-03-02 09:10:00","","2026-03-02 09:10:30","30","0","NO ANSWER","DOCUMENTATION","100.2",""',
  '"","0633","300","from-pstn","""C"" <0633>","SIP/trunk-03","SIP/301-03","Dial","SIP/301","2026-03-02 09:20:00","2026-03-02 09:20:02","2026-03-02 09:21:02","62","60","ANSWERED","DOCUMENTATION","100.3",""',
];

describe('a CDR given twice counts its legs once', () => {
  it('the same Master.csv twice: legs and calls as once, every leg of the second a duplicate', async () => {
    const once = await auditFiles([write('once.csv', `${legs.join('\n')}\n`)], defaultAuditOptions);
    expect(once.report.calls.cdr).toMatchObject({ legs: 4, calls: 3, answered: 2, noAnswer: 1 });
    const path = write('Master.csv', `${legs.join('\n')}\n`);
    const twice = await auditFiles([path, path], defaultAuditOptions);
    // Before: 8 legs in 3 calls.
    expect(twice.report.calls.cdr).toEqual(once.report.calls.cdr);
    expect(twice.report.input.map((f) => f.duplicates)).toEqual([undefined, 4]);
    expect(twice.report.input.map((f) => f.records)).toEqual([4, 4]);
  });

  it('overlapping exports give the legs of their union; forks of one dial stay two legs', async () => {
    const early = write('early.csv', `${legs.slice(0, 3).join('\n')}\n`);
    const late = write('late.csv', `${legs.slice(1).join('\n')}\n`);
    const { report } = await auditFiles([early, late], defaultAuditOptions);
    expect(report.calls.cdr).toMatchObject({ legs: 4, calls: 3 });
    expect(report.input[1]!.duplicates).toBe(2);
  });

  it('says so in the summary, one way for per-call records and CDR legs', async () => {
    const path = write('again.csv', `${legs.join('\n')}\n`);
    const io = bufferIo();
    expect(await main(['audit', path, path], io)).toBe(0);
    expect(io.out).toContain('; 4 duplicates (records seen before: counted once)');
    expect(io.out).toContain('CDR: 4 legs in 3 calls');
  });
});

const freeswitch = sharedData('logs/freeswitch-cdr.csv');
const master21 = sharedData('logs/djcdr-master21.csv');

describe.skipIf(!freeswitch || !master21)('public CDR files', () => {
  it('FreeSWITCH: its two identical rows are one leg (SOURCES.md: one uuid 3 times, 2 rows alike)', async () => {
    const text = readFileSync(freeswitch!, 'utf8');
    const rows: string[][] = parse(text, { relaxQuotes: true });
    const distinct = new Set(rows.map((r) => r.join('\u0000'))).size;
    expect(rows.length - distinct).toBe(1);
    const { report } = await auditFiles([freeswitch!], defaultAuditOptions);
    expect(report.calls.cdr!.legs).toBe(distinct);
    expect(report.input[0]!.duplicates).toBe(1);
  });

  it('a 21-column Master.csv given twice has its own legs, not twice as many', async () => {
    const once = await auditFiles([master21!], defaultAuditOptions);
    const twice = await auditFiles([master21!, master21!], defaultAuditOptions);
    // The file's records, counted from the file: one leg a line.
    const lines = readFileSync(master21!, 'latin1')
      .split('\n')
      .filter((l) => l !== '').length;
    expect(once.report.calls.cdr!.legs).toBe(lines);
    expect(twice.report.calls.cdr).toEqual(once.report.calls.cdr);
    expect(twice.report.input[1]!.duplicates).toBe(lines);
  });
});
