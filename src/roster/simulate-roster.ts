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
import type { SwitchboardObserver, SwitchboardView } from '../switchboard/switchboard-observer.js';

/**
 * What one replication tells the roster search: per queue × weekday (0 = monday) × interval of
 * queue entry, three numbers — entries decided (answered + abandoned), answered within the
 * scenario's threshold, abandoned — flattened as `3 × ((queue × 7 + weekday) × intervals +
 * interval) + field` (summed over the horizon's days of each weekday); then, per queue, the
 * operators' busy seconds on its calls and the calls they finished (see {@link rosterLayout}).
 * Plain numbers, so it crosses threads (and machines) as it is.
 */
export type RosterReplication = number[];

/** Where each of the three numbers of a cell lies in a {@link RosterReplication}. */
export const RosterCell = { decided: 0, inTarget: 1, abandoned: 2, size: 3 } as const;

/** The shape of a scenario's {@link RosterReplication}. */
export interface RosterLayout {
  queues: number;
  /** Slots of the week: 7 × intervals of the day. */
  slots: number;
}

/** The layout of a scenario's roster replications. */
export function rosterLayout(scenario: Scenario): RosterLayout {
  return { queues: scenario.queues.length, slots: 7 * Math.round(1440 / scenario.intervalMinutes) };
}

/** Offset of the cell of queue `queue`, slot `slot` of the week. */
export function cellOffset(layout: RosterLayout, queue: number, slot: number): number {
  return (queue * layout.slots + slot) * RosterCell.size;
}

/** Offset of queue `queue`'s busy seconds; its finished calls follow. */
export function handlingOffset(layout: RosterLayout, queue: number): number {
  return layout.queues * layout.slots * RosterCell.size + 2 * queue;
}

/**
 * Counts a {@link RosterReplication} beside the model's own counters: an observer of queue
 * answers and abandons (by the queue and the slot the call entered it) and of operators'
 * releases. Draws nothing, so the run is the one `simulate` makes with the same seed.
 */
class RosterCellCounter implements SwitchboardObserver {
  readonly values: number[];
  private readonly layout: RosterLayout;
  private readonly intervalSeconds: number;
  private readonly intervals: number;

  constructor(private readonly model: SwitchboardView) {
    const scenario = model.scenario;
    this.layout = rosterLayout(scenario);
    this.intervalSeconds = scenario.intervalMinutes * 60;
    this.intervals = this.layout.slots / 7;
    this.values = new Array<number>(
      this.layout.queues * this.layout.slots * RosterCell.size + 2 * this.layout.queues,
    ).fill(0);
  }

  private cell(c: number): number {
    const t = this.model.calls.enqueued[c]!;
    const day = Math.floor(t / 86400);
    const weekday = (this.model.scenario.startWeekday + day) % 7;
    const slot = weekday * this.intervals + Math.floor((t - day * 86400) / this.intervalSeconds);
    return cellOffset(this.layout, this.model.calls.queue[c]!, slot);
  }

  answered(c: number, waitSeconds: number): void {
    const at = this.cell(c);
    this.values[at + RosterCell.decided]!++;
    if (waitSeconds <= this.model.scenario.serviceLevelSeconds)
      this.values[at + RosterCell.inTarget]!++;
  }

  abandoned(c: number): void {
    const at = this.cell(c);
    this.values[at + RosterCell.decided]!++;
    this.values[at + RosterCell.abandoned]!++;
  }

  operatorReleased(c: number, busySeconds: number): void {
    const at = handlingOffset(this.layout, this.model.calls.queue[c]!);
    this.values[at]! += busySeconds;
    this.values[at + 1]!++;
  }
}

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
  const counter = new RosterCellCounter(model);
  model.observe(counter);
  model.run();
  return counter.values;
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
