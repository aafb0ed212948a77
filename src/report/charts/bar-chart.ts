/**
 * Horizontal bars for a handful of categories (transfer outcomes, attempts per caller, cost
 * items), each labelled with its value at the bar's end. Bars of a "bad" kind (lost, failed) are
 * hatched as well as coloured. Cost: O(categories).
 */

import type { TopLevelSpec } from 'vega-lite';
import { NARROW_CHART_WIDTH, WIDE_CHART_WIDTH } from '../chart-theme.js';
import type { ChartBlock } from '../document.js';
import { HATCH_FILL, SERIES_COLOURS, VERDICT_COLOURS } from '../palette.js';

/** One bar. */
export interface BarDatum {
  label: string;
  value: number;
  /** Printed at the bar's end; the value when absent. */
  text?: string;
  /** `bad` bars are hatched, `good` ones green, others blue. */
  kind?: 'good' | 'bad' | 'neutral';
}

/** Options of {@link barChart}. */
export interface BarChartOptions {
  title: string;
  description?: string;
  xTitle: string;
  /** Axis format of the values (d3-format): `~s`, `.0%`. */
  format?: string;
  wide?: boolean;
}

const KIND_FILL = { good: SERIES_COLOURS[2], bad: HATCH_FILL, neutral: SERIES_COLOURS[0] };
const KIND_STROKE = {
  good: SERIES_COLOURS[2],
  bad: VERDICT_COLOURS.worse,
  neutral: SERIES_COLOURS[0],
};

/** Labelled horizontal bars, in the order given. */
export function barChart(bars: readonly BarDatum[], options: BarChartOptions): ChartBlock {
  if (bars.length === 0) throw new RangeError('barChart: needs at least one bar');
  const values = bars.map((b) => ({
    label: b.label,
    value: b.value,
    text: b.text ?? String(b.value),
    fill: KIND_FILL[b.kind ?? 'neutral'],
    stroke: KIND_STROKE[b.kind ?? 'neutral'],
  }));
  const y = {
    field: 'label',
    type: 'nominal',
    title: null,
    sort: bars.map((b) => b.label),
    axis: { labelLimit: 220 },
  };
  const x = {
    field: 'value',
    type: 'quantitative',
    title: options.xTitle,
    axis: { format: options.format ?? '~s', tickCount: 4 },
    scale: { domainMax: Math.max(...bars.map((b) => b.value)) * 1.18 },
  };
  const spec = {
    width: options.wide ? WIDE_CHART_WIDTH - 140 : NARROW_CHART_WIDTH - 60,
    height: { step: 22 },
    data: { values },
    encoding: { y, x },
    layer: [
      {
        mark: { type: 'bar', strokeWidth: 1.2 },
        encoding: {
          fill: { field: 'fill', type: 'nominal', scale: null },
          stroke: { field: 'stroke', type: 'nominal', scale: null },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, color: '#111' },
        encoding: { text: { field: 'text', type: 'nominal' } },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    kind: 'chart',
    chart: 'bar',
    title: options.title,
    description:
      options.description ??
      `${options.xTitle}: ${bars.map((b) => `${b.label} ${b.text ?? b.value}`).join('; ')}.`,
    spec,
    wide: options.wide ?? false,
  };
}
