import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/render-html.js';
import { rosterReport } from '../../src/report/pages/roster-report.js';
import { buildRoster } from '../../src/roster/build-roster.js';
import { coverAll, coveredDocument, queuePlans } from '../../src/roster/roster-search.js';
import { simulateRoster } from '../../src/roster/simulate-roster.js';
import { mmcmScenario } from './roster-builders.js';

describe('roster on a single-queue M/M/c+M switchboard', () => {
  it('stays within one operator per interval of the Erlang plan once verified by simulation', async () => {
    // Erlang A is the exact law of each stationary interval here (Palm's M/M/N+M); the simulation
    // adds only what carries over from one half-hour to the next.
    const scenario = mmcmScenario({ callsPerDay: 1600, ahtSeconds: 150, patienceSeconds: 240 });
    const targets = { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 };
    const result = await buildRoster(scenario, {
      targets,
      days: 1,
      replications: 8,
      seed: 3,
      maxIterations: 5,
    });
    const monday = result.perInterval.filter((r) => r.weekday === 'monday');
    expect(monday.some((r) => r.erlang >= 4)).toBe(true);
    for (const row of monday) {
      expect(Math.abs(row.scheduled - row.erlang), `${row.interval}`).toBeLessThanOrEqual(1);
    }
    expect(result.verification.byDay).toHaveLength(1);
    expect(result.verification.met).toBe(true);
    // Half-hour blocks cover any requirement exactly: the Erlang plan pays its own hours.
    const erlangHours = result.perInterval.reduce((s, r) => s + r.erlang, 0) / 2;
    expect(result.erlangPlan.operatorHours).toBe(erlangHours);
    // Every cover solve proved its gap (no node limit reached).
    expect(result.unproven).toEqual([]);
  });
});

describe('roster simulations and report', () => {
  it('give the same replication results on 1 or 2 threads (same document, same seeds)', async () => {
    const scenario = mmcmScenario({ callsPerDay: 600, ahtSeconds: 150, patienceSeconds: 240 });
    const targets = { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 };
    const plans = queuePlans(scenario, targets, 1);
    const covers = await coverAll(
      plans,
      plans.map((p) => p.erlang),
    );
    const document = coveredDocument(scenario, plans, covers, targets);
    const one = await simulateRoster(document, { days: 1, replications: 3, seed: 9, threads: 1 });
    const two = await simulateRoster(document, { days: 1, replications: 3, seed: 9, threads: 2 });
    expect(two).toEqual(one);
    expect(one[0]!.some((n) => n > 0)).toBe(true);
  });

  it('draws required vs scheduled, the shifts as bars and the targets by day, names escaped', async () => {
    const scenario = mmcmScenario({
      callsPerDay: 600,
      ahtSeconds: 150,
      patienceSeconds: 240,
      templates: [
        {
          name: '<b>day</b>',
          starts: ['08:00', '09:00', '10:00'],
          length: '8h',
          breaks: [{ length: '30m', between: '12:00-14:00' }],
        },
      ],
    });
    const result = await buildRoster(scenario, {
      targets: { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 },
      days: 1,
      replications: 2,
      maxIterations: 1,
    });
    const page = rosterReport(result);
    expect(page.sections.map((s) => s.heading)).toEqual([
      'Paid hours',
      'Required and scheduled operators',
      'Shifts',
      'Targets by day',
    ]);
    const html = await renderReportHtml(page);
    expect(html).toContain('&lt;b&gt;day&lt;/b&gt;');
    expect(html).not.toContain('<b>day</b>');
    expect(html).toContain('<svg');
  });
});
