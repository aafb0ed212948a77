/** Calibration by simulation: refining an audit's calibrated scenario with the switchboard model. */
export {
  type HourlyQueueOutcomes,
  hourlyQueueOutcomes,
  hourlyQueueOutcomesTask,
} from './hourly-queue-outcomes.js';
export * from './check-calibration.js';
export * from './operator-search.js';
export * from './refine-roster.js';
export * from './refinement-summary.js';
export * from './simulate-hourly-abandonment.js';
