/**
 * Compare two scenarios measure by measure: one row per measure, a bar from zero to the paired
 * difference (variant − base) with whiskers for its 95 % confidence interval, and the verdict
 * said three ways — the word in the row's title, the colour (blue better, vermillion worse, grey
 * no difference; Okabe–Ito; dark grey higher / lower for measures better neither way) and the
 * fill (solid, hatched, mid grey, hollow) — so it survives greyscale
 * printing and colour blindness. Each row has its own scale: measures have different units.
 * Cost: O(measures) small charts in one vertical concatenation.
 */

import type { TopLevelSpec } from 'vega-lite';
import { WIDE_CHART_WIDTH } from '../chart-theme.js';
import type { ChartBlock } from '../document.js';
import { type Estimate, formatDifference, type ValueUnit } from '../format.js';
import { HATCH_FILL, TARGET_COLOUR, VERDICT_COLOURS } from '../palette.js';

/** A comparison verdict, normalised. */
export type Verdict = keyof typeof VERDICT_COLOURS;

/** One measure's difference for {@link differenceChart}. */
export interface DifferenceRow {
  /** Label shown: `Abandonment`. */
  label: string;
  difference: Estimate;
  verdict: Verdict;
  unit: ValueUnit;
  currency?: string;
}

/** Read any verdict spelling (`better`, `worse`, `no difference detectable`…) as a {@link Verdict}. */
export function normaliseVerdict(verdict: string): Verdict {
  const v = verdict.trim().toLowerCase();
  if (v.startsWith('better')) return 'better';
  if (v.startsWith('worse')) return 'worse';
  if (v.startsWith('equivalent')) return 'equivalent';
  if (v === 'higher' || v === 'lower' || v === 'not settled') return v;
  return 'no difference';
}

const FILLS: Record<Verdict, string> = {
  better: VERDICT_COLOURS.better,
  worse: HATCH_FILL,
  equivalent: '#E6E6E6',
  'not settled': '#D9D9D9',
  'no difference': 'white',
  higher: '#A6A6A6',
  lower: '#A6A6A6',
};

function rowSpec(row: DifferenceRow) {
  const scale = row.unit === 'share' ? 100 : 1;
  const axisTitle =
    row.unit === 'share' ? 'percentage points' : row.unit === 'seconds' ? 'seconds' : null;
  const [low, high] = row.difference.ci95;
  const datum = { mean: row.difference.mean * scale, low: low * scale, high: high * scale };
  const x = {
    field: 'mean',
    type: 'quantitative',
    title: axisTitle,
    scale: { zero: true, nice: true },
    axis: { tickCount: 4, labelFontSize: 9, titleFontSize: 9, format: '+,.3~r' },
  };
  // Only the first layer declares the scale; repeating it in each layer makes Vega-Lite warn.
  const bare = { field: 'mean', type: 'quantitative' };
  const colour = VERDICT_COLOURS[row.verdict];
  const diff = formatDifference(row.difference.mean, row.unit, row.currency);
  const range = `${formatDifference(low, row.unit, row.currency)} to ${formatDifference(high, row.unit, row.currency)}`;
  return {
    title: {
      text: `${row.label}: ${row.verdict}, ${diff} (95 % CI ${range})`,
      fontSize: 11,
      anchor: 'start',
      offset: 4,
      color: row.verdict === 'no difference' || row.verdict === 'equivalent' ? '#444' : colour,
    },
    width: WIDE_CHART_WIDTH - 20,
    height: 18,
    data: { values: [datum] },
    layer: [
      {
        mark: {
          type: 'bar',
          fill: FILLS[row.verdict],
          stroke: colour,
          strokeWidth: 1.2,
          height: 14,
        },
        encoding: { x, x2: { datum: 0 } },
      },
      {
        // A white casing under the whisker keeps it visible across a dark bar in greyscale.
        mark: { type: 'rule', color: 'white', strokeWidth: 4 },
        encoding: { x: { ...bare, field: 'low' }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'rule', color: '#111', strokeWidth: 1.5 },
        encoding: { x: { ...bare, field: 'low' }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'tick', color: '#111', thickness: 1.5, size: 14 },
        encoding: { x: { ...bare, field: 'low' } },
      },
      {
        mark: { type: 'tick', color: '#111', thickness: 1.5, size: 14 },
        encoding: { x: { ...bare, field: 'high' } },
      },
      {
        mark: { type: 'rule', color: TARGET_COLOUR, strokeWidth: 1 },
        encoding: { x: { datum: 0, type: 'quantitative' } },
      },
    ],
  };
}

/** One row per measure: difference bar with whiskers, verdict by word, colour and fill. */
export function differenceChart(
  rows: readonly DifferenceRow[],
  options: { title: string; description?: string },
): ChartBlock {
  if (rows.length === 0) throw new RangeError('differenceChart: needs at least one measure');
  const spec = {
    vconcat: rows.map(rowSpec),
    spacing: 10,
  } as unknown as TopLevelSpec;
  const counts = (['better', 'worse', 'higher', 'lower', 'equivalent', 'no difference'] as const)
    .filter((v) => (v !== 'higher' && v !== 'lower') || rows.some((r) => r.verdict === v))
    .map((v) => `${rows.filter((r) => r.verdict === v).length} ${v}`)
    .join(', ');
  return {
    kind: 'chart',
    chart: 'difference',
    title: options.title,
    description:
      options.description ??
      `Difference variant minus base for ${rows.length} measures with 95 % confidence whiskers (${counts}); solid bars better, hatched worse, mid grey higher or lower (a measure better neither way, moved beyond its margin), light grey equivalent (within the practical margin), hollow no difference detectable.`,
    spec,
    wide: true,
  };
}
