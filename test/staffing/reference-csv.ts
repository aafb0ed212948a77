import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** One row of test/fixtures/erlang-reference.csv (a copy of ../shared/data/erlang-reference.csv). */
export interface ReferenceRow {
  line: number;
  formula: string;
  caseId: string;
  quantity: string;
  valueText: string;
  value: number;
  status: string;
  sources: string;
  field(name: string): number | undefined;
}

/** Read every row of the reference fixture, numbers left as text in `field`. */
export function readReferenceRows(): ReferenceRow[] {
  const path = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/erlang-reference.csv');
  const records: Record<string, string>[] = parse(readFileSync(path, 'utf8'), { columns: true });
  return records.map((record, index) => ({
    line: index + 2,
    formula: record.formula ?? '',
    caseId: record.case_id ?? '',
    quantity: record.quantity ?? '',
    valueText: record.value ?? '',
    value: Number(record.value),
    status: record.status ?? '',
    sources: record.sources ?? '',
    field(name: string) {
      const text = record[name];
      return text === undefined || text === '' ? undefined : Number(text);
    },
  }));
}

/**
 * The tolerance the data README gives: half a unit of the last printed digit for published
 * rows (never tighter than 1e-15 relative: a double carries no more), 1e-9 relative (1e-12
 * absolute under 1e-6) for cross-checked rows.
 */
export function toleranceOf(row: ReferenceRow): number {
  if (row.status === 'published') {
    const decimals = row.valueText.includes('.') ? row.valueText.split('.')[1]!.length : 0;
    return Math.max(0.5 * 10 ** -decimals, 1e-15 * Math.abs(row.value));
  }
  return Math.abs(row.value) < 1e-6 ? 1e-12 : 1e-9 * Math.abs(row.value);
}
