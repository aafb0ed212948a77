import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions, parseColumnMap } from '../../src/audit/index.js';
import { sharedData } from '../shared-data.js';

// Real records from ../shared/data/logs (sources and quirks in its SOURCES.md). Expected
// counts are the ones SOURCES.md quotes from an independent counter, and `wc -l`.

/** Lines as `wc -l` counts them, plus a last line without a newline. */
function physicalLines(path: string): number {
  const text = readFileSync(path, 'utf8');
  const newlines = text.split('\n').length - 1;
  return newlines + (text.length > 0 && !text.endsWith('\n') ? 1 : 0);
}

const samples = [
  'pbxware-realtime.csv',
  'malariapbx-realtime.sql',
  'asterisk2slack-fixture.queue_log',
  'pbxware-cdr.csv',
  'djcdr-master21.csv',
  'telswitch-master18.csv',
  'kelysaina-master19.csv',
  'freeswitch-cdr.csv',
  'freepbx-asteriskcdrdb.sql',
];

for (const name of samples) {
  const path = sharedData(`logs/${name}`);
  describe.skipIf(!path)(`sample ${name}`, () => {
    it('is audited without a crash, every line accounted for', async () => {
      const { report } = await auditFiles([path!], defaultAuditOptions);
      const f = report.input[0]!;
      expect(f.lines).toBe(f.records + f.blank + f.rejected);
      if (f.format !== 'sql') expect(f.lines).toBe(physicalLines(path!));
    });
  });
}

const audit = async (name: string) =>
  (await auditFiles([sharedData(`logs/${name}`)!], defaultAuditOptions)).report;

describe.skipIf(!sharedData('logs/pbxware-realtime.csv'))(
  'PBXware realtime queue_log (vendor columns)',
  () => {
    it('counts events and calls as the independent counter does', async () => {
      const r = await audit('pbxware-realtime.csv');
      const f = r.input[0]!;
      expect(f).toMatchObject({ format: 'queue_log-csv', records: 1000, blank: 1, rejected: 0 });
      expect(f.events).toMatchObject({
        ENTERQUEUE: 108,
        RINGNOANSWER: 360,
        ATTENDEDTRANSFER: 1,
        BLINDTRANSFER: 1,
        EXITWITHTIMEOUT: 1,
        OUTDIAL: 128,
        OUTANSWER: 77,
        CONNECT: 93,
        ABANDON: 12,
      });
      // SOURCES.md: 108 calls with an ENTERQUEUE; 2 of them are still waiting when the file ends
      // (ENTERQUEUE and RINGNOANSWER only, in its last 10 lines): open at the end, not offered.
      expect(r.calls).toMatchObject({
        offered: 106,
        openAtEnd: 2,
        other: 0,
        answered: 93,
        abandoned: 12,
        timeout: 1,
        blindTransfers: 1,
        attendedTransfers: 1,
      });
      // "108 queue calls come from 63 numbers", caller id moved from param1.
      expect(r.callers.distinct).toBe(63);
      expect(r.callers.unidentifiedCalls).toBe(0);
      expect(r.calls.unknownEvents).toEqual({});
    });
  },
);

describe.skipIf(!sharedData('logs/malariapbx-realtime.sql'))(
  'MySQL dump with queue_log and cdr tables',
  () => {
    it('reads the 85 queue_log and 23 cdr tuples by the dump’s own column names', async () => {
      const r = await audit('malariapbx-realtime.sql');
      const f = r.input[0]!;
      expect(f.records).toBe(85 + 23);
      expect((f.events.QUEUESTART ?? 0) + (f.events.CONFIGRELOAD ?? 0)).toBe(64);
      expect(f.ignoredTables).toHaveProperty('queue_members');
      // ABANDON 5 of 8 calls; the queue is `Support` in the log, `sales` too.
      expect(r.calls).toMatchObject({ offered: 8, abandoned: 5, timeout: 1 });
      expect(r.byQueue.map((q) => q.queue).sort()).toEqual(['Support', 'sales']);
      expect(r.calls.cdr?.legs).toBe(23);
    });
  },
);

describe.skipIf(!sharedData('logs/asterisk2slack-fixture.queue_log'))(
  'hand-edited native queue_log',
  () => {
    it('sees its quirks: duplicates, orphans, time going backwards, blank lines', async () => {
      const r = await audit('asterisk2slack-fixture.queue_log');
      const f = r.input[0]!;
      expect(f).toMatchObject({ lines: 23, blank: 2, rejected: 0, outOfOrder: 2 });
      expect(r.calls.duplicateEvents).toBe(6);
      expect(r.calls.callsWithoutEnterQueue).toBe(2);
      expect(r.calls.offered).toBe(2);
      expect(f.events.DID).toBe(1);
      expect(f.events.COMPLETEAGENT).toBe(4);
    });
  },
);

describe.skipIf(!sharedData('logs/freepbx-asteriskcdrdb.sql'))(
  'Navicat dump of FreePBX asteriskcdrdb',
  () => {
    it('rejects the 38 junk CDR rows by line, ignores cel and replicate_cdr', async () => {
      const r = await audit('freepbx-asteriskcdrdb.sql');
      const f = r.input[0]!;
      expect(f.records + f.rejected).toBe(574);
      expect(f.rejected).toBe(38);
      expect(f.firstRejected[0]!.reason).toMatch(/not a date/);
      expect(f.ignoredTables).toMatchObject({ cel: 4100, replicate_cdr: 581 });
    });
  },
);

describe.skipIf(!sharedData('logs/pbxware-cdr.csv'))('CDR variants', () => {
  it('reads PBXware CDR (broken quoting, 26 columns) with no rejection', async () => {
    const r = await audit('pbxware-cdr.csv');
    expect(r.input[0]).toMatchObject({ format: 'cdr-csv', records: 1000, blank: 1, rejected: 0 });
    expect(Object.keys(r.input[0]!.events).sort()).toEqual([
      'ANSWERED',
      'BUSY',
      'FAILED',
      'NO ANSWER',
    ]);
  });
  it('reads Master.csv with 21, 18 and 19 columns', async () => {
    const dj = await audit('djcdr-master21.csv');
    expect(dj.input[0]!.events).toMatchObject({ 'NO ANSWER': 46, ANSWERED: 37 });
    expect(dj.input[0]!.records).toBe(84);
    expect((await audit('telswitch-master18.csv')).input[0]!.records).toBe(105);
    expect((await audit('kelysaina-master19.csv')).input[0]!.records).toBe(14);
  });
  it('reads FreeSWITCH CDR and groups the repeated uuid into one call', async () => {
    const r = await audit('freeswitch-cdr.csv');
    expect(r.input[0]).toMatchObject({ format: 'freeswitch-csv', records: 10, duplicates: 1 });
    // SOURCES.md: one uuid 3 times, 2 identical NORMAL_CLEARING rows and 1 USER_BUSY row; the
    // identical row is one leg, as an identical queue_log line is one event.
    expect(r.calls.cdr).toMatchObject({ legs: 9, calls: 8, busy: 0 });
  });
});

const bankPath = sharedData('forecast/anonymous-bank-1999-calls.csv');
const bankCounts = sharedData('forecast/anonymous-bank-1999-30min-by-type.csv');
describe.skipIf(!bankPath)('Anonymous Bank 1999 per-call records through audit-maps/', () => {
  it('audits them with the shipped map; outcomes and history match the sources', async () => {
    const mapPath = new URL('../../audit-maps/anonymous-bank-1999.yaml', import.meta.url);
    const map = parseColumnMap(readFileSync(mapPath, 'utf8'), 'anonymous-bank-1999.yaml');
    const result = await auditFiles([bankPath!], {
      ...defaultAuditOptions,
      map,
      timeZone: 'Asia/Jerusalem',
    });
    const { report } = result;
    const f = report.input[0]!;
    expect(f).toMatchObject({ lines: 99_569, records: 99_568, blank: 1, rejected: 0 });
    // SOURCES.md: AGENT 27,060 + 27,162 + 30,861; HANG 4,299 + 5,904 + 3,617; PHANTOM 240 + 278 + 147.
    expect(f.events).toEqual({ AGENT: 85_083, HANG: 13_820, PHANTOM: 665 });
    expect(report.calls.answered).toBe(85_083);
    expect(report.calls.offered + report.calls.notQueued).toBe(98_903);
    if (bankCounts) {
      // The independent 30-minute counts by type (same source, counted by vru_entry).
      const lines = readFileSync(bankCounts, 'utf8').trim().split('\n').slice(1);
      const expected = new Map(
        lines.map((l) => {
          const [t, reason, calls] = l.split(',');
          return [`${t}|${reason}`, Number(calls)];
        }),
      );
      expect(result.history).toHaveLength(expected.size);
      for (const [t, calls, reason] of result.history)
        expect(calls).toBe(expected.get(`${t}|${reason}`));
    }
  });
});
