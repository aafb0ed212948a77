import { inputError } from '../errors.js';
import { type BacktestReport, backtest } from './backtest.js';
import type { CallHistory } from './call-history.js';
import { boundsContaining } from './count-intervals.js';
import { forecastGrid } from './forecast-grid.js';
import { DAY_MS } from '../calendar/days.js';
import { formatInstant, instantsOfWall } from '../calendar/time-zone.js';
import { methodNames } from './methods/index.js';
import type { SpecialDay } from './special-days.js';

/** Options of {@link forecastCalls}. */
export interface ForecastCallsOptions {
  horizonDays: number;
  /** A method name or `auto` (default): the best of a rolling-origin backtest. */
  method?: string;
  /** Prediction interval level in (0, 1); default 0.8. */
  level?: number;
  /** Public holidays and other special days (past ones are learnt, future ones applied). */
  specialDays?: readonly SpecialDay[];
  /** Folds of the backtest behind `auto` (default 4, fewer when the history is short). */
  folds?: number;
}

/** One line of the forecast file: `interval_start,reason,forecast,lower,upper`. */
export interface CallForecastRow {
  /** ISO start with offset, `2024-03-31T08:30:00+02:00`. */
  intervalStart: string;
  reason: string;
  /** Expected calls (3 decimals); for `all`, the sum of the reasons' rounded forecasts. */
  forecast: number;
  /** Whole-number bounds of the prediction interval. */
  lower: number;
  upper: number;
}

/** A forecast with how it was made. */
export interface CallForecast {
  method: string;
  level: number;
  horizonDays: number;
  intervalMinutes: number;
  timeZone: string;
  reasons: string[];
  rows: CallForecastRow[];
  /** Special-day effects used, per label. */
  effects: Record<string, number>;
  /** The backtest behind `auto`, when it ran. */
  backtest?: BacktestReport;
  warnings: string[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Forecast calls per interval and reason for the `horizonDays` local days after the history,
 * with prediction intervals, and reason `all` = the sum of the reasons (reconciled). Intervals
 * are local clock slots: a spring-forward day has no row for the skipped hour, a fall-back day
 * has two rows (same forecast) for the repeated hour. `auto` picks the method with the lowest
 * WAPE in a rolling-origin backtest (7-day horizon). Cost: one backtest (auto) + 3 fits.
 */
export function forecastCalls(history: CallHistory, options: ForecastCallsOptions): CallForecast {
  const level = options.level ?? 0.8;
  const { horizonDays } = options;
  if (!(level > 0 && level < 1))
    throw inputError('--level', 'a percentage between 0 and 100', level * 100);
  if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > 366) {
    throw inputError('--horizon', 'whole days, 1d to 366d', `${horizonDays} days`, { raw: true });
  }
  const requested = options.method ?? 'auto';
  const specialDays = options.specialDays ?? [];
  if (requested !== 'auto' && !methodNames.includes(requested)) {
    throw inputError('--method', `auto or one of ${methodNames.join(', ')}`, requested);
  }
  const warnings = history.warnings.map((w) =>
    w.line ? `line ${w.line}: ${w.message}` : w.message,
  );
  let report: BacktestReport | undefined;
  let method = requested;
  if (requested === 'auto') {
    const foldDays = 7;
    const folds = Math.min(options.folds ?? 4, Math.floor((history.dayCount - 14) / foldDays));
    if (folds >= 1) {
      report = backtest(history, {
        folds,
        horizonDays: foldDays,
        level,
        specialDays,
      });
      method = report.best;
    } else {
      method = 'profile-smoothing';
      warnings.push(
        `history of ${history.dayCount} days is too short to backtest (21 needed): method profile-smoothing`,
      );
    }
  }
  const grid = forecastGrid(history, method, horizonDays, {
    level,
    specialDays,
  });
  warnings.push(...grid.warnings);
  const rows: CallForecastRow[] = [];
  const { slotsPerDay } = grid;
  const intervalMs = history.intervalMinutes * 60_000;
  const withTotal = history.hasReasons;
  for (let h = 0; h < horizonDays; h++) {
    for (let s = 0; s < slotsPerDay; s++) {
      const cell = h * slotsPerDay + s;
      const wall = (grid.firstDay + h) * DAY_MS + s * intervalMs;
      for (const instant of instantsOfWall(wall, history.timeZone)) {
        const intervalStart = formatInstant(instant, history.timeZone);
        let sum = 0;
        history.reasons.forEach((reason, r) => {
          const forecast = round3(grid.means[r]![cell]!);
          sum += forecast;
          if (withTotal) {
            rows.push({
              intervalStart,
              reason,
              forecast,
              lower: grid.lower[r]![cell]!,
              upper: grid.upper[r]![cell]!,
            });
          }
        });
        // The total's bounds hold its own mean; its point is the sum of the rounded reasons,
        // up to 0.0005 per reason away from that mean, so they are widened to hold it too.
        const forecast = round3(sum);
        rows.push({
          intervalStart,
          reason: 'all',
          forecast,
          ...boundsContaining(forecast, grid.total.lower[cell]!, grid.total.upper[cell]!),
        });
      }
    }
  }
  const result: CallForecast = {
    method,
    level,
    horizonDays,
    intervalMinutes: history.intervalMinutes,
    timeZone: history.timeZone,
    reasons: history.reasons,
    rows,
    effects: Object.fromEntries(grid.effects),
    warnings,
  };
  if (report) result.backtest = report;
  return result;
}
