/**
 * Shifts as bars across the day (a Gantt chart): one row per group of shifts, a bar from its
 * start to its end (past 24:00 for a shift that runs into the next day), its breaks as hatched
 * gaps, the number of operators printed at the bar's end. Cost: O(shifts).
 */

import type { TopLevelSpec } from 'vega-lite';
import { WIDE_CHART_WIDTH } from '../chart-theme.js';
import type { ChartBlock } from '../document.js';
import { HATCH_FILL, SERIES_COLOURS, VERDICT_COLOURS } from '../palette.js';

/** One row: a label, its working span and its breaks, in hours after midnight of its day. */
export interface ShiftBar {
  label: string;
  fromHours: number;
  toHours: number;
  breaks: { fromHours: number; toHours: number }[];
  /** Printed at the bar's end: `× 3, mon–fri`. */
  text: string;
}

/** Bars of shifts across the day, hours 0 to the latest end. */
export function shiftBarsChart(
  bars: readonly ShiftBar[],
  options: { title: string; description: string },
): ChartBlock {
  if (bars.length === 0) throw new RangeError('shiftBarsChart: needs at least one shift');
  const end = Math.max(24, ...bars.map((b) => b.toHours));
  const order = bars.map((b) => b.label);
  const y = {
    field: 'label',
    type: 'nominal',
    title: null,
    sort: order,
    axis: { labelLimit: 260 },
  };
  const x = {
    field: 'from',
    type: 'quantitative',
    title: 'hour of the day (past 24: the next day)',
    scale: { domain: [0, end] },
    axis: { values: Array.from({ length: Math.floor(end / 2) + 1 }, (_, i) => i * 2) },
  };
  const spans = bars.map((b) => ({
    label: b.label,
    from: b.fromHours,
    to: b.toHours,
    text: b.text,
  }));
  const breaks = bars.flatMap((b) =>
    b.breaks.map((r) => ({ label: b.label, from: r.fromHours, to: r.toHours })),
  );
  const layer: unknown[] = [
    {
      data: { values: spans },
      mark: { type: 'bar', height: 12, fill: SERIES_COLOURS[0], stroke: SERIES_COLOURS[0] },
      encoding: { y, x, x2: { field: 'to' } },
    },
    {
      data: { values: spans },
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 },
      encoding: { y, x: { ...x, field: 'to' }, text: { field: 'text' } },
    },
  ];
  if (breaks.length > 0)
    layer.push({
      data: { values: breaks },
      mark: { type: 'bar', height: 12, fill: HATCH_FILL, stroke: VERDICT_COLOURS.worse },
      encoding: { y, x, x2: { field: 'to' } },
    });
  const spec = {
    width: WIDE_CHART_WIDTH - 120,
    height: Math.max(80, 18 * bars.length),
    layer,
  } as unknown as TopLevelSpec;
  return {
    kind: 'chart',
    chart: 'shift-bars',
    title: options.title,
    description: options.description,
    spec,
    wide: true,
  };
}
