/**
 * How a report presents one measure: its label, unit, definition and better direction, read from
 * the measure catalogue (`src/measures/measure-catalogue.ts`, the one home of every measure) and
 * put in the report's units. Unknown names still render, with a label made from the camelCase key.
 */

import { measureDefinition, type MeasureUnit } from '../measures/measure-catalogue.js';
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

/** The report's way of writing a catalogue unit: calls and needs are counts, money is money. */
export function valueUnitOf(unit: MeasureUnit): ValueUnit {
  switch (unit) {
    case 'calls':
    case 'needs':
      return 'count';
    case 'share':
    case 'seconds':
    case 'currency':
      return unit;
    default:
      return 'number';
  }
}

/**
 * How to present the measure named `name` (a JSON key such as `probabilityAbandon`, or a
 * `compare --json` name with its table: `overall.serviceLevel`, `needs.attemptsPerNeed`,
 * `cost.total`).
 */
export function measureInfo(name: string): MeasureInfo {
  const m = measureDefinition(name);
  const info: MeasureInfo = { label: m.label, unit: valueUnitOf(m.unit), definition: m.definition };
  if (m.better !== 'neither') info.higherIsBetter = m.better === 'higher';
  return info;
}
