import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadScenario,
  readScenarioDocument,
  variantNames,
} from '../../src/scenario/load-scenario.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';

// Values that can exist, on every example scenario and every one of its variants: occupancy at
// most 100 % in every interval of the week (busy time booked where it happens, overtime counted
// as staffed time) and, per reason, answered calls at most the calls offered.
const dir = new URL('../../scenarios/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('example scenarios: values that can exist', () => {
  for (const file of files) {
    const path = join(dir, file);
    const document = readScenarioDocument(readFileSync(path, 'utf8'), path);
    for (const variant of ['', ...variantNames(document)]) {
      it(`${file}${variant ? `#${variant}` : ''}: occupancy ≤ 100 % per interval, answered ≤ offered per reason`, async () => {
        const scenario = loadScenario(variant ? `${path}#${variant}` : path);
        const { summary } = await simulateScenario(scenario, { days: 7, replications: 1, seed: 3 });
        let intervals = 0;
        for (const row of summary.byWeekdayInterval) {
          const occupancy = (row.occupancy as { mean: number | null }).mean;
          if (occupancy === null) continue;
          intervals++;
          expect(occupancy).toBeLessThanOrEqual(1 + 1e-9);
        }
        expect(intervals).toBe(7 * 48);
        for (const row of summary.byReason) {
          const get = (k: string) => (row[k] as { mean: number }).mean;
          expect(get('answered'), String(row.reason)).toBeLessThanOrEqual(get('offered'));
        }
      });
    }
  }
});
