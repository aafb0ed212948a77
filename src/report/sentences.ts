/**
 * Plain-language sentences generated from numbers, for the summary that opens every report:
 * "abandonment rises from 4.1 % to 5.3 % (± 0.4 pts)". Wording follows the numbers, never the
 * other way round: a change whose interval includes zero is said not to be detectable.
 * Cost: O(1) per sentence.
 */

import { type Estimate, formatHalfWidth, formatValue, type ValueUnit } from './format.js';

/** Capitalise the first letter and end with a full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Options of {@link describeChange}. */
export interface DescribeChangeOptions {
  /** Lower-case noun phrase: `abandonment`, `the average speed of answer`. */
  noun: string;
  base: number;
  variant: number;
  /** Paired difference variant − base with its 95 % interval. */
  difference: Estimate;
  unit: ValueUnit;
  currency?: string;
}

/**
 * "abandonment rises from 4.1 % to 5.3 % (± 0.4 pts)", "… falls from …", or, when the interval
 * of the difference contains zero, "no change in abandonment is detectable (4.1 % and 4.2 %)".
 */
export function describeChange(options: DescribeChangeOptions): string {
  const { noun, base, variant, difference, unit, currency } = options;
  const f = (v: number) => formatValue(v, unit, currency);
  const [low, high] = difference.ci95;
  if (low <= 0 && high >= 0)
    return `no change in ${noun} is detectable (${f(base)} and ${f(variant)})`;
  const verb = difference.mean > 0 ? 'rises' : 'falls';
  const points = unit === 'share' ? ' pts' : '';
  return `${noun} ${verb} from ${f(base)} to ${f(variant)} (${formatHalfWidth(difference, unit, currency)}${points})`;
}

/** "78.2 % (± 1.1)" — an estimate with its half-width, for sentences. */
export function describeEstimate(estimate: Estimate, unit: ValueUnit, currency?: string): string {
  return `${formatValue(estimate.mean, unit, currency)} (${formatHalfWidth(estimate, unit, currency)})`;
}

/** Join phrases as "a, b and c". */
export function listPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}
