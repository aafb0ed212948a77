/**
 * Number formatting for reports: one place decides how a share, a duration, a count or an
 * interval is written, so the summary sentences, the tables and the key figures agree. The
 * decimals of each unit are the measure catalogue's ({@link unitDecimals}): fixed by the unit,
 * never by the size of the value. Cost: O(1) per value. Uses a non-breaking space before units,
 * as French and SI typography do.
 */

import { measureDecimals, unitDecimals } from '../measures/measure-catalogue.js';
import { formatDuration } from '../units/duration.js';
import { fixed } from '../units/fixed.js';

/** A measure estimated over replications: its mean and 95 % confidence interval. */
export interface Estimate {
  mean: number;
  ci95: readonly [number, number];
}

/**
 * How a value is written: a share (0–1 shown as %), seconds, a count of one run (`count`: whole),
 * a mean of counts over replications (`meanCount`: one decimal), a ratio (two decimals), a plain
 * number such as hours or operators (one decimal), money (whole units) or money per call
 * (`currencyPerCall`: cents).
 */
export type ValueUnit =
  'share' | 'seconds' | 'count' | 'meanCount' | 'ratio' | 'number' | 'currency' | 'currencyPerCall';

/** The decimals of each unit, read from the measure catalogue (the one home of the rule). */
const DECIMALS: Readonly<Record<ValueUnit, number>> = {
  share: unitDecimals('share', true),
  seconds: unitDecimals('seconds', true),
  count: unitDecimals('calls', false),
  meanCount: unitDecimals('calls', true),
  ratio: unitDecimals('ratio', true),
  number: unitDecimals('hours', true),
  currency: unitDecimals('currency', true),
  currencyPerCall: measureDecimals('perAnsweredCall', true),
};

const NBSP = '\u00a0';

/** Format a share in [0, 1] as a percentage: `0.053` → `5.3 %`. */
export function formatPercent(share: number, digits = DECIMALS.share): string {
  if (!Number.isFinite(share)) return '–';
  return `${fixed(share * 100, digits)}${NBSP}%`;
}

/**
 * Format a count with thousands separators and `digits` decimals (0: a count of one run):
 * `4012.4` → `4,012`; `formatCount(0, 1)` → `0.0` (never `-0`).
 */
export function formatCount(value: number, digits = DECIMALS.count): string {
  return formatNumber(value, digits);
}

/** Format a plain number with exactly `digits` decimals and thousands separators. */
export function formatNumber(value: number, digits = DECIMALS.ratio): string {
  if (!Number.isFinite(value)) return '–';
  // Rounded first, so that -0.3 with no decimals is `0`, not `-0`.
  const rounded = Number(fixed(value, digits));
  return rounded.toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'negative',
  });
}

/**
 * Format money: `1234.5` → `1,235 EUR` (whole units; reports are about orders of magnitude),
 * or with `digits` decimals (money per call in cents: `1.86 EUR`).
 */
export function formatMoney(value: number, currency = 'EUR', digits = DECIMALS.currency): string {
  if (!Number.isFinite(value)) return '–';
  return `${formatNumber(value, digits)}${NBSP}${currency}`;
}

/** Format seconds readably: `26` → `26.0 s`, `95` → `1 min 35 s`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (Math.abs(seconds) < 60) return `${formatNumber(seconds, DECIMALS.seconds)}${NBSP}s`;
  return formatDuration(Math.round(seconds));
}

/** Format `value` in `unit`. */
export function formatValue(value: number, unit: ValueUnit, currency?: string): string {
  switch (unit) {
    case 'share':
      return formatPercent(value);
    case 'seconds':
      return formatSeconds(value);
    case 'currency':
    case 'currencyPerCall':
      return formatMoney(value, currency, DECIMALS[unit]);
    default:
      return formatNumber(value, DECIMALS[unit]);
  }
}

/**
 * The half-width of a confidence interval written in `unit`, for "5.3 % (± 0.4)". Shares give
 * percentage points without the % sign, so `± 0.4` reads as points, not as a relative change.
 */
export function formatHalfWidth(estimate: Estimate, unit: ValueUnit, currency?: string): string {
  const half = Math.abs(estimate.ci95[1] - estimate.ci95[0]) / 2;
  if (unit === 'share') return `±${NBSP}${fixed(half * 100, DECIMALS.share)}`;
  return `±${NBSP}${formatValue(half, unit, currency)}`;
}

/** Drop a trailing unit (` %`, ` s`, ` pts`, ` EUR`) from a formatted plain number. */
function withoutUnit(text: string): string {
  const match = /^([−+±-]?[\d,.]+)\u00a0(?:%|s|pts|[A-Z]{3})$/.exec(text);
  return match ? match[1]! : text;
}

/**
 * Format an estimate as `value [low, high]`, the unit written once: `78.1 % [76.9, 79.3]`,
 * `47,900 EUR [47,400, 48,400]` (bounds keep their unit when it is not a plain suffix).
 */
export function formatEstimate(estimate: Estimate, unit: ValueUnit, currency?: string): string {
  const [low, high] = estimate.ci95;
  const f = (v: number) => withoutUnit(formatValue(v, unit, currency));
  return `${formatValue(estimate.mean, unit, currency)} [${f(low)}, ${f(high)}]`;
}

/** Format a difference and its interval as `+1.2 pts [+1.0, +1.4]`, the unit written once. */
export function formatDifferenceEstimate(
  difference: Estimate,
  unit: ValueUnit,
  currency?: string,
): string {
  const f = (v: number) => withoutUnit(formatDifference(v, unit, currency));
  const [low, high] = difference.ci95;
  return `${formatDifference(difference.mean, unit, currency)} [${f(low)}, ${f(high)}]`;
}

/**
 * Format a signed difference: shares in percentage points (`+1.2 pts`), others in their unit;
 * `±0.0 pts` when it rounds to zero.
 */
export function formatDifference(value: number, unit: ValueUnit, currency?: string): string {
  const magnitude = Math.abs(value);
  const text =
    unit === 'share'
      ? `${fixed(magnitude * 100, DECIMALS.share)}${NBSP}pts`
      : formatValue(magnitude, unit, currency);
  // A difference that rounds to zero is written ±0, whatever the sign of what was rounded.
  const sign = !/[1-9]/.test(text) ? '±' : value > 0 ? '+' : '−';
  return `${sign}${text}`;
}
