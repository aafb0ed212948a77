import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RunError } from '../errors.js';
import { type Scenario, weekdays } from '../scenario/scenario-types.js';
import { type MeasureEstimate, estimate } from './confidence-interval.js';
import { intervalLabel } from './replication-measures.js';
import { runReplication } from './run-replication.js';
import type { MeasureRow, ReplicationResult } from './tallies.js';

/** Options of {@link simulateScenario}. */
export interface SimulateScenarioOptions {
  days?: number;
  replications?: number;
  seed?: number | string;
  /** Worker threads; the results do not depend on it. */
  threads?: number;
}

/** A table row of estimates, with its label. */
export type EstimateRow = Record<string, MeasureEstimate | string>;

/** What `switchboard simulate` reports. */
export interface SimulationSummary {
  scenario: string;
  file: string | null;
  days: number;
  replications: number;
  seed: number | string;
  startDate: string;
  definitions: Record<string, string>;
  overall: Record<string, MeasureEstimate>;
  byInterval: EstimateRow[];
  /** By weekday and interval (`weekday`, `interval` labels), averages over that weekday's days. */
  byWeekdayInterval: EstimateRow[];
  byQueue: EstimateRow[];
  byReason: EstimateRow[];
  needs: Record<string, MeasureEstimate>;
  cost: Record<string, MeasureEstimate>;
  events: number;
}

/** The measures' definitions, stated with every result. */
export function measureDefinitions(scenario: Scenario): Record<string, string> {
  return {
    serviceLevel: `share of queue entries answered within ${scenario.serviceLevelSeconds} s, of answered + abandoned entries`,
    asaSeconds: 'mean wait of answered queue entries, seconds',
    probabilityAbandon: 'abandoned / (answered + abandoned) queue entries',
    shortAbandon: `an abandon after less than ${scenario.shortAbandonSeconds} s of waiting`,
    occupancy: 'operator busy time (talk, warm-transfer hold, wrap-up, callbacks) / rostered time',
    counts:
      'overall, byQueue and byReason counts are totals over the horizon; byInterval counts are per-day averages, byWeekdayInterval averages over the days of that weekday',
    answered: 'calls answered by an operator at least once',
    need: "one caller's problem across all attempts (redials, calls back)",
    ci95: 'Student-t 95 % confidence interval of the mean over independent replications',
  };
}

function combine(rows: readonly MeasureRow[]): Record<string, MeasureEstimate> {
  const result: Record<string, MeasureEstimate> = {};
  for (const key of Object.keys(rows[0] ?? {})) result[key] = estimate(rows.map((r) => r[key]!));
  return result;
}

/** Combine replications' results into estimates with confidence intervals. */
export function summarize(
  scenario: Scenario,
  results: readonly ReplicationResult[],
  options: { days: number; seed: number | string },
): SimulationSummary {
  const table = (pick: (r: ReplicationResult) => MeasureRow[], key: string, labels: string[]) =>
    labels.map((label, i) => ({ [key]: label, ...combine(results.map((r) => pick(r)[i]!)) }));
  const intervals = Math.round(1440 / scenario.intervalMinutes);
  return {
    scenario: scenario.name,
    file: scenario.file ?? null,
    days: options.days,
    replications: results.length,
    seed: options.seed,
    startDate: scenario.startDate,
    definitions: measureDefinitions(scenario),
    overall: combine(results.map((r) => r.overall)),
    byInterval: table(
      (r) => r.byInterval,
      'interval',
      Array.from({ length: intervals }, (_, k) => intervalLabel(k, scenario.intervalMinutes)),
    ),
    byWeekdayInterval: weekdays.flatMap((weekday, w) =>
      Array.from({ length: intervals }, (_, k) => ({
        weekday,
        interval: intervalLabel(k, scenario.intervalMinutes),
        ...combine(results.map((r) => r.byWeekdayInterval[w * intervals + k]!)),
      })),
    ),
    byQueue: table(
      (r) => r.byQueue,
      'queue',
      scenario.queues.map((q) => q.name),
    ),
    byReason: table(
      (r) => r.byReason,
      'reason',
      scenario.reasons.map((r) => r.name),
    ),
    needs: combine(results.map((r) => r.needs)),
    cost: combine(results.map((r) => r.cost)),
    events: results.reduce((sum, r) => sum + r.events, 0),
  };
}

function workerUrl(): URL | undefined {
  const url = new URL('./replication-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Run `replications` independent replications of a scenario (on `threads` worker threads when
 * the compiled worker is available) and return each one's measures, in replication order.
 * Results are identical whatever the thread count. Cost: replications × days × calls per day.
 */
export async function runScenarioReplications(
  scenario: Scenario,
  options: Required<SimulateScenarioOptions>,
): Promise<ReplicationResult[]> {
  const { days, replications, seed } = options;
  const threads = Math.max(1, Math.min(options.threads, replications));
  const url = threads > 1 ? workerUrl() : undefined;
  if (url === undefined) {
    return Array.from({ length: replications }, (_, index) =>
      runReplication(scenario, { days, seed, index }),
    );
  }
  const results = new Array<ReplicationResult>(replications);
  const jobs = Array.from({ length: threads }, (_, t) =>
    Array.from({ length: replications }, (_, i) => i).filter((i) => i % threads === t),
  );
  await Promise.all(
    jobs.map(
      (indices) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(url);
          worker.once('message', (done: { index: number; result: ReplicationResult }[]) => {
            for (const { index, result } of done) results[index] = result;
            void worker.terminate();
            resolve();
          });
          worker.once('error', (error) =>
            reject(new RunError(`a simulation worker failed: ${error.message}`, { cause: error })),
          );
          worker.postMessage({ document: scenario.document, days, seed, indices });
        }),
    ),
  );
  return results;
}

/**
 * Simulate a scenario: replications, then estimates with 95 % confidence intervals for every
 * measure (see {@link SimulationSummary}). Same scenario and seed ⇒ identical output, whatever
 * `threads`. Cost: see {@link runScenarioReplications}.
 */
export async function simulateScenario(
  scenario: Scenario,
  options: SimulateScenarioOptions = {},
): Promise<{ summary: SimulationSummary; results: ReplicationResult[] }> {
  const full = {
    days: options.days ?? 7,
    replications: options.replications ?? 10,
    seed: options.seed ?? 1,
    threads: options.threads ?? 1,
  };
  if (!(Number.isInteger(full.days) && full.days > 0))
    throw new RangeError(`simulateScenario: days must be a positive integer, got ${full.days}`);
  if (!(Number.isInteger(full.replications) && full.replications > 0))
    throw new RangeError(
      `simulateScenario: replications must be a positive integer, got ${full.replications}`,
    );
  const results = await runScenarioReplications(scenario, full);
  return { summary: summarize(scenario, results, full), results };
}

/**
 * A notice when `days` runs past the end of the scenario's forecast (days after it have no
 * arrivals), or undefined.
 */
export function forecastNotice(scenario: Scenario, days: number): string | undefined {
  const forecast = scenario.forecast;
  if (forecast === undefined) return undefined;
  const offset = Math.round(
    (Date.parse(`${scenario.startDate}T00:00:00Z`) -
      Date.parse(`${forecast.startDate}T00:00:00Z`)) /
      86400000,
  );
  const covered = forecast.days - Math.max(0, offset);
  if (days <= covered) return undefined;
  return `note: the forecast covers ${Math.max(0, covered)} day(s) from ${scenario.startDate}; the ${days - Math.max(0, covered)} day(s) after it have no new calls`;
}
