/**
 * Flow diagram of call paths with counts (IVR → queue → answered / abandoned → transfers →
 * answered / bounced back / lost), drawn by Vega-Lite from geometry computed in
 * {@link layoutFlow}: link bands are `area` marks (one per link, thickness = calls), nodes are
 * `rect` marks, and every node is labelled with its name, count and share of calls offered.
 *
 * Why a Sankey-like flow rather than a layered node-link chart: the question a manager asks is
 * "where do the calls go, and how many?" — band widths answer it at a glance, and the labels
 * carry the exact numbers, so the picture never relies on colour. Vega-Lite has no Sankey
 * layout, so the geometry is computed here (tested) and only drawn by the library.
 * Cost: O(nodes + links × 20) data rows.
 */

import type { TopLevelSpec } from 'vega-lite';
import { WIDE_CHART_WIDTH } from '../chart-theme.js';
import type { ChartBlock } from '../document.js';
import { formatPercent, formatValue, type ValueUnit } from '../format.js';
import { HATCH_FILL, SERIES_COLOURS, VERDICT_COLOURS } from '../palette.js';
import { type FlowLink, type FlowNode, layoutFlow } from './flow-layout.js';
import { labelSize, placeFlowLabels } from './flow-labels.js';

/** Node labels: font size (pixels), line height (× font size), space from their node. */
const LABEL_FONT_SIZE = 11;
const LABEL_LINE_HEIGHT = 1.25;
const LABEL_GAP = 4;

/** Options of {@link flowChart}. */
export interface FlowChartOptions {
  title: string;
  description?: string;
  /** Shares in labels are relative to this total (calls offered); the largest source when absent. */
  total?: number;
  /** How the counts are written: `meanCount` for means over replications (default `count`). */
  unit?: ValueUnit;
  height?: number;
}

const KINDS = ['neutral', 'good', 'bad', 'loop'];
const BAND_COLOURS = [
  SERIES_COLOURS[0],
  SERIES_COLOURS[2],
  VERDICT_COLOURS.worse,
  SERIES_COLOURS[3],
];
const NODE_FILLS = [SERIES_COLOURS[0], SERIES_COLOURS[2], HATCH_FILL, SERIES_COLOURS[3]];

/** A Sankey-like flow of calls with labelled counts. */
export function flowChart(
  nodes: readonly FlowNode[],
  links: readonly FlowLink[],
  options: FlowChartOptions,
): ChartBlock {
  const width = WIDE_CHART_WIDTH;
  const height = options.height ?? 300;
  const label = { fontSize: LABEL_FONT_SIZE, lineHeight: LABEL_LINE_HEIGHT };
  // Columns do not depend on the width: a first layout finds them, so the source column's labels
  // get a margin on the left and the last column's on the right, each as wide as its labels.
  // Nodes of a column stand at least one two-line label apart, so labels beside their nodes'
  // middles never overlap within a column; placeFlowLabels settles the rest.
  const gap = Math.max(16, labelSize(['', ''], label).height);
  const columns = layoutFlow(nodes, links, { width, height, gap }).nodes;
  if (columns.length === 0) throw new RangeError('flowChart: no link carries any calls');
  const total =
    options.total ?? Math.max(...columns.filter((n) => n.column === 0).map((n) => n.value));
  const lines = new Map(
    columns.map((n) => [
      n.id,
      [
        n.label,
        `${formatValue(n.value, options.unit ?? 'count')} (${formatPercent(total > 0 ? n.value / total : 0, 0)})`,
      ],
    ]),
  );
  const last = Math.max(...columns.map((n) => n.column));
  const room = (column: number) =>
    LABEL_GAP +
    Math.max(
      0,
      ...columns
        .filter((n) => n.column === column)
        .map((n) => labelSize(lines.get(n.id)!, label).width),
    );
  const left = Math.ceil(room(0));
  const right = Math.ceil(room(last));
  const inner = layoutFlow(nodes, links, { width: width - left - right, height, gap });
  const placedNodes = inner.nodes.map((n) => ({ ...n, x0: n.x0 + left, x1: n.x1 + left }));
  const bands = inner.bands.map((b) => ({ ...b, x: b.x + left }));
  const labels = new Map(
    placeFlowLabels(placedNodes, lines, { width, height, ...label, gap: LABEL_GAP }).map((l) => [
      l.id,
      l,
    ]),
  );
  const nodeRows = placedNodes.map((n) => {
    const l = labels.get(n.id)!;
    return {
      ...n,
      text: l.lines.join(' '),
      label: l.lines.join('\n'),
      align: l.align,
      tx: l.x,
      // Vega sets the first line's middle at y and the next lines below: centre the block.
      ty: l.y - ((l.lines.length - 1) * LABEL_FONT_SIZE * LABEL_LINE_HEIGHT) / 2,
    };
  });
  // A label a crowded chart pushed away from its node is tied to it by a line along its side.
  const leaders = placedNodes.flatMap((n) => {
    const l = labels.get(n.id)!;
    if (!l.leader) return [];
    const lx = l.align === 'left' ? n.x1 + LABEL_GAP / 2 : n.x0 - LABEL_GAP / 2;
    return [{ lx, ly0: Math.min(Math.max(l.y, n.y0), n.y1), ly1: l.y }];
  });
  const x = {
    type: 'quantitative',
    scale: { domain: [0, width], nice: false, zero: false },
    axis: null,
  };
  const y = {
    type: 'quantitative',
    scale: { domain: [0, height], nice: false, zero: false, reverse: true },
    axis: null,
  };
  const kindScale = (range: readonly string[]) => ({ domain: KINDS, range: [...range] });
  const spec = {
    width,
    height,
    layer: [
      {
        data: { values: bands },
        mark: { type: 'area', opacity: 0.35, interpolate: 'linear' },
        encoding: {
          x: { ...x, field: 'x' },
          y: { ...y, field: 'y0', stack: null },
          y2: { field: 'y1' },
          detail: { field: 'link', type: 'nominal' },
          color: { field: 'kind', type: 'nominal', scale: kindScale(BAND_COLOURS), legend: null },
        },
      },
      {
        data: { values: nodeRows },
        mark: { type: 'rect', strokeWidth: 1.2 },
        encoding: {
          x: { ...x, field: 'x0' },
          x2: { field: 'x1' },
          y: { ...y, field: 'y0' },
          y2: { field: 'y1' },
          fill: { field: 'kind', type: 'nominal', scale: kindScale(NODE_FILLS), legend: null },
          stroke: { field: 'kind', type: 'nominal', scale: kindScale(BAND_COLOURS), legend: null },
        },
      },
      {
        data: { values: leaders },
        mark: { type: 'rule', color: '#555', strokeWidth: 1 },
        encoding: { x: { ...x, field: 'lx' }, y: { ...y, field: 'ly0' }, y2: { field: 'ly1' } },
      },
      ...(['left', 'right'] as const).flatMap((align) =>
        // A white halo under each label keeps it readable where it crosses a band.
        [true, false].map((halo) => ({
          data: { values: nodeRows },
          transform: [{ filter: `datum.align === '${align}'` }],
          mark: {
            type: 'text',
            align,
            baseline: 'middle',
            fontSize: LABEL_FONT_SIZE,
            lineHeight: LABEL_FONT_SIZE * LABEL_LINE_HEIGHT,
            lineBreak: '\n',
            ...(halo
              ? { stroke: 'white', strokeWidth: 3.5, strokeOpacity: 0.9, color: 'white' }
              : { color: '#111' }),
          },
          encoding: {
            x: { ...x, field: 'tx' },
            y: { ...y, field: 'ty' },
            text: { field: 'label', type: 'nominal' },
          },
        })),
      ),
    ],
  } as unknown as TopLevelSpec;
  return {
    kind: 'chart',
    chart: 'flow',
    title: options.title,
    description:
      options.description ??
      `Flow of calls: ${nodeRows.map((n) => n.text).join('; ')}. Band widths are proportional to calls.`,
    spec,
    wide: true,
  };
}
