export * from './summarize-queue-replications.js';
export * from './queue-model.js';
export * from './queue-replication-task.js';
export * from './simulate-queue.js';
export * from './simulate-staffing.js';
export * from './simulate-retrial-loss.js';
export * from './retry-measures.js';
