/**
 * How a report presents one measure: its label, unit, definition and better direction, read from
 * the measure catalogue (`src/measures/measure-catalogue.ts`, the one home of every measure) and
 * put in the report's units. Unknown names still render, with a label made from the camelCase key.
 */

import {
  measureDecimals,
  measureDefinition,
  type MeasureUnit,
  unitDecimals,
} from '../measures/measure-catalogue.js';
import type { ValueUnit } from './format.js';

/** How a report presents one measure. */
export interface MeasureInfo {
  /** Label with a capital: `Abandonment`. */
  label: string;
  unit: ValueUnit;
  definition: string;
  /** True when more is better, false when less is better, absent when neither. */
  higherIsBetter?: boolean;
}

/**
 * The report's way of writing a catalogue unit: calls and needs are counts (`mean`: means of
 * counts over replications), money is money, ratios are ratios, hours and operators numbers.
 */
export function valueUnitOf(unit: MeasureUnit, mean: boolean): ValueUnit {
  switch (unit) {
    case 'calls':
    case 'needs':
      return mean ? 'meanCount' : 'count';
    case 'share':
    case 'seconds':
    case 'currency':
    case 'ratio':
      return unit;
    default:
      return 'number';
  }
}

/**
 * How to present the measure named `name` (a JSON key such as `probabilityAbandon`, or a
 * `compare --json` name with its table: `overall.serviceLevel`, `needs.attemptsPerNeed`,
 * `cost.total`); `replications`: how many replications its values are means over (1, or
 * omitted, for figures of one run or of records).
 */
export function measureInfo(name: string, replications = 1): MeasureInfo {
  const m = measureDefinition(name);
  const mean = replications > 1 || m.perDay === true;
  const unit =
    m.unit === 'currency' && measureDecimals(name, mean) > unitDecimals('currency', mean)
      ? 'currencyPerCall'
      : valueUnitOf(m.unit, mean);
  const info: MeasureInfo = { label: m.label, unit, definition: m.definition };
  if (m.better !== 'neither') info.higherIsBetter = m.better === 'higher';
  return info;
}
