/**
 * Fan chart of a forecast: observed history (black), the forecast (blue) and its prediction
 * band (shaded, labelled with its level), after a labelled rule where the forecast starts — the
 * position says which is which, not only the colour. {@link fanSmallMultiples} draws one panel per reason with independent y scales, so a
 * micro-flow of a few calls a week is as readable as the main flow.
 *
 * Reference: fan charts as used by the Bank of England inflation report; Hyndman &
 * Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed.), §5.5 prediction intervals.
 * Cost: O(history + forecast) data rows.
 */

import type { TopLevelSpec } from 'vega-lite';
import { spanDays, timeX } from '../chart-parts.js';
import { WIDE_CHART_WIDTH } from '../chart-theme.js';
import type { ChartBlock } from '../document.js';
import { HISTORY_COLOUR, SERIES_COLOURS, TARGET_COLOUR } from '../palette.js';
import { wallClockMs } from '../../calendar/format-wall-clock.js';

/** One observed count of the history. */
export interface FanHistoryPoint {
  time: string;
  value: number;
  /** Panel of the small multiples (a reason); ignored by {@link fanChart}. */
  group?: string;
}

/** One forecast interval with its prediction bounds. */
export interface FanForecastPoint {
  time: string;
  forecast: number;
  lower: number;
  upper: number;
  group?: string;
}

/** Options of {@link fanChart} and {@link fanSmallMultiples}. */
export interface FanChartOptions {
  title: string;
  description?: string;
  yTitle: string;
  /** Level of the prediction interval in percent, for the band's label. */
  level: number;
  height?: number;
}

const FORECAST_COLOUR = SERIES_COLOURS[0];

function rows(history: readonly FanHistoryPoint[], forecast: readonly FanForecastPoint[]) {
  const out: Record<string, unknown>[] = [];
  for (const h of history)
    out.push({ t: wallClockMs(h.time), group: h.group ?? '', kind: 'history', value: h.value });
  for (const f of forecast)
    out.push({
      t: wallClockMs(f.time),
      group: f.group ?? '',
      kind: 'forecast',
      value: f.forecast,
      lower: f.lower,
      upper: f.upper,
    });
  return out;
}

function layers(
  x: ReturnType<typeof timeX>,
  yTitle: string,
  level: number,
  forecastStart: number,
  labelled: boolean,
) {
  const start = { values: [{ t: forecastStart }] };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: yTitle,
    axis: { format: '~s', tickCount: 4 },
  };
  const isForecast = { filter: "datum.kind === 'forecast'" };
  const layer: unknown[] = [
    {
      transform: [isForecast],
      mark: { type: 'area', color: FORECAST_COLOUR, opacity: 0.35 },
      encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } },
    },
    {
      transform: [{ filter: "datum.kind === 'history'" }],
      mark: { type: 'line', color: HISTORY_COLOUR, strokeWidth: 1.2 },
      encoding: { x, y },
    },
    {
      transform: [isForecast],
      mark: { type: 'line', color: FORECAST_COLOUR, strokeWidth: 1.3 },
      encoding: { x, y },
    },
    {
      data: start,
      mark: { type: 'rule', color: TARGET_COLOUR, strokeDash: [2, 2] },
      encoding: { x },
    },
  ];
  if (labelled)
    layer.push({
      data: start,
      mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 2, color: TARGET_COLOUR },
      encoding: {
        x,
        y: { value: 0 },
        text: { value: `forecast → (shaded: ${level} % prediction interval)` },
      },
    });
  return layer;
}

function forecastStart(forecast: readonly FanForecastPoint[]): number {
  return Math.min(...forecast.map((f) => wallClockMs(f.time)));
}

/** History, forecast and prediction band on one chart. */
export function fanChart(
  history: readonly FanHistoryPoint[],
  forecast: readonly FanForecastPoint[],
  options: FanChartOptions,
): ChartBlock {
  if (forecast.length === 0) throw new RangeError('fanChart: needs at least one forecast point');
  const data = rows(history, forecast);
  const x = timeX(null, spanDays(data.map((r) => r.t as number)));
  const spec = {
    width: WIDE_CHART_WIDTH,
    height: options.height ?? 220,
    data: { values: data },
    layer: layers(x, options.yTitle, options.level, forecastStart(forecast), true),
  } as unknown as TopLevelSpec;
  return {
    kind: 'chart',
    chart: 'fan',
    title: options.title,
    description:
      options.description ??
      `${options.yTitle}: observed history as a solid black line, forecast after the dotted rule as a blue line with its ${options.level} % prediction interval shaded.`,
    spec,
    wide: true,
  };
}

/** One fan chart per group (reason), two panels to a row, each with its own y scale. */
export function fanSmallMultiples(
  history: readonly FanHistoryPoint[],
  forecast: readonly FanForecastPoint[],
  options: FanChartOptions & { columns?: number },
): ChartBlock {
  if (forecast.length === 0)
    throw new RangeError('fanSmallMultiples: needs at least one forecast point');
  const data = rows(history, forecast);
  const groups = [...new Set(data.map((r) => r.group as string))];
  const x = timeX(null, spanDays(data.map((r) => r.t as number)));
  const columns = options.columns ?? 2;
  const spec = {
    data: { values: data },
    facet: {
      field: 'group',
      type: 'nominal',
      title: null,
      sort: groups,
      header: { labelFontWeight: 'bold', labelAnchor: 'start', labelFontSize: 12 },
    },
    columns,
    spec: {
      width: Math.floor((WIDE_CHART_WIDTH - 40 * (columns - 1)) / columns),
      height: options.height ?? 110,
      layer: layers(x, options.yTitle, options.level, forecastStart(forecast), false),
    },
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
  } as unknown as TopLevelSpec;
  return {
    kind: 'chart',
    chart: 'fan-multiples',
    title: options.title,
    description:
      options.description ??
      `One panel per reason (${groups.join(', ')}): history black, forecast blue after the dotted rule, ${options.level} % prediction interval shaded; each panel has its own scale.`,
    spec,
    wide: true,
  };
}
