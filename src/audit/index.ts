/**
 * The audit area: call-record importers, journey reconstruction, KPIs and calibration. Not the
 * library's API (`src/index.ts` is) and not imported by the program: the one import of this
 * folder's tests.
 */
export * from './audit-files.js';
export * from './audit-input.js';
export * from './audit-output.js';
export * from './audit-report.js';
export * from './audit-stats.js';
export * from './calibration-tracker.js';
export * from './call-builder.js';
export * from './caller-tracker.js';
export * from './cdr-parser.js';
export * from './cdr-tracker.js';
export * from './column-map.js';
export * from './csv-line.js';
export * from './detect-format.js';
export * from './kaplan-meier.js';
export * from './line-reader.js';
export * from './nps.js';
export * from './patience-fit.js';
export * from './pseudonymise.js';
export * from './queue-log-parser.js';
export * from './read-records.js';
export * from './record-parser.js';
export * from './records.js';
export * from './scenario-writer.js';
export * from './seconds-histogram.js';
export * from './sql-dump-parser.js';
export * from './sql-values.js';
export * from '../calendar/time-zone.js';
export * from './parse-record-timestamp.js';
export * from './agent-sessions.js';
export * from './synthetic-queue-log.js';
