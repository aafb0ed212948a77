/**
 * Small pieces of Vega-Lite specs shared by the chart helpers: the wall-clock time axis, value
 * axes formatted by unit, and a labelled horizontal reference line. Charts stay declarative
 * (Vega-Lite specs), never hand-drawn SVG.
 */

import type { ValueUnit } from './format.js';
import { TARGET_COLOUR } from './palette.js';

/** A point of a series over time: its wall-clock timestamp and value, with an optional band. */
export interface TimePoint {
  /** ISO 8601 timestamp (with or without offset); drawn at its wall-clock time. */
  time: string;
  /** The value (`null` for a gap: closed hours, missing data). */
  value: number | null;
  /** Lower end of a confidence or prediction band. */
  low?: number | null;
  /** Upper end of a confidence or prediction band. */
  high?: number | null;
}

/** A labelled horizontal reference line: a target, a threshold. */
export interface ReferenceLine {
  value: number;
  /** Printed on the chart beside the line: `target 80 %`. */
  label: string;
}

/** The d3-format string for axis labels of `unit`. */
export function axisFormat(unit: ValueUnit): string {
  switch (unit) {
    case 'share':
      return '.0%';
    case 'seconds':
    case 'count':
    case 'meanCount':
      return '~s';
    default:
      return '~g';
  }
}

/** The x encoding of a wall-clock time field `t` (epoch ms of wall-clock fields, UTC scale). */
export function timeX(title: string | null, spanDays: number) {
  const format = spanDays > 14 ? '%d %b' : spanDays > 2 ? '%a %d' : '%H:%M';
  return {
    field: 't',
    type: 'temporal' as const,
    title,
    scale: { type: 'utc' as const },
    axis: {
      format,
      labelAngle: 0,
      tickCount: spanDays > 2 ? { interval: 'day' as const, step: Math.ceil(spanDays / 10) } : 8,
      labelOverlap: true,
    },
  };
}

/** A quantitative y encoding of `field` formatted for `unit`. */
export function valueY(field: string, title: string, unit: ValueUnit) {
  return {
    field,
    type: 'quantitative' as const,
    title,
    axis: { format: axisFormat(unit), tickCount: 5 },
  };
}

/** Two layers drawing a dashed reference line and its label at the right end. */
export function referenceLayers(reference: ReferenceLine) {
  // One datum of its own: inheriting the chart's data would draw the line once per row.
  const data = { values: [{}] };
  return [
    {
      data,
      mark: { type: 'rule' as const, color: TARGET_COLOUR, strokeDash: [5, 3], strokeWidth: 1.5 },
      encoding: { y: { datum: reference.value, type: 'quantitative' as const } },
    },
    {
      data,
      // Right of the plot, outside it: inside, the label would collide with the series.
      mark: {
        type: 'text' as const,
        align: 'left' as const,
        baseline: 'middle' as const,
        dx: 4,
        color: TARGET_COLOUR,
        fontWeight: 'bold' as const,
        lineBreak: '\n',
      },
      encoding: {
        x: { value: { expr: 'width' } },
        y: { datum: reference.value, type: 'quantitative' as const },
        text: { value: reference.label },
      },
    },
  ];
}

/** The number of days between the first and last timestamps of `times` (0 when fewer than 2). */
export function spanDays(times: readonly number[]): number {
  if (times.length < 2) return 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const t of times) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return (max - min) / 86_400_000;
}
