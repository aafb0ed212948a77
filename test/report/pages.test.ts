/**
 * The page builders say what the numbers say: 3–5 summary sentences, each generated from the
 * input (counts, verdicts, totals), targets judged the right way round, and optional parts left
 * out cleanly when the command does not provide them. Inputs are the synthetic results of
 * fixtures.ts; properties range over random verdicts and scales with fast-check.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportCharts } from '../../src/report/document.js';
import { formatCount } from '../../src/report/format.js';
import { auditReport } from '../../src/report/pages/audit-report.js';
import { compareReport } from '../../src/report/pages/compare-report.js';
import { forecastReport } from '../../src/report/pages/forecast-report.js';
import { simulateReport } from '../../src/report/pages/simulate-report.js';
import {
  syntheticAuditInput,
  syntheticCompareInput,
  syntheticForecastInput,
  syntheticSimulateInput,
} from './fixtures.js';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const chartKinds = (d: { sections: unknown[] } & Parameters<typeof reportCharts>[0]) =>
  reportCharts(d).map((c) => c.chart);

describe('simulateReport', () => {
  it('opens with 3–5 sentences built from the overall counts and targets', () => {
    const input = syntheticSimulateInput();
    const doc = simulateReport(input);
    expect(doc.summary.length).toBeGreaterThanOrEqual(3);
    expect(doc.summary.length).toBeLessThanOrEqual(5);
    expect(doc.summary[0]).toContain(formatCount(input.overall.offered.mean));
    // 78.1 % against an 80 % target is below it; the key figure says so in words.
    expect(plain(doc.summary[1]!)).toContain('below the 80 % target');
    const figures = doc.sections[0]!.blocks[0]!;
    expect(figures.kind === 'figures' && figures.figures[0]!.status?.word).toMatch(/^misses/);
  });

  it('leaves out what a minimal result does not have', () => {
    const { scenario, days, replications, overall, byInterval } = syntheticSimulateInput(1);
    const doc = simulateReport({ scenario, days, replications, overall, byInterval });
    expect(chartKinds(doc)).toEqual([
      'interval-series',
      'interval-series',
      'interval-band',
      'interval-band',
    ]);
    expect(doc.summary.length).toBeGreaterThanOrEqual(3);
    expect(doc.sections.map((s) => s.heading)).not.toContain('Cost');
  });
});

describe('compareReport', () => {
  it('counts better and worse measures as the verdicts say', () => {
    const verdicts = fc.constantFrom('better', 'worse', 'no difference detectable');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(verdicts, fc.double({ min: 0.001, max: 100, noNaN: true })), {
          minLength: 1,
          maxLength: 12,
        }),
        (rows) => {
          const measures = rows.map(([verdict, size], i) => {
            const mean =
              verdict === 'no difference detectable' ? 0 : verdict === 'better' ? -size : size;
            const half = verdict === 'no difference detectable' ? size : size / 2;
            return {
              name: `measure${i}`,
              base: { mean: 100, ci95: [99, 101] as const },
              variant: { mean: 100 + mean, ci95: [99 + mean, 101 + mean] as const },
              difference: { mean, ci95: [mean - half, mean + half] as const },
              verdict,
            };
          });
          const doc = compareReport({
            baseName: 'a',
            variantName: 'b',
            days: 7,
            replications: 10,
            measures,
          });
          const better = rows.filter(([v]) => v === 'better').length;
          const worse = rows.filter(([v]) => v === 'worse').length;
          expect(doc.summary[0]).toContain(
            `makes ${better} of ${rows.length} measures better and ${worse} worse`,
          );
          expect(doc.summary.length).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('puts the change first and the strongest difference next, headline measures first', () => {
    const input = syntheticCompareInput();
    const doc = compareReport(input);
    expect(doc.summary[0]).toBe(`${input.change}.`);
    // The strongest worsening and improvement, by distance from zero in half-widths, among
    // the measures a manager asks about first (service level, abandonment, total cost) when
    // they moved: abandonment (1.2 pts ± 0.2, stronger than service level's 2.9 ± 0.7) and
    // total cost. Average speed of answer and bounced back, stronger still, come after (QA
    // F-cmp-summary: the page summarised the two trivial changes, not the cost).
    expect(plain(doc.summary[2]!)).toBe('Abandonment rises from 4.1 % to 5.3 % (± 0.2 pts).');
    expect(plain(doc.summary[3]!)).toMatch(/^Total cost falls from /);
    const others = compareReport({
      ...input,
      measures: input.measures.filter(
        (m) => !['probabilityAbandon', 'serviceLevel', 'total'].includes(m.name),
      ),
    });
    expect(plain(others.summary[2]!)).toBe(
      'Average speed of answer rises from 14.2 s to 17.9 s (± 0.5 s).',
    );
    // Means of counts over 10 replications keep one decimal (unitDecimals), the ± too.
    expect(plain(others.summary[3]!)).toBe('Calls bounced back fall from 912.0 to 640.0 (± 24.0).');
    expect(chartKinds(doc)).toEqual(['difference', 'scenario-overlay', 'scenario-overlay']);
  });
});

describe('compareReport summary words (QA G-verdict-label, G-summary-grammar)', () => {
  const input = syntheticCompareInput();
  const m = (name: string, mean: number, lo: number, hi: number, verdict: string) => ({
    name,
    base: { mean: 100, ci95: [90, 110] as [number, number] },
    variant: { mean: 100 + mean, ci95: [90, 110] as [number, number] },
    difference: { mean, ci95: [lo, hi] as [number, number] },
    verdict,
  });
  it('never says "no difference is detectable" of an interval that excludes zero', () => {
    const doc = compareReport({
      ...input,
      change: undefined,
      measures: [
        m('occupancy', -0.012, -0.015, -0.009, 'not settled'),
        m('serviceLevel', 0.01, -0.02, 0.04, 'no difference detectable'),
      ],
    });
    const text = doc.summary.map(plain).join(' ');
    expect(text).toContain(
      'A difference is seen, but its size against the practical margin is not settled (more replications would settle it): operator occupancy.',
    );
    expect(text).toContain('No difference is detectable at 95 % in service level.');
    expect(text).not.toMatch(/no difference is detectable[^.]*occupancy/i);
  });
  it('lists five or more measures with one "and" (a, b, c, d and 1 more)', () => {
    const names = ['abandoned', 'busy', 'bouncedBack', 'redials', 'transfers'];
    const doc = compareReport({
      ...input,
      change: undefined,
      measures: names.map((n) => m(n, 0, -0.1, 0.1, 'equivalent')),
    });
    const line = doc.summary.map(plain).find((s) => s.startsWith('Within the practical margin'));
    expect(line).toBe(
      'Within the practical margin (equivalent): calls abandoned, busy signals, calls bounced back, redials and 1 more.',
    );
  });
  it('plural measures take a plural verb: "transfers fall", "operator hours rise"', () => {
    const doc = compareReport({
      ...input,
      change: undefined,
      measures: [
        m('transfers', -208, -230, -186, 'better'),
        m('operatorHours', 17.5, 17.5, 17.5, 'higher'),
      ],
    });
    const text = doc.summary.map(plain).join(' ');
    // Means of counts over the input's replications: one decimal (unitDecimals).
    expect(text).toContain('Transfers fall from 100.0 to -108.0');
  });
});

describe('forecastReport', () => {
  it('totals the reconciled `all` rows and names the busiest interval', () => {
    const input = syntheticForecastInput();
    const doc = forecastReport(input);
    const total = input.forecast
      .filter((r) => r.reason === 'all')
      .reduce((s, r) => s + r.forecast, 0);
    expect(doc.summary[0]).toContain(`forecasts ${formatCount(total)} calls`);
    expect(doc.summary[1]).toContain('Mon 2 Mar 09:00');
    expect(chartKinds(doc)).toEqual(['fan', 'fan-multiples']);
  });

  it('says when the total has no prediction interval because no `all` rows were given', () => {
    const input = syntheticForecastInput();
    const doc = forecastReport({
      ...input,
      forecast: input.forecast.filter((r) => r.reason !== 'all'),
    });
    const notes = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'note');
    expect(notes.map((n) => (n.kind === 'note' ? n.text : ''))).toContainEqual(
      expect.stringContaining('without a prediction interval'),
    );
  });

  it('refuses an empty forecast', () => {
    expect(() => forecastReport({ ...syntheticForecastInput(), forecast: [] })).toThrow(RangeError);
  });
});

describe('auditReport', () => {
  it('accounts for rejected lines in the summary and lists them', () => {
    const input = syntheticAuditInput();
    const doc = auditReport(input);
    expect(doc.summary.length).toBeLessThanOrEqual(5);
    expect(doc.summary[doc.summary.length - 1]).toMatch(/^11 of 53,315 lines .* were rejected/);
    const clean = auditReport({
      ...input,
      input: input.input.map((f) => ({ ...f, rejected: 0, firstRejected: [] })),
    });
    expect(clean.summary[clean.summary.length - 1]).toMatch(/none was rejected/);
    expect(chartKinds(doc)).toEqual(['heatmap', 'heatmap', 'bar', 'bar', 'survival', 'bar']);
  });

  it('shows the agents seen and the calibrated operators by hour, with their totals', () => {
    const input = syntheticAuditInput();
    // Two hours: 6.4 agents seen but 4 operators written, then 2 seen and 2 written.
    const operators = [
      { weekday: 1, hour: 9, seen: 6.4, effective: 4 },
      { weekday: 1, hour: 10, seen: 2, effective: 2 },
    ];
    const doc = auditReport({ ...input, operators });
    expect(chartKinds(doc)).toEqual([
      'heatmap',
      'heatmap',
      'heatmap',
      'heatmap',
      'bar',
      'bar',
      'survival',
      'bar',
    ]);
    const text = JSON.stringify(doc.sections);
    // Σ seen = 8.4 → 8 agent-hours shown; Σ written = 6, 6 / 8.4 = 71 %.
    expect(text).toContain('8 agent-hours seen, 6 operator-hours written (71');
    expect(text).not.toContain('--refine-roster');
    const refined = JSON.stringify(
      auditReport({ ...input, operators, operatorsRefined: true }).sections,
    );
    expect(refined).toContain('(--refine-roster)');
  });
});
