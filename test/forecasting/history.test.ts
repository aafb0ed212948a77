import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseHistoryCsv, readHistoryCsv } from '../../src/forecasting/index.js';
import { sharedData } from '../shared-data.js';

describe('parseHistoryCsv', () => {
  it('reads per-call rows into 30-minute counts by reason', () => {
    const history = parseHistoryCsv(
      'timestamp,reason\n2024-01-01T08:05,results\n2024-01-01T08:20,results\n2024-01-01T08:40,wards\n',
    );
    expect(history.shape).toBe('calls');
    expect(history.intervalMinutes).toBe(30);
    expect(history.reasons).toEqual(['results', 'wards']);
    expect(history.counts[0]![16]).toBe(2); // 08:00 slot
    expect(history.counts[1]![17]).toBe(1); // 08:30 slot
    expect(history.totalCalls).toBe(3);
  });

  it('infers the interval of a counts file and reports bad rows and duplicates by line', () => {
    const history = parseHistoryCsv(
      [
        'interval_start,calls',
        '2024-01-01T08:00,4',
        '2024-01-01T08:15,5',
        'yesterday,3',
        '2024-01-01T08:30,-1',
        '2024-01-01T08:15,5',
        '2024-01-01T08:45,6',
      ].join('\n'),
    );
    expect(history.intervalMinutes).toBe(15);
    expect(history.hasReasons).toBe(false);
    expect(history.totalCalls).toBe(15);
    const lines = history.warnings.filter((w) => w.line !== undefined).map((w) => w.line);
    expect(lines).toEqual([4, 5, 6]);
    expect(history.warnings.find((w) => w.line === 6)?.message).toMatch(/duplicate of line 3/);
    // 08:30 had a bad row only: it is inside the observed day, so closed under auto.
    expect(history.counts[0]![34]).toBe(0);
  });

  it('treats absent intervals as the --absent policy says', () => {
    const text =
      'interval_start,calls\n2024-01-01T08:00,1\n2024-01-01T10:00,1\n2024-01-03T09:00,1\n';
    const auto = parseHistoryCsv(text, { intervalMinutes: 60 });
    expect(auto.counts[0]![9]).toBe(0); // 09:00 on an observed day: closed
    // 2024-01-02, a Tuesday with no row, and Tuesday is never observed: closed (0).
    expect(auto.counts[0]![24 + 9]).toBe(0);
    expect(auto.missingDays).toEqual([]);
    const missing = parseHistoryCsv(text, { intervalMinutes: 60, absent: 'missing' });
    expect(missing.counts[0]![9]).toBeNaN();
    expect(missing.counts[0]![24 + 9]).toBeNaN();
  });

  it('rejects a file with an unknown header, naming both shapes', () => {
    expect(() => parseHistoryCsv('date,n\n2024-01-01,3\n', { file: 'h.csv' })).toThrow(
      /h\.csv: line 1: expected a header `timestamp\[,reason\]`/,
    );
  });

  it('names a misspelt reason column instead of reading its reasons as duplicates', () => {
    // Two reasons in each 30-minute interval, as in an export by call type.
    const rows = ['2024-01-01T08:00,4,results', '2024-01-01T08:00,3,wards'];
    rows.push('2024-01-01T08:30,2,results', '2024-01-01T08:30,5,wards');
    expect(() =>
      parseHistoryCsv(`interval_start,calls,reasn\n${rows.join('\n')}\n`, { file: 'h.csv' }),
    ).toThrow(
      'h.csv: line 1: column "reasn": expected one of timestamp, interval_start, calls, reason (other columns are ignored), received "reasn" (did you mean "reason"?)',
    );
    // A column of another name is still ignored; the right header reads all 14 calls.
    const history = parseHistoryCsv(
      `interval_start,calls,reason,queue_name\n${rows.map((r) => `${r},x`).join('\n')}\n`,
    );
    expect(history.totalCalls).toBe(14);
  });

  it('stops when most rows are duplicates of an interval, as for other unusable rows', () => {
    const rows = ['2024-01-01T08:00,4', '2024-01-01T08:30,2'];
    const text = `interval_start,calls\n${[...rows, ...rows, ...rows].join('\n')}\n`;
    expect(() => parseHistoryCsv(text, { file: 'h.csv' })).toThrow(
      /h\.csv: 5 problems\n {2}history: expected at most half the rows unusable, received 4 of 6 rows not counted\n {2}line 4: expected a row counted once on the grid, received duplicate of line 2 \(same interval and reason\)/,
    );
  });

  it('rejects a file where most rows are unreadable, listing them', () => {
    const run = () =>
      parseHistoryCsv('timestamp\nnot a date\n2024-13-01T00:00\n2024-01-01T00:00\n');
    expect(run).toThrow(InputError);
    expect(run).toThrow(/line 2: expected an ISO timestamp.*\n.*line 3/);
  });
});

describe('parseHistoryCsv: absent days', () => {
  it('auto: a missing weekday that is open elsewhere is unknown, one never open is closed', () => {
    // Mon 2024-01-01 … Mon 2024-01-15, Tuesday 2024-01-09 absent, no weekend rows at all.
    const lines = ['interval_start,calls'];
    for (let day = 1; day <= 15; day++) {
      const date = new Date(Date.UTC(2024, 0, day));
      const weekday = date.getUTCDay();
      if (weekday === 0 || weekday === 6 || day === 9) continue;
      lines.push(`${date.toISOString().slice(0, 10)}T09:00,10`);
    }
    const history = parseHistoryCsv(lines.join('\n'), { intervalMinutes: 60 });
    expect(history.missingDays).toEqual(['2024-01-09']);
    expect(history.counts[0]![8 * 24 + 9]).toBeNaN(); // Tue 9th
    expect(history.counts[0]![5 * 24 + 9]).toBe(0); // Sat 6th: closed
    const missing = parseHistoryCsv(lines.join('\n'), { intervalMinutes: 60, absent: 'missing' });
    expect(missing.counts[0]![5 * 24 + 9]).toBeNaN();
    expect(missing.counts[0]![10]).toBeNaN();
    const closed = parseHistoryCsv(lines.join('\n'), { intervalMinutes: 60, absent: 'closed' });
    expect(closed.counts[0]![8 * 24 + 9]).toBe(0);
  });
});

// Figures from /work/shared/data/forecast/SOURCES.md.
const montco = sharedData('forecast/montco-911-30min-by-reason.csv');
const bank5 = sharedData('forecast/bank-calls-5min.csv');
const bank99 = sharedData('forecast/anonymous-bank-1999-30min-by-type.csv');

describe.skipIf(!montco)('real series: montco 911 (SOURCES.md)', () => {
  it('reads 10,368 rows and 8,776 calls over 24 full days, 9 reasons, nothing dropped', () => {
    const history = readHistoryCsv(montco!, { timeZone: 'America/New_York' });
    expect(history.rowsRead).toBe(10_368);
    expect(history.totalCalls).toBe(8_776);
    expect(history.dayCount).toBe(24);
    expect(history.reasons).toHaveLength(9);
    expect(history.warnings).toEqual([]);
  });
});

describe.skipIf(!bank5)('real series: bank calls 5 min (SOURCES.md)', () => {
  it('reads 27,716 rows; the six absent weekdays are gaps, weekends closed', () => {
    const history = readHistoryCsv(bank5!);
    expect(history.rowsRead).toBe(27_716);
    expect(history.intervalMinutes).toBe(5);
    expect(history.missingDays).toEqual([
      '2003-04-04',
      '2003-04-07',
      '2003-05-26',
      '2003-07-04',
      '2003-09-01',
      '2003-10-14',
    ]);
    expect(history.warnings.some((w) => w.line !== undefined)).toBe(false);
  });
});

describe.skipIf(!bank99)('real series: anonymous bank 1999 by type (SOURCES.md)', () => {
  it('reads 29,568 rows and 98,903 calls with the per-type figures, Jan 11–12 missing', () => {
    const history = readHistoryCsv(bank99!, { timeZone: 'Asia/Jerusalem' });
    expect(history.rowsRead).toBe(29_568);
    expect(history.totalCalls).toBe(98_903);
    expect(history.callsByReason).toMatchObject({
      PS: 67_120,
      NW: 18_340,
      NE: 7_138,
      IN: 3_565,
      TT: 2_285,
      PE: 453,
      AA: 2,
    });
    expect(history.missingDays.slice(0, 2)).toEqual(['1999-01-11', '1999-01-12']);
    expect(history.missingDays).toHaveLength(2 + 214);
  });
});
