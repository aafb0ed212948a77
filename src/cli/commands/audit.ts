import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditFiles, defaultAuditOptions } from '../../audit/audit-files.js';
import type { AuditInput } from '../../audit/audit-input.js';
import { AuditOutput } from '../../audit/audit-output.js';
import { zeroAbandonNote } from '../../audit/calibration-tracker.js';
import { parseColumnMap } from '../../audit/column-map.js';
import { MIN_PSEUDONYMISE_KEY_BYTES } from '../../audit/pseudonymise.js';
import { HEAP_BYTES_PER_YAML_BYTE } from '../../io/memory-budget.js';
import { readFailure, readInputText } from '../../io/read-input-file.js';
import { staleRemovedNotice } from '../../io/write-file-atomic.js';
import { type AuditFormat, auditFormats } from '../../audit/records.js';
import { isTimeZone, TIME_ZONE_EXPECTED, timeZoneHint } from '../../calendar/time-zone.js';
import { checkCalibration, formatCalibrationCheck } from '../../calibration/check-calibration.js';
import { refineRoster } from '../../calibration/refine-roster.js';
import { rosterRefinementSummary } from '../../calibration/refinement-summary.js';
import { didYouMeanHint, inputError } from '../../errors.js';
import { auditReportInput } from '../../report/from-audit.js';
import { auditReport } from '../../report/pages/audit-report.js';
import { REPORT_OPTION, resolveReportPath } from '../../report/report-option.js';
import { writeReport } from '../../report/write-report.js';
import { formatAuditSummary } from '../format-audit-summary.js';
import { parseDurationSeconds, parseIntervalMinutes } from '../../units/duration.js';
import type { CommandModule } from '../command.js';
import { positiveInteger, readSeed } from '../run-flags.js';
import { terminalText } from '../terminal-safe.js';

/** True when `path` is an existing regular file. */
function isReadableFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Check the flags of `--refine-roster` (which needs `--out` and hours made of intervals). */
function refineFlags(args: Record<string, unknown>, intervalMinutes: number) {
  if (args.out === undefined)
    throw inputError('--refine-roster', 'to go with --out DIR', 'no --out', {
      hint: 'the refined roster is written into DIR/scenario.yaml',
      raw: true,
    });
  if (60 % intervalMinutes !== 0)
    throw inputError(
      '--interval',
      'with --refine-roster, minutes that divide an hour',
      args.interval,
    );
  const seed = readSeed(args.seed);
  return {
    replications: positiveInteger(args['refine-replications'], '--refine-replications', 1000),
    threads: positiveInteger(args.threads, '--threads', 256),
    seed,
  };
}

/** Environment variable holding the pseudonymisation key (else `--pseudonymise-key-file`). */
export const pseudonymiseKeyVariable = 'SWITCHBOARD_PSEUDONYMISE_KEY';

/**
 * `switchboard audit FILES…`: audit a switchboard from its own records (queue_log, CDR, SQL
 * dumps, mapped CSV exports) — a summary on the terminal, `--json` for one object, `--out DIR`
 * for the per-call CSV, the report, a history CSV for `switchboard forecast` and a calibrated
 * scenario.
 */
export const auditCommand: CommandModule = {
  builder: (y) =>
    y
      .positional('files', {
        type: 'string',
        array: true,
        describe: 'Record files (formats detected)',
      })
      .option('format', {
        type: 'string',
        describe: `Force the format: ${auditFormats.join(', ')}`,
      })
      .option('map', { type: 'string', describe: 'Column map (YAML) for a per-call CSV export' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' })
      .option('out', {
        type: 'string',
        describe: 'Write calls.csv, report.json, history.csv, scenario.yaml here',
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'With --out: write into a directory that holds files (same names replaced)',
      })
      .option('tz', {
        type: 'string',
        alias: 'timezone',
        describe: 'Time zone of the records (IANA; default: the map’s timeZone, else UTC)',
      })
      .option('service-level', {
        type: 'string',
        default: '20s',
        describe: 'Service-level threshold',
      })
      .option('short-abandon', {
        type: 'string',
        default: '5s',
        describe: 'Abandons shorter than this are short',
      })
      .option('micro-flow', {
        type: 'number',
        default: 5,
        describe: 'Queues under this many calls a week are micro-flows',
      })
      .option('redial-window', {
        type: 'string',
        default: '24h',
        describe: 'A call this soon after an unanswered one is a redial',
      })
      .option('bounce-window', {
        type: 'string',
        default: '5m',
        describe: 'A call this soon after a transferred one came back',
      })
      .option('interval', {
        type: 'string',
        default: '30m',
        describe: 'Interval of the arrival profile and history',
      })
      .option('survey', {
        type: 'string',
        describe: 'Patient survey CSV (date, score 0–10, reason) for NPS',
      })
      .option('pseudonymise', {
        type: 'boolean',
        default: false,
        describe: `Replace caller numbers and agent names by keyed hashes (key: $${pseudonymiseKeyVariable} or --pseudonymise-key-file)`,
      })
      .option('pseudonymise-key-file', {
        type: 'string',
        describe: 'File holding the pseudonymisation key',
      })
      .option('refine-roster', {
        type: 'boolean',
        default: false,
        describe:
          'With --out: refine the Erlang A roster by simulating the calibrated scenario (docs/audit.md)',
      })
      .option('refine-replications', {
        type: 'number',
        default: 4,
        describe: 'Replications per round of --refine-roster',
      })
      .option('seed', { type: 'string', default: '1', describe: 'Seed of --refine-roster' })
      .option('threads', {
        type: 'number',
        default: 1,
        describe: 'Worker threads of --refine-roster (results do not depend on it)',
      })
      .option('check-days', {
        type: 'number',
        describe:
          'With --out: simulate the written scenario this many days and set volume and abandonment by route against the records',
      })
      .option('check-replications', {
        type: 'number',
        default: 4,
        describe: 'Replications of --check-days',
      })
      .option('report', REPORT_OPTION),
  run: async (args, io) => {
    const at = (p: unknown) => resolve(io.cwd, String(p));
    // Files are read resolved against io.cwd but shown as typed (relative stays relative).
    const given = (p: unknown): AuditInput => ({ path: at(p), name: String(p) });
    const reportPath = resolveReportPath(args.report, io.cwd);
    const files = ((args.files as unknown[]) ?? []).map(given);
    let format: AuditFormat | undefined;
    if (args.format !== undefined) {
      const f = String(args.format);
      if (!(auditFormats as readonly string[]).includes(f)) {
        throw inputError('--format', `one of ${auditFormats.join(', ')}`, f, {
          hint: didYouMeanHint(f, auditFormats),
        });
      }
      format = f as AuditFormat;
    }
    const microFlowPerWeek = Number(args['micro-flow']);
    if (!(microFlowPerWeek >= 0 && microFlowPerWeek <= 10_000_000))
      throw inputError(
        '--micro-flow',
        'a number of calls a week from 0 to 10,000,000',
        args['micro-flow'],
      );
    let map: ReturnType<typeof parseColumnMap> | undefined;
    if (args.map !== undefined) {
      const path = at(args.map);
      let text: string;
      try {
        text = readInputText(path, 1024 * 1024, HEAP_BYTES_PER_YAML_BYTE);
      } catch (error) {
        throw inputError('--map', 'a readable YAML file of at most 1 MB', String(args.map), {
          hint: readFailure(error),
        });
      }
      map = parseColumnMap(text, String(args.map));
    }
    if (format === 'mapped-csv' && !map)
      throw inputError('--map', 'a column map (YAML) with --format mapped-csv', 'nothing', {
        hint: 'see audit-maps/anonymous-bank-1999.yaml',
        raw: true,
      });
    // Checked before the audit runs, so a typo fails at once (exit 2), not after every record.
    if (args.survey !== undefined && !isReadableFile(at(args.survey)))
      throw inputError('--survey', 'a readable CSV file', String(args.survey));
    const timeZone = args.tz === undefined ? (map?.timeZone ?? 'UTC') : String(args.tz);
    if (!isTimeZone(timeZone))
      throw inputError('--tz', TIME_ZONE_EXPECTED, timeZone, { hint: timeZoneHint(timeZone) });
    let pseudonymiseKey: string | Buffer | undefined;
    if (args.pseudonymise) {
      if (args['pseudonymise-key-file'] !== undefined) {
        try {
          pseudonymiseKey = readInputText(at(args['pseudonymise-key-file']), 64 * 1024).trim();
        } catch (error) {
          throw inputError(
            '--pseudonymise-key-file',
            'a readable file of at most 64 KB',
            String(args['pseudonymise-key-file']),
            { hint: readFailure(error) },
          );
        }
        if (pseudonymiseKey === '')
          throw inputError('--pseudonymise-key-file', 'a non-empty key', 'an empty file');
      } else if (process.env[pseudonymiseKeyVariable])
        pseudonymiseKey = process.env[pseudonymiseKeyVariable];
      if (
        pseudonymiseKey !== undefined &&
        Buffer.byteLength(pseudonymiseKey) < MIN_PSEUDONYMISE_KEY_BYTES
      )
        throw inputError(
          args['pseudonymise-key-file'] !== undefined
            ? '--pseudonymise-key-file'
            : `$${pseudonymiseKeyVariable}`,
          `a key of at least ${MIN_PSEUDONYMISE_KEY_BYTES} bytes`,
          `${Buffer.byteLength(pseudonymiseKey)} bytes`,
          { raw: true, hint: 'e.g. the output of `openssl rand -hex 32`' },
        );
      if (pseudonymiseKey === undefined) {
        pseudonymiseKey = randomBytes(32);
        io.stderr(
          `note: no pseudonymisation key given (${pseudonymiseKeyVariable} or --pseudonymise-key-file): a random one is used, so pseudonyms differ from run to run\n`,
        );
      }
    }
    const intervalMinutes = parseIntervalMinutes(String(args.interval));
    const refine = args['refine-roster'] === true ? refineFlags(args, intervalMinutes) : undefined;
    let check: { days: number; replications: number } | undefined;
    if (args['check-days'] !== undefined) {
      if (args.out === undefined)
        throw inputError('--check-days', 'to go with --out DIR', 'no --out', {
          hint: 'the check is written into DIR/calibration.json',
          raw: true,
        });
      check = {
        days: positiveInteger(args['check-days'], '--check-days', 3660),
        replications: positiveInteger(args['check-replications'], '--check-replications', 1000),
      };
    }
    const options = {
      ...defaultAuditOptions,
      format,
      map,
      timeZone,
      serviceLevelSeconds: parseDurationSeconds(String(args['service-level']), {
        path: '--service-level',
      }),
      shortAbandonSeconds: parseDurationSeconds(String(args['short-abandon']), {
        path: '--short-abandon',
      }),
      microFlowPerWeek,
      redialWindowSeconds: parseDurationSeconds(String(args['redial-window']), {
        path: '--redial-window',
      }),
      bounceWindowSeconds: parseDurationSeconds(String(args['bounce-window']), {
        path: '--bounce-window',
      }),
      intervalMinutes,
      pseudonymiseKey,
      survey: args.survey === undefined ? undefined : given(args.survey),
    };
    const output =
      args.out === undefined
        ? undefined
        : new AuditOutput(
            at(args.out),
            files.map((f) => f.name),
            {
              force: args.force === true,
              shown: String(args.out),
              inputs: [
                ...files,
                ...[args.map, args.survey, args['pseudonymise-key-file']]
                  .filter((f) => f !== undefined)
                  .map(given),
              ],
            },
          );
    for (const name of output?.staleRemoved ?? []) io.stderr(staleRemovedNotice(name));
    let result: Awaited<ReturnType<typeof auditFiles>>;
    try {
      result = await auditFiles(files, { ...options, onCall: output?.addCall });
      if (refine) {
        // Before the commit: the refined roster goes out with everything else, or nothing does.
        const refined = await refineRoster(result.calibration, refine);
        result = { ...result, calibration: refined.calibration };
        io.stderr(`${terminalText(rosterRefinementSummary, refined.refinement)}\n`);
      }
      if (check) {
        const seed = readSeed(args.seed);
        const outcome = await checkCalibration(result.report, result.calibration, {
          ...check,
          seed,
          threads: positiveInteger(args.threads, '--threads', 256),
        });
        result = { ...result, calibration: { ...result.calibration, check: outcome } };
        io.stderr(terminalText(formatCalibrationCheck, outcome));
      }
    } catch (error) {
      output?.abort();
      throw error;
    }
    if (output) {
      const names = output.commit(result);
      io.stderr(`wrote ${names.join(', ')} to ${String(args.out)}\n`);
      const note = zeroAbandonNote(result.calibration);
      if (note && names.includes('scenario.yaml')) io.stderr(`${note}\n`);
      if (!names.includes('scenario.yaml'))
        io.stderr(
          'no scenario.yaml: the records hold no queue call to calibrate a scenario from\n',
        );
    }
    if (reportPath) {
      const bytes = await writeReport(
        reportPath,
        auditReport(auditReportInput(result, { timeZone, cwd: io.cwd })),
      );
      io.stderr(`report: ${String(args.report)} (${bytes} bytes)\n`);
    }
    io.stdout(
      args.json
        ? `${JSON.stringify(result.report, null, 2)}\n`
        : terminalText(formatAuditSummary, result.report),
    );
    return 0;
  },
};
