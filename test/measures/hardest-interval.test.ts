import { describe, expect, it } from 'vitest';
import { hardestIntervalIndex } from '../../src/measures/hardest-interval.js';
import { simulateReport } from '../../src/report/pages/simulate-report.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { formatSummary } from '../../src/cli/format-simulation-summary.js';
import { simulateReportInput } from '../../src/report/from-simulation.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';

const baseline = new URL('../../scenarios/baseline.yaml', import.meta.url).pathname;

describe('the hardest half-hour', () => {
  it('is the lowest service level among intervals with a fifth of the busiest one’s calls', () => {
    const rows = [
      { offered: 2, serviceLevel: 0.1 }, // a night interval: too few calls to count
      { offered: 100, serviceLevel: 0.8 },
      { offered: 30, serviceLevel: 0.7 },
      { offered: 25, serviceLevel: 0.7 }, // a tie: the earlier one wins
      { offered: null, serviceLevel: null },
    ];
    expect(hardestIntervalIndex(rows)).toBe(2);
    expect(hardestIntervalIndex([{ offered: 0, serviceLevel: null }])).toBe(-1);
  });

  it('text, JSON and report name the same one for the same run', async () => {
    const scenario = loadScenario(baseline);
    const { summary } = await simulateScenario(scenario, { days: 2, replications: 2, seed: 3 });
    const hardest = summary.hardestInterval!;
    expect(hardest).not.toBeNull();
    expect(formatSummary(summary)).toContain(
      `Hardest half-hour: ${hardest.weekday} ${hardest.interval}`,
    );
    const page = simulateReport(simulateReportInput(scenario, summary));
    const sentence = page.summary.find((s) => s.startsWith('The hardest half-hour'))!;
    expect(sentence).toContain(hardest.interval);
    expect(sentence.toLowerCase()).toContain(hardest.weekday.slice(0, 3));
  });
});
