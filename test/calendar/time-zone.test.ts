import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfIsoDate, isoDateOfDay } from '../../src/calendar/days.js';
import {
  formatInstant,
  instantsOfWall,
  isTimeZone,
  localParts,
  localToEpochSeconds,
  offsetMinutesAt,
  zoneOffsetSeconds,
} from '../../src/calendar/time-zone.js';
import { instantOfWall, wallClockEpoch } from '../../src/calendar/wall-clock-epoch.js';

// Reference: the platform's own Intl time-zone data (the IANA tz database compiled into Node's
// ICU), read through a path this code does not use: the `longOffset` zone name, `GMT-02:30`.
const referenceFormatters = new Map<string, Intl.DateTimeFormat>();
function intlOffsetMinutes(timeZone: string, instantMs: number): number {
  let f = referenceFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    referenceFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(instantMs)).find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!m) throw new Error(`unexpected zone name ${name}`);
  if (m[1] === undefined) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The wall clock Intl shows for an instant, `YYYY-MM-DD HH:MM:SS`. */
function intlWall(timeZone: string, instantMs: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** The instants of 2025 at which `timeZone` changes its offset (found by Intl, to the minute). */
function changesIn2025(timeZone: string): number[] {
  const changes: number[] = [];
  const start = Date.UTC(2025, 0, 1);
  let before = intlOffsetMinutes(timeZone, start);
  for (let t = start; t < Date.UTC(2026, 0, 1); t += 3_600_000) {
    const after = intlOffsetMinutes(timeZone, t + 3_600_000);
    if (after !== before) {
      let lo = t;
      let hi = t + 3_600_000;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (intlOffsetMinutes(timeZone, mid) === before) lo = mid;
        else hi = mid;
      }
      changes.push(hi);
    }
    before = after;
  }
  return changes;
}

// Whole-hour zones, half-hour zones, a zone shifting by 30 minutes (Lord Howe), a 45-minute
// zone (Chatham) and one changing at midnight (Santiago).
const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'America/St_Johns',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'Asia/Kolkata',
];

describe('calendar: offsets against Intl', () => {
  it('St Johns, 2025-03-09 05:45 UTC: the new offset (−2:30), even after 05:00 was asked first', () => {
    expect(offsetMinutesAt('America/St_Johns', Date.UTC(2025, 2, 9, 5, 0))).toBe(-210);
    const at = Date.UTC(2025, 2, 9, 5, 45);
    expect(offsetMinutesAt('America/St_Johns', at)).toBe(intlOffsetMinutes('America/St_Johns', at));
    expect(offsetMinutesAt('America/St_Johns', at)).toBe(-150);
    expect(zoneOffsetSeconds(at / 1000, 'America/St_Johns')).toBe(-150 * 60);
  });

  it.each(ZONES)('%s: every minute from 3 h before to 3 h after each 2025 change', (zone) => {
    const changes = changesIn2025(zone);
    if (zone !== 'Asia/Kolkata') expect(changes.length).toBeGreaterThanOrEqual(2);
    for (const change of changes) {
      // Asked out of order (the hour after first), so a cache filled from either side is tested.
      const minutes = Array.from({ length: 361 }, (_, i) => change + (i - 180) * 60_000);
      for (const t of [...minutes.slice(180), ...minutes.slice(0, 180).reverse()]) {
        expect(offsetMinutesAt(zone, t), `${zone} ${new Date(t).toISOString()}`).toBe(
          intlOffsetMinutes(zone, t),
        );
      }
    }
  });

  it('agrees with Intl at any instant of 1990–2040 in any of the zones', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, t) => offsetMinutesAt(zone, t) === intlOffsetMinutes(zone, t),
      ),
    );
  });
});

describe('calendar: wall-clock times', () => {
  it('finds no instant in a spring gap, two in an autumn overlap, one otherwise', () => {
    // Europe/Paris 2025: 02:00–03:00 skipped on 30 March, 02:00–03:00 repeated on 26 October.
    expect(instantsOfWall(Date.UTC(2025, 2, 30, 2, 30), 'Europe/Paris')).toEqual([]);
    const twice = instantsOfWall(Date.UTC(2025, 9, 26, 2, 30), 'Europe/Paris');
    expect(twice).toEqual([Date.UTC(2025, 9, 26, 0, 30), Date.UTC(2025, 9, 26, 1, 30)]);
    // St Johns: 02:00–03:00 local skipped on 9 March 2025.
    expect(instantsOfWall(Date.UTC(2025, 2, 9, 2, 15), 'America/St_Johns')).toEqual([]);
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }),
        (zone, minute) => {
          const wall = minute * 60_000;
          const text = new Date(wall).toISOString().slice(0, 19).replace('T', ' ');
          const found = instantsOfWall(wall, zone);
          for (const instant of found) expect(intlWall(zone, instant)).toBe(text);
          const instant = instantOfWall(wall, zone);
          if (found.length > 0) expect(instant).toBe(found[0]);
          // In a gap: the wall time the clocks show is later by the change.
          else expect(instant - wall).toBe(-offsetMinutesAt(zone, wall - 14 * 3_600_000) * 60_000);
        },
      ),
    );
  });

  it('puts each simulated 08:30 at 08:30 on the wall, across the changes of a whole- and a half-hour zone', () => {
    for (const timezone of ['Europe/Paris', 'America/St_Johns', 'Australia/Lord_Howe']) {
      const epoch = wallClockEpoch({ startDate: '2025-01-01', timezone });
      for (let day = 0; day < 365; day++) {
        const at = epoch(day * 86_400 + 8.5 * 3600) * 1000;
        const date = isoDateOfDay(dayOfIsoDate('2025-01-01')! + day);
        expect(intlWall(timezone, at)).toBe(`${date} 08:30:00`);
      }
    }
  });

  it('localToEpochSeconds and localParts invert each other outside the gaps', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }),
        (zone, seconds) => {
          const p = localParts(seconds, zone);
          const back = localToEpochSeconds(p.year, p.month, p.day, p.hour, p.minute, 0, zone);
          // The same wall minute (an overlap may give the other occurrence).
          const q = localParts(back, zone);
          expect([q.year, q.month, q.day, q.hour, q.minute]).toEqual([
            p.year,
            p.month,
            p.day,
            p.hour,
            p.minute,
          ]);
          expect(p.weekday).toBe(new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay());
        },
      ),
    );
  });

  it('formats an instant with the offset Intl gives', () => {
    expect(formatInstant(Date.UTC(2025, 2, 9, 5, 45), 'America/St_Johns')).toBe(
      '2025-03-09T03:15:00-02:30',
    );
    expect(formatInstant(Date.UTC(2025, 2, 9, 5, 15), 'America/St_Johns')).toBe(
      '2025-03-09T01:45:00-03:30',
    );
  });
});

describe('calendar: time-zone names', () => {
  it('knows every zone Intl lists, and refuses what is not a zone', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) expect(isTimeZone(zone)).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    for (const bad of ['', 'Mars/Olympus_Mons', 'Europe/Pariss', 'paris'])
      expect(isTimeZone(bad)).toBe(false);
  });
});
