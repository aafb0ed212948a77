import { describe, expect, it } from 'vitest';
import { dayOfIsoDate, isoDateOfDay, isRealDate } from '../../src/calendar/days.js';

// Reference: the Gregorian calendar as ISO 8601 uses it — 30 days hath September, April, June
// and November; February has 29 days in years divisible by 4, except centuries not divisible
// by 400 (1900 no, 2000 yes).
const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) =>
  month === 2 ? (leap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

describe('calendar: real dates', () => {
  it('accepts exactly the days of the Gregorian calendar, 1899–2101', () => {
    const wrong: string[] = [];
    for (let year = 1899; year <= 2101; year++)
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const real = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
          if (isRealDate(year, month, day) !== real) wrong.push(`${year}-${month}-${day}`);
        }
    expect(wrong).toEqual([]);
  });

  it('refuses the dates JavaScript rolls over (2026-02-31 is not 3 March)', () => {
    expect(Number.isNaN(Date.parse('2026-02-31T00:00:00Z'))).toBe(false); // what went wrong
    for (const text of ['2026-02-31', '2026-02-29', '2026-04-31', '2026-02-30', '1900-02-29'])
      expect(dayOfIsoDate(text), text).toBeUndefined();
    expect(isoDateOfDay(dayOfIsoDate('2024-02-29')!)).toBe('2024-02-29');
    expect(isoDateOfDay(dayOfIsoDate('2000-02-29')!)).toBe('2000-02-29');
  });

  it('reads years 0–99 as themselves, not as 1900–1999', () => {
    expect(isRealDate(4, 2, 29)).toBe(true); // year 4 is a leap year (proleptic Gregorian)
    expect(isRealDate(0, 2, 29)).toBe(true); // year 0 too (divisible by 400)
    expect(isRealDate(1, 2, 29)).toBe(false);
  });

  it('refuses fractions and non-numbers', () => {
    expect(isRealDate(2026, 1.5, 3)).toBe(false);
    expect(isRealDate(2026, 1, Number.NaN)).toBe(false);
  });
});
