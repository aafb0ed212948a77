import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions, parseColumnMap } from '../../src/audit/index.js';
import { checkCalibration } from '../../src/calibration/index.js';
import { sharedData } from '../shared-data.js';

// End to end on the Technion "Anonymous Bank" per-call records (../shared/data/forecast,
// SOURCES.md; nobody here wrote them): audit with the shipped map, write the calibrated
// scenario, simulate it for four weeks, and set it against counts made here from the raw file.
// Issue 14's targets: weekly queue volume within 4 %, and each of the four largest routes'
// abandonment within 2.5 points. 28 days × 2 replications keep the file at a few seconds.
const path = sharedData('forecast/anonymous-bank-1999-calls.csv');
const mapFile = fileURLToPath(
  new URL('../../audit-maps/anonymous-bank-1999.yaml', import.meta.url),
);

describe.skipIf(!path)('the calibrated bank scenario against its records', async () => {
  if (!path) return;
  const rows = (parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[])
    .filter((r) => r.outcome !== 'PHANTOM')
    // Queue calls: those that queued (q_start set, or a queue time) or were answered.
    .filter((r) => r.q_start !== '0:00:00' || Number(r.q_time) > 0 || r.outcome === 'AGENT');
  const map = parseColumnMap(readFileSync(mapFile, 'utf8'), mapFile);
  const { report, calibration } = await auditFiles([path], {
    ...defaultAuditOptions,
    map,
    timeZone: 'Asia/Jerusalem',
  });
  const check = await checkCalibration(report, calibration, { days: 28, replications: 2 });

  // Independent counts: queue calls per weekday (date YYMMDD, local) over the days observed.
  const byWeekday = [0, 0, 0, 0, 0, 0, 0];
  const days = new Set<string>();
  for (const r of rows) {
    const d = r.date!;
    const weekday = new Date(
      Date.UTC(1900 + Number(d.slice(0, 2)), Number(d.slice(2, 4)) - 1, Number(d.slice(4))),
    ).getUTCDay();
    byWeekday[weekday]!++;
    days.add(d);
  }
  const daysOf = [0, 0, 0, 0, 0, 0, 0];
  for (const d of days)
    daysOf[
      new Date(
        Date.UTC(1900 + Number(d.slice(0, 2)), Number(d.slice(2, 4)) - 1, Number(d.slice(4))),
      ).getUTCDay()
    ]!++;
  const meanWeek = byWeekday.reduce((sum, n, w) => sum + n / daysOf[w]!, 0);
  const observedWeek = (rows.length / days.size) * 7;

  it('offers the records’ weekly queue volume within 4 % (menu hang-ups are no queue calls)', () => {
    expect(check.volume.recordedPerWeek).toBeCloseTo(meanWeek, 6);
    expect(check.volume.recordedPerObservedWeek).toBeCloseTo(observedWeek, 6);
    // Before: the arrivals held the 4,650 menu hang-ups and took off only the redials seen,
    // about 9 % above the records.
    expect(Math.abs(check.volume.simulatedPerWeek.value / meanWeek - 1)).toBeLessThan(0.04);
    expect(Math.abs(check.volume.simulatedPerWeek.value / observedWeek - 1)).toBeLessThan(0.04);
  });

  it('puts no queue calls in the hours where the records have none (the menu answers 24/7, the agents do not)', () => {
    // Queue calls per weekday × local hour of arrival (vru_entry), from the raw rows.
    const seen = new Set<string>();
    for (const r of rows) {
      const d = r.date!;
      const weekday = new Date(
        Date.UTC(1900 + Number(d.slice(0, 2)), Number(d.slice(2, 4)) - 1, Number(d.slice(4))),
      ).getUTCDay();
      seen.add(`${weekday}|${Number(r.vru_entry!.split(':')[0])}`);
    }
    const misplaced = [0, 0, 0, 0, 0, 0, 0];
    for (const a of calibration.arrivals)
      if (!seen.has(`${a.weekday}|${Number(a.intervalStart.slice(0, 2))}`))
        misplaced[a.weekday]! += a.callsPerDay;
    // Before: the profile was shaped on every call, menu hang-ups included, and put about 60
    // queue calls a day into Friday 15:00–24:00 (the bank closes at 14:00) and 30 into
    // Saturday's day, where nobody answered them.
    for (const calls of misplaced) expect(calls).toBeLessThan(1);
  });

  const recorded = (route: string) => {
    const mine = rows.filter((r) => r.type === route);
    return mine.filter((r) => r.outcome === 'HANG').length / mine.length;
  };

  it('gives the records’ overall abandonment and PS’s and NE’s within 2.5 points', () => {
    expect(check.overall.recorded.value).toBeCloseTo(
      rows.filter((r) => r.outcome === 'HANG').length / rows.length,
      12,
    );
    expect(Math.abs(check.overall.difference)).toBeLessThan(0.025);
    for (const route of ['PS', 'NE']) {
      const row = check.routes.find((r) => r.route === route)!;
      expect(row.recorded.value).toBeCloseTo(recorded(route), 12);
      expect(Math.abs(row.simulated.value - recorded(route)), route).toBeLessThan(0.025);
    }
  });

  // Known wrong: with the routes' priorities read from the records' order of service (NW and
  // IN 90 s behind PS), the model abandons about 20 % of NW (records 24.2 %, 4.1–4.7 points
  // short over seeds) and 11–12 % of IN (records 14.0 %, 1.7–2.9 points short). NW calls wait
  // more often than PS calls in the same minutes, which takes skills; operator groups from the
  // agents' names did not close the gap (docs/audit.md). When this starts to pass, make it an
  // ordinary test again.
  it.fails('gives NW’s and IN’s abandonment within 2.5 points', () => {
    for (const route of ['NW', 'IN']) {
      const row = check.routes.find((r) => r.route === route)!;
      expect(Math.abs(row.simulated.value - recorded(route)), route).toBeLessThan(0.025);
    }
  });
});
