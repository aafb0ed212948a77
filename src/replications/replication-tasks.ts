import { compiledModuleUrl } from './compiled-module-url.js';
import type { ReplicationTask } from './run-replications.js';

/**
 * The replication tasks workers on other machines run, by name: a job names one of these and
 * never a module, so a job can make a worker run nothing but this program's own simulations.
 * One home for each task's module and exports; local runs use the same entries.
 */
export const replicationTasks = {
  /** One replication of a scenario (`switchboard simulate`, `compare`, `sweep`). */
  scenario: {
    name: 'scenario',
    moduleUrl: compiledModuleUrl('../switchboard/scenario-replication-task.js', import.meta.url),
    exportName: 'replicateScenarioTask',
    prepareExportName: 'prepareScenarioRun',
  },
  /** A scenario's abandonment by weekday and hour (`audit --refine-roster`). */
  hourlyAbandonment: {
    name: 'hourlyAbandonment',
    moduleUrl: compiledModuleUrl('../calibration/hourly-queue-outcomes.js', import.meta.url),
    exportName: 'hourlyQueueOutcomesTask',
    prepareExportName: 'prepareScenarioRun',
  },
  /** One replication of a roster's scenario, reduced for the roster search (`switchboard roster`). */
  roster: {
    name: 'roster',
    moduleUrl: compiledModuleUrl('../roster/simulate-roster.js', import.meta.url),
    exportName: 'rosterReplicationTask',
    prepareExportName: 'prepareRosterRun',
  },
  /** One replication of a queue model (`staff --simulate`). */
  queue: {
    name: 'queue',
    moduleUrl: compiledModuleUrl('../queueing/queue-replication-task.js', import.meta.url),
    exportName: 'replicateQueue',
    warmUpExportName: 'warmUpQueue',
  },
  /** One replication of a loss system with retrials (`staff --simulate --retry-fraction`). */
  retrialLoss: {
    name: 'retrialLoss',
    moduleUrl: compiledModuleUrl('../queueing/simulate-retrial-loss.js', import.meta.url),
    exportName: 'replicateRetrialLoss',
  },
} as const satisfies Record<string, ReplicationTask & { name: string }>;

/** The name of a task workers know. */
export type ReplicationTaskName = keyof typeof replicationTasks;

/** The task of this name, or undefined for a name workers do not know. */
export function replicationTaskNamed(name: string): ReplicationTask | undefined {
  return Object.hasOwn(replicationTasks, name)
    ? replicationTasks[name as ReplicationTaskName]
    : undefined;
}
