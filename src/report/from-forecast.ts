/**
 * Maps what `switchboard forecast` computes — the history grid it read (`CallHistory`) and the
 * forecast (`CallForecast`: rows, method, level, the backtest behind `--method auto`, warnings)
 * — onto the forecast page's input. History cells become `interval_start,calls,reason` rows on
 * the local wall clock (unknown cells and clock times a spring-forward day skips are left out,
 * not drawn as zero); only the days the page draws are converted. Cost: O(reasons × days shown
 * × intervals a day + forecast rows).
 */

import type { CallHistory } from '../forecasting/call-history.js';
import type { CallForecast } from '../forecasting/forecast-calls.js';
import type { ForecastReportInput, HistoryRow } from './pages/forecast-report.js';
import { clockText } from '../calendar/time-of-day.js';
import { countText } from '../units/fixed.js';

/** Options of {@link forecastReportInput}. */
export interface ForecastReportInputOptions {
  /** The history file as the user named it, for the subtitle. */
  source?: string;
}

const DAY_MS = 86_400_000;

/** The forecast page input of a forecast and the history it was made from. */
export function forecastReportInput(
  history: CallHistory,
  forecast: CallForecast,
  options: ForecastReportInputOptions = {},
): ForecastReportInput {
  // Enough history to compare the horizon with as many days before it (up to four weeks).
  const daysShown = Math.max(14, Math.min(28, forecast.horizonDays));
  const firstShown = Math.max(0, history.dayCount - daysShown);
  const rows: HistoryRow[] = [];
  for (let d = firstShown; d < history.dayCount; d++) {
    const date = new Date((history.firstDay + d) * DAY_MS).toISOString().slice(0, 10);
    for (let s = 0; s < history.slotsPerDay; s++) {
      const cell = d * history.slotsPerDay + s;
      if (history.multiplicity[cell] === 0) continue;
      const minutes = s * history.intervalMinutes;
      const start = `${date}T${clockText(minutes)}:00`;
      history.reasons.forEach((reason, r) => {
        const calls = history.counts[r]![cell]!;
        if (Number.isFinite(calls)) rows.push({ interval_start: start, calls, reason });
      });
    }
  }
  const input: ForecastReportInput = {
    method: forecast.method,
    level: Math.round(forecast.level * 1000) / 10,
    history: rows,
    forecast: forecast.rows.map((r) => ({
      interval_start: r.intervalStart,
      reason: r.reason,
      forecast: r.forecast,
      lower: r.lower,
      upper: r.upper,
    })),
    historyDaysShown: daysShown,
  };
  if (forecast.backtest)
    input.backtest = forecast.backtest.scores.map((s) => ({
      method: s.method,
      reason: s.reason,
      wape: s.wape,
      mase: s.mase,
      coverage: s.coverage,
      best: s.best,
    }));
  if (options.source !== undefined) input.source = options.source;
  const notes: string[] = [];
  if (history.missingDays.length > 0)
    notes.push(
      `${countText(history.missingDays.length, 'day')} of history had no record at all and were treated as missing, not as zero calls.`,
    );
  const effects = Object.entries(forecast.effects);
  if (effects.length > 0)
    notes.push(
      `Special-day effects used (multiplier of a normal day): ${effects.map(([label, e]) => `${label} ×${Math.round(e * 100) / 100}`).join(', ')}.`,
    );
  for (const warning of forecast.warnings.slice(0, 5)) notes.push(`Warning: ${warning}`);
  if (forecast.warnings.length > 5)
    notes.push(`… and ${forecast.warnings.length - 5} more warnings (all are in --json).`);
  if (notes.length > 0) input.notes = notes;
  return input;
}
