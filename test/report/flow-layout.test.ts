/**
 * Laws of the flow diagram's geometry (the Sankey conventions of Riehmann et al., InfoVis 2005,
 * as implemented by d3-sankey): a node is as tall as the larger of its in- and outflow, the
 * bands leaving a node stack exactly within it, nodes of a column never overlap, and every link
 * goes from a column to a later one. Checked with fast-check over random layered flows.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callPathFlow } from '../../src/report/charts/call-path-flow.js';
import { type FlowLink, type FlowNode, layoutFlow } from '../../src/report/charts/flow-layout.js';

const EPS = 1e-6;

/** Random layered DAGs: nodes 0..n-1, links only from lower to higher index. */
const layeredFlow = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc
    .array(
      fc.record({
        source: fc.integer({ min: 0, max: n - 2 }),
        step: fc.integer({ min: 1, max: n - 1 }),
        value: fc.double({ min: 0.5, max: 5000, noNaN: true }),
      }),
      { minLength: 1, maxLength: 16 },
    )
    .map((raw) => {
      const nodes: FlowNode[] = Array.from({ length: n }, (_, i) => ({
        id: `n${i}`,
        label: `N${i}`,
      }));
      const links: FlowLink[] = raw
        .map((r) => ({
          source: r.source,
          target: Math.min(n - 1, r.source + r.step),
          value: r.value,
        }))
        .filter((l) => l.target > l.source)
        .map((l) => ({ source: `n${l.source}`, target: `n${l.target}`, value: l.value }));
      return { nodes, links };
    }),
);

describe('layoutFlow', () => {
  it('keeps every band inside its nodes and every column free of overlaps', () => {
    fc.assert(
      fc.property(layeredFlow, ({ nodes, links }) => {
        const { nodes: placed, bands } = layoutFlow(nodes, links, {
          width: 600,
          height: 300,
          steps: 4,
        });
        const byId = new Map(placed.map((p) => [p.id, p]));
        for (const p of placed) {
          const inflow = links.filter((l) => l.target === p.id).reduce((s, l) => s + l.value, 0);
          const outflow = links.filter((l) => l.source === p.id).reduce((s, l) => s + l.value, 0);
          expect(p.value).toBeCloseTo(Math.max(inflow, outflow), 6);
          expect(p.y0).toBeGreaterThanOrEqual(-EPS);
          expect(p.y1).toBeLessThanOrEqual(300 + EPS);
        }
        for (const a of placed)
          for (const b of placed)
            if (a !== b && a.column === b.column)
              expect(a.y1 <= b.y0 + EPS || b.y1 <= a.y0 + EPS).toBe(true);
        for (const l of links) {
          const s = byId.get(l.source)!;
          const t = byId.get(l.target)!;
          expect(t.column).toBeGreaterThan(s.column);
          const band = bands.filter((b) => b.link === `${l.source}→${l.target}`);
          const first = band[0]!;
          const last = band[band.length - 1]!;
          expect(first.y0).toBeGreaterThanOrEqual(s.y0 - EPS);
          expect(first.y1).toBeLessThanOrEqual(s.y1 + EPS);
          expect(last.y0).toBeGreaterThanOrEqual(t.y0 - EPS);
          expect(last.y1).toBeLessThanOrEqual(t.y1 + EPS);
        }
      }),
    );
  });

  it('refuses cycles, unknown nodes and negative counts', () => {
    const nodes = [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ];
    expect(() =>
      layoutFlow(
        nodes,
        [
          { source: 'a', target: 'b', value: 1 },
          { source: 'b', target: 'a', value: 1 },
        ],
        { width: 100, height: 100 },
      ),
    ).toThrow(/cycle/);
    expect(() =>
      layoutFlow(nodes, [{ source: 'a', target: 'z', value: 1 }], { width: 100, height: 100 }),
    ).toThrow(/unknown node/);
    expect(() =>
      layoutFlow(nodes, [{ source: 'a', target: 'b', value: -1 }], { width: 100, height: 100 }),
    ).toThrow(/value -1/);
  });
});

describe('callPathFlow', () => {
  it('accounts for every call: outflows of each stage equal its inflow', () => {
    const counts = {
      offered: 1000,
      busy: 10,
      ivr: { hungUp: 30, resolved: 80 },
      answered: 800,
      abandoned: 75,
      inSystemAtEnd: 5,
      transfers: {
        warm: { answered: 90, bouncedBack: 5, lost: 5 },
        wild: { answered: 140, bouncedBack: 35, lost: 25 },
      },
    };
    const { links } = callPathFlow(counts);
    const out = (id: string) =>
      links.filter((l) => l.source === id).reduce((s, l) => s + l.value, 0);
    const into = (id: string) =>
      links.filter((l) => l.target === id).reduce((s, l) => s + l.value, 0);
    expect(out('offered')).toBe(1000);
    for (const stage of ['ivr', 'queue', 'answered', 'warm', 'wild'])
      expect(out(stage)).toBe(into(stage));
    expect(into('resolved')).toBe(800 - 100 - 200);
    expect(into('bounced')).toBe(40);
  });
});
