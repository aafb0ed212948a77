import { basename } from 'node:path';
import { parseScenario } from '../scenario/parse-scenario.js';
import {
  sendForecastArrivals,
  type SentForecastArrivals,
} from '../scenario/read-forecast-arrivals.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { replicateScenario, type ScenarioRun } from './run-replication.js';
import type { ReplicationResult } from './tallies.js';

/**
 * The replication task `runReplications` runs on worker threads for a scenario. A compiled
 * scenario does not cross threads, so its validated document does: each worker compiles it once
 * ({@link prepareScenarioRun}), then runs replications of it ({@link replicateScenarioTask}).
 * Arrivals from a forecast file travel as the numbers read from it (`forecast`), never as the
 * file's path: a worker on another machine has no such file.
 */
export interface ScenarioRunInput {
  document: Record<string, unknown>;
  days: number;
  /** The arrivals of `arrivals.forecast`, when the scenario has one. */
  forecast?: SentForecastArrivals;
}

/**
 * What worker threads and jobs get to run `scenario` for `days`: its document — where
 * `arrivals.forecast` keeps only the file's name, for messages — and the forecast's arrivals.
 * Cost: linear in the document and the forecast.
 */
export function scenarioRunInput(scenario: Scenario, days: number): ScenarioRunInput {
  const document = scenario.document as Record<string, unknown>;
  const forecast = scenario.forecast;
  if (forecast === undefined) return { document, days };
  const arrivals = document.arrivals as Record<string, unknown>;
  return {
    document: {
      ...document,
      arrivals: { ...arrivals, forecast: basename(String(arrivals.forecast)) },
    },
    days,
    forecast: sendForecastArrivals(forecast),
  };
}

/**
 * Compile a scenario run's document (with the forecast it carries, if any). `schemaChecked`:
 * the document passed the schema in the process that sent it (a remote job is checked by the
 * job processor first). Cost: linear in the document.
 */
export function compileScenarioRun(input: ScenarioRunInput, schemaChecked: boolean): ScenarioRun {
  return {
    scenario: parseScenario(input.document, {
      schemaChecked,
      ...(input.forecast === undefined ? {} : { forecast: input.forecast }),
    }),
    days: input.days,
  };
}

/**
 * Compile the scenario document once per worker thread; the schema check, which would compile
 * the schema in every thread, is skipped (see {@link compileScenarioRun}).
 */
export function prepareScenarioRun(input: ScenarioRunInput): ScenarioRun {
  return compileScenarioRun(input, true);
}

/** One replication (see {@link replicateScenario}). */
export function replicateScenarioTask(
  run: ScenarioRun,
  seed: string,
  _index: number,
): ReplicationResult {
  return replicateScenario(run, seed);
}
