/**
 * The switchboard library: its public API, named one by one (nothing here is re-exported by
 * `export *`, so every name is a promise kept on purpose). The command line is a thin shell over
 * these functions (`main`); docs/api.md lists each name with one line. Modules are plain ES
 * modules: large dependencies (Vega for charts, date-holidays, Ajv) load when first used.
 */

// The command line, as a function: run `switchboard` with arguments and an output sink.
export { ExitCode, main } from './cli/main.js';
export { bufferIo, type CliIo, processIo } from './cli/io.js';

// Errors: bad input names the path, what was expected and what was received.
export { InputError, type InputProblem, RunError } from './errors.js';
export { parseDurationSeconds, parseIntervalMinutes } from './units/duration.js';

// Calendar: time zones, offsets, simulated time on the wall clock.
export { isTimeZone, offsetMinutesAt } from './calendar/time-zone.js';
export { wallClockEpoch } from './calendar/wall-clock-epoch.js';

// Staffing: Erlang B, C, A, finite lines; solvers; plans.
export { erlangA } from './staffing/erlang-a.js';
export { erlangALines } from './staffing/erlang-a-lines.js';
export { erlangB } from './staffing/erlang-b.js';
export { erlangC } from './staffing/erlang-c.js';
export { evaluateStaffing } from './staffing/evaluate-staffing.js';
export { extendedErlangB } from './staffing/extended-erlang-b.js';
export { finiteLines } from './staffing/finite-lines.js';
export { planStaffing, type StaffingPlan } from './staffing/plan-staffing.js';
export { positionsAfterShrinkage } from './staffing/positions-after-shrinkage.js';
export type { QueueMeasures } from './staffing/queue-measures.js';
export { readLoadCsv } from './staffing/read-load-csv.js';
export { blockingRisesWithAgents, solveAgents } from './staffing/solve-agents.js';
export { solveTraffic } from './staffing/solve-traffic.js';
export {
  STAFFING_MODELS,
  type StaffingEvaluation,
  type StaffingModel,
  type StaffingQuestion,
} from './staffing/staffing-question.js';

// The simulation engine: events and time, resources, waiting lines — no calls.
export { FifoQueue } from './engine/fifo-queue.js';
export { Resource, scheduleCapacity } from './engine/resource.js';
export { Simulator } from './engine/simulator.js';

// Randomness: named seeded streams, distributions by spec, time-varying arrivals.
export { type DistributionSpec, parseDistribution } from './random/distribution-spec.js';
export type { Distribution } from './random/distributions.js';
export { PiecewisePoissonProcess } from './random/piecewise-poisson-process.js';
export { RandomStream, RandomStreams, replicationSeed } from './random/random-stream.js';

// Statistics of replications.
export {
  confidenceInterval,
  type MeasureEstimate,
  measureEstimate,
  type ReplicationEstimate,
  replicationEstimate,
} from './stats/confidence-interval.js';
export { RunningStats } from './stats/running-stats.js';
export { studentTQuantile } from './stats/student-t.js';
export { TimeWeightedAverage } from './stats/time-weighted-average.js';
export { WaitHistogram } from './stats/wait-histogram.js';

// Replications, in this thread or on worker threads.
export type { ReplicationTask } from './replications/load-replication-task.js';
export { runReplications, type RunReplicationsOptions } from './replications/run-replications.js';

// Generic queues on the engine (`staff --simulate`).
export type { QueueModel, QueueReplication } from './queueing/queue-model.js';
export { simulateQueue } from './queueing/simulate-queue.js';
export { type RetrialLossModel, simulateRetrialLoss } from './queueing/simulate-retrial-loss.js';
export { simulateStaffing } from './queueing/simulate-staffing.js';
export { summarizeQueueReplications } from './queueing/summarize-queue-replications.js';

// Scenarios: files read, validated with paths, compiled.
export { loadScenario, readScenarioDocument } from './scenario/load-scenario.js';
export { parseScenario } from './scenario/parse-scenario.js';
export { scenarioSchema } from './scenario/scenario-schema.js';
export type { Scenario } from './scenario/scenario-types.js';

// Measures: one definition, unit and better direction each.
export { type MeasureDefinition, measureDefinition } from './measures/measure-catalogue.js';

// The switchboard model and its runs.
export { type ComparisonReport, compareScenarios } from './switchboard/compare-scenarios.js';
export { writeQueueLog } from './switchboard/queue-log.js';
export { runReplication } from './switchboard/run-replication.js';
export {
  runScenarioReplications,
  type SimulationSummary,
  simulateScenario,
} from './switchboard/simulate-scenario.js';
export { runSweep } from './switchboard/sweep.js';
export { SwitchboardModel } from './switchboard/switchboard-model.js';
export type { SwitchboardModelOptions } from './switchboard/switchboard-model.js';
export type { SwitchboardObserver, SwitchboardView } from './switchboard/switchboard-observer.js';
export type { ReplicationResult } from './switchboard/tallies.js';
export { resultFiles } from './switchboard/write-results.js';

// Forecasting calls by day, interval and reason.
export { type BacktestReport, backtest } from './forecasting/backtest.js';
export { buildCallHistory, type CallHistory } from './forecasting/call-history.js';
export { countInclusion } from './forecasting/count-intervals.js';
export {
  type CallForecast,
  type ForecastCallsOptions,
  forecastCalls,
} from './forecasting/forecast-calls.js';
export { formatForecastCsv } from './forecasting/forecast-csv.js';
export { forecastGrid } from './forecasting/forecast-grid.js';
export { methodNames } from './forecasting/methods/index.js';
export { parseHistoryCsv, readHistoryCsv } from './forecasting/parse-history-csv.js';
export { publicHolidays, readSpecialDaysCsv, type SpecialDay } from './forecasting/special-days.js';

// Auditing a switchboard from its records; calibration by simulation.
export { type AuditOptions, auditFiles, defaultAuditOptions } from './audit/audit-files.js';
export type { AuditReport } from './audit/audit-report.js';
export { refineRoster } from './calibration/refine-roster.js';

// Rosters: shifts from templates, searched by simulation.
export { buildRoster, type RosterResult } from './roster/build-roster.js';

// Reports: one self-contained HTML file per command.
export type { ReportDocument } from './report/document.js';
export { auditReportInput } from './report/from-audit.js';
export { forecastReportInput } from './report/from-forecast.js';
export { simulateReportInput } from './report/from-simulation.js';
export { auditReport } from './report/pages/audit-report.js';
export { compareReport } from './report/pages/compare-report.js';
export { forecastReport } from './report/pages/forecast-report.js';
export { simulateReport } from './report/pages/simulate-report.js';
export { renderReportHtml } from './report/render-html.js';
export { rosterReport } from './report/pages/roster-report.js';
export { writeReport } from './report/write-report.js';
