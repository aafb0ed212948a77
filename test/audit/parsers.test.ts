import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  auditFiles,
  defaultAuditOptions,
  detectFormat,
  parseColumnMap,
  parseInsert,
  splitCsvLine,
  statementComplete,
} from '../../src/audit/index.js';
import { parseRecordTimestamp } from '../../src/audit/parse-record-timestamp.js';
import { InputError } from '../../src/errors.js';

describe('splitCsvLine (RFC 4180, leniently)', () => {
  it('reads quoted commas, doubled quotes and empty fields', () => {
    expect(splitCsvLine('a,"b,c",,"d ""e"""')).toEqual(['a', 'b,c', '', 'd "e"']);
    expect(splitCsvLine('a,')).toEqual(['a', '']);
    expect(splitCsvLine('')).toEqual(['']);
  });
  it('keeps the quirks of real exports as one field each (logs/SOURCES.md)', () => {
    // PBXware: `""Ramana Ulsa" <1115>"`; telswitch: `"""89245555937"" <89245555937>"`.
    expect(splitCsvLine('1,""Ramana Ulsa" <1115>",x')).toHaveLength(3);
    expect(splitCsvLine('"""8924"" <8924>",y')).toEqual(['"8924" <8924>', 'y']);
  });
  it('round-trips any fields quoted by RFC 4180 rules (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'grapheme-ascii' }).filter((s) => !/[\n\r]/.test(s)),
          { minLength: 1, maxLength: 8 },
        ),
        (fields) => {
          const line = fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(',');
          expect(splitCsvLine(line)).toEqual(fields);
        },
      ),
    );
  });
  it('ends an unclosed quote at the end of its line', () => {
    expect(splitCsvLine('a,"unclosed,b')).toEqual(['a', 'unclosed,b']);
  });
});

describe('parseInsert (MySQL dump tuples, a tokenizer not a regex)', () => {
  it('keeps commas, parentheses and escaped quotes inside strings', () => {
    const r = parseInsert(
      `INSERT INTO \`cdr\` VALUES (NULL,'a,b','(x),(y)','it\\'s','say ''hi''',12),(2,'\\"\\" <0123>',NULL,'','',3);`,
    );
    expect(r.error).toBeUndefined();
    expect(r.table).toBe('cdr');
    expect(r.tuples).toEqual([
      [null, 'a,b', '(x),(y)', "it's", "say 'hi'", '12'],
      ['2', '"" <0123>', null, '', '', '3'],
    ]);
  });
  it('reads listed column names and reports a broken statement', () => {
    expect(parseInsert('INSERT INTO t (`a`, `b`) VALUES (1,2);').columns).toEqual(['a', 'b']);
    const broken = parseInsert("INSERT INTO t VALUES (1,'x'),(2,'unclosed");
    expect(broken.tuples).toHaveLength(1);
    expect(broken.error).toMatch(/unclosed/);
  });
  it('knows when a statement spanning lines is complete', () => {
    expect(statementComplete("INSERT INTO t VALUES (1,';')")).toBe(false);
    expect(statementComplete("INSERT INTO t VALUES (1,';');")).toBe(true);
  });
});

describe('parseRecordTimestamp', () => {
  it('reads epochs, datetimes in a zone, spreadsheet dates, and refuses junk dates', () => {
    expect(parseRecordTimestamp('1546015415.757927', 'UTC')).toBeCloseTo(1546015415.757927, 6);
    expect(parseRecordTimestamp('2023-02-05 00:09:13', 'UTC')).toBe(
      Date.UTC(2023, 1, 5, 0, 9, 13) / 1000,
    );
    // Paris is UTC+1 in February (IANA tz database).
    expect(parseRecordTimestamp('2023-02-05 01:09:13', 'Europe/Paris')).toBe(
      Date.UTC(2023, 1, 5, 0, 9, 13) / 1000,
    );
    expect(parseRecordTimestamp('2020/2/10 22:41', 'UTC')).toBe(
      Date.UTC(2020, 1, 10, 22, 41) / 1000,
    );
    expect(parseRecordTimestamp('0000-00-00 00:00:00', 'UTC')).toBeNaN();
    expect(parseRecordTimestamp('1000-01-01 00:00:00', 'UTC')).toBeNaN();
  });
});

describe('detectFormat', () => {
  it('tells the formats apart from their first lines', () => {
    expect(detectFormat(['1546015415|1546015415.757927|201|NONE|DID|+1555'])).toBe('queue_log');
    expect(detectFormat(['-- MySQL dump', 'INSERT INTO `queue_log` VALUES (1);'])).toBe('sql');
    expect(detectFormat(['time,callid,queuename,agent,event,data1,data2,data3,data4,data5'])).toBe(
      'queue_log-csv',
    );
    expect(
      detectFormat([
        '"","1","2","c","x","SIP/1","","Hangup","","2024-01-27 15:07:24","","2024-01-27 15:07:51",27,27,"ANSWERED","DOCUMENTATION"',
      ]),
    ).toBe('cdr-csv');
    expect(
      detectFormat([
        ',0,1002,default,2020/2/10 22:41,,2020/2/10 22:41,2,0,NO_USER_RESPONSE,f1542038-4c15-11ea-97ca-9dd79410affb,,,,',
      ]),
    ).toBe('freeswitch-csv');
    expect(detectFormat(['hello world'])).toBeUndefined();
  });
});

describe('queue_log database exports (Asterisk realtime table shapes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-qlcsv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const audit = async (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return (await auditFiles([path], defaultAuditOptions)).report;
  };
  it('reads a single `data` column holding a|b|c', async () => {
    const r = await audit(
      'single.csv',
      'time,callid,queuename,agent,event,data\n' +
        '2024-01-08 08:00:00,c1,main,NONE,ENTERQUEUE,|0611111111|1\n' +
        '2024-01-08 08:00:12,c1,main,SIP/a,CONNECT,12|c1b|2\n' +
        '2024-01-08 08:01:12,c1,main,SIP/a,COMPLETECALLER,12|60|1\n',
    );
    expect(r.input[0]).toMatchObject({
      format: 'queue_log-csv',
      records: 3,
      blank: 1,
      rejected: 0,
    });
    expect(r.calls.answered).toBe(1);
    expect(r.asaSeconds).toBe(12);
    expect(r.callers.distinct).toBe(1);
  });
  it('reads data1..data5 with an id column, and rejects a row with the wrong field count', async () => {
    const r = await audit(
      'five.csv',
      'id,time,callid,queuename,agent,event,data1,data2,data3,data4,data5\n' +
        '1,1704700800,c1,main,NONE,ENTERQUEUE,,0611111111,1,,\n' +
        '2,1704700803,c1,main,NONE,ABANDON,1,1,3,,\n' +
        '3,1704700803,c1,main\n',
    );
    expect(r.input[0]).toMatchObject({ records: 2, blank: 1, rejected: 1 });
    expect(r.input[0]!.firstRejected[0]).toMatchObject({
      line: 4,
      reason: 'expected 11 fields, got 4',
    });
    expect(r.calls).toMatchObject({ abandoned: 1, shortAbandoned: 1 });
  });
});

describe('parseColumnMap', () => {
  it('reports every problem of a map at once, with paths', () => {
    const yaml =
      'times: {}\noutcome:\n  column: outcome\n  values: { AGENT: served, HANG: abandoned }\n';
    try {
      parseColumnMap(yaml, 'bad.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const paths = (error as InputError).problems.map((p) => p.path);
      expect(paths).toEqual(['callId', 'outcome.values.AGENT', 'times.arrival']);
      expect((error as InputError).message).toMatch(/^bad\.yaml: 3 problems/);
    }
  });
});
