/**
 * Histogram of pre-binned values, e.g. the distribution of waiting times: bars from each bin's
 * lower to upper edge, with optional labelled reference lines (the service-level threshold, the
 * mean). Bins are computed by the caller (the simulator or the audit already has them), so a
 * report never needs the raw calls. Cost: O(bins).
 */

import type { TopLevelSpec } from 'vega-lite';
import { NARROW_CHART_WIDTH, WIDE_CHART_WIDTH } from '../chart-theme.js';
import type { ChartBlock } from '../document.js';
import { SERIES_COLOURS, TARGET_COLOUR } from '../palette.js';

/** One bin: [from, to) and how many fall in it. */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** A vertical reference line on the value axis. */
export interface HistogramMarker {
  value: number;
  label: string;
}

/** Options of {@link histogramChart}. */
export interface HistogramChartOptions {
  title: string;
  description?: string;
  /** Axis title of the binned values: `wait (seconds)`. */
  xTitle: string;
  /** Axis title of the counts: `calls`. */
  yTitle: string;
  markers?: readonly HistogramMarker[];
  wide?: boolean;
  /** Show counts as shares of the total (the y axis in %). */
  asShare?: boolean;
}

/** Bars per bin with labelled reference lines. */
export function histogramChart(
  bins: readonly HistogramBin[],
  options: HistogramChartOptions,
): ChartBlock {
  if (bins.length === 0) throw new RangeError('histogramChart: needs at least one bin');
  const total = bins.reduce((sum, b) => sum + b.count, 0);
  const values = bins.map((b) => ({
    from: b.from,
    to: b.to,
    y: options.asShare ? (total > 0 ? b.count / total : 0) : b.count,
  }));
  const layer: unknown[] = [
    {
      mark: { type: 'rect', color: SERIES_COLOURS[0], stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: { field: 'from', type: 'quantitative', title: options.xTitle, bin: { binned: true } },
        x2: { field: 'to' },
        y: {
          field: 'y',
          type: 'quantitative',
          title: options.yTitle,
          axis: { format: options.asShare ? '.0%' : '~s', tickCount: 5 },
        },
      },
    },
  ];
  for (const marker of options.markers ?? []) {
    const data = { values: [{ v: marker.value }] };
    layer.push(
      {
        data,
        mark: { type: 'rule', color: TARGET_COLOUR, strokeDash: [5, 3], strokeWidth: 1.5 },
        encoding: { x: { field: 'v', type: 'quantitative' } },
      },
      {
        data,
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, color: TARGET_COLOUR },
        encoding: {
          x: { field: 'v', type: 'quantitative' },
          y: { value: 2 + 14 * (options.markers ?? []).indexOf(marker) },
          text: { value: marker.label },
        },
      },
    );
  }
  const spec = {
    width: options.wide ? WIDE_CHART_WIDTH : NARROW_CHART_WIDTH,
    height: 180,
    data: { values },
    layer,
  } as unknown as TopLevelSpec;
  return {
    kind: 'chart',
    chart: 'histogram',
    title: options.title,
    description:
      options.description ??
      `Histogram of ${options.xTitle} (${bins.length} bins)${(options.markers ?? []).map((m) => `; dashed line: ${m.label}`).join('')}.`,
    spec,
    wide: options.wide ?? false,
  };
}
