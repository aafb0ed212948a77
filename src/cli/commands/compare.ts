import { resolve } from 'node:path';
import { InputError, type InputProblem, inputError } from '../../errors.js';
import {
  loadScenario,
  readScenarioDocument,
  readScenarioText,
  scenarioPath,
  variantNames,
} from '../../scenario/load-scenario.js';
import type { Margin } from '../../measures/verdict.js';
import { readMarginOverride } from '../../measures/compared-measures.js';
import { compareReport } from '../../report/pages/compare-report.js';
import { REPORT_OPTION, resolveReportPath } from '../../report/report-option.js';
import { writeReport } from '../../report/write-report.js';
import { compareScenarios } from '../../switchboard/compare-scenarios.js';
import { formatComparison } from '../format-comparison.js';
import {
  compareReportMeasures,
  reportIntervals,
  reportTargets,
} from '../../report/from-simulation.js';
import { forecastNotice } from '../../switchboard/simulate-scenario.js';
import { replicationTasks } from '../../replications/replication-tasks.js';
import type { CommandModule } from '../command.js';
import { REDIS_OPTION, TIMEOUT_OPTION, withRemote } from '../remote-option.js';
import { PAIRED_INTERVAL, readRunFlags, startThreadsEarly, withProgress } from '../run-flags.js';
import { terminalText } from '../terminal-safe.js';

/**
 * `--margin NAME=VALUE` flags as margins by measure name. Every bad one is reported (an unknown
 * name with "did you mean", a value of no known form, a share's margin above 1): exit 2.
 */
export function readMarginFlags(flags: unknown): Map<string, Margin> {
  const margins = new Map<string, Margin>();
  const problems: InputProblem[] = [];
  const list = flags === undefined ? [] : Array.isArray(flags) ? flags : [flags];
  for (const flag of list) {
    const text = String(flag);
    const at = text.indexOf('=');
    if (at <= 0) {
      problems.push({
        path: '--margin',
        expected: 'NAME=VALUE, such as serviceLevel=0.01 or cost.total=2%',
        received: JSON.stringify(text),
      });
      continue;
    }
    const name = text.slice(0, at).trim();
    const read = readMarginOverride(name, text.slice(at + 1));
    if ('margin' in read) margins.set(name, read.margin);
    else problems.push({ path: `--margin ${text}`, ...read.problem });
  }
  if (problems.length > 0) throw new InputError(problems);
  return margins;
}

/** `switchboard compare base.yaml variant.yaml […]`: paired differences under common random numbers. */
export const compareCommand: CommandModule = {
  builder: (y) =>
    y
      .positional('scenarios', {
        type: 'string',
        array: true,
        describe:
          'Base scenario then variants (file.yaml or file.yaml#variant); one file alone: its named variants',
      })
      .option('variant', {
        type: 'string',
        array: true,
        describe: 'Named variant(s) of the base file to compare',
      })
      .option('days', { type: 'number', default: 7, describe: 'Days simulated' })
      .option('replications', { type: 'number', default: 10, describe: 'Replications (paired)' })
      .option('seed', {
        type: 'string',
        default: '1',
        describe: 'Seed shared by base and variants',
      })
      .option('threads', {
        type: 'number',
        default: 1,
        describe: 'Worker threads (results do not depend on it)',
      })
      .option('margin', {
        type: 'string',
        array: true,
        describe:
          'Practical margin of a measure, NAME=VALUE: a number in its unit (0.01 = 1 point of a share) or a % of the base (cost.total=2%); repeatable',
      })
      .option('report', REPORT_OPTION)
      .option('redis', REDIS_OPTION)
      .option('timeout', TIMEOUT_OPTION)
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print the comparison as JSON',
      }),
  run: async (args, io) => {
    const { days, replications, threads, seed } = readRunFlags(args, PAIRED_INTERVAL);
    const margins = readMarginFlags(args.margin);
    startThreadsEarly(args, threads, 2 * replications, replicationTasks.scenario);
    const reportPath = resolveReportPath(args.report, io.cwd);
    // The files as typed (written in the output, as simulate, sweep and roster do) and resolved.
    const typed = (args.scenarios as string[]).map(String);
    const paths = typed.map((p) => resolve(io.cwd, p));
    const [basePath, ...others] = paths;
    const base = loadScenario(basePath!, { shown: typed[0]! });
    let variantPaths = others;
    let variantTyped = typed.slice(1);
    // The base's file, read and as typed, without the base's own `#variant` if it has one.
    const { file, variant } = scenarioPath(basePath!);
    const typedFile =
      variant === undefined ? typed[0]! : typed[0]!.slice(0, typed[0]!.length - variant.length - 1);
    const named = (args.variant as string[] | undefined) ?? [];
    if (named.length > 0) {
      // Variants of the base's file, also when the base is itself one (`file.yaml#a --variant b`).
      variantPaths = [...variantPaths, ...named.map((v) => `${file}#${v}`)];
      variantTyped = [...variantTyped, ...named.map((v) => `${typedFile}#${v}`)];
    }
    if (variantPaths.length === 0) {
      // The variants of the base's file (the base may itself be one: `file.yaml#v`).
      const document = readScenarioDocument(readScenarioText(file, typedFile), typedFile);
      const names = variantNames(document).filter((v) => v !== variant);
      variantPaths = names.map((v) => `${file}#${v}`);
      variantTyped = names.map((v) => `${typedFile}#${v}`);
      if (variantPaths.length === 0)
        throw inputError(
          'scenarios',
          'a base and at least one variant (a second file, --variant, or variants: in the file)',
          args.scenarios,
          {},
        );
    }
    const variants = variantPaths.map((p, i) =>
      loadScenario(p, variantTyped[i] === undefined ? {} : { shown: variantTyped[i] }),
    );
    for (const s of [base, ...variants]) {
      const notice = forecastNotice(s, days);
      if (notice) io.stderr(`${notice}\n`);
    }
    const report = await withRemote(args, io, (remote) =>
      withProgress(io, (onProgress) =>
        compareScenarios(base, variants, {
          days,
          replications,
          seed,
          threads,
          margins,
          onProgress,
          ...(remote === undefined ? {} : { remote }),
        }),
      ),
    );
    report.file = typed[0]!;
    report.comparisons.forEach((c, i) => {
      c.file = variantTyped[i] ?? c.file;
    });
    if (reportPath) {
      const first = report.comparisons[0]!;
      const bytes = await writeReport(
        reportPath,
        compareReport({
          baseName: report.base,
          variantName: first.variant,
          days: report.days,
          replications: report.replications,
          measures: compareReportMeasures(first.measures),
          byInterval: {
            base: reportIntervals(base, {
              days: report.days,
              byWeekdayInterval: report.byWeekdayInterval,
            }),
            variant: reportIntervals(variants[0]!, {
              days: report.days,
              byWeekdayInterval: first.byWeekdayInterval,
            }),
          },
          targets: reportTargets(base),
          targetChecks: first.targets,
          currency: report.currency,
          byReason: first.byReason.map((r) => ({
            reason: r.reason,
            measures: compareReportMeasures(r.measures),
          })),
          ...(first.byGroup
            ? {
                byGroup: first.byGroup.map((g) => ({
                  group: g.group,
                  measures: compareReportMeasures(g.measures),
                })),
              }
            : {}),
        }),
      );
      const more =
        report.comparisons.length > 1 ? ` (first variant of ${report.comparisons.length})` : '';
      io.stderr(`report: ${String(args.report)} (${bytes} bytes)${more}\n`);
    }
    io.stdout(
      args.json ? `${JSON.stringify(report, null, 2)}\n` : terminalText(formatComparison, report),
    );
    return 0;
  },
};
