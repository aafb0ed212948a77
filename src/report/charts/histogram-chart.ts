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
          // Headroom above the tallest bar for the markers' labels.
          scale: {
            domainMax:
              Math.max(...values.map((v) => v.y)) * (1 + 0.12 * (options.markers?.length ?? 0)),
          },
        },
      },
    },
  ];
  // The rightmost marker is labelled to the right of its line, the others to the left, one
  // row each, on a white halo: close markers (a 20 s threshold, a 14 s mean) stay legible.
  const markers = [...(options.markers ?? [])].sort((a, b) => b.value - a.value);
  // A marker near the left edge is labelled to its right too (its label would cross the axis).
  const right = Math.max(...bins.map((b) => b.to));
  const left = Math.min(...bins.map((b) => b.from));
  markers.forEach((marker, row) => {
    const data = { values: [{ v: marker.value }] };
    const toRight = row === 0 || marker.value - left < 0.2 * (right - left);
    const label = (halo: boolean) => ({
      data,
      mark: {
        type: 'text',
        align: toRight ? 'left' : 'right',
        baseline: 'top',
        dx: toRight ? 4 : -4,
        color: halo ? 'white' : TARGET_COLOUR,
        ...(halo ? { stroke: 'white', strokeWidth: 4 } : {}),
      },
      encoding: {
        x: { field: 'v', type: 'quantitative' },
        y: { value: 2 + 14 * row },
        text: { value: marker.label },
      },
    });
    layer.push(
      {
        data,
        mark: { type: 'rule', color: TARGET_COLOUR, strokeDash: [5, 3], strokeWidth: 1.5 },
        encoding: { x: { field: 'v', type: 'quantitative' } },
      },
      label(true),
      label(false),
    );
  });
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
      `Histogram of ${options.xTitle} (${bins.length} bins)${markers.length > 0 ? `; dashed lines: ${markers.map((m) => m.label).join(', ')}` : ''}.`,
    spec,
    wide: options.wide ?? false,
  };
}
