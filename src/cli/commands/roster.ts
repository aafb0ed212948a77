import { resolve } from 'node:path';
import { InputError, inputError } from '../../errors.js';
import { resolveReportPath, REPORT_OPTION } from '../../report/report-option.js';
import { rosterReport } from '../../report/pages/roster-report.js';
import { writeReport } from '../../report/write-report.js';
import { buildRoster } from '../../roster/build-roster.js';
import type { RosterTargets } from '../../roster/erlang-requirement.js';
import { rosterFiles } from '../../roster/roster-files.js';
import { loadScenario } from '../../scenario/load-scenario.js';
import type { Scenario } from '../../scenario/scenario-types.js';
import { parseDurationSeconds } from '../../units/duration.js';
import { checkOutputDirectory } from '../../io/staging-directory.js';
import { staleRemovedNotice } from '../../io/write-file-atomic.js';
import { writeDirectoryAtomically } from '../../switchboard/write-results.js';
import { REDIS_OPTION, TIMEOUT_OPTION, withRemote } from '../remote-option.js';
import { replicationTasks } from '../../replications/replication-tasks.js';
import type { CommandModule } from '../command.js';
import { formatRoster } from '../format-roster.js';
import {
  positiveInteger,
  readRunFlags,
  scenarioLabel,
  startThreadsEarly,
  withProgress,
} from '../run-flags.js';
import { terminalText } from '../terminal-safe.js';

function fraction(args: Record<string, unknown>, flag: string): number | undefined {
  const value = args[flag];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0 && value < 1))
    throw inputError(`--${flag}`, 'a fraction strictly between 0 and 1 (0.8 = 80 %)', value);
  return value;
}

/** A share of the scenario's `targets:` for a roster: strictly between 0 and 1, else an error. */
function rosterShare(
  scenario: Scenario,
  path: string,
  value: number | undefined,
  flag: string,
): number | undefined {
  if (value !== undefined && !(value > 0 && value < 1))
    throw inputError(
      path,
      'a share strictly between 0 and 1 (0 or 1 asks either nothing or what no roster of random calls meets with confidence)',
      value,
      {
        ...(scenario.file === undefined ? {} : { file: scenario.file }),
        ...(flag === '' ? {} : { hint: `or give --${flag}` }),
      },
    );
  return value;
}

/**
 * The targets: flags first, then the scenario's `targets:` (the switchboard's levels), and the
 * queues' own (`targets.byQueue`); every rostered queue needs a level, its own or the
 * switchboard's.
 */
export function rosterTargets(args: Record<string, unknown>, scenario: Scenario): RosterTargets {
  const serviceLevel =
    fraction(args, 'service-level') ??
    rosterShare(scenario, 'targets.serviceLevel', scenario.targets?.serviceLevel, 'service-level');
  const maxAbandon =
    fraction(args, 'max-abandon') ??
    rosterShare(scenario, 'targets.maxAbandon', scenario.targets?.maxAbandon, 'max-abandon');
  const thresholdSeconds =
    args.threshold === undefined
      ? scenario.serviceLevelSeconds
      : parseDurationSeconds(String(args.threshold), { path: '--threshold', allowZero: false });
  if (thresholdSeconds > 3600)
    throw inputError('--threshold', 'a threshold of at most 1 h', String(args.threshold));
  const byQueue = (scenario.targets?.byQueue ?? []).map((own) => ({
    ...own,
    serviceLevel: rosterShare(
      scenario,
      `targets.byQueue.${own.queue}.serviceLevel`,
      own.serviceLevel,
      '',
    ),
    maxAbandon: rosterShare(
      scenario,
      `targets.byQueue.${own.queue}.maxAbandon`,
      own.maxAbandon,
      '',
    ),
  }));
  const targets: RosterTargets = { serviceLevel, thresholdSeconds, maxAbandon };
  if (byQueue.length > 0) targets.byQueue = byQueue;
  if (serviceLevel === undefined && maxAbandon === undefined) {
    const rostered = [...new Set(scenario.shifts.map((t) => t.queue))];
    const without = rostered.filter((q) => !byQueue.some((own) => own.index === q));
    if (byQueue.length === 0 || without.length > 0)
      throw inputError(
        '--service-level',
        byQueue.length === 0
          ? 'a target: --service-level or --max-abandon, or a targets: section in the scenario'
          : `a target for every rostered queue: --service-level or --max-abandon, targets.serviceLevel / maxAbandon, or targets.byQueue for ${without.map((q) => `"${scenario.queues[q]!.name}"`).join(', ')}`,
        'nothing',
        { hint: 'e.g. --service-level 0.8 --threshold 20s --max-abandon 0.05' },
      );
  }
  return targets;
}

/** `switchboard roster scenario.yaml`: shifts that meet the targets on the whole switchboard. */
export const rosterCommand: CommandModule = {
  builder: (y) =>
    y
      .positional('scenario', {
        type: 'string',
        describe: 'Scenario file with a shifts: section; file.yaml#variant for a named variant',
      })
      .option('variant', { type: 'string', describe: 'Roster this named variant' })
      .option('service-level', {
        type: 'number',
        describe: 'Least share answered within --threshold (default: the scenario’s targets)',
      })
      .option('threshold', {
        type: 'string',
        describe: 'Service-level threshold, e.g. 20s (default: the scenario’s)',
      })
      .option('max-abandon', {
        type: 'number',
        describe: 'Most share abandoned (default: the scenario’s targets)',
      })
      .option('days', { type: 'number', default: 7, describe: 'Days simulated per replication' })
      .option('replications', {
        type: 'number',
        default: 6,
        describe: 'Replications per simulation (search rounds and each verification)',
      })
      .option('iterations', {
        type: 'number',
        default: 8,
        describe: 'Most simulate-and-solve rounds of the search',
      })
      .option('seed', { type: 'string', default: '1', describe: 'Seed (same seed ⇒ same roster)' })
      .option('threads', {
        type: 'number',
        default: 1,
        describe: 'Worker threads (results do not depend on it)',
      })
      .option('budget', {
        type: 'number',
        describe: 'Paid hours a week to spend: the best service level they buy, and where',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON' })
      .option('out', {
        type: 'string',
        describe:
          'Write scenario.yaml (the roster as operators), roster.csv, per-interval.csv and roster.json to this new directory',
      })
      .option('report', REPORT_OPTION)
      .option('redis', REDIS_OPTION)
      .option('timeout', TIMEOUT_OPTION),
  run: async (args, io) => {
    const { days, replications, threads, seed } = readRunFlags(
      args,
      'a day meets its targets when its whole 95 % interval does',
    );
    startThreadsEarly(args, threads, replications, replicationTasks.roster);
    const iterations = positiveInteger(args.iterations, '--iterations', 100);
    let budgetHours: number | undefined;
    if (args.budget !== undefined) {
      if (typeof args.budget !== 'number' || !(args.budget > 0 && args.budget <= 1_000_000))
        throw inputError(
          '--budget',
          'paid hours a week, a number above 0 (at most 1,000,000)',
          args.budget,
        );
      budgetHours = args.budget;
    }
    const reportPath = resolveReportPath(args.report, io.cwd);
    const outDir = args.out === undefined ? undefined : resolve(io.cwd, String(args.out));
    if (outDir !== undefined) checkOutputDirectory(outDir, { shown: String(args.out) });
    const path = resolve(io.cwd, String(args.scenario));
    const scenario = loadScenario(
      path,
      args.variant !== undefined
        ? { variant: String(args.variant), shown: String(args.scenario) }
        : { shown: String(args.scenario) },
    );
    const targets = rosterTargets(args, scenario);
    if (
      budgetHours !== undefined &&
      targets.serviceLevel === undefined &&
      targets.maxAbandon === undefined
    )
      throw inputError(
        '--service-level',
        "a switchboard target with --budget (the hours buy the switchboard's service level or calls not abandoned; queues' own targets are not a budget's measure)",
        'only targets.byQueue',
        { hint: 'e.g. --service-level 0.8' },
      );
    if (scenario.shifts.length === 0)
      throw inputError(
        'shifts',
        'shift templates for at least one queue (see docs/scenario-format.md)',
        'nothing',
        {
          file: scenario.file,
        },
      );
    const result = await withRemote(args, io, (remote) =>
      withProgress(io, (onProgress) =>
        buildRoster(scenario, {
          targets,
          days,
          replications,
          seed,
          threads,
          maxIterations: iterations,
          ...(budgetHours === undefined ? {} : { budgetHours }),
          onProgress,
          ...(remote === undefined ? {} : { remote }),
        }),
      ),
    );
    result.file = scenarioLabel(args);
    io.stdout(
      args.json ? `${JSON.stringify(result, null, 2)}\n` : terminalText(formatRoster, result),
    );
    if (result.problems.length > 0) {
      io.stderr(
        `switchboard: ${new InputError(result.problems, result.file ?? undefined).message}\n`,
      );
      io.stderr(
        `the best roster found is shown above; nothing written${outDir || reportPath ? ' (--out, --report)' : ''}\n`,
      );
      return 2;
    }
    if (outDir !== undefined) {
      const files = rosterFiles(scenario, result);
      for (const name of writeDirectoryAtomically(outDir, files))
        io.stderr(staleRemovedNotice(name));
      io.stderr(`wrote ${Object.keys(files).length} files to ${String(args.out)}\n`);
    }
    if (reportPath) {
      const bytes = await writeReport(reportPath, rosterReport(result));
      io.stderr(`report: ${String(args.report)} (${bytes} bytes)\n`);
    }
    return 0;
  },
};
