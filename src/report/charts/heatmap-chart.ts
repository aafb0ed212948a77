import { weekdayName } from '../../calendar/weekdays.js';
/**
 * Weekday × hour heatmap (offered calls, abandonment…): one cell per hour of each weekday,
 * coloured on the viridis scale — perceptually uniform, colour-blind safe and monotonic in
 * lightness, so it still reads in greyscale — and every cell carries its value as text, so the
 * colour is never the only carrier of the number. Cost: O(7 × 24) cells.
 */

import type { TopLevelSpec } from 'vega-lite';
import { WIDE_CHART_WIDTH } from '../chart-theme.js';
import type { ChartBlock } from '../document.js';
import type { ValueUnit } from '../format.js';

/** One cell: ISO weekday (1 = Monday … 7 = Sunday), hour of day (0–23) and its value. */
export interface HeatmapCell {
  weekday: number;
  hour: number;
  /** `null` when there is nothing to show (no calls, so no abandonment rate). */
  value: number | null;
}

/** Options of {@link weekdayHourHeatmap}. */
export interface WeekdayHourHeatmapOptions {
  title: string;
  description?: string;
  /** What the value is: `calls offered`, `abandonment`. */
  valueTitle: string;
  unit: ValueUnit;
}

/** Short names, Monday first (index = ISO weekday − 1). */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0].map((d) => weekdayName(d, 'short'));

/** Weekday rows × hour columns, from the first to the last hour of the cells given. */
export function weekdayHourHeatmap(
  cells: readonly HeatmapCell[],
  options: WeekdayHourHeatmapOptions,
): ChartBlock {
  for (const c of cells)
    if (!(c.weekday >= 1 && c.weekday <= 7 && c.hour >= 0 && c.hour <= 23))
      throw new RangeError(
        `weekdayHourHeatmap: weekday must be 1–7 and hour 0–23, received ${c.weekday}/${c.hour}`,
      );
  const present = cells.filter((c) => c.value !== null);
  if (present.length === 0) throw new RangeError('weekdayHourHeatmap: no cell has a value');
  // Hours of every cell given, valued or not: charts of one week share their columns.
  const hours = [...new Set(cells.map((c) => c.hour))].sort((a, b) => a - b);
  const firstHour = hours[0] ?? 0;
  const lastHour = hours[hours.length - 1] ?? 23;
  const hourDomain: string[] = [];
  for (let h = firstHour; h <= lastHour; h++) hourDomain.push(String(h).padStart(2, '0'));
  const values = present.map((c) => ({
    day: WEEKDAYS[c.weekday - 1],
    hour: String(c.hour).padStart(2, '0'),
    value: c.value,
  }));
  const max = Math.max(0, ...present.map((c) => c.value as number));
  const share = options.unit === 'share';
  // Four-digit counts lose their thousands separator and shrink a point to fit 24 columns.
  const textFormat = share
    ? max < 0.1
      ? '.1%'
      : '.0%'
    : max >= 10_000
      ? '.2~s'
      : max >= 1000
        ? '.0f'
        : ',.0f';
  const fontSize = hourDomain.length > 16 ? (!share && max >= 1000 ? 8 : 9) : 10;
  const x = {
    field: 'hour',
    type: 'ordinal',
    title: 'hour of day',
    sort: hourDomain,
    scale: { domain: hourDomain },
  };
  const y = {
    field: 'day',
    type: 'ordinal',
    title: null,
    sort: WEEKDAYS,
    scale: { domain: WEEKDAYS },
  };
  const spec = {
    width: WIDE_CHART_WIDTH - 60,
    height: 7 * 26,
    data: { values },
    encoding: { x: { ...x, axis: { labelAngle: 0 } }, y },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'value',
            type: 'quantitative',
            title: options.valueTitle,
            scale: { scheme: 'viridis', reverse: true, zero: true },
            legend: { orient: 'right', format: share ? '.0%' : '~s', gradientLength: 140 },
          },
        },
      },
      {
        mark: { type: 'text', fontSize },
        encoding: {
          text: { field: 'value', type: 'quantitative', format: textFormat },
          color: {
            condition: { test: `datum.value > ${max * 0.55}`, value: 'white' },
            value: 'black',
          },
        },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    kind: 'chart',
    chart: 'heatmap',
    title: options.title,
    description:
      options.description ??
      `${options.valueTitle} by weekday (rows) and hour of day (columns); each cell is labelled with its value, darker means higher.`,
    spec,
    wide: true,
  };
}
