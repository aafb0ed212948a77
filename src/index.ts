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
export * from './roster/index.js';
export * from './staffing/index.js';
export * from './stats/index.js';
export * from './switchboard/index.js';
export * from './units/duration.js';
export * from './cli/format-audit-summary.js';
export * from './cli/format-comparison.js';
export * from './cli/format-plan-csv.js';
export * from './cli/format-simulation-summary.js';
export * from './cli/format-simulation-table.js';
export * from './cli/format-staffing-table.js';
export * from './cli/progress-bar.js';
export * from './cli/read-staff-flags.js';
export * from './cli/simulate-from-flags.js';
export * from './cli/simulation-flags.js';
export * from './replications/compiled-module-url.js';
export * from './replications/run-replications.js';
export * from './report/from-simulation.js';
