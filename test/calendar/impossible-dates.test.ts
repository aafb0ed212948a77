import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions, parseColumnMap } from '../../src/audit/index.js';
import { parseRecordTimestamp } from '../../src/audit/parse-record-timestamp.js';
import { parseHistoryCsv } from '../../src/forecasting/parse-history-csv.js';
import { readLoadCsv } from '../../src/staffing/read-load-csv.js';

// Every date a user's file gives is checked against the calendar (src/calendar/days.ts
// isRealDate): JavaScript's Date rolls 31 February 2023 over to 3 March, so an unchecked reader
// counts a call on a day the file never named. Reference: the Gregorian calendar (February
// 2023 has 28 days, February 2024 29, April 30).
describe('impossible dates in record, history and load files', () => {
  it('call records: 2023-02-31 is no timestamp; 2024-02-29 is one', () => {
    expect(parseRecordTimestamp('2023-02-31 10:00:00', 'UTC')).toBeNaN();
    expect(parseRecordTimestamp('2023/4/31 10:00', 'Europe/Paris')).toBeNaN();
    expect(parseRecordTimestamp('2024-02-29 10:00:00', 'UTC')).toBe(
      Date.UTC(2024, 1, 29, 10) / 1000,
    );
  });

  it("a mapped CSV's date column (YYMMDD): the row of 31 February is rejected with its line", async () => {
    // The first records of the Anonymous Bank 1999 file, in the shipped map's columns.
    const header =
      'vru+line,call_id,customer_id,priority,type,date,vru_entry,vru_exit,vru_time,q_start,q_exit,q_time,outcome,ser_start,ser_exit,ser_time,server';
    const row = (date: string, id: number) =>
      `AA0101,${id},9664491,2,PS,${date},0:00:31,0:00:36,5,0:00:36,0:03:09,153,HANG,0:00:00,0:00:00,0,NO_SERVER`;
    const dir = mkdtempSync(join(tmpdir(), 'sb-dates-'));
    const path = join(dir, 'calls.csv');
    writeFileSync(path, `${header}\n${row('990228', 1)}\n${row('990231', 2)}\n`);
    const mapUrl = new URL('../../audit-maps/anonymous-bank-1999.yaml', import.meta.url);
    const map = parseColumnMap(readFileSync(mapUrl, 'utf8'), 'anonymous-bank-1999.yaml');
    const { report } = await auditFiles([path], { ...defaultAuditOptions, map, timeZone: 'UTC' });
    const account = report.input[0]!;
    expect(account).toMatchObject({ records: 1, rejected: 1 });
    expect(account.firstRejected[0]).toMatchObject({ line: 3 });
    expect(account.firstRejected[0]!.reason).toContain('date "990231" is not YYMMDD');
  });

  it('history CSVs: the row of 31 February is not counted on 3 March', () => {
    const history = parseHistoryCsv(
      'interval_start,calls\n2023-02-27T08:00,5\n2023-02-28T08:00,6\n2023-02-31T08:00,900\n2023-03-01T08:00,7\n',
      { timeZone: 'UTC' },
    );
    expect(history.totalCalls).toBe(18);
    expect(history.warnings.map((w) => w.line)).toContain(4);
  });

  it('staff --plan load files: 2026-02-31T08:30 is refused with its line', () => {
    expect(() =>
      readLoadCsv('interval_start,calls\n2026-02-28T08:30,40\n2026-02-31T08:30,40\n', 'load.csv'),
    ).toThrow(
      /load\.csv: line 3: interval_start: expected a date-time such as 2026-01-05T08:30, received "2026-02-31T08:30"/,
    );
  });
});
