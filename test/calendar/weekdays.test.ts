import { describe, expect, it } from 'vitest';
import {
  isoWeekday,
  mondayFirst,
  WEEKDAY_KEYS,
  weekdayName,
  weekdayOfDay,
} from '../../src/calendar/weekdays.js';

// Reference: Intl's weekday of a date (CLDR English names), and ISO 8601's numbering
// (Monday = 1 … Sunday = 7).
const intlName = (date: Date, weekday: 'long' | 'short') =>
  new Intl.DateTimeFormat('en-US', { weekday, timeZone: 'UTC' }).format(date);

describe('calendar: weekdays', () => {
  it('names and numbers every day of four weeks as Intl and ISO 8601 do', () => {
    for (let day = 20_000; day < 20_028; day++) {
      const date = new Date(day * 86_400_000);
      const sundayFirst = weekdayOfDay(day);
      expect(sundayFirst).toBe(date.getUTCDay());
      expect(weekdayName(sundayFirst)).toBe(intlName(date, 'long'));
      expect(weekdayName(sundayFirst, 'short')).toBe(intlName(date, 'short'));
      expect(WEEKDAY_KEYS[mondayFirst(sundayFirst)]).toBe(intlName(date, 'long').toLowerCase());
      const mondayToSunday = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
      const iso = [...mondayToSunday, 'Sunday'].indexOf(intlName(date, 'long')) + 1;
      expect(isoWeekday(sundayFirst)).toBe(iso);
    }
    // 1970-01-01 was a Thursday; day −1 a Wednesday.
    expect(weekdayName(weekdayOfDay(0))).toBe('Thursday');
    expect(weekdayName(weekdayOfDay(-1))).toBe('Wednesday');
    expect(() => weekdayName(7)).toThrow(RangeError);
  });
});
