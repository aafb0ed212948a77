import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';

// NON-REGRESSION, NOT TRUTH: the seeded output of the example scenario, kept to notice any change
// to seeded results (which the CHANGELOG must flag). Update on purpose only:
//   UPDATE_GOLDEN=1 npx vitest run test/switchboard/baseline-golden.test.ts
const golden = new URL('./fixtures/baseline-golden.json', import.meta.url).pathname;
const scenarioPath = new URL('../../scenarios/baseline.yaml', import.meta.url).pathname;

describe('baseline scenario, seeded output (non-regression)', () => {
  it('gives the recorded overall, needs and cost means for seed 1, 2 days × 2 replications', async () => {
    const { summary } = await simulateScenario(loadScenario(scenarioPath), {
      days: 2,
      replications: 2,
      seed: 1,
    });
    const means = (table: Record<string, { mean: number | null }>) =>
      Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v.mean]));
    const actual = {
      overall: means(summary.overall),
      needs: means(summary.needs),
      cost: means(summary.cost),
      events: summary.events,
    };
    if (process.env.UPDATE_GOLDEN === '1')
      writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });
});
