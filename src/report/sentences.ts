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
  /** The noun is plural (`transfers`, `operator hours`): "rise" / "fall". */
  plural?: boolean;
}

/**
 * "abandonment rises from 4.1 % to 5.3 % (± 0.4 pts)", "… falls from …" ("transfers fall from …"
 * for a plural noun), or, when the interval
 * of the difference contains zero, "no change in abandonment is detectable (4.1 % and 4.2 %)".
 */
export function describeChange(options: DescribeChangeOptions): string {
  const { noun, base, variant, difference, unit, currency } = options;
  const f = (v: number) => formatValue(v, unit, currency);
  const [low, high] = difference.ci95;
  if (low <= 0 && high >= 0)
    return `no change in ${noun} is detectable (${f(base)} and ${f(variant)})`;
  const verb = `${difference.mean > 0 ? 'rise' : 'fall'}${options.plural === true ? '' : 's'}`;
  const points = unit === 'share' ? ' pts' : '';
  return `${noun} ${verb} from ${f(base)} to ${f(variant)} (${formatHalfWidth(difference, unit, currency)}${points})`;
}

/** "78.2 % (± 1.1)" — an estimate with its half-width, for sentences. */
export function describeEstimate(estimate: Estimate, unit: ValueUnit, currency?: string): string {
  return `${formatValue(estimate.mean, unit, currency)} (${formatHalfWidth(estimate, unit, currency)})`;
}

/** Join phrases as "a, b and c"; past `most` (if given), "a, b, c, d and 5 more". */
export function listPhrases(phrases: readonly string[], most = Number.POSITIVE_INFINITY): string {
  const shown =
    phrases.length > most
      ? [...phrases.slice(0, most), `${phrases.length - most} more`]
      : [...phrases];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
