export * from '../replications/compiled-module-url.js';
export * from './confidence-interval.js';
export * from '../cli/progress-bar.js';
export * from '../replications/run-replications.js';
export * from './running-stats.js';
export * from './student-t.js';
export * from './time-weighted-average.js';
export * from './wait-histogram.js';
