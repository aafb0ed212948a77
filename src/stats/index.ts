export * from './confidence-interval.js';
export * from './running-stats.js';
export * from './student-t.js';
export * from './time-weighted-average.js';
export * from './wait-histogram.js';
