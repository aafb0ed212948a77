/**
 * The switchboard library API. The CLI, the tests and the benchmarks call these exports;
 * so can any other program.
 */

export * from './audit/index.js';
export * from './calibration/index.js';
export type { CliIo } from './cli/io.js';
export { bufferIo, processIo } from './cli/io.js';
export { ExitCode, main } from './cli/main.js';
export * from './engine/index.js';
export * from './errors.js';
export * from './forecasting/index.js';
export * from './queueing/index.js';
export * from './random/index.js';
export * from './report/index.js';
export * from './staffing/index.js';
export * from './stats/index.js';
export * from './switchboard/index.js';
export * from './units/duration.js';
