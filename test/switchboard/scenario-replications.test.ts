import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { compareScenarios } from '../../src/switchboard/compare-scenarios.js';
import { runReplication } from '../../src/switchboard/run-replication.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';

// The model's replications go through the engine's runner (src/replications/run-replications.ts):
// worker threads compile the scenario document themselves. Identity across thread counts is the
// runner's contract (results combined in replication order); the reference for a replication is
// the model run directly in this thread (runReplication, seed, index).
const root = new URL('../..', import.meta.url).pathname;
const scenario = loadScenario(`${root}scenarios/baseline.yaml`);
const base = loadScenario(`${root}scenarios/baseline.yaml`, { variant: 'warm-transfers' });

describe.skipIf(!existsSync(`${root}dist/index.js`))('scenario replications on threads', () => {
  it('simulate: the same summary on 1 and 2 threads, each replication as run directly', async () => {
    const done: number[] = [];
    const options = { days: 1, replications: 3, seed: 5 };
    const one = await simulateScenario(scenario, options);
    const two = await simulateScenario(scenario, {
      ...options,
      threads: 2,
      onProgress: (d) => done.push(d),
    });
    expect(JSON.stringify(two.summary)).toBe(JSON.stringify(one.summary));
    expect(done).toEqual([1, 2, 3]);
    expect(two.results[2]).toEqual(runReplication(scenario, { days: 1, seed: 5, index: 2 }));
  });

  it('compare: the same paired report on 1 and 2 threads', async () => {
    const options = { days: 1, replications: 3, seed: 2 };
    const one = await compareScenarios(scenario, [base], options);
    const two = await compareScenarios(scenario, [base], { ...options, threads: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
