/**
 * Verdicts worth acting on. A paired difference is called `better` or `worse` only when its whole
 * 95 % interval lies beyond a practical margin (a change too small to matter is not a finding,
 * however well it is measured), `equivalent` when the whole interval lies within ± margin, and
 * `no difference detectable` otherwise: the equivalence-testing reading of a confidence interval
 * (two one-sided tests, Schuirmann 1987; Lakens 2017, "Equivalence tests", Social Psychological
 * and Personality Science 8(4)). Measures that are neither better higher nor lower get `higher` /
 * `lower` instead of better / worse.
 */

import type { MeasureEstimate } from '../stats/confidence-interval.js';
import {
  type Better,
  type MeasureUnit,
  measureDefinition,
  measureKey,
} from './measure-catalogue.js';
import { fixed } from '../units/fixed.js';

/** The verdict on one compared measure. */
export type Verdict =
  'better' | 'worse' | 'higher' | 'lower' | 'equivalent' | 'no difference detectable';

/**
 * A practical margin: an absolute amount in the measure's unit (a share as a fraction: 0.01 is
 * one percentage point) or a fraction of the base's mean (`relative: 0.01` is 1 %).
 */
export type Margin = { absolute: number } | { relative: number };

/**
 * The default margin of a unit: half a percentage point for shares, one second for durations,
 * 0.01 for ratios (attempts or transfers per need), 0.1 operator, and 1 % of the base for counts,
 * hours and money (whose size grows with the horizon).
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
    default:
      return { relative: 0.01 };
  }
}

/** The margin as an amount in the measure's unit, for a base whose mean is `baseMean`. */
export function marginAmount(margin: Margin, baseMean: number | null): number {
  if ('absolute' in margin) return margin.absolute;
  return baseMean === null || !Number.isFinite(baseMean) ? 0 : Math.abs(baseMean) * margin.relative;
}

/** `0.5 pt`, `1 s`, `1 %` — a margin for people. */
export function describeMargin(margin: Margin, unit: MeasureUnit): string {
  if ('relative' in margin) return `${+fixed(margin.relative * 100, 4)} % of base`;
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
 * `equivalent`; otherwise (or with no interval) `no difference detectable`. A difference that is
 * exactly zero is never better or worse.
 */
export function verdictOf(difference: MeasureEstimate, better: Better, margin: number): Verdict {
  const [lo, hi] = difference.ci95;
  if (lo === null || hi === null) return 'no difference detectable';
  const m = Math.max(0, margin);
  if (lo >= -m && hi <= m) return 'equivalent';
  const up = lo > m;
  const down = hi < -m;
  if (!up && !down) return 'no difference detectable';
  if (better === 'neither') return up ? 'higher' : 'lower';
  return up === (better === 'higher') ? 'better' : 'worse';
}
