import { resolve } from 'node:path';
import { inputError } from '../../errors.js';
import { type BacktestReport, backtest } from '../../forecasting/backtest.js';
import type { AbsentIntervals } from '../../forecasting/call-history.js';
import { forecastCalls } from '../../forecasting/forecast-calls.js';
import { formatForecastCsv } from '../../forecasting/forecast-csv.js';
import {
  checkOutputFile,
  staleRemovedNotice,
  writeFileAtomic,
} from '../../io/write-file-atomic.js';
import { isoDateOfDay } from '../../calendar/days.js';
import { isTimeZone, TIME_ZONE_EXPECTED, timeZoneHint } from '../../calendar/time-zone.js';
import { methodNames } from '../../forecasting/methods/index.js';
import { readHistoryCsv } from '../../forecasting/parse-history-csv.js';
import {
  publicHolidays,
  readSpecialDaysCsv,
  type SpecialDay,
} from '../../forecasting/special-days.js';
import { forecastReportInput } from '../../report/from-forecast.js';
import { forecastReport } from '../../report/pages/forecast-report.js';
import { REPORT_OPTION, resolveReportPath } from '../../report/report-option.js';
import { writeReport } from '../../report/write-report.js';
import { parseDurationSeconds, parseIntervalMinutes } from '../../units/duration.js';
import type { CommandModule } from '../command.js';
import type { CliIo } from '../io.js';
import { countText, fixed, percentText } from '../../units/fixed.js';
import { shownName } from '../../io/control-characters.js';
import { terminalText } from '../terminal-safe.js';

const MAX_WARNINGS_SHOWN = 10;

/** `switchboard forecast`: forecast calls by interval and reason, or backtest the methods. */
export const forecastCommand: CommandModule = {
  builder: (y) =>
    y
      .option('history', {
        type: 'string',
        demandOption: true,
        describe: 'History CSV: timestamp[,reason] or interval_start,calls[,reason]',
      })
      .option('horizon', {
        type: 'string',
        default: '14d',
        describe: 'Days to forecast (or per backtest fold): 7d, 2w',
      })
      .option('interval', {
        type: 'string',
        describe: "Interval length (default: the history's, 30m for per-call rows)",
      })
      .option('method', {
        type: 'string',
        default: 'auto',
        choices: ['auto', ...methodNames],
        describe: 'Forecasting method; auto = best in a backtest',
      })
      .option('level', {
        type: 'number',
        default: 80,
        describe: 'Prediction interval level, percent (80 for 80 %)',
      })
      .option('out', {
        type: 'string',
        describe: 'Write the forecast CSV here (whole or not at all); default stdout',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print JSON: rows, method chosen, backtest scores, warnings',
      })
      .option('timezone', {
        type: 'string',
        default: 'UTC',
        describe: "IANA zone of the history's local times and of the output",
      })
      .option('holidays', {
        type: 'string',
        describe: 'Public holidays of a country or region: FR, FR-75, US-PA',
      })
      .option('special-days', {
        type: 'string',
        describe: 'CSV date,label[,effect] of other special days',
      })
      .option('absent', {
        type: 'string',
        default: 'auto',
        choices: ['auto', 'closed', 'missing'],
        describe: 'What an interval with no row means',
      })
      .option('backtest', {
        type: 'boolean',
        default: false,
        describe: 'Score every method by rolling-origin backtest instead',
      })
      .option('folds', {
        type: 'number',
        default: 4,
        describe: 'Backtest folds (origins --step apart)',
      })
      .option('step', {
        type: 'string',
        describe: 'Days between backtest origins: 1d for overlapping folds (default: --horizon)',
      })
      .option('report', REPORT_OPTION),
  run: async (args, io) => {
    const reportPath = resolveReportPath(args.report, io.cwd);
    if (args.out !== undefined)
      checkOutputFile(resolve(io.cwd, String(args.out)), '--out', String(args.out));
    if (reportPath && args.backtest)
      throw inputError('--report', 'a forecast run (without --backtest)', '--backtest', {
        hint: 'the report of a forecast with --method auto includes its backtest table',
      });
    if (args.step !== undefined && !args.backtest)
      throw inputError('--step', 'to be given with --backtest', String(args.step), {
        hint: 'it sets the days between backtest origins',
      });
    const timeZone = String(args.timezone);
    if (!isTimeZone(timeZone))
      throw inputError('--timezone', TIME_ZONE_EXPECTED, timeZone, {
        hint: timeZoneHint(timeZone),
      });
    const horizonDays = wholeDays(String(args.horizon), '--horizon');
    const levelPercent = Number(args.level);
    // A share (0.8) is refused: read as a percentage it gave a 0.8 % interval, near zero wide.
    if (!(levelPercent > 1 && levelPercent < 100)) {
      throw inputError(
        '--level',
        'a percentage above 1 and below 100 (80 for 80 %)',
        args.level,
        levelPercent > 0 && levelPercent <= 1
          ? { hint: `did you mean ${+(levelPercent * 100).toPrecision(12)}?` }
          : {},
      );
    }
    const historyPath = resolve(io.cwd, String(args.history));
    const history = readHistoryCsv(historyPath, {
      file: String(args.history),
      timeZone,
      absent: String(args.absent) as AbsentIntervals,
      ...(args.interval === undefined
        ? {}
        : { intervalMinutes: parseIntervalMinutes(String(args.interval)) }),
    });
    const specialDays: SpecialDay[] = [];
    if (args.holidays !== undefined) {
      const fromYear = Number(isoDateOfDay(history.firstDay).slice(0, 4));
      const toYear = Number(
        isoDateOfDay(history.firstDay + history.dayCount + horizonDays).slice(0, 4),
      );
      specialDays.push(...publicHolidays(String(args.holidays), fromYear, toYear));
    }
    if (args['special-days'] !== undefined) {
      const typed = String(args['special-days']);
      specialDays.push(...readSpecialDaysCsv(resolve(io.cwd, typed), typed));
    }
    const level = levelPercent / 100;
    if (args.backtest) {
      const report = backtest(history, {
        folds: Number(args.folds),
        horizonDays,
        ...(args.step === undefined ? {} : { stepDays: wholeDays(String(args.step), '--step') }),
        level,
        specialDays,
      });
      printWarnings(
        io,
        history.warnings.map((w) => (w.line ? `line ${w.line}: ${w.message}` : w.message)),
      );
      io.stdout(
        args.json
          ? `${JSON.stringify(report, jsonNumbers, 2)}\n`
          : terminalText(formatBacktest, report),
      );
      return 0;
    }
    const forecast = forecastCalls(history, {
      horizonDays,
      method: String(args.method),
      level,
      specialDays,
    });
    printWarnings(io, forecast.warnings);
    const csv = formatForecastCsv(forecast.rows);
    if (args.out !== undefined)
      for (const name of writeFileAtomic(resolve(io.cwd, String(args.out)), csv, String(args.out)))
        io.stderr(staleRemovedNotice(name));
    if (args.json) {
      io.stdout(`${JSON.stringify(forecast, jsonNumbers, 2)}\n`);
    } else if (args.out === undefined) {
      io.stdout(csv);
    }
    if (reportPath) {
      const input = forecastReportInput(history, forecast, { source: String(args.history) });
      const bytes = await writeReport(reportPath, forecastReport(input));
      io.stderr(`report: ${String(args.report)} (${bytes} bytes)\n`);
    }
    const best = forecast.backtest?.scores.find(
      (s) => s.method === forecast.method && s.reason === 'all',
    );
    io.stderr(
      `forecast: ${countText(horizonDays, 'day')} × ${history.slotsPerDay} intervals of ${history.intervalMinutes} min, ` +
        `${history.hasReasons ? `${countText(history.reasons.length, 'reason')} + all` : 'all calls'}: ${forecast.rows.length} rows; ` +
        `method ${forecast.method}${args.method === 'auto' ? ' (auto)' : ''}` +
        `${best ? `, backtest WAPE ${fixed(best.wape * 100, 1)} %` : ''}` +
        `${args.out === undefined ? '' : `; written to ${String(args.out)}`}\n`,
    );
    return 0;
  },
};

/** A duration flag that must be whole days (7d, 2w), in days. */
function wholeDays(text: string, flag: string): number {
  const seconds = parseDurationSeconds(text, { path: flag, allowZero: false });
  if (seconds % 86_400 !== 0) throw inputError(flag, 'whole days (1d, 7d, 2w)', text);
  return seconds / 86_400;
}

/** JSON has no NaN or Infinity: write them as null. */
function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function printWarnings(io: CliIo, warnings: readonly string[]): void {
  for (const warning of warnings.slice(0, MAX_WARNINGS_SHOWN))
    io.stderr(`warning: ${shownName(warning)}\n`);
  if (warnings.length > MAX_WARNINGS_SHOWN) {
    io.stderr(`warning: … and ${warnings.length - MAX_WARNINGS_SHOWN} more (all are in --json)\n`);
  }
}

/**
 * The backtest as a fixed-width table, one line per reason and method, best marked `*`; `cov. ≥10`
 * is the coverage over intervals expecting at least 10 calls.
 */
export function formatBacktest(report: BacktestReport): string {
  const percent = (x: number) => percentText(x);
  const width = Math.max(6, ...report.scores.map((s) => s.reason.length));
  const methodWidth = Math.max(6, ...report.scores.map((s) => s.method.length));
  const lines = [
    `backtest: ${report.folds} folds × ${report.horizonDays} days` +
      `${report.stepDays === report.horizonDays ? '' : ` (origins ${countText(report.stepDays, 'day')} apart)`} from ${report.origins.join(', ')}; ` +
      `${Math.round(report.level * 100)} % intervals; best overall: ${report.best}`,
    `${'reason'.padEnd(width)}  ${'method'.padEnd(methodWidth)}  ${'WAPE'.padStart(8)}  ${'MASE'.padStart(6)}  ${'coverage'.padStart(8)}  ${'fair cov.'.padStart(9)}  ${'cov. ≥10'.padStart(8)}  best`,
  ];
  for (const s of report.scores) {
    lines.push(
      `${s.reason.padEnd(width)}  ${s.method.padEnd(methodWidth)}  ${percent(s.wape).padStart(8)}  ` +
        `${(Number.isNaN(s.mase) ? '—' : fixed(s.mase, 3)).padStart(6)}  ${percent(s.coverage).padStart(8)}  ${percent(s.fairCoverage).padStart(9)}  ${percent(s.busyCoverage).padStart(8)}  ${s.best ? '*' : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
