/**
 * Page builders never crash and never ship a faulty chart on valid input, including the edge
 * cases real runs produce: a quiet day with no calls, no busy signals, no IVR, no transfers,
 * zero abandons. fast-check draws the shape; every chart is rendered by Vega (which fails on any
 * warning, see renderChartSvg).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/report/chart-svg.js';
import { reportCharts } from '../../src/report/document.js';
import { auditReport } from '../../src/report/pages/audit-report.js';
import { simulateReport } from '../../src/report/pages/simulate-report.js';
import { syntheticAuditInput, syntheticSimulateInput } from './fixtures.js';

describe('simulateReport on any valid shape', () => {
  it('builds a 3–5 sentence summary and renders every chart', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          scale: fc.constantFrom(0, 0.001, 1, 50),
          busy: fc.boolean(),
          ivr: fc.boolean(),
          transfers: fc.constantFrom('none', 'warm', 'both'),
          histogram: fc.boolean(),
        }),
        async ({ scale, busy, ivr, transfers, histogram }) => {
          const input = syntheticSimulateInput(1);
          const scaled = (e: { mean: number; ci95: readonly [number, number] }) => ({
            mean: e.mean * scale,
            ci95: [e.ci95[0] * scale, e.ci95[1] * scale] as const,
          });
          const byInterval = input.byInterval.map((r) => {
            const row = {
              ...r,
              offered: scaled(r.offered),
              answered: scaled(r.answered),
              abandoned: scaled(r.abandoned),
            };
            if (!busy) delete row.busy;
            return row;
          });
          const path = input.callPath!;
          const outcomes = (o: { answered: number; bouncedBack: number; lost: number }) => ({
            answered: o.answered * scale,
            bouncedBack: o.bouncedBack * scale,
            lost: o.lost * scale,
          });
          const callPath = {
            ...path,
            offered: path.offered * scale,
            busy: busy ? (path.busy ?? 0) * scale : 0,
            answered: path.answered * scale,
            abandoned: path.abandoned * scale,
            inSystemAtEnd: (path.inSystemAtEnd ?? 0) * scale,
            ivr:
              ivr && path.ivr
                ? { hungUp: path.ivr.hungUp * scale, resolved: path.ivr.resolved * scale }
                : undefined,
            transfers:
              transfers === 'none'
                ? undefined
                : transfers === 'warm'
                  ? { warm: outcomes(path.transfers!.warm!) }
                  : {
                      warm: outcomes(path.transfers!.warm!),
                      wild: outcomes(path.transfers!.wild!),
                    },
          };
          const document = simulateReport({
            ...input,
            byInterval,
            callPath,
            waitHistogram: histogram ? input.waitHistogram : undefined,
          });
          expect(document.summary.length).toBeGreaterThanOrEqual(3);
          expect(document.summary.length).toBeLessThanOrEqual(5);
          for (const chart of reportCharts(document)) {
            const svg = await renderChartSvg(chart.spec);
            expect(svg.length).toBeGreaterThan(500);
          }
        },
      ),
      {
        numRuns: 8,
        // A closed day (no calls at all) is always tried.
        examples: [[{ scale: 0, busy: false, ivr: false, transfers: 'none', histogram: false }]],
      },
    );
  });
});

describe('auditReport on a quiet file', () => {
  it('renders every chart when hours have no calls and nobody abandoned', async () => {
    const input = syntheticAuditInput();
    const document = auditReport({
      ...input,
      byHour: input.byHour.map((r) => ({ ...r, offered: r.hour === 9 ? 3 : 0, abandoned: 0 })),
      transferTargets: [],
      calls: { ...input.calls, transferred: 0, bounced: 0 },
      patience: {
        curve: [{ seconds: 0, survival: 1 }],
        medianSeconds: null,
        abandons: 0,
        censored: 3,
      },
    });
    for (const chart of reportCharts(document)) {
      const svg = await renderChartSvg(chart.spec);
      expect(svg.length).toBeGreaterThan(500);
    }
  });
});
