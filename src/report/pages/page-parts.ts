/**
 * Pieces the page builders share: a key figure from an estimate, a table of measures by group
 * (queue, reason), the counts of a keyed record. Keeps each page builder about what it says.
 */

import type { KeyFigure, TableBlock } from '../document.js';
import {
  type Estimate,
  formatEstimate,
  formatPercent,
  formatValue,
  type ValueUnit,
} from '../format.js';
import { measureInfo } from '../measures.js';

/** Options of {@link estimateFigure}. */
export interface EstimateFigureOptions {
  label?: string;
  definition?: string;
  unit?: ValueUnit;
  currency?: string;
  status?: KeyFigure['status'];
}

/** A key figure for the measure `name` estimated as `estimate`, with its CI as detail. */
export function estimateFigure(
  name: string,
  estimate: Estimate,
  options: EstimateFigureOptions = {},
): KeyFigure {
  const info = measureInfo(name);
  const unit = options.unit ?? info.unit;
  const [low, high] = estimate.ci95;
  const figure: KeyFigure = {
    label: options.label ?? info.label,
    value: formatValue(estimate.mean, unit, options.currency),
    detail: `95 % CI ${formatValue(low, unit, options.currency)} to ${formatValue(high, unit, options.currency)}`,
    definition: options.definition ?? info.definition,
  };
  if (options.status) figure.status = options.status;
  return figure;
}

/** A key figure for a plain (audited, not estimated) value. */
export function valueFigure(
  name: string,
  value: number,
  options: EstimateFigureOptions = {},
): KeyFigure {
  const info = measureInfo(name);
  const figure: KeyFigure = {
    label: options.label ?? info.label,
    value: formatValue(value, options.unit ?? info.unit, options.currency),
    definition: options.definition ?? info.definition,
  };
  if (options.status) figure.status = options.status;
  return figure;
}

/** "meets target" / "misses target" status for a value against a target. */
export function targetStatus(
  value: number,
  target: number,
  higherIsBetter: boolean,
  unit: ValueUnit,
): KeyFigure['status'] {
  const ok = higherIsBetter ? value >= target : value <= target;
  const shown =
    unit === 'share'
      ? formatPercent(target, Math.abs(target * 100 - Math.round(target * 100)) < 1e-9 ? 0 : 1)
      : formatValue(target, unit);
  const word = `${ok ? 'meets' : 'misses'} the ${higherIsBetter ? '≥' : '≤'} ${shown} target`;
  return { word, tone: ok ? 'good' : 'bad' };
}

/**
 * A table with one row per group (queue or reason) and one column per measure found in any
 * group, each cell "mean [low, high]".
 */
export function groupTable(
  caption: string,
  groupLabel: string,
  groups: Readonly<Record<string, Readonly<Record<string, Estimate>>>>,
): TableBlock {
  const names: string[] = [];
  for (const measures of Object.values(groups))
    for (const name of Object.keys(measures)) if (!names.includes(name)) names.push(name);
  return {
    kind: 'table',
    caption,
    columns: [
      { label: groupLabel },
      ...names.map((n) => ({ label: measureInfo(n).label, numeric: true })),
    ],
    rows: Object.entries(groups).map(([group, measures]) => [
      group,
      ...names.map((n) => {
        const e = measures[n];
        return e ? formatEstimate(e, measureInfo(n).unit) : '–';
      }),
    ]),
  };
}
