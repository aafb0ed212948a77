/**
 * Caller groups: each need's caller belongs to one group (drawn once per need, from a stream of
 * its own), whose callers may be unable to use the menu, be more or less patient, or take longer
 * to serve; `simulate` counts every group and `compare` gives paired differences per group.
 */

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { MeasureEstimate } from '../../src/stats/confidence-interval.js';
import { compareScenarios } from '../../src/switchboard/compare-scenarios.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';
import { resultFiles } from '../../src/switchboard/write-results.js';
import { stationaryQueueDocument } from './scenario-builders.js';

function withGroups(operators: number, groups = true) {
  const doc = stationaryQueueDocument({
    arrivalsPerHour: 200,
    ahtSeconds: 180,
    operators,
    patienceSeconds: 120,
  });
  if (groups)
    doc.callerGroups = {
      impatient: { share: 0.3, patienceFactor: 0.25 },
      slow: { share: 0.1, handleTimeFactor: 2 },
    };
  return parseScenario(doc);
}

const mean = (row: Record<string, unknown>, key: string) => (row[key] as MeasureEstimate).mean!;

describe('caller groups', () => {
  it('every call and need belongs to one group, in the groups’ shares; groups behave as set', async () => {
    const scenario = withGroups(12);
    expect(scenario.callerGroups.map((g) => g.name)).toEqual(['impatient', 'slow', 'others']);
    expect(scenario.callerGroups[2]!.share).toBeCloseTo(0.6, 12);
    const { summary } = await simulateScenario(scenario, { days: 2, replications: 2, seed: 4 });
    const groups = summary.byGroup;
    const total = (key: string) => groups.reduce((s, g) => s + mean(g, key), 0);
    expect(total('offered')).toBe(summary.overall.offered!.mean);
    expect(total('needs')).toBe(summary.needs.needs!.mean);
    // Shares of needs: binomial, n ≈ 19,000: within 1.5 points.
    const needs = summary.needs.needs!.mean!;
    expect(mean(groups[0]!, 'needs') / needs).toBeCloseTo(0.3, 1);
    expect(mean(groups[1]!, 'needs') / needs).toBeCloseTo(0.1, 1);
    // A quarter of the patience: far more of the impatient callers hang up in the queue.
    const abandonShare = (g: Record<string, unknown>) =>
      mean(g, 'abandoned') / (mean(g, 'answered') + mean(g, 'abandoned'));
    expect(abandonShare(groups[0]!)).toBeGreaterThan(2 * abandonShare(groups[2]!));
    // `--out` writes the caller-group table as the other tables (QA G-out-group: it was
    // missing although the text and JSON had it), one row per group and measure.
    const files = resultFiles(summary);
    const rows = files['by-group.csv']!.trim().split('\n');
    expect(rows[0]).toBe('group,measure,mean,ci95_low,ci95_high');
    const offered = rows.filter((r) => /^[a-z]+,offered,/.test(r)).map((r) => r.split(','));
    expect(offered.map((r) => r[0])).toEqual(['impatient', 'slow', 'others']);
    expect(offered.map((r) => Number(r[2]))).toEqual(groups.map((g) => mean(g, 'offered')));
    // No groups, no file (and no table in the text).
    const plain = await simulateScenario(withGroups(12, false), { days: 1, replications: 2 });
    expect(Object.keys(resultFiles(plain.summary))).not.toContain('by-group.csv');
  });

  it('compare gives byGroup paired differences: one more operator helps the impatient most', async () => {
    const report = await compareScenarios(withGroups(11), [withGroups(12)], {
      days: 2,
      replications: 4,
      seed: 6,
    });
    const byGroup = report.comparisons[0]!.byGroup!;
    expect(byGroup.map((g) => g.group)).toEqual(['impatient', 'slow', 'others']);
    const abandoned = (group: string) =>
      byGroup.find((g) => g.group === group)!.measures.find((m) => m.name === 'byGroup.abandoned')!;
    expect(abandoned('impatient').verdict).toBe('better');
    expect(abandoned('impatient').difference.mean!).toBeLessThan(
      abandoned('slow').difference.mean!,
    );
  });

  it('a scenario without groups has none and draws nothing for them', async () => {
    const doc = stationaryQueueDocument({ arrivalsPerHour: 60, ahtSeconds: 60, operators: 3 });
    const { summary } = await simulateScenario(parseScenario(doc), { days: 1, replications: 1 });
    expect(summary.byGroup).toEqual([]);
    doc.callerGroups = { a: { share: 0.7 }, b: { share: 0.6 } };
    expect(() => parseScenario(doc)).toThrow(/callerGroups.*at most 1/);
  });
});
