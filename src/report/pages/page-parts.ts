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
import type { SimulateIntervalRow } from './simulate-input.js';

/** Options of {@link estimateFigure}. */
export interface EstimateFigureOptions {
  label?: string;
  definition?: string;
  unit?: ValueUnit;
  currency?: string;
  status?: KeyFigure['status'];
  /** Replications the estimate is a mean over (counts of more than one are means). */
  replications?: number;
}

/** A key figure for the measure `name` estimated as `estimate`, with its CI as detail. */
export function estimateFigure(
  name: string,
  estimate: Estimate,
  options: EstimateFigureOptions = {},
): KeyFigure {
  const unit = options.unit ?? measureInfo(name, options.replications).unit;
  const [low, high] = estimate.ci95;
  return {
    ...valueFigure(name, estimate.mean, options),
    detail: `95 % CI ${formatValue(low, unit, options.currency)} to ${formatValue(high, unit, options.currency)}`,
  };
}

/** A key figure for a plain (audited, not estimated) value. */
export function valueFigure(
  name: string,
  value: number,
  options: EstimateFigureOptions = {},
): KeyFigure {
  const info = measureInfo(name, options.replications);
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

/** Groups per table: each cell "mean [low, high]" is wide, and pages must fit A4. */
const GROUPS_PER_TABLE = 4;

/**
 * Tables with one row per measure found in any group and one column per group (queue or
 * reason), each cell "mean [low, high]"; groups are split over several tables of at most
 * four columns so that the page fits A4 whatever the number of measures the command reports.
 */
export function groupTables(
  caption: string,
  groupLabel: string,
  groups: Readonly<Record<string, Readonly<Record<string, Estimate>>>>,
  replications: number,
): TableBlock[] {
  const names: string[] = [];
  for (const measures of Object.values(groups))
    for (const name of Object.keys(measures)) if (!names.includes(name)) names.push(name);
  const entries = Object.entries(groups);
  const tables: TableBlock[] = [];
  for (let i = 0; i < entries.length; i += GROUPS_PER_TABLE) {
    const part = entries.slice(i, i + GROUPS_PER_TABLE);
    tables.push({
      kind: 'table',
      caption:
        entries.length > GROUPS_PER_TABLE
          ? `${caption} (${groupLabel.toLowerCase()}${part.length === 1 ? ` ${i + 1}` : `s ${i + 1}–${i + part.length}`} of ${entries.length})`
          : caption,
      columns: [{ label: 'Measure' }, ...part.map(([group]) => ({ label: group, numeric: true }))],
      rows: names.map((n) => [
        measureInfo(n).label,
        ...part.map(([, measures]) => {
          const e = measures[n];
          return e ? formatEstimate(e, measureInfo(n, replications).unit) : '–';
        }),
      ]),
    });
  }
  return tables;
}

/** An interval series of a simulation for the charts: each row's estimate (mean, 95 % CI) at its start. */
export function intervalPoints(
  rows: readonly SimulateIntervalRow[],
  pick: (r: SimulateIntervalRow) => Estimate | undefined,
) {
  return rows.map((r) => {
    const e = pick(r);
    return {
      time: r.intervalStart,
      value: e?.mean ?? null,
      low: e?.ci95[0] ?? null,
      high: e?.ci95[1] ?? null,
    };
  });
}
