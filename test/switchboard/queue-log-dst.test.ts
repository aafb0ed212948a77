import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { writeQueueLog } from '../../src/switchboard/queue-log.js';
import { reportIntervals } from '../../src/report/from-simulation.js';
import { wallClockEpoch } from '../../src/calendar/wall-clock-epoch.js';
import { roundTripDocument } from '../roundtrip/roundtrip-helpers.js';

// The model's 08:00 must be 08:00 on the wall every day, across the daylight-saving changes.
// Europe/Paris (IANA tz database): summer time from 2026-03-29 02:00 (clocks to 03:00) to
// 2026-10-25 03:00 (clocks back to 02:00); UTC+1 in winter, UTC+2 in summer.
const dir = mkdtempSync(join(tmpdir(), 'sb-ql-dst-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paris = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function openAtEight(startDate: string) {
  const document = roundTripDocument({
    callsPerDay: 60,
    operators: 2,
    handleMean: 60,
    handleCv: 0.5,
    patience: { distribution: 'exponential', mean: 120 },
    transferProbability: 0,
    bouncedBack: 0,
    redialProbability: 0,
    redialDelayMean: 600,
    open: [8, 9],
  });
  const calendar = document.calendar as Record<string, unknown>;
  calendar.timezone = 'Europe/Paris';
  calendar.startDate = startDate;
  return parseScenario(document);
}

describe('queue_log times across daylight-saving changes', () => {
  for (const [change, startDate] of [
    ['spring', '2026-03-23'],
    ['autumn', '2026-10-19'],
  ] as const) {
    it(`${change}: every call enters between 08:00 and 09:00 Paris time, every day`, () => {
      const file = join(dir, `${change}.queue_log`);
      writeQueueLog(openAtEight(startDate), file, { days: 14, seed: change, index: 0 });
      const days = new Set<string>();
      for (const line of readFileSync(file, 'utf8').trimEnd().split('\n')) {
        const [epoch, , , , event] = line.split('|');
        if (event !== 'ENTERQUEUE') continue;
        const parts = paris.formatToParts(new Date(Number(epoch) * 1000));
        const part = (type: string) => parts.find((p) => p.type === type)!.value;
        expect(part('hour'), line).toBe('08');
        days.add(`${part('year')}-${part('month')}-${part('day')}`);
      }
      expect(days.size).toBe(14);
    });
  }

  it('converts wall-clock times on the change days as the zone does', () => {
    const spring = wallClockEpoch({ startDate: '2026-03-29', timezone: 'Europe/Paris' });
    // 01:30 is still winter time (UTC+1): 00:30Z; 03:30 is summer time (UTC+2): 01:30Z.
    expect(spring(1.5 * 3600)).toBe(Date.parse('2026-03-29T00:30:00Z') / 1000);
    expect(spring(3.5 * 3600)).toBe(Date.parse('2026-03-29T01:30:00Z') / 1000);
    // The next day starts at its own local midnight, 22:00Z (not 23:00Z).
    expect(spring(86_400)).toBe(Date.parse('2026-03-29T22:00:00Z') / 1000);
    const autumn = wallClockEpoch({ startDate: '2026-10-25', timezone: 'Europe/Paris' });
    // 04:00 is winter time again (UTC+1): 03:00Z; the next midnight is 23:00Z.
    expect(autumn(4 * 3600)).toBe(Date.parse('2026-10-25T03:00:00Z') / 1000);
    expect(autumn(86_400)).toBe(Date.parse('2026-10-25T23:00:00Z') / 1000);
  });

  it('report rows carry the offset of their own day (+01:00 before the change, +02:00 after)', () => {
    const scenario = openAtEight('2026-03-26');
    const intervals = 1440 / scenario.intervalMinutes;
    const byWeekdayInterval = Array.from({ length: 7 * intervals }, (_, i) => {
      const minutes = (i % intervals) * scenario.intervalMinutes;
      const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
      return { interval: `${hh}:${String(minutes % 60).padStart(2, '0')}` };
    });
    const rows = reportIntervals(scenario, { days: 7, byWeekdayInterval } as never);
    const at = (start: string) =>
      rows.find((r) => r.intervalStart.startsWith(start))!.intervalStart;
    expect(at('2026-03-28T08:00')).toBe('2026-03-28T08:00:00+01:00');
    expect(at('2026-03-29T01:00')).toBe('2026-03-29T01:00:00+01:00');
    expect(at('2026-03-29T08:00')).toBe('2026-03-29T08:00:00+02:00');
    expect(at('2026-03-30T08:00')).toBe('2026-03-30T08:00:00+02:00');
  });
});
