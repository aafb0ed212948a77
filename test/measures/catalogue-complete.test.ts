import { describe, expect, it } from 'vitest';
import { catalogueKeys } from '../../src/measures/measure-catalogue.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runReplication } from '../../src/switchboard/run-replication.js';

// One home per measure (issue 16): every measure a replication produces — overall, per interval,
// queue, reason, caller group, needs and cost — has its label, unit, better direction and
// definition in the catalogue (src/measures/measure-catalogue.ts), never a unit guessed from its
// name. Adding a measure without its definition fails here. (The call-path counts of `paths`
// are documented as a table in SimulationSummary.paths and docs/simulate.md.)
const scenario = loadScenario(
  new URL('../../scenarios/small-hospital.yaml', import.meta.url).pathname,
);

describe('the measure catalogue', () => {
  it('defines every measure of a replication’s tables', () => {
    const result = runReplication(scenario, { days: 1, seed: 1, index: 0 });
    const known = new Set(catalogueKeys());
    const tables = {
      overall: [result.overall],
      byInterval: result.byInterval,
      byWeekdayInterval: result.byWeekdayInterval,
      byQueue: result.byQueue,
      byReason: result.byReason,
      byGroup: result.byGroup,
      needs: [result.needs],
      cost: [result.cost],
    };
    const undefinedKeys = Object.entries(tables).flatMap(([table, rows]) => {
      expect(rows.length, table).toBeGreaterThan(0);
      return Object.entries(rows[0] as Record<string, unknown>)
        .filter(([key, value]) => typeof value === 'number' && !known.has(key))
        .map(([key]) => `${table}.${key}`);
    });
    expect(undefinedKeys).toEqual([]);
  });
});
