import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import {
  compileScenarioRun,
  scenarioRunInput,
} from '../../src/switchboard/scenario-replication-task.js';
import { runScenarioReplications } from '../../src/switchboard/simulate-scenario.js';

// A scenario whose arrivals come from a forecast CSV (the shape `switchboard forecast` writes,
// docs/forecast.md): worker threads and jobs get the arrivals read from it, never its path.
function files(): { dir: string; scenario: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sb-fct-'));
  writeFileSync(
    join(dir, 'forecast.csv'),
    `interval_start,reason,forecast,lower,upper
2026-03-02T08:00:00+01:00,results,60,45,75
2026-03-02T08:00:00+01:00,wards,40,28,52
2026-03-02T08:00:00+01:00,all,100,80,120
2026-03-03T09:30:00+01:00,results,50.5,37,64
2026-03-03T09:30:00+01:00,wards,3,0,6
`,
  );
  writeFileSync(
    join(dir, 'scenario.yaml'),
    `name: from a forecast
arrivals: { forecast: forecast.csv }
reasons:
  results: { handleTime: { distribution: exponential, mean: 30s }, patience: { distribution: exponential, mean: 2m }, queue: main }
  wards: { handleTime: { distribution: exponential, mean: 30s }, patience: { distribution: exponential, mean: 2m }, queue: main }
queues:
  main: { operators: { default: [{ from: '00:00', to: '24:00', operators: 2 }] } }
`,
  );
  return { dir, scenario: join(dir, 'scenario.yaml') };
}

describe('a forecast-driven scenario on threads and in jobs', () => {
  it('sends the arrivals, not the path: no directory in the input, and it compiles without the file', () => {
    const { dir, scenario: path } = files();
    const scenario = loadScenario(path);
    const input = scenarioRunInput(scenario, 2);
    const json = JSON.stringify(input);
    expect(json).not.toContain(dir);
    expect((input.document.arrivals as { forecast: string }).forecast).toBe('forecast.csv');
    expect(input.forecast?.startDate).toBe('2026-03-02');
    rmSync(dir, { recursive: true });
    // What a worker does with it (schema included, as the job processor checks a job): the
    // same arrivals, and no file read.
    const run = compileScenarioRun(JSON.parse(json), false);
    expect(run.scenario.forecast?.calls.map((c) => Array.from(c))).toEqual(
      scenario.forecast?.calls.map((c) => Array.from(c)),
    );
  });

  it('gives the same replications on 1 and 2 threads, the file gone before the run', async () => {
    const { dir, scenario: path } = files();
    const scenario = loadScenario(path);
    rmSync(dir, { recursive: true });
    const options = { days: 2, replications: 6, seed: 5 };
    const one = await runScenarioReplications(scenario, { ...options, threads: 1 });
    const two = await runScenarioReplications(scenario, { ...options, threads: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('refuses arrivals that do not fit the scenario, naming what was expected', () => {
    const { scenario: path } = files();
    const input = JSON.parse(JSON.stringify(scenarioRunInput(loadScenario(path), 2)));
    input.forecast.calls[1].pop();
    expect(() => compileScenarioRun(input, false)).toThrow(InputError);
    expect(() => compileScenarioRun(input, false)).toThrow(
      /arrivals\.forecast \(sent with the document\)\.calls\[1\]: expected 96 numbers \(2 days × 48 intervals\), received 95/,
    );
    input.forecast.calls = [[-1]];
    expect(() => compileScenarioRun(input, false)).toThrow(/one list of calls per reason \(2\)/);
  });
});
