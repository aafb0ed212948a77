import { RunError } from '../errors.js';
import { parseScenario } from '../scenario/parse-scenario.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { replicationTasks } from '../replications/replication-tasks.js';
import {
  maxReplicationThreads,
  type RemoteReplications,
  runReplications,
} from '../replications/run-replications.js';
import type { ScenarioRun } from '../switchboard/run-replication.js';
import {
  compileScenarioRun,
  type ScenarioRunInput,
  scenarioRunInput,
} from '../switchboard/scenario-replication-task.js';
import { SwitchboardModel } from '../switchboard/switchboard-model.js';
import { IntervalField as I } from '../switchboard/tallies.js';

/**
 * What one replication tells the roster search: per weekday (0 = monday) × interval of queue
 * entry, three numbers — entries decided (answered + abandoned), answered within the scenario's
 * threshold, abandoned — flattened as `3 × (weekday × intervals + interval) + field`. Summed
 * over the switchboard's queues and over the horizon's days of each weekday. Plain numbers, so
 * it crosses threads (and machines) as it is.
 */
export type RosterReplication = number[];

/** Where each of the three numbers of a cell lies in a {@link RosterReplication}. */
export const RosterCell = { decided: 0, inTarget: 1, abandoned: 2, size: 3 } as const;

/**
 * Compile the scenario document once per worker thread (the task's prepare export). The sender
 * validated it (a remote job is checked by the job processor first): the schema check, which
 * compiles the schema in every thread, is skipped.
 */
export function prepareRosterRun(input: ScenarioRunInput): ScenarioRun {
  return compileScenarioRun(input, true);
}

/**
 * One replication of a scenario, seeded `seed` — the same run `switchboard simulate` makes with
 * that seed — reduced to a {@link RosterReplication}. Cost: a few events per call.
 */
export function rosterReplicationTask(
  run: ScenarioRun,
  seed: string,
  _index: number,
): RosterReplication {
  const model = new SwitchboardModel(run.scenario, { days: run.days, seed });
  const t = model.run().byInterval;
  const cells = t.length / I.size;
  const out = new Array<number>(cells * RosterCell.size);
  for (let c = 0; c < cells; c++) {
    const answered = t[c * I.size + I.answered]!;
    const abandoned = t[c * I.size + I.abandoned]!;
    out[c * RosterCell.size + RosterCell.decided] = answered + abandoned;
    out[c * RosterCell.size + RosterCell.inTarget] = t[c * I.size + I.answeredInTarget]!;
    out[c * RosterCell.size + RosterCell.abandoned] = abandoned;
  }
  return out;
}

/** Options of {@link simulateRoster}. */
export interface SimulateRosterOptions {
  days: number;
  replications: number;
  /** Base seed: replication i is seeded `replicationSeed(seed, i)`. */
  seed: number | string;
  /** Worker threads; the results do not depend on it. */
  threads?: number;
  /** Run the replications on workers through a job queue instead (`--redis`). */
  remote?: RemoteReplications;
  onProgress?: (done: number, total: number) => void;
  /** The document already compiled, to run in this thread without compiling it again. */
  compiled?: Scenario;
}

/**
 * Simulate a scenario document (a roster written as its operators) and return each
 * replication's {@link RosterReplication}, in replication order. The one function the roster
 * search calls to simulate: a document and seeds in, replication results out — so it may run on
 * worker threads here, or on other machines, without the search changing. Same document and
 * seed ⇒ the same results, whatever `threads`. Cost: replications × days × calls per day.
 */
export async function simulateRoster(
  document: Record<string, unknown>,
  options: SimulateRosterOptions,
): Promise<RosterReplication[]> {
  const { days, replications, seed } = options;
  const threads = Math.max(
    1,
    Math.min(options.threads ?? 1, replications, maxReplicationThreads()),
  );
  // Arrivals from a forecast file go to threads and jobs as numbers: compile here to read them.
  const forecast = (document.arrivals as Record<string, unknown> | undefined)?.forecast;
  const compiled =
    (threads === 1 && options.remote === undefined) || forecast !== undefined
      ? (options.compiled ?? parseScenario(document))
      : undefined;
  try {
    return await runReplications<ScenarioRunInput, RosterReplication>({
      task: replicationTasks.roster,
      input:
        compiled !== undefined && forecast !== undefined
          ? scenarioRunInput(compiled, days)
          : { document, days },
      replications,
      seed,
      threads,
      ...(compiled
        ? {
            inThread: (s: string, i: number) =>
              rosterReplicationTask({ scenario: compiled, days }, s, i),
          }
        : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.remote === undefined ? {} : { remote: options.remote }),
    });
  } catch (error) {
    if ((threads === 1 && options.remote === undefined) || !(error instanceof Error)) throw error;
    if (error instanceof RunError) throw error;
    throw new RunError(`a simulation worker failed: ${error.message}`, { cause: error });
  }
}
