import { InputError, RunError } from '../errors.js';
import { type Scenario, weekdays } from '../scenario/scenario-types.js';
import { HARDEST_INTERVAL_RULE, hardestIntervalIndex } from '../measures/hardest-interval.js';
import { measureDefinition, unitRange } from '../measures/measure-catalogue.js';
import {
  INTERVAL_METHOD,
  type MeasureEstimate,
  measureEstimate,
} from '../stats/confidence-interval.js';
import {
  maxReplicationThreads,
  type RemoteReplications,
  runReplicationBatch,
} from '../replications/run-replications.js';
import { replicationTasks } from '../replications/replication-tasks.js';
import { intervalLabel } from './replication-measures.js';
import { replicateScenario } from './run-replication.js';
import { type ScenarioRunInput, scenarioRunInput } from './scenario-replication-task.js';
import type { MeasureRow, ReplicationResult } from './tallies.js';

/** Options of {@link simulateScenario}. */
export interface SimulateScenarioOptions {
  days?: number;
  replications?: number;
  seed?: number | string;
  /** Worker threads; the results do not depend on it. */
  threads?: number;
  /** Called after each replication finishes, with the number done. */
  onProgress?: (done: number, total: number) => void;
  /** Run the replications on workers through a job queue instead of this machine's threads. */
  remote?: RemoteReplications;
}

/** A table row of estimates, with its label. */
export type EstimateRow = Record<string, MeasureEstimate | string>;

/** Which run a report describes: the scenario's file, the days, replications and base seed. */
export interface RunDescription {
  /** The scenario file, or null for a scenario built in memory. */
  file: string | null;
  days: number;
  replications: number;
  seed: number | string;
}

/** The {@link RunDescription} of `replications` of `scenario` (the same words in every report). */
export function describeRun(
  scenario: Scenario,
  run: { days: number; replications: number; seed: number | string },
): RunDescription {
  return {
    file: scenario.file ?? null,
    days: run.days,
    replications: run.replications,
    seed: run.seed,
  };
}

/** What `switchboard simulate` reports. */
export interface SimulationSummary extends RunDescription {
  scenario: string;
  startDate: string;
  definitions: Record<string, string>;
  overall: Record<string, MeasureEstimate>;
  byInterval: EstimateRow[];
  /** By weekday and interval (`weekday`, `interval` labels), averages over that weekday's days. */
  byWeekdayInterval: EstimateRow[];
  /** The hardest half-hour of `byWeekdayInterval` by the one rule text and pages use, or null. */
  hardestInterval: { weekday: string; interval: string; rule: string } | null;
  byQueue: EstimateRow[];
  byReason: EstimateRow[];
  /** By caller group (`group` label), when the scenario has `callerGroups:`; else empty. */
  byGroup: EstimateRow[];
  needs: Record<string, MeasureEstimate>;
  cost: Record<string, MeasureEstimate>;
  /**
   * The call path: operator transfers by outcome (`warmAnswered`, `warmTakenBack`,
   * `wildAnswered`, `wildVoicemail`, `wildBouncedBack`, `wildLost`, `…InFlightAtEnd`), ended
   * needs by attempts (`needsEnded1` … `needsEnded4Plus`) and queue answers by wait bin
   * (`wait0to5`, … `wait120plus`: waits in (from, to] seconds, the first bin holding 0).
   */
  paths: Record<string, MeasureEstimate>;
  events: number;
}

/** The measures' definitions, stated with every result. */
export function measureDefinitions(scenario: Scenario): Record<string, string> {
  return {
    serviceLevel: `share of queue entries answered within ${scenario.serviceLevelSeconds} s, of answered + abandoned entries (calls that found every line busy are not counted; serviceLevelOfOffered counts them, as \`staff\` does)`,
    serviceLevelOfOffered: `queue entries answered within ${scenario.serviceLevelSeconds} s, of answered + abandoned entries + calls that found every line busy: the definition of \`switchboard staff\``,
    asaSeconds: 'mean wait of answered queue entries, seconds',
    probabilityAbandon: 'abandoned / (answered + abandoned) queue entries',
    shortAbandon: `an abandon after less than ${scenario.shortAbandonSeconds} s of waiting`,
    occupancy:
      'operator busy time (talk, warm-transfer hold, messages, wrap-up, callbacks) / staffed time (rostered time + overtime spent finishing calls after a shift), each booked to the intervals in which it happened, so never above 100 %',
    reanswered:
      'byReason: answers of calls already answered once (after a bounce, or put through to the right queue); answered counts each call once, so answered ≤ offered',
    lostNeed: `a need that ended unresolved, whatever its path (abandoned, busy, hung up in the menu, a transfer nobody answered and no message taken, redials exhausted); each costs costs.lostNeed of its reason, in ${scenario.costs.currency}`,
    counts:
      'overall, byQueue and byReason counts are totals over the horizon; byInterval counts are per-day averages, byWeekdayInterval averages over the days of that weekday',
    answered: 'calls answered by an operator at least once',
    need: "one caller's problem across all attempts (redials, calls back)",
    ci95: `Student-t 95 % confidence interval of the mean over independent replications; ${INTERVAL_METHOD}`,
    currency: scenario.costs.currency,
  };
}

function combine(rows: readonly MeasureRow[]): Record<string, MeasureEstimate> {
  const result: Record<string, MeasureEstimate> = {};
  for (const key of Object.keys(rows[0] ?? {}))
    result[key] = measureEstimate(
      rows.map((r) => r[key]!),
      unitRange(measureDefinition(key).unit),
    );
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
  const byWeekdayInterval = weekdays.flatMap((weekday, w) =>
    Array.from({ length: intervals }, (_, k) => ({
      weekday,
      interval: intervalLabel(k, scenario.intervalMinutes),
      ...combine(results.map((r) => r.byWeekdayInterval[w * intervals + k]!)),
    })),
  );
  const mean = (row: EstimateRow, key: string) =>
    (row[key] as MeasureEstimate | undefined)?.mean ?? null;
  const hardest = hardestIntervalIndex(
    byWeekdayInterval.map((row) => ({
      offered: mean(row, 'offeredPerDay'),
      serviceLevel: mean(row, 'serviceLevel'),
    })),
  );
  return {
    scenario: scenario.name,
    ...describeRun(scenario, { ...options, replications: results.length }),
    startDate: scenario.startDate,
    definitions: measureDefinitions(scenario),
    overall: combine(results.map((r) => r.overall)),
    byInterval: table(
      (r) => r.byInterval,
      'interval',
      Array.from({ length: intervals }, (_, k) => intervalLabel(k, scenario.intervalMinutes)),
    ),
    byWeekdayInterval,
    hardestInterval:
      hardest < 0
        ? null
        : {
            weekday: String(byWeekdayInterval[hardest]!.weekday),
            interval: String(byWeekdayInterval[hardest]!.interval),
            rule: HARDEST_INTERVAL_RULE,
          },
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
    byGroup: table(
      (r) => r.byGroup,
      'group',
      scenario.callerGroups.map((g) => g.name),
    ),
    needs: combine(results.map((r) => r.needs)),
    cost: combine(results.map((r) => r.cost)),
    paths: combine(results.map((r) => r.paths)),
    events: results.reduce((sum, r) => sum + r.events, 0),
  };
}

/**
 * Run `replications` independent replications of a scenario on `threads` threads (the
 * engine's {@link runReplicationBatch}; capped at the replications and at
 * {@link maxReplicationThreads}), or on workers with `remote`, and return each one's measures,
 * in replication order. Results are identical whatever the thread count and wherever they run.
 * Cost: replications × days × calls per day.
 */
export async function runScenarioReplications(
  scenario: Scenario,
  options: ScenarioRunOptions,
): Promise<ReplicationResult[]> {
  return (await runScenariosReplications([scenario], options))[0]!;
}

/**
 * The options of a scenario run with their defaults: 7 days, 10 replications, seed 1, one
 * thread. One home for the defaults of simulate, compare and sweep.
 */
export function scenarioRunOptions(options: SimulateScenarioOptions): ScenarioRunOptions {
  return {
    days: options.days ?? 7,
    replications: options.replications ?? 10,
    seed: options.seed ?? 1,
    threads: options.threads ?? 1,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.remote === undefined ? {} : { remote: options.remote }),
  };
}

/** Options of {@link runScenarioReplications}. */
export type ScenarioRunOptions = Required<Omit<SimulateScenarioOptions, 'onProgress' | 'remote'>> &
  Pick<SimulateScenarioOptions, 'onProgress' | 'remote'>;

/**
 * Replications of several scenarios (a base and its variants) on the same seeds — common random
 * numbers — in one pool of threads (or one batch of jobs), so no scenario waits for another's
 * threads to start. Returns each scenario's results in replication order.
 * Cost: scenarios × replications × days × calls per day.
 */
export async function runScenariosReplications(
  scenarios: readonly Scenario[],
  options: ScenarioRunOptions,
): Promise<ReplicationResult[][]> {
  const { days, replications, seed, onProgress, remote } = options;
  const total = scenarios.length * replications;
  const threads = Math.max(1, Math.min(options.threads, total, maxReplicationThreads()));
  const runs = scenarios.map((scenario) => ({ scenario, days }));
  let flat: ReplicationResult[];
  try {
    flat = await runReplicationBatch<ScenarioRunInput, ReplicationResult>({
      task: replicationTasks.scenario,
      inputs: scenarios.map((s) => scenarioRunInput(s, days)),
      items: scenarios.flatMap((_, input) =>
        Array.from({ length: replications }, (_, index) => ({ input, index })),
      ),
      seed,
      threads,
      // This thread holds the compiled scenarios already.
      inThread: (replicationSeed, _index, input) =>
        replicateScenario(runs[input]!, replicationSeed),
      ...(onProgress === undefined ? {} : { onProgress }),
      ...(remote === undefined ? {} : { remote }),
    });
  } catch (error) {
    if ((threads === 1 && remote === undefined) || !(error instanceof Error)) throw error;
    if (error instanceof RunError || error instanceof InputError) throw error;
    throw new RunError(`a simulation worker failed: ${error.message}`, { cause: error });
  }
  return scenarios.map((_, i) => flat.slice(i * replications, (i + 1) * replications));
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
  const full = scenarioRunOptions(options);
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
