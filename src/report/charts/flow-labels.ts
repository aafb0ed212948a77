/**
 * Where the labels of a flow diagram go, so that no two overlap: the source column's labels in
 * a margin on the left, the last column's in a margin on the right, and every label between
 * beside its node, on the side and at the height (within reach of its node) where it collides
 * with no label already placed and covers as little of the other nodes as possible. Text widths
 * are estimated from advance widths, not measured (there is no browser when the report is
 * written): see {@link estimateTextWidth}.
 *
 * Reference: the "label placement as candidate positions, greedy by priority" scheme of
 * Christensen, Marks & Shieber (1995), "An empirical study of algorithms for point-feature label
 * placement", ACM Transactions on Graphics 14(3):203–232, with positions restricted to beside
 * the node. Cost: O(nodes² × candidates).
 */

import type { PlacedFlowNode } from './flow-layout.js';

/**
 * Advance widths in em of DejaVu Sans, the widest font of the report's stack that a reader is
 * likely to have (Linux's default sans); Arial, Helvetica, Segoe UI and Roboto are narrower, so
 * estimates made with it are upper bounds for them. Characters not listed count as 0.72 em.
 */
const ADVANCE_EM: Record<string, number> = {
  ' ': 0.318,
  ',': 0.318,
  '.': 0.318,
  '(': 0.39,
  ')': 0.39,
  '%': 0.95,
  '-': 0.361,
  '–': 0.5,
  '\u00a0': 0.318,
  '\u202f': 0.318,
  ...Object.fromEntries([...'0123456789'].map((d) => [d, 0.636])),
  ...Object.fromEntries(
    [...'abcdefghijklmnopqrstuvwxyz'].map((c, i) => [
      c,
      [
        0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974,
        0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525,
      ][i]!,
    ]),
  ),
};

/**
 * The width in pixels `text` takes at `fontSize` pixels, from DejaVu Sans advance widths (an
 * upper bound for the narrower fonts of the stack). Cost: O(length).
 *
 * @example estimateTextWidth('Queue', 11) // ≈ 38
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) em += ADVANCE_EM[c] ?? 0.72;
  return em * fontSize;
}

/** A label's box, pixels (y grows downwards). */
export interface LabelBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A placed label: its lines, anchor and box. */
export interface FlowLabel {
  id: string;
  lines: string[];
  /** `left`: text starts at `x` (right of its node); `right`: text ends at `x` (left of it). */
  align: 'left' | 'right';
  x: number;
  /** Vertical centre of the text block. */
  y: number;
  box: LabelBox;
  /** Placed away from its node (a crowded chart): draw a line from the node to it. */
  leader: boolean;
}

/** Options of {@link placeFlowLabels}. */
export interface PlaceFlowLabelsOptions {
  width: number;
  height: number;
  fontSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight?: number;
  /** Space between a node and its label, pixels. */
  gap?: number;
}

/** Space kept between two labels, pixels (estimates are not measurements). */
const CLEARANCE = 1;

/** `box` grown by `by` pixels on every side. */
function widen(box: LabelBox, by: number): LabelBox {
  return { x0: box.x0 - by, x1: box.x1 + by, y0: box.y0 - by, y1: box.y1 + by };
}

/** Overlap area of two boxes (0 when they do not intersect). */
export function overlapArea(a: LabelBox, b: LabelBox): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The size in pixels of a block of `lines`. */
export function labelSize(
  lines: readonly string[],
  options: Pick<PlaceFlowLabelsOptions, 'fontSize' | 'lineHeight'>,
): { width: number; height: number } {
  return {
    width: Math.max(0, ...lines.map((l) => estimateTextWidth(l, options.fontSize))),
    height: lines.length * options.fontSize * (options.lineHeight ?? 1.25),
  };
}

/**
 * Place one label per node (`lines` by node id). Column 0 goes to the left of its nodes and the
 * last column to the right (give them room: {@link labelSize}); the others to the right or left.
 * Each may move up or down as long as it still touches its node's side (or stays within its own
 * height of the node's middle), and may stand out of the plot by half its height. Never two
 * labels on each other: among free positions, the one covering the least of other nodes, then
 * the nearest to the node's middle, right before left. When a crowded chart leaves no free
 * position within reach, the label goes to the nearest free height beside its node, in or out
 * of the plot, with `leader` set: draw a line from the node to it.
 */
export function placeFlowLabels(
  nodes: readonly PlacedFlowNode[],
  lines: ReadonlyMap<string, readonly string[]>,
  options: PlaceFlowLabelsOptions,
): FlowLabel[] {
  const gap = options.gap ?? 4;
  const last = Math.max(0, ...nodes.map((n) => n.column));
  // The margins' labels first (they have nowhere else to go), then left to right.
  const order = [...nodes].sort((a, b) => {
    const rank = (n: PlacedFlowNode) => (n.column === 0 ? 0 : n.column === last ? 1 : 2);
    return rank(a) - rank(b) || a.column - b.column || a.y0 - b.y0;
  });
  const rects: LabelBox[] = nodes.map((n) => ({ x0: n.x0, x1: n.x1, y0: n.y0, y1: n.y1 }));
  const texts = nodes.map((n) => [...(lines.get(n.id) ?? [n.label])]);
  // Far enough that a label there is clear of every other, wherever they went.
  const farthest = options.height + texts.reduce((s, t) => s + labelSize(t, options).height, 0);
  const placed: FlowLabel[] = [];
  for (const node of order) {
    const text = texts[nodes.indexOf(node)]!;
    const { width, height } = labelSize(text, options);
    const middle = (node.y0 + node.y1) / 2;
    // Text alignments to try: 'left' starts the text right of the node, 'right' ends it left.
    const aligns: ('left' | 'right')[] =
      node.column === 0 ? ['right'] : node.column === last ? ['left'] : ['left', 'right'];
    const place = (low: number, high: number, inPlot: boolean): FlowLabel | undefined => {
      let best: { label: FlowLabel; cost: number } | undefined;
      // The middle first, then 1 px steps away from it.
      for (let d = 0; middle - d >= low || middle + d <= high; d++) {
        for (const centre of d === 0 ? [middle] : [middle - d, middle + d]) {
          if (centre < low || centre > high) continue;
          for (const [s, align] of aligns.entries()) {
            const x = align === 'left' ? node.x1 + gap : node.x0 - gap;
            const box = {
              x0: align === 'left' ? x : x - width,
              x1: align === 'left' ? x + width : x,
              y0: centre - height / 2,
              y1: centre + height / 2,
            };
            if (inPlot && (box.x0 < 0 || box.x1 > options.width)) continue;
            if (placed.some((p) => overlapArea(p.box, widen(box, CLEARANCE)) > 0)) continue;
            const covered = rects.reduce((sum, r) => sum + overlapArea(r, box), 0);
            const cost = covered * 100 + Math.abs(centre - middle) + s * 8;
            if (!best || cost < best.cost) {
              const leader = !inPlot;
              best = {
                label: { id: node.id, lines: text, align, x, y: centre, box, leader },
                cost,
              };
            }
          }
        }
        // Nothing nearer can beat a free spot that covers no node.
        if (best && best.cost <= d) break;
      }
      return best?.label;
    };
    // Within reach: the label still touches its node's side, or is at most its height from the
    // middle; it may stand out of the plot by half its height (the chart's padding grows).
    const label =
      place(
        Math.max(0, Math.min(node.y0 - height / 2, middle - height)),
        Math.min(options.height, Math.max(node.y1 + height / 2, middle + height)),
        true,
      ) ?? place(middle - farthest - height, middle + farthest + height, false);
    if (!label) throw new Error('placeFlowLabels: unreachable, a far enough height is free');
    placed.push(label);
  }
  return placed;
}
