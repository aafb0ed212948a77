import { AuditStats, type GroupCounters } from '../audit/audit-stats.js';
import { defaultAuditOptions } from '../audit/audit-files.js';
import { CallBuilder } from '../audit/call-builder.js';
import { queueLogParser } from '../audit/queue-log-parser.js';
import type { AuditRecord, QueueEvent } from '../audit/records.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { observeQueueLog, queueLogField } from '../switchboard/queue-log.js';
import type { ScenarioRun } from '../switchboard/run-replication.js';
import { SwitchboardModel } from '../switchboard/switchboard-model.js';

export { prepareScenarioRun } from '../switchboard/scenario-replication-task.js';

/** The audit's counts of one group of a simulated replication's calls (a route, or all). */
export interface AuditedGroup {
  /** Calls that entered a queue (the audit's offered calls; still waiting at the end: left out). */
  offered: number;
  /** Calls answered at least once. */
  answered: number;
  /** Calls that abandoned and were never answered. */
  abandoned: number;
  /** Σ wait to the first answer of the answered calls. */
  waitAnsweredSeconds: number;
}

/**
 * One simulated replication measured as the audit measures records: `byHour` flattened, entry
 * `2 × (weekday × 24 + hour)` the abandoned calls and the next one the offered calls of the
 * weekday (0 = Sunday) × local hour of their first queue entry; `overall`; `byQueue` per queue
 * of the scenario (in its order), a call counted on its first queue, its route. Plain numbers,
 * so it crosses worker threads as it is.
 */
export interface AuditedReplication {
  byHour: number[];
  overall: AuditedGroup;
  byQueue: AuditedGroup[];
}

const counts = (g: GroupCounters | undefined): AuditedGroup => ({
  offered: g?.offered ?? 0,
  answered: g?.answered ?? 0,
  abandoned: g?.abandoned ?? 0,
  waitAnsweredSeconds: g?.waitAnsweredSeconds ?? 0,
});

/**
 * Run replication `seed` of the scenario (the same run as `switchboard simulate` makes with that
 * seed) and measure it with the audit's own code: its calls written as the queue_log
 * `simulate --queue-log` writes, read back line by line by the audit's queue_log reader, calls
 * rebuilt by the audit's CallBuilder and counted by its AuditStats, in the scenario's time zone.
 * So the model's abandonment is the records' by construction: abandoned calls never answered ÷
 * calls offered to a queue (a call answered, transferred and abandoned after bouncing back counts
 * answered; redials are calls of their own), by route and by local hour of first entry. In
 * memory, never a file. Cost: the replication plus a few queue_log lines per call.
 */
export function auditReplication(
  scenario: Scenario,
  days: number,
  seed: string,
): AuditedReplication {
  const stats = new AuditStats({ ...defaultAuditOptions, timeZone: scenario.timezone });
  const builder = new CallBuilder((call) => stats.addCall(call));
  const parser = queueLogParser('(simulated queue_log)', {
    timeZone: scenario.timezone,
    source: 0,
  });
  const out: AuditRecord[] = [];
  let line = 0;
  const model = new SwitchboardModel(scenario, { days, seed });
  observeQueueLog(model, (text) => {
    parser.parseLine(text.slice(0, -1), ++line, out);
    for (const record of out) builder.add(record as QueueEvent);
    out.length = 0;
  });
  model.run();
  builder.finish();
  if (parser.account.rejected > 0)
    throw new Error(
      `auditReplication: the audit rejected ${parser.account.rejected} line(s) of the model's queue_log`,
    );
  const byHour = new Array<number>(7 * 24 * 2).fill(0);
  stats.byHour.forEach((g, cell) => {
    byHour[2 * cell] = g.abandoned;
    byHour[2 * cell + 1] = g.offered;
  });
  return {
    byHour,
    overall: counts(stats.all),
    byQueue: scenario.queues.map((q) => counts(stats.byQueue.get(queueLogField(q.name)))),
  };
}

/**
 * The replication task of {@link simulateAudited} (run by `runReplications`, on worker threads
 * or not): {@link auditReplication} of replication `seed`. (Named for its first use, the hourly
 * abandonment of `audit --refine-roster`.)
 */
export function hourlyQueueOutcomesTask(
  run: ScenarioRun,
  seed: string,
  _index: number,
): AuditedReplication {
  return auditReplication(run.scenario, run.days, seed);
}
