export * from './load-scenario.js';
export * from './merge-patch.js';
export * from './parse-scenario.js';
export * from './scenario-schema.js';
export * from './scenario-types.js';
export * from './suggest-name.js';
export * from './validate-document.js';
export * from './read-forecast-arrivals.js';
