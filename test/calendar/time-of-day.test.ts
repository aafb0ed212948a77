import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clockMinutes,
  clockText,
  offsetMinutes,
  offsetText,
} from '../../src/calendar/time-of-day.js';
import { offsetMinutesAt } from '../../src/calendar/time-zone.js';

/** The platform's own offset text (Intl, `longOffset`: `GMT-03:30`, `GMT` for zero) as ISO 8601. */
function intlOffset(timeZone: string, instantMs: number): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instantMs))
    .find((p) => p.type === 'timeZoneName')!.value;
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

describe('time of day and offsets as text', () => {
  it('writes clocks as HH:MM, the end of the day as 24:00, and reads them back', () => {
    expect(clockText(0)).toBe('00:00');
    expect(clockText(510)).toBe('08:30');
    expect(clockText(1440)).toBe('24:00');
    expect(clockMinutes('08:30')).toBe(510);
    expect(clockMinutes('nonsense')).toBeNaN();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), (m) => {
        expect(clockText(m)).toMatch(/^\d{2}:\d{2}$/);
        expect(clockMinutes(clockText(m))).toBe(m);
      }),
    );
  });

  it('writes offsets as Intl does (longOffset), half-hour zones and both sides of a DST change', () => {
    const cases: [string, string][] = [
      ['UTC', '2025-01-15T12:00:00Z'],
      ['Europe/Paris', '2025-01-15T12:00:00Z'],
      ['Europe/Paris', '2025-07-15T12:00:00Z'],
      ['America/St_Johns', '2025-03-09T05:29:00Z'],
      ['America/St_Johns', '2025-03-09T05:31:00Z'],
      ['Asia/Kolkata', '2025-06-01T00:00:00Z'],
      ['Asia/Kathmandu', '2025-06-01T00:00:00Z'],
      ['Pacific/Chatham', '2025-01-01T00:00:00Z'],
    ];
    for (const [zone, iso] of cases) {
      const t = Date.parse(iso);
      expect(offsetText(offsetMinutesAt(zone, t)), `${zone} ${iso}`).toBe(intlOffset(zone, t));
    }
  });

  it('reads the offsets timestamps end with: Z, +HH:MM, -HHMM', () => {
    expect(offsetMinutes('Z')).toBe(0);
    expect(offsetMinutes('z')).toBe(0);
    expect(offsetMinutes('+02:00')).toBe(120);
    expect(offsetMinutes('-0330')).toBe(-210);
    fc.assert(
      fc.property(fc.integer({ min: -14 * 60, max: 14 * 60 }), (m) => {
        expect(offsetMinutes(offsetText(m))).toBe(m);
      }),
    );
  });
});
