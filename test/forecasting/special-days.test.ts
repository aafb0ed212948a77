import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, RunError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/forecasting/forecast-csv.js';
import { parseSpecialDaysCsv, publicHolidays } from '../../src/forecasting/index.js';

describe('publicHolidays', () => {
  it('France 2024 has the 11 public holidays of the Code du travail (art. L3133-1)', () => {
    const days = publicHolidays('FR', 2024, 2024).map((d) => d.date);
    expect(days).toHaveLength(11);
    expect(days).toContain('2024-07-14');
    expect(days).toContain('2024-04-01'); // Easter Monday 2024
    expect(days).toContain('2024-05-20'); // Whit Monday 2024
  });

  it('rejects an unknown country with the flag named', () => {
    expect(() => publicHolidays('XX', 2024, 2024)).toThrow(/--holidays: expected a country code/);
  });
});

describe('parseSpecialDaysCsv', () => {
  it('reads date, label and optional effect; collects every bad line', () => {
    expect(
      parseSpecialDaysCsv('date,label,effect\n2024-06-03,works,1.25\n2024-06-04,works,\n'),
    ).toEqual([
      { date: '2024-06-03', label: 'works', effect: 1.25 },
      { date: '2024-06-04', label: 'works' },
    ]);
    const run = () =>
      parseSpecialDaysCsv(
        'date,label,effect\n2024-02-30,x,\n2024-06-04,,\n2024-06-05,y,-1\n',
        'd.csv',
      );
    expect(run).toThrow(InputError);
    expect(run).toThrow(
      /d\.csv: 3 problems\n {2}line 2: .*\n {2}line 3: .*\n {2}line 4: expected an effect from 0 to 100/,
    );
  });
});

describe('writeFileAtomic', () => {
  it('writes whole, or leaves nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    writeFileAtomic(join(dir, 'a.csv'), 'x\n');
    expect(readdirSync(dir)).toEqual(['a.csv']);
    expect(() => writeFileAtomic(join(dir, 'missing', 'b.csv'), 'x\n')).toThrow(RunError);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });
});
