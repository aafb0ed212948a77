/**
 * Node labels of the flow charts never overlap. The boxes are rebuilt here from what the chart's
 * spec tells Vega to draw (anchor, alignment, lines, font size, line height), with widths from
 * DejaVu Sans advance widths (checked below against the font's own metrics; the widest font of
 * the report's stack), and checked pairwise: for the call path of scenarios/baseline.yaml as
 * simulated, and as a property over random counts for both flows. The browser test
 * (browser.test.ts) checks the same on the SVG chromium renders, with real fonts.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callOutcomeFlow } from '../../src/report/charts/call-outcome-flow.js';
import { callPathFlow } from '../../src/report/charts/call-path-flow.js';
import { flowChart } from '../../src/report/charts/flow-chart.js';
import {
  estimateTextWidth,
  type LabelBox,
  overlapArea,
  placeFlowLabels,
} from '../../src/report/charts/flow-labels.js';
import { layoutFlow } from '../../src/report/charts/flow-layout.js';
import type { ChartBlock } from '../../src/report/document.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { reportPaths } from '../../src/report/from-simulation.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';

interface Layer {
  data?: { values?: Record<string, unknown>[] };
  mark: { type: string; fontSize?: number; lineHeight?: number; align?: string; color?: string };
}

/** The label boxes of a flow chart, from its spec. */
function labelBoxes(chart: ChartBlock): (LabelBox & { text: string })[] {
  const layers = (chart.spec as unknown as { layer: Layer[] }).layer;
  const texts = layers.filter((l) => l.mark.type === 'text' && l.mark.color === '#111');
  expect(texts.map((l) => l.mark.align).sort()).toEqual(['left', 'right']);
  const boxes: (LabelBox & { text: string })[] = [];
  for (const layer of texts) {
    const fontSize = layer.mark.fontSize!;
    const lineHeight = layer.mark.lineHeight!;
    for (const row of layer.data!.values!) {
      if (row.align !== layer.mark.align) continue;
      const lines = String(row.label).split('\n');
      const width = Math.max(...lines.map((l) => estimateTextWidth(l, fontSize)));
      // Vega puts the first line's middle at ty and the next lines below it.
      const top = Number(row.ty) - lineHeight / 2;
      const x = Number(row.tx);
      boxes.push({
        text: lines.join(' '),
        x0: layer.mark.align === 'left' ? x : x - width,
        x1: layer.mark.align === 'left' ? x + width : x,
        y0: top,
        y1: top + lines.length * lineHeight,
      });
    }
  }
  return boxes;
}

function overlaps(boxes: (LabelBox & { text: string })[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlapArea(boxes[i]!, boxes[j]!) > 0)
        found.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
  return found;
}

describe('flow chart labels', () => {
  it('do not overlap on the call path of scenarios/baseline.yaml (2 days × 2 replications)', async () => {
    const baseline = new URL('../../scenarios/baseline.yaml', import.meta.url).pathname;
    const scenario = loadScenario(baseline);
    const { summary } = await simulateScenario(scenario, { days: 2, replications: 2, seed: 1 });
    const { callPath } = reportPaths(scenario, summary);
    const { nodes, links } = callPathFlow(callPath);
    const chart = flowChart(nodes, links, { title: 't', total: callPath.offered });
    const boxes = labelBoxes(chart);
    // Each label sits beside its own node: none needed a leader line to reach it.
    const rules = (chart.spec as unknown as { layer: Layer[] }).layer.filter(
      (l) => l.mark.type === 'rule',
    );
    expect(rules.map((l) => l.data?.values?.length)).toEqual([0]);
    // Every node drawn has its label: offered, menu hang-ups, queue, answered, abandoned, …
    expect(boxes.map((b) => b.text.split(' ')[0])).toContain('Offered');
    expect(boxes.map((b) => b.text.split(' ')[0])).toContain('Queue');
    expect(boxes.length).toBeGreaterThanOrEqual(10);
    expect(overlaps(boxes)).toEqual([]);
  });

  const count = fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 1e5, noNaN: true }));
  const outcomes = fc.record({
    answered: count,
    bouncedBack: count,
    lost: count,
    voicemail: count,
  });

  it('never overlap, whatever the call-path counts', () => {
    fc.assert(
      fc.property(
        count,
        count,
        count,
        count,
        outcomes,
        outcomes,
        (busy, hungUp, resolved, abandoned, warm, wild) => {
          const sum = (o: typeof warm) => o.answered + o.bouncedBack + o.lost + o.voicemail;
          const answered = sum(warm) + sum(wild) + 100;
          const offered = busy + hungUp + resolved + answered + abandoned;
          const { nodes, links } = callPathFlow({
            offered,
            busy,
            ivr: { hungUp, resolved },
            answered,
            abandoned,
            inSystemAtEnd: 1,
            transfers: { warm, wild },
          });
          expect(
            overlaps(labelBoxes(flowChart(nodes, links, { title: 't', total: offered }))),
          ).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never overlap, whatever the outcome counts', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 9, maxLength: 9 }), (v) => {
        const [
          busy,
          closed,
          ivrAbandoned,
          ivrResolved,
          abandoned,
          callbackAccepted,
          transferFailed,
          inSystemAtEnd,
        ] = v as number[];
        const completed = v[8]! + 1;
        const offered = v.reduce((s, x) => s + x, 1);
        const { nodes, links } = callOutcomeFlow({
          offered,
          busy: busy!,
          closed: closed!,
          ivrAbandoned: ivrAbandoned!,
          ivrResolved: ivrResolved!,
          abandoned: abandoned!,
          callbackAccepted: callbackAccepted!,
          completed,
          transferFailed: transferFailed!,
          inSystemAtEnd: inSystemAtEnd!,
        });
        expect(
          overlaps(labelBoxes(flowChart(nodes, links, { title: 't', total: offered }))),
        ).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('estimateTextWidth', () => {
  it('adds advance widths: DejaVu Sans digits are 1303/2048 em, a space 651/2048 em', () => {
    // Source: the hmtx table of DejaVuSans.ttf (2048 units per em).
    expect(estimateTextWidth('0123456789', 10)).toBeCloseTo((10 * 1303 * 10) / 2048, 0);
    expect(estimateTextWidth(' ', 2048)).toBeCloseTo(651, -1);
    expect(estimateTextWidth('ab', 11)).toBeCloseTo(
      estimateTextWidth('a', 11) + estimateTextWidth('b', 11),
      9,
    );
  });
});

describe('placeFlowLabels', () => {
  it('in a chart too small for its labels, moves them apart, each with a leader line', () => {
    const { nodes } = layoutFlow(
      [
        { id: 'a', label: 'A rather long label' },
        { id: 'b', label: 'Another long label' },
        { id: 'c', label: 'A third long label' },
        { id: 'd', label: 'And a fourth one' },
      ],
      [
        { source: 'a', target: 'b', value: 1 },
        { source: 'b', target: 'c', value: 1 },
        { source: 'b', target: 'd', value: 1 },
      ],
      { width: 60, height: 20, gap: 2 },
    );
    const lines = new Map(nodes.map((n) => [n.id, [n.label]]));
    const labels = placeFlowLabels(nodes, lines, { width: 60, height: 20, fontSize: 11 });
    expect(labels.map((l) => l.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        expect(overlapArea(labels[i]!.box, labels[j]!.box)).toBe(0);
    expect(labels.some((l) => l.leader)).toBe(true);
  });
});
