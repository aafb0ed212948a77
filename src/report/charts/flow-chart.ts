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
import { formatCount, formatPercent } from '../format.js';
import { HATCH_FILL, SERIES_COLOURS, VERDICT_COLOURS } from '../palette.js';
import { type FlowLink, type FlowNode, layoutFlow } from './flow-layout.js';

/** Options of {@link flowChart}. */
export interface FlowChartOptions {
  title: string;
  description?: string;
  /** Shares in labels are relative to this total (calls offered); the largest source when absent. */
  total?: number;
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
  const labelRoom = 150;
  const width = WIDE_CHART_WIDTH;
  const height = options.height ?? 300;
  const layout = layoutFlow(nodes, links, { width: width - labelRoom, height });
  if (layout.nodes.length === 0) throw new RangeError('flowChart: no link carries any calls');
  const total =
    options.total ?? Math.max(...layout.nodes.filter((n) => n.column === 0).map((n) => n.value));
  const nodeRows = layout.nodes.map((n) => ({
    ...n,
    text: `${n.label} ${formatCount(n.value)} (${formatPercent(total > 0 ? n.value / total : 0, 0)})`,
    tx: n.x1 + 4,
    ty: (n.y0 + n.y1) / 2,
  }));
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
        data: { values: layout.bands },
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
        // A white halo under each label keeps it readable where it crosses a band.
        data: { values: nodeRows },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          fontSize: 11,
          stroke: 'white',
          strokeWidth: 3.5,
          strokeOpacity: 0.9,
          color: 'white',
        },
        encoding: {
          x: { ...x, field: 'tx' },
          y: { ...y, field: 'ty' },
          text: { field: 'text', type: 'nominal' },
        },
      },
      {
        data: { values: nodeRows },
        mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 11, color: '#111' },
        encoding: {
          x: { ...x, field: 'tx' },
          y: { ...y, field: 'ty' },
          text: { field: 'text', type: 'nominal' },
        },
      },
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
