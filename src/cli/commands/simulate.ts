import { resolve } from 'node:path';
import { loadScenario } from '../../scenario/load-scenario.js';
import { REPORT_OPTION, resolveReportPath } from '../../report/report-option.js';
import { simulateReport } from '../../report/pages/simulate-report.js';
import { writeReport } from '../../report/write-report.js';
import { formatSummary } from '../format-simulation-summary.js';
import { simulateReportInput } from '../../report/from-simulation.js';
import { writeQueueLog } from '../../switchboard/queue-log.js';
import { forecastNotice, simulateScenario } from '../../switchboard/simulate-scenario.js';
import { checkOutputDirectory } from '../../io/staging-directory.js';
import { checkOutputFile, staleRemovedNotice } from '../../io/write-file-atomic.js';
import { resultFiles, writeDirectoryAtomically } from '../../switchboard/write-results.js';
import { replicationTasks } from '../../replications/replication-tasks.js';
import type { CommandModule } from '../command.js';
import { REDIS_OPTION, TIMEOUT_OPTION, withRemote } from '../remote-option.js';
import { readRunFlags, scenarioLabel, startThreadsEarly, withProgress } from '../run-flags.js';
import { terminalText } from '../terminal-safe.js';

/** `switchboard simulate scenario.yaml`: measures with 95 % confidence intervals. */
export const simulateCommand: CommandModule = {
  builder: (y) =>
    y
      .positional('scenario', {
        type: 'string',
        describe: 'Scenario file (YAML or JSON); file.yaml#variant for a named variant',
      })
      .option('variant', {
        type: 'string',
        describe: 'Simulate this named variant of the scenario',
      })
      .option('days', {
        type: 'number',
        default: 7,
        describe: 'Days simulated from calendar.startDate',
      })
      .option('replications', { type: 'number', default: 10, describe: 'Independent replications' })
      .option('seed', { type: 'string', default: '1', describe: 'Seed (same seed ⇒ same output)' })
      .option('threads', {
        type: 'number',
        default: 1,
        describe: 'Worker threads (results do not depend on it)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print the results as JSON' })
      .option('out', {
        type: 'string',
        describe: 'Write CSV tables and summary.json to this new directory',
      })
      .option('report', REPORT_OPTION)
      .option('queue-log', {
        type: 'string',
        describe: 'Also write replication 1 as an Asterisk queue_log file',
      })
      .option('redis', REDIS_OPTION)
      .option('timeout', TIMEOUT_OPTION),
  run: async (args, io) => {
    const { days, replications, threads, seed } = readRunFlags(args);
    startThreadsEarly(args, threads, replications, replicationTasks.scenario);
    const reportPath = resolveReportPath(args.report, io.cwd);
    // Every output checked before the work, so none is written when another would be refused.
    if (args.out !== undefined)
      checkOutputDirectory(resolve(io.cwd, String(args.out)), { shown: String(args.out) });
    const queueLogFlag = args.queueLog ?? args['queue-log'];
    if (queueLogFlag !== undefined)
      checkOutputFile(resolve(io.cwd, String(queueLogFlag)), '--queue-log', String(queueLogFlag));
    const path = resolve(io.cwd, String(args.scenario));
    const scenario = loadScenario(
      path,
      args.variant !== undefined
        ? { variant: String(args.variant), shown: String(args.scenario) }
        : { shown: String(args.scenario) },
    );
    const notice = forecastNotice(scenario, days);
    if (notice) io.stderr(`${notice}\n`);
    const { summary } = await withRemote(args, io, (remote) =>
      withProgress(io, (onProgress) =>
        simulateScenario(scenario, {
          days,
          replications,
          seed,
          threads,
          onProgress,
          ...(remote === undefined ? {} : { remote }),
        }),
      ),
    );
    summary.file = scenarioLabel(args);
    if (args.out !== undefined) {
      const dir = resolve(io.cwd, String(args.out));
      const files = resultFiles(summary);
      for (const name of writeDirectoryAtomically(dir, files)) io.stderr(staleRemovedNotice(name));
      io.stderr(`wrote ${Object.keys(files).length} files to ${String(args.out)}\n`);
    }
    const queueLog = args.queueLog ?? args['queue-log'];
    if (queueLog !== undefined) {
      const lines = writeQueueLog(scenario, resolve(io.cwd, String(queueLog)), {
        days,
        seed,
        index: 0,
      });
      io.stderr(`wrote ${lines} queue_log lines (replication 1) to ${String(queueLog)}\n`);
    }
    if (reportPath) {
      const bytes = await writeReport(
        reportPath,
        simulateReport(simulateReportInput(scenario, summary)),
      );
      io.stderr(`report: ${String(args.report)} (${bytes} bytes)\n`);
    }
    io.stdout(
      args.json ? `${JSON.stringify(summary, null, 2)}\n` : terminalText(formatSummary, summary),
    );
    return 0;
  },
};
