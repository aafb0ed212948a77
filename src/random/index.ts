export * from './distribution-spec.js';
export * from './distributions.js';
export * from './piecewise-poisson-process.js';
export * from './random-stream.js';
