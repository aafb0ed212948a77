/**
 * Verdicts worth acting on. A paired difference is called `better` or `worse` only when its whole
 * 95 % interval lies beyond a practical margin (a change too small to matter is not a finding,
 * however well it is measured), `equivalent` when the whole interval lies within ± margin,
 * `not settled` when the interval excludes zero (a difference is seen) but does not settle that it
 * lies beyond the margin, and `no difference detectable` when the interval holds zero and reaches
 * beyond the margin: the equivalence-testing reading of a confidence interval
 * (two one-sided tests, Schuirmann 1987; Lakens 2017, "Equivalence tests", Social Psychological
 * and Personality Science 8(4)). Measures that are neither better higher nor lower get `higher` /
 * `lower` instead of better / worse.
 */

import type { MeasureEstimate } from '../stats/confidence-interval.js';
import { benjaminiHochbergAdjust } from '../stats/adjust-p-values.js';
import { pBeyondMargin } from '../stats/paired-t-test.js';
import {
  type Better,
  type MeasureUnit,
  measureDefinition,
  measureKey,
} from './measure-catalogue.js';
import { fixed } from '../units/fixed.js';

/** The verdict on one compared measure. */
export type Verdict =
  | 'better'
  | 'worse'
  | 'higher'
  | 'lower'
  | 'equivalent'
  | 'not settled'
  | 'no difference detectable';

/**
 * A practical margin: an absolute amount in the measure's unit (a share as a fraction: 0.01 is
 * one percentage point), a fraction of the base's mean (`relative: 0.01` is 1 %), or — the
 * default of counts — the largest of a fraction of the base, a fraction of the volume the row is
 * about (its calls offered, or its needs) and a least amount; or — the default of money — one
 * amount for every cost of the row: a fraction of the row's total cost, and at least the margin
 * of each count the row prices at its price (lost needs × price: the lost needs' margin at their
 * mean price), scaled for money per day or per answered call.
 */
export type Margin =
  | { absolute: number }
  | { relative: number }
  | { relative: number; ofVolume: number; least: number }
  | { relative: number; ofRowCost: true };

/**
 * What a default margin may read besides the base's mean, all means of the base over
 * replications in the same row (the whole switchboard, one reason or one caller group).
 */
export interface MarginContext {
  /** The row's volume in the measure's unit: calls offered for calls, needs for needs. */
  volume?: number | null;
  /** For money: the row's total cost (the sum of its costs when it has no total). */
  rowCost?: number | null;
  /** For money: the largest margin of a count the row prices, times that count's mean price. */
  pricedCountMargin?: number | null;
  /**
   * For money per something (per day, per answered call): the measure's base over the row's
   * total cost, which turns the row's money margin into one per day or per call (1 by default).
   */
  scale?: number | null;
}

/**
 * The default margin of a unit, chosen so that a verdict means a change a manager would act on,
 * whatever the scenario's size and horizon:
 * - shares: half a percentage point;
 * - durations: 1 s; ratios (attempts or transfers per need): 0.01; operators: 0.1;
 * - counts of calls or needs: 1 % of the base, but at least 0.5 % of the row's calls offered
 *   (its needs, for needs) — the count that moves a share of that volume by the half point a
 *   share needs — and at least 1: a few abandons more in a small reason, or a count that was 0,
 *   is not a finding however well common random numbers measure it;
 * - hours: 1 % of the base;
 * - money: ONE amount for every cost of the row (the total, its parts), as a euro saved is a
 *   euro whichever line it is on: 1 % of the row's total cost, and at least the margin of each
 *   count the row prices (operator hours, lost needs, transfers, repeat attempts) at its mean
 *   price — so a cost is never a finding when the count it prices is not, and the total is never
 *   judged on a margin smaller than one of its parts'. Money per day or per answered call: the
 *   same amount per day or per call (see {@link MarginContext.scale}).
 */
export function defaultMargin(unit: MeasureUnit): Margin {
  switch (unit) {
    case 'share':
      return { absolute: 0.005 };
    case 'seconds':
      return { absolute: 1 };
    case 'ratio':
      return { absolute: 0.01 };
    case 'operators':
      return { absolute: 0.1 };
    case 'calls':
    case 'needs':
      return { relative: 0.01, ofVolume: 0.005, least: 1 };
    case 'currency':
      return { relative: 0.01, ofRowCost: true };
    default:
      return { relative: 0.01 };
  }
}

const finite = (x: number | null | undefined): number =>
  x === null || x === undefined || !Number.isFinite(x) ? 0 : Math.abs(x);

/**
 * The margin as an amount in the measure's unit, for a base whose mean is `baseMean`, in a row
 * described by `context` (see {@link defaultMargin}).
 */
export function marginAmount(
  margin: Margin,
  baseMean: number | null,
  context: MarginContext = {},
): number {
  if ('absolute' in margin) return margin.absolute;
  const base = finite(baseMean);
  const relative = base * margin.relative;
  if ('ofVolume' in margin)
    return Math.max(relative, finite(context.volume) * margin.ofVolume, margin.least);
  if ('ofRowCost' in margin) {
    const scale = context.scale === undefined || context.scale === null ? 1 : finite(context.scale);
    const rowCost = context.rowCost === undefined ? base : finite(context.rowCost);
    return scale * Math.max(rowCost * margin.relative, finite(context.pricedCountMargin));
  }
  return relative;
}

/** `0.5 pt`, `1 s`, `1 % of base`, `max(1 % of base, 0.5 % of volume, 1)` — a margin for people. */
export function describeMargin(margin: Margin, unit: MeasureUnit, rate = false): string {
  const percent = (x: number) => `${+fixed(x * 100, 4)} %`;
  if ('ofVolume' in margin)
    return `the largest of ${percent(margin.relative)} of base, ${percent(margin.ofVolume)} of the row’s ${unit === 'needs' ? 'needs' : 'calls offered'} and ${margin.least}`;
  if ('ofRowCost' in margin)
    return `the row’s money margin: ${percent(margin.relative)} of its total cost, at least each priced count’s margin at its price${rate ? ', divided as this measure divides the total' : ''}`;
  if ('relative' in margin) return `${percent(margin.relative)} of base`;
  if (unit === 'share') return `${+fixed(margin.absolute * 100, 4)} pt`;
  if (unit === 'seconds') return `${margin.absolute} s`;
  return String(margin.absolute);
}

/**
 * Read a margin written by a user: a non-negative number (absolute, in the measure's unit, shares
 * as fractions) or a percentage of the base (`2%`). Returns undefined when it is neither.
 */
export function readMargin(value: unknown): Margin | undefined {
  if (typeof value === 'number')
    return value >= 0 && value <= 1e12 ? { absolute: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  if (percent) {
    const relative = Number(percent[1]) / 100;
    return relative <= 10 ? { relative } : undefined;
  }
  const number = /^\s*\d+(?:\.\d+)?(?:e[+-]?\d+)?\s*$/i.test(value) ? Number(value) : Number.NaN;
  return Number.isFinite(number) && number <= 1e12 ? { absolute: number } : undefined;
}

/** Margins set by the user, by measure key (`serviceLevel`) or by `table.key` name (`cost.total`). */
export type MarginOverrides = ReadonlyMap<string, Margin>;

/**
 * The margin of measure `name` (`overall.serviceLevel`): the user's for the full name, else for
 * its key, else the default of its unit.
 */
export function marginOf(name: string, overrides: MarginOverrides = new Map()): Margin {
  return (
    overrides.get(name) ??
    overrides.get(measureKey(name)) ??
    defaultMargin(measureDefinition(name).unit)
  );
}

/**
 * The verdict on a paired difference (variant − base) with practical margin `margin` (≥ 0, in
 * the measure's unit): beyond the margin in the good direction `better`, in the bad one `worse`
 * (`higher` / `lower` for a measure better neither way); the whole interval within ± margin:
 * `equivalent`; an interval that excludes zero but is neither: `not settled` (a difference is
 * seen, its size against the margin is not settled); otherwise (or with no interval) `no
 * difference detectable`. A difference that is exactly zero is never better or worse.
 */
export function verdictOf(difference: MeasureEstimate, better: Better, margin: number): Verdict {
  const [lo, hi] = difference.ci95;
  if (lo === null || hi === null) return 'no difference detectable';
  const m = Math.max(0, margin);
  if (lo >= -m && hi <= m) return 'equivalent';
  const up = lo > m;
  const down = hi < -m;
  if (!up && !down) return lo > 0 || hi < 0 ? 'not settled' : 'no difference detectable';
  if (better === 'neither') return up ? 'higher' : 'lower';
  return up === (better === 'higher') ? 'better' : 'worse';
}

/** The verdicts that call a difference beyond its margin. */
export const FINDINGS: ReadonlySet<Verdict> = new Set(['better', 'worse', 'higher', 'lower']);

/** A compared measure as {@link familyVerdicts} reads and updates it. */
export interface FamilyMember {
  difference: MeasureEstimate;
  better: Better;
  /** The margin as an amount in the measure's unit. */
  marginAmount: number;
  /** The paired differences, one per replication. */
  differences: readonly number[];
  verdict: Verdict;
  /** The family's adjusted one-sided p-value of a difference beyond the margin (null: no test). */
  pAdjusted: number | null;
}

/**
 * Verdicts for a family of measures read together (every measure of one comparison: overall, per
 * reason, per caller group): `better` / `worse` (`higher` / `lower`) only when the difference
 * lies beyond the margin with the p-values adjusted over the family by Benjamini–Hochberg at
 * 2.5 % (one-sided), so that a comparison of 150 measures does not find a few effects by chance
 * where nothing moved beyond its margin, yet still finds the many effects of a real change with
 * few replications; `equivalent` when the (unadjusted) 95 % interval lies within ± margin;
 * `not settled` when the interval excludes zero but is neither (among them a difference beyond
 * the margin that the adjustment does not confirm); otherwise `no difference detectable`.
 * Intervals are not adjusted.
 * Cost: O(m log m + total replications).
 */
export function familyVerdicts(members: FamilyMember[]): void {
  const adjusted = benjaminiHochbergAdjust(
    members.map((m) => pBeyondMargin(m.differences, m.marginAmount)),
  );
  members.forEach((m, i) => {
    m.pAdjusted = adjusted[i]!;
    const verdict = verdictOf(m.difference, m.better, m.marginAmount);
    const finding = FINDINGS.has(verdict);
    const kept = m.pAdjusted !== null && m.pAdjusted < 0.025;
    m.verdict = finding && !kept ? 'not settled' : verdict;
  });
}
