import { resolve } from 'node:path';
import { inputError } from '../../errors.js';
import { REPORT_OPTION, resolveReportPath } from '../../report/report-option.js';
import { sweepReport } from '../../report/pages/sweep-report.js';
import { writeReport } from '../../report/write-report.js';
import { loadScenario } from '../../scenario/load-scenario.js';
import { forecastNotice } from '../../switchboard/simulate-scenario.js';
import {
  checkSweepMeasures,
  DEFAULT_SWEEP_MEASURES,
  readSweepAxis,
  runSweep,
  sweepVariants,
} from '../../switchboard/sweep.js';
import { checkOutputDirectory } from '../../io/staging-directory.js';
import { staleRemovedNotice } from '../../io/write-file-atomic.js';
import { writeDirectoryAtomically } from '../../switchboard/write-results.js';
import { replicationTasks } from '../../replications/replication-tasks.js';
import type { CommandModule } from '../command.js';
import { formatSweep, sweepCsv } from '../format-sweep.js';
import { REDIS_OPTION, TIMEOUT_OPTION, withRemote } from '../remote-option.js';
import {
  PAIRED_INTERVAL,
  readRunFlags,
  scenarioLabel,
  startThreadsEarly,
  withProgress,
} from '../run-flags.js';
import { terminalText } from '../terminal-safe.js';

const VARY = /^([^=]+)=(.+)$/s;

/** `switchboard sweep scenario.yaml --vary PATH=V1,V2 …`: every combination against the base. */
export const sweepCommand: CommandModule = {
  builder: (y) =>
    y
      .positional('scenario', {
        type: 'string',
        describe: 'Scenario file (YAML or JSON); file.yaml#variant for a named variant as the base',
      })
      .option('vary', {
        type: 'string',
        array: true,
        describe: 'PATH=V1,V2,… : a value of the scenario and the values it takes (repeatable)',
      })
      .option('variant', { type: 'string', describe: 'Use this named variant as the base' })
      .option('measures', {
        type: 'string',
        describe: `Measures reported and tested, comma-separated (default ${DEFAULT_SWEEP_MEASURES.join(',')})`,
      })
      .option('rank-by', { type: 'string', describe: 'Measure ranked on (default the first)' })
      .option('days', { type: 'number', default: 7, describe: 'Days simulated' })
      .option('replications', { type: 'number', default: 10, describe: 'Replications (paired)' })
      .option('seed', { type: 'number', default: 1, describe: 'Seed shared by all variants' })
      .option('threads', {
        type: 'number',
        default: 1,
        describe: 'Worker threads (results do not depend on it)',
      })
      .option('redis', REDIS_OPTION)
      .option('timeout', TIMEOUT_OPTION)
      .option('json', { type: 'boolean', default: false, describe: 'Print the sweep as JSON' })
      .option('out', {
        type: 'string',
        describe: 'Write sweep.json and sweep.csv to this new directory',
      })
      .option('report', REPORT_OPTION),
  run: async (args, io) => {
    const { days, replications, threads, seed } = readRunFlags(args, PAIRED_INTERVAL);
    startThreadsEarly(args, threads, 2 * replications, replicationTasks.scenario);
    const reportPath = resolveReportPath(args.report, io.cwd);
    // Checked before the work, as simulate and roster do (it failed after the sweep had run).
    if (args.out !== undefined)
      checkOutputDirectory(resolve(io.cwd, String(args.out)), { shown: String(args.out) });
    const vary = (args.vary as string[] | undefined) ?? [];
    if (vary.length === 0)
      throw inputError(
        '--vary',
        'at least one PATH=V1,V2,… (such as transfers.mode=wild,warm)',
        undefined,
      );
    const measures =
      args.measures === undefined
        ? [...DEFAULT_SWEEP_MEASURES]
        : String(args.measures)
            .split(',')
            .map((m) => m.trim());
    checkSweepMeasures(measures, '--measures');
    const rankBy = String(args.rankBy ?? args['rank-by'] ?? measures[0]);
    if (!measures.includes(rankBy))
      throw inputError(
        '--rank-by',
        `one of the reported measures (${measures.join(', ')})`,
        rankBy,
      );
    const path = resolve(io.cwd, String(args.scenario));
    const base = loadScenario(
      path,
      args.variant !== undefined
        ? { variant: String(args.variant), shown: String(args.scenario) }
        : { shown: String(args.scenario) },
    );
    const axes = vary.map((text) => {
      const match = VARY.exec(String(text));
      if (!match)
        throw inputError('--vary', 'PATH=V1,V2,… (such as transfers.mode=wild,warm)', text);
      return readSweepAxis(
        base.document,
        match[1]!.trim(),
        match[2]!.split(',').map((v) => v.trim()),
      );
    });
    const variants = sweepVariants(base, axes);
    const notice = forecastNotice(base, days);
    if (notice) io.stderr(`${notice}\n`);
    const report = await withRemote(args, io, (remote) =>
      withProgress(io, (onProgress) =>
        runSweep(base, axes, {
          variants,
          days,
          replications,
          seed,
          threads,
          measures,
          rankBy,
          onProgress,
          ...(remote === undefined ? {} : { remote }),
        }),
      ),
    );
    report.file = scenarioLabel(args);
    if (args.out !== undefined) {
      const stale = writeDirectoryAtomically(resolve(io.cwd, String(args.out)), {
        'sweep.json': `${JSON.stringify(report, null, 2)}\n`,
        'sweep.csv': sweepCsv(report),
      });
      for (const name of stale) io.stderr(staleRemovedNotice(name));
      io.stderr(`wrote sweep.json and sweep.csv to ${String(args.out)}\n`);
    }
    if (reportPath) {
      const bytes = await writeReport(reportPath, sweepReport(report));
      io.stderr(`report: ${String(args.report)} (${bytes} bytes)\n`);
    }
    io.stdout(
      args.json ? `${JSON.stringify(report, null, 2)}\n` : terminalText(formatSweep, report),
    );
    return 0;
  },
};
