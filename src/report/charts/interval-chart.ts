/**
 * Series per interval (half-hour, hour) across a day or a week: each series a line, with its
 * confidence band when given, and an optional labelled target line. Series differ by colour AND
 * dash pattern, and the legend shows both, so the chart reads in greyscale.
 *
 * Two front doors: {@link intervalBandChart} (one measure with its band against a target, e.g.
 * service level per half-hour) and {@link scenarioOverlayChart} (the same measure for two
 * scenarios overlaid). {@link intervalSeriesChart} takes any number of series.
 * Cost: O(points) data rows; Vega renders one path per series.
 */

import type { TopLevelSpec } from 'vega-lite';
import {
  type ReferenceLine,
  referenceLayers,
  spanDays,
  type TimePoint,
  timeX,
  valueY,
} from '../chart-parts.js';
import { WIDE_CHART_WIDTH } from '../chart-theme.js';
import type { ChartBlock } from '../document.js';
import type { ValueUnit } from '../format.js';
import { seriesColour, seriesDash } from '../palette.js';
import { wallClockMs } from '../../calendar/format-wall-clock.js';

/** One named series of an interval chart. */
export interface IntervalSeries {
  name: string;
  points: readonly TimePoint[];
}

/** Options of {@link intervalSeriesChart}. */
export interface IntervalSeriesChartOptions {
  title: string;
  /** Text alternative; a default one is composed from the series names when absent. */
  description?: string;
  /** Axis title of the values: `service level`, `calls per half-hour`. */
  yTitle: string;
  unit: ValueUnit;
  target?: ReferenceLine;
  height?: number;
}

/** A chart of one or more series per interval, with bands and an optional target line. */
export function intervalSeriesChart(
  series: readonly IntervalSeries[],
  options: IntervalSeriesChartOptions,
): ChartBlock {
  if (series.length === 0) throw new RangeError('intervalSeriesChart: needs at least one series');
  const names = series.map((s) => s.name);
  const rows: Record<string, unknown>[] = [];
  const times: number[] = [];
  for (const s of series)
    for (const p of s.points) {
      const t = wallClockMs(p.time);
      times.push(t);
      rows.push({
        series: s.name,
        band: s.name,
        t,
        value: p.value,
        // A share cannot leave [0, 1], nor a count go below 0; their Student-t intervals can
        // (with few replications, widely), so the band is clipped.
        low:
          p.low == null
            ? null
            : options.unit === 'share' || options.unit === 'count' || options.unit === 'meanCount'
              ? Math.max(0, p.low)
              : p.low,
        high: p.high == null ? null : options.unit === 'share' ? Math.min(1, p.high) : p.high,
      });
    }
  const hasBand = series.some((s) => s.points.some((p) => p.low != null && p.high != null));
  const x = timeX(null, spanDays(times));
  const colour = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: names, range: names.map((_, i) => seriesColour(i)) },
    legend:
      series.length > 1
        ? {
            orient: 'top' as const,
            symbolType: 'stroke',
            symbolStrokeWidth: 2.5,
            symbolSize: 300,
            // Scenario names are long: the default limit (160 px) cut them to "University hospit…".
            labelLimit: 360,
          }
        : null,
  };
  const dash = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: names, range: names.map((_, i) => [...seriesDash(i)]) },
    legend: series.length > 1 ? { orient: 'top' as const, labelLimit: 360 } : null,
  };
  const layer: unknown[] = [];
  if (hasBand)
    layer.push({
      mark: { type: 'area', opacity: 0.18, invalid: 'break-paths-show-domains' },
      encoding: {
        x,
        y: { field: 'low', type: 'quantitative' },
        y2: { field: 'high' },
        // A fill scale of its own keeps the band out of the legend, which then shows the
        // lines with their dash patterns.
        fill: { ...colour, field: 'band', legend: null },
      },
    });
  layer.push({
    mark: { type: 'line', strokeWidth: 1.6, invalid: 'break-paths-show-domains' },
    encoding: {
      x,
      y: valueY('value', options.yTitle, options.unit),
      color: colour,
      strokeDash: dash,
    },
  });
  if (options.target) layer.push(...referenceLayers(options.target));
  const spec = {
    width: WIDE_CHART_WIDTH,
    height: options.height ?? 200,
    data: { values: rows },
    layer,
  } as unknown as TopLevelSpec;
  const bandWords = hasBand ? ', shaded bands are 95 % confidence intervals' : '';
  return {
    kind: 'chart',
    chart: series.length > 1 || !hasBand ? 'interval-series' : 'interval-band',
    title: options.title,
    description:
      options.description ??
      `${options.yTitle}${/per interval/.test(options.yTitle) ? '' : ' per interval'}${series.length > 1 ? ` for ${names.join(', ')}` : ''}${bandWords}${options.target ? `; dashed line: ${options.target.label.replace(/\n/g, ' ')}` : ''}.`,
    spec,
    wide: true,
  };
}

/** One measure per interval with its confidence band against a labelled target line. */
export function intervalBandChart(
  points: readonly TimePoint[],
  options: IntervalSeriesChartOptions & { seriesName?: string },
): ChartBlock {
  return intervalSeriesChart([{ name: options.seriesName ?? options.yTitle, points }], options);
}

/** The same measure per interval for two scenarios overlaid (base solid, variant dashed). */
export function scenarioOverlayChart(
  base: IntervalSeries,
  variant: IntervalSeries,
  options: IntervalSeriesChartOptions,
): ChartBlock {
  const block = intervalSeriesChart([base, variant], options);
  return { ...block, chart: 'scenario-overlay' };
}
