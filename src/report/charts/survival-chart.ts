/**
 * Survival curve drawn as a step function, e.g. the share of callers still willing to wait
 * after t seconds (patience, estimated by Kaplan–Meier from abandons censored by answers), with
 * its confidence band when given and the median marked and labelled.
 *
 * Reference: Kaplan & Meier (1958), "Nonparametric estimation from incomplete observations",
 * JASA 53:457–481 — the estimate is a right-continuous step function, hence `step-after`.
 * Cost: O(points).
 */

import type { TopLevelSpec } from 'vega-lite';
import { NARROW_CHART_WIDTH, WIDE_CHART_WIDTH } from '../chart-theme.js';
import type { ChartBlock } from '../document.js';
import { seriesColour, seriesDash, TARGET_COLOUR } from '../palette.js';

/** One step of a survival curve: S(t) from `seconds` on, with optional confidence bounds. */
export interface SurvivalPoint {
  seconds: number;
  survival: number;
  lower?: number;
  upper?: number;
  /** Curve name when several are drawn (per queue); one curve when absent. */
  group?: string;
}

/** Options of {@link survivalChart}. */
export interface SurvivalChartOptions {
  title: string;
  description?: string;
  xTitle?: string;
  yTitle?: string;
  /** Marks S(t) = 0.5 with a labelled rule when the curve reaches it. */
  showMedian?: boolean;
  /** The median when it is known more precisely than the points show (a KM curve sampled on a grid). */
  medianSeconds?: number;
  /**
   * The points are the curve evaluated at a few times only (a grid), not its steps: they are
   * marked and joined by a dotted straight line, since the steps between them are unknown.
   */
  sampled?: boolean;
  wide?: boolean;
}

/** The t where a step curve first drops to 0.5 or below, or undefined if it never does. */
export function survivalMedian(points: readonly SurvivalPoint[]): number | undefined {
  const sorted = [...points].sort((a, b) => a.seconds - b.seconds);
  return sorted.find((p) => p.survival <= 0.5)?.seconds;
}

/** Step curve(s) of survival against time, with bands and the median. */
export function survivalChart(
  points: readonly SurvivalPoint[],
  options: SurvivalChartOptions,
): ChartBlock {
  if (points.length === 0) throw new RangeError('survivalChart: needs at least one point');
  const groups = [...new Set(points.map((p) => p.group ?? 'all'))];
  const values = points.map((p) => ({
    group: p.group ?? 'all',
    seconds: p.seconds,
    survival: p.survival,
    lower: p.lower ?? null,
    upper: p.upper ?? null,
  }));
  const x = { field: 'seconds', type: 'quantitative', title: options.xTitle ?? 'seconds waited' };
  const legend = groups.length > 1 ? { orient: 'top' } : null;
  const colour = {
    field: 'group',
    type: 'nominal',
    title: null,
    scale: { domain: groups, range: groups.map((_, i) => seriesColour(i)) },
    legend,
  };
  const layer: unknown[] = [];
  if (points.some((p) => p.lower !== undefined && p.upper !== undefined))
    layer.push({
      transform: [{ filter: 'isValid(datum.lower) && isValid(datum.upper)' }],
      mark: {
        type: 'area',
        interpolate: options.sampled ? 'linear' : 'step-after',
        opacity: 0.18,
      },
      encoding: {
        x,
        y: { field: 'lower', type: 'quantitative' },
        y2: { field: 'upper' },
        color: colour,
      },
    });
  layer.push({
    mark: options.sampled
      ? {
          type: 'line',
          interpolate: 'linear',
          strokeWidth: 1.4,
          strokeDash: [2, 3],
          point: { filled: true, size: 36 },
        }
      : { type: 'line', interpolate: 'step-after', strokeWidth: 1.8 },
    encoding: {
      x,
      y: {
        field: 'survival',
        type: 'quantitative',
        title: options.yTitle ?? 'share still waiting',
        scale: { domain: [0, 1] },
        axis: { format: '.0%', tickCount: 5 },
      },
      color: colour,
      strokeDash:
        options.sampled && groups.length === 1
          ? undefined
          : {
              field: 'group',
              type: 'nominal',
              title: null,
              scale: { domain: groups, range: groups.map((_, i) => [...seriesDash(i)]) },
              legend,
            },
    },
  });
  const median =
    options.showMedian !== false && groups.length === 1
      ? (options.medianSeconds ?? survivalMedian(points))
      : undefined;
  if (median !== undefined) {
    const data = { values: [{ seconds: median, survival: 0.5 }] };
    layer.push(
      {
        data,
        mark: { type: 'rule', color: TARGET_COLOUR, strokeDash: [4, 3] },
        encoding: { x: { field: 'seconds', type: 'quantitative' } },
      },
      {
        data,
        mark: {
          type: 'text',
          align: 'left',
          dx: 5,
          dy: -8,
          color: TARGET_COLOUR,
          fontWeight: 'bold',
        },
        encoding: {
          x: { field: 'seconds', type: 'quantitative' },
          y: { field: 'survival', type: 'quantitative' },
          text: { value: `median ${Math.round(median)} s` },
        },
      },
    );
  }
  const spec = {
    width: options.wide ? WIDE_CHART_WIDTH : NARROW_CHART_WIDTH,
    height: 200,
    data: { values },
    layer,
  } as unknown as TopLevelSpec;
  return {
    kind: 'chart',
    chart: 'survival',
    title: options.title,
    description:
      options.description ??
      `Step curve of the share still waiting against seconds waited${median !== undefined ? `; half have given up by ${Math.round(median)} s` : ''}.`,
    spec,
    wide: options.wide ?? false,
  };
}
