/**
 * A measure better neither way (calls offered, occupancy) that moves beyond its margin gets
 * `higher` / `lower` from compare; the page says so, instead of reading it as "no difference".
 */

import { describe, expect, it } from 'vitest';
import { compareReport } from '../../src/report/pages/compare-report.js';
import { normaliseVerdict } from '../../src/report/charts/difference-chart.js';

const estimate = (mean: number, half: number) => ({
  mean,
  ci95: [mean - half, mean + half] as [number, number],
});

describe('compare page: measures better neither way', () => {
  it('names a moved occupancy lower, never "no difference"', () => {
    const page = compareReport({
      baseName: 'base',
      variantName: 'variant',
      days: 7,
      replications: 10,
      measures: [
        {
          name: 'overall.serviceLevel',
          base: estimate(0.948, 0.003),
          variant: estimate(0.959, 0.003),
          difference: estimate(0.011, 0.002),
          verdict: 'better',
        },
        {
          name: 'overall.occupancy',
          base: estimate(0.501, 0.002),
          variant: estimate(0.485, 0.002),
          difference: estimate(-0.016, 0.001),
          verdict: 'lower',
        },
      ],
    });
    const summary = page.summary.join('\n');
    expect(summary).toContain('Operator occupancy lower');
    expect(summary).not.toMatch(/no difference[^\n]*occupancy/i);
    expect(JSON.stringify(page)).toContain('"text":"lower"');
    expect(normaliseVerdict('higher')).toBe('higher');
    expect(normaliseVerdict('no difference detectable')).toBe('no difference');
  });
});
