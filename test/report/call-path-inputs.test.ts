/**
 * The simulate page's call path, wait histogram and attempts distribution, and the compare
 * page's interval rows, as mapped from the simulator (src/switchboard/report-inputs.ts). No
 * external reference: laws of conservation — every transfer outcome flows out of its transfer
 * node, every queue answer lies in one wait bin, every ended need in one attempts bucket.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callPathFlow } from '../../src/report/charts/call-path-flow.js';
import { variantLabel } from '../../src/report/pages/compare-report.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { compareScenarios } from '../../src/switchboard/compare-scenarios.js';
import { reportIntervals, reportPaths } from '../../src/report/from-simulation.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';

const baseline = new URL('../../scenarios/baseline.yaml', import.meta.url).pathname;
const count = fc.double({ min: 0, max: 1e5, noNaN: true });
const outcomes = fc.record({
  answered: count,
  bouncedBack: count,
  lost: count,
  voicemail: count,
  takenBack: count,
});

const total = (
  links: { source: string; target: string; value: number }[],
  end: string,
  id: string,
) =>
  links
    .filter((l) => l[end === 'out' ? 'source' : 'target'] === id)
    .reduce((s, l) => s + l.value, 0);

describe('callPathFlow with voicemail and taken-back outcomes', () => {
  it('sends every transfer to exactly one outcome node', () => {
    fc.assert(
      fc.property(outcomes, outcomes, count, (warm, wild, busy) => {
        const transfers = Object.values(warm)
          .concat(Object.values(wild))
          .reduce((a, b) => a + b);
        const { nodes, links } = callPathFlow({
          offered: busy + transfers + 10,
          busy,
          ivr: { hungUp: 0, resolved: 0 },
          answered: transfers + 10,
          abandoned: 0,
          transfers: { warm, wild },
        });
        for (const id of ['warm', 'wild']) {
          const sent = id === 'warm' ? warm : wild;
          const sum = Object.values(sent).reduce((a, b) => a + b);
          expect(total(links, 'out', id)).toBeCloseTo(sum, 6);
        }
        const ends = ['service', 'bounced', 'lost', 'voicemail', 'taken-back'];
        expect(ends.reduce((s, id) => s + total(links, 'in', id), 0)).toBeCloseTo(transfers, 6);
        // Every link names a node drawn; with no busy call the IVR stage is the offered column.
        const ids = new Set(nodes.map((n) => n.id));
        for (const l of links) expect(ids.has(l.source) && ids.has(l.target)).toBe(true);
        expect(ids.has('ivr')).toBe(busy > 0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('variantLabel', () => {
  it('drops the base name a variant of the same file carries, and keeps other names', () => {
    expect(variantLabel('Hospital (baseline)', 'Hospital (baseline) — option 4')).toBe('option 4');
    expect(variantLabel('Hospital', 'Hospital#stop-messages')).toBe('stop-messages');
    expect(variantLabel('Hospital', 'Clinic — option 4')).toBe('Clinic — option 4');
    expect(variantLabel('Hospital', 'Hospital — ')).toBe('Hospital — ');
    expect(variantLabel('Hospital', 'Hospital wing B')).toBe('Hospital wing B');
  });
});

describe('simulated call path of scenarios/baseline.yaml (2 days × 2 replications)', () => {
  it('conserves calls: transfers, wait bins and attempts add up to the model totals', async () => {
    const scenario = loadScenario(baseline);
    const { summary, results } = await simulateScenario(scenario, {
      days: 2,
      replications: 2,
      seed: 3,
    });
    const { callPath, waitHistogram, attemptsDistribution } = reportPaths(scenario, summary);
    const mean = (f: (r: (typeof results)[number]) => number) =>
      results.reduce((s, r) => s + f(r), 0) / results.length;
    const answers = mean((r) => r.byQueue.reduce((s, q) => s + q.answered!, 0));
    expect(waitHistogram).toHaveLength(25);
    expect(waitHistogram.reduce((s, b) => s + b.count, 0)).toBeCloseTo(answers, 9);
    expect(waitHistogram[0]).toMatchObject({ from: 0, to: 5 });
    expect(waitHistogram.at(-1)).toMatchObject({ from: 120, to: 125 });
    expect(attemptsDistribution.map((a) => a.attempts)).toEqual([1, 2, 3, 4]);
    expect(attemptsDistribution.reduce((s, a) => s + a.share, 0)).toBeCloseTo(1, 12);
    const wild = callPath.transfers?.wild;
    expect(wild).toBeDefined();
    const sent = wild!.answered + wild!.bouncedBack + wild!.lost + (wild!.voicemail ?? 0);
    const inFlight = summary.paths.wildInFlightAtEnd!.mean!;
    expect(sent + inFlight).toBeCloseTo(summary.overall.wildTransfers!.mean!, 9);
    expect(callPath.offered).toBe(summary.overall.offered!.mean);
  });

  it('compare returns both scenarios’ interval rows, one per weekday and interval', async () => {
    const base = loadScenario(baseline);
    const variant = loadScenario(`${baseline}#stop-voicemail-messages`);
    const report = await compareScenarios(base, [variant], { days: 1, replications: 2 });
    const intervals = 7 * Math.round(1440 / base.intervalMinutes);
    expect(report.byWeekdayInterval).toHaveLength(intervals);
    expect(report.comparisons[0]!.byWeekdayInterval).toHaveLength(intervals);
    expect(report.measures?.length).toBe(report.comparisons[0]!.measures.length);
    const rows = reportIntervals(base, { days: 1, byWeekdayInterval: report.byWeekdayInterval });
    expect(rows).toHaveLength(intervals / 7);
    const offered = rows.reduce((s, r) => s + r.offered.mean, 0);
    const day = report.measures!.find((m) => m.name === 'overall.offered')!;
    expect(offered).toBeCloseTo(day.base.mean!, 6);
  });
});
