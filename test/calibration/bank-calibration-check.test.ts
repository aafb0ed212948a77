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
// abandonment within 2.5 points. 28 days × 4 replications (seed 1), as `audit --check-days 28`
// runs it: a few seconds. (With 2 replications the old pooled IN came out −2.2 points at seed 1,
// inside the bound by chance; with 4, −2.8 as over seeds 1–5, −2.0 to −3.2.)
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
  const check = await checkCalibration(report, calibration, { days: 28, replications: 4 });

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

  // Agent-day = server × date; it serves a route when the route makes at least 5 % of its
  // answers. A group's share = the service time (ser_time) of the agent-days serving its route ÷
  // all service time of answered calls, counted here from the raw rows.
  const servingShare = (route: string) => {
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
      if ((byRoute.get(route) ?? 0) / n >= 0.05) serving += talk.get(key)!;
    }
    return serving / all;
  };

  it('reads NW’s and IN’s groups from the agent-days that served them, counted from the raw rows', () => {
    const skills = calibration.skills!;
    expect(skills.groups.map((g) => g.route)).toEqual(['NW', 'IN']);
    expect(skills.groups[0]!.share).toBeCloseTo(servingShare('NW'), 2);
    expect(skills.groups[1]!.share).toBeCloseTo(servingShare('IN'), 2);
    // NE waited as often as PS in the same minutes (pooled).
    const ne = skills.routes.find((r) => r.route === 'NE')!;
    expect(Math.abs(ne.z!)).toBeLessThan(3);
  });

  // IN's callers were served by a team of their own (the Z2… agents in October, who answered
  // nothing else, and a few agents in January and February): about 10 % of the talk time. Pooled
  // with everyone, IN came out 2.0–3.2 points short over seeds 1–5 (−2.8 here; its ASA 42 s
  // [34, 50] against the records' 51 s). With its own group, its share of each hour's operators
  // rounded (docs/audit.md), −1.2 to +0.7 over seeds 1–5, and IN's callers wait as the records'.
  it('gives IN’s abandonment within 2.5 points, with IN’s own operator group', () => {
    const row = check.routes.find((r) => r.route === 'IN')!;
    expect(row.recorded.value).toBeCloseTo(recorded('IN'), 12);
    expect(Math.abs(row.simulated.value - recorded('IN'))).toBeLessThan(0.025);
    const asa = row.asaSeconds.simulated!;
    expect(row.asaSeconds.recorded).toBeGreaterThanOrEqual(asa.ci95[0]);
    expect(row.asaSeconds.recorded).toBeLessThanOrEqual(asa.ci95[1]);
  });
});
