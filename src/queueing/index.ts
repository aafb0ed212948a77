export * from './queue-measures.js';
export * from './queue-model.js';
export * from './queue-replication-task.js';
export * from './simulate-queue.js';
export * from './simulate-staffing.js';
export * from './simulation-flags.js';
export * from './format-simulation-table.js';
export * from './simulate-from-flags.js';
