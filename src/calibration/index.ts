/**
 * Calibration by simulation: refining an audit's calibrated scenario with the switchboard model.
 * Not the library's API (`src/index.ts` is) and not imported by the program: the one import of
 * this folder's tests.
 */
export {
  type AuditedGroup,
  type AuditedReplication,
  auditReplication,
  hourlyQueueOutcomesTask,
} from './hourly-queue-outcomes.js';
export * from './check-calibration.js';
export * from './operator-search.js';
export * from './refine-roster.js';
export * from './refinement-summary.js';
export * from './simulate-hourly-abandonment.js';
