import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sharedData } from '../shared-data.js';

/**
 * Rows of the Erlang reference table (values nobody here computed: published or cross-checked by
 * independent public implementations; see ../shared/data/README.md). Read from the project's
 * fixture copy when the staffing tests have landed it, else from ../shared/data.
 */
export interface ReferenceRow {
  formula: string;
  caseId: string;
  arrivalRatePerHour: number;
  ahtSeconds: number;
  agents: number;
  targetSeconds: number;
  patienceSeconds: number;
  quantity: string;
  value: number;
}

const fixture = new URL('../fixtures/erlang-reference.csv', import.meta.url);

/** The path of the reference table, or undefined when neither copy is present. */
export function referencePath(): string | undefined {
  if (existsSync(fixture)) return fixture.pathname;
  return sharedData('erlang-reference.csv');
}

/** Every row of one case, or [] when the table is absent. */
export function referenceRows(caseId: string, agents: number): ReferenceRow[] {
  const path = referencePath();
  if (path === undefined) return [];
  const records = parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
  return records
    .filter((r) => r.case_id === caseId && Number(r.agents) === agents)
    .map((r) => ({
      formula: r.formula ?? '',
      caseId,
      arrivalRatePerHour: Number(r.arrival_rate_per_hour),
      ahtSeconds: Number(r.aht_seconds),
      agents,
      targetSeconds: Number(r.target_seconds || 20),
      patienceSeconds: Number(r.patience_seconds),
      quantity: r.quantity ?? '',
      value: Number(r.value),
    }));
}
