import { describe, expect, it } from 'vitest';
import {
  DAY_AFTER_HOLIDAY_LABEL,
  forecastCalls,
  HOLIDAY_LABEL,
} from '../../src/forecasting/index.js';
import { dayOfIsoDate } from '../../src/calendar/days.js';
import { adjustForSpecialDays } from '../../src/forecasting/special-day-effects.js';
import { constructedHistory, MONDAY_2024_01_01 } from './helpers.js';

// A pure weekly pattern, closed on Sundays (day % 7 === 6).
const pattern = (day: number, slot: number) =>
  (day % 7 === 6 ? 0 : 3 + (day % 7)) * (slot >= 8 && slot < 18 ? 4 + (slot === 9 ? 6 : 0) : 0);

// Known answer, constructed: holidays carry 0.4 × the weekly pattern and the first open day
// after each carries 1.3 × (DOMAIN.md: "the day after a holiday" brings catch-up calls).
// The ratio-to-baseline estimate (Gans, Koole & Mandelbaum 2003, §4.1) of a noiseless series
// is then exactly 0.4 and 1.3.
const holidayDates = ['2024-01-10', '2024-01-27', '2024-02-13', '2024-02-14', '2024-03-05'];
const dayIndex = (iso: string) => dayOfIsoDate(iso)! - MONDAY_2024_01_01;
const holidays = new Set(holidayDates.map(dayIndex));
// Wed → Thu; Sat → (Sunday closed) → Mon; Tue + Wed → Thu only; future Tue → Wed.
const daysAfter = new Set(['2024-01-11', '2024-01-29', '2024-02-15', '2024-03-06'].map(dayIndex));
const history = constructedHistory(MONDAY_2024_01_01, 63, 60, ['all'], (_r, d, s) => {
  if (holidays.has(d)) return 0.4 * pattern(d, s);
  if (daysAfter.has(d)) return 1.3 * pattern(d, s);
  return pattern(d, s);
});
const specialDays = holidayDates.map((date) => ({ date, label: HOLIDAY_LABEL }));

describe('day after public holiday', () => {
  it('labels the first open day after each holiday, not a closed day nor another holiday', () => {
    const { labelsByDay } = adjustForSpecialDays(history, specialDays);
    const labelled = [...labelsByDay]
      .filter(([, labels]) => labels.includes(DAY_AFTER_HOLIDAY_LABEL))
      .map(([day]) => day - MONDAY_2024_01_01)
      .sort((a, b) => a - b);
    expect(labelled).toEqual([...daysAfter].sort((a, b) => a - b));
  });

  it('recovers both effects (0.4 and 1.3) and applies them to the forecast days', () => {
    const forecast = forecastCalls(history, {
      horizonDays: 7,
      method: 'profile-smoothing',
      specialDays,
    });
    expect(forecast.effects[HOLIDAY_LABEL]).toBeCloseTo(0.4, 9);
    expect(forecast.effects[DAY_AFTER_HOLIDAY_LABEL]).toBeCloseTo(1.3, 9);
    const at = (iso: string) => forecast.rows.find((r) => r.intervalStart === iso)!.forecast;
    expect(at('2024-03-04T09:00:00+00:00')).toBeCloseTo(pattern(0, 9), 3);
    expect(at('2024-03-05T09:00:00+00:00')).toBeCloseTo(0.4 * pattern(1, 9), 3);
    expect(at('2024-03-06T09:00:00+00:00')).toBeCloseTo(1.3 * pattern(2, 9), 3);
    expect(at('2024-03-07T09:00:00+00:00')).toBeCloseTo(pattern(3, 9), 3);
  });

  it('is not derived from other labels, and a closed holiday (effect 0) is stepped over', () => {
    const other = adjustForSpecialDays(history, [{ date: '2024-01-10', label: 'works' }]);
    expect(other.effects.has(DAY_AFTER_HOLIDAY_LABEL)).toBe(false);
    // Thu 2024-01-11 closed by a given effect 0: the day after the Wed holiday is Fri 01-12.
    const closed = adjustForSpecialDays(history, [
      { date: '2024-01-10', label: HOLIDAY_LABEL },
      { date: '2024-01-11', label: 'strike', effect: 0 },
    ]);
    expect(closed.labelsByDay.get(dayOfIsoDate('2024-01-11')!)).toEqual(['strike']);
    expect(closed.labelsByDay.get(dayOfIsoDate('2024-01-12')!)).toEqual([DAY_AFTER_HOLIDAY_LABEL]);
  });
});
