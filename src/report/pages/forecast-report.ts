/**
 * The `forecast` report page: history and forecast with the prediction band (fan chart) for the
 * total, one small panel per reason, the forecast by reason and the backtest table with the best
 * method marked — opened by a summary generated from the numbers. Input key names mirror the
 * forecast CSV (`interval_start,reason,forecast,lower,upper`) and `forecast --json` (issue 6).
 * Cost: O(history + forecast rows).
 */

import { fanChart, fanSmallMultiples } from '../charts/fan-chart.js';
import type { ReportDocument, ReportSection } from '../document.js';
import { formatCount, formatNumber, formatPercent } from '../format.js';
import { sentence } from '../sentences.js';
import { formatWallClock, wallClockMs } from '../../calendar/format-wall-clock.js';

/** One row of the forecast CSV. */
export interface ForecastRow {
  /** ISO 8601 with offset. */
  interval_start: string;
  /** A reason, or `all` for the reconciled total. */
  reason: string;
  forecast: number;
  lower: number;
  upper: number;
}

/** One row of history counts (`interval_start,calls[,reason]`). */
export interface HistoryRow {
  interval_start: string;
  calls: number;
  /** Absent or `all` for the total. */
  reason?: string;
}

/** One backtest score: per method and reason (issue 6's `--backtest` output). */
export interface BacktestRow {
  method: string;
  reason: string;
  /** Weighted absolute percentage error, as a share (0.082 = 8.2 %). */
  wape: number;
  /** Mean absolute scaled error against the weekly seasonal naive method. */
  mase: number;
  /** Share of actuals inside the prediction interval. */
  coverage: number;
  best?: boolean;
}

/** Everything {@link forecastReport} can show. */
export interface ForecastReportInput {
  /** The method used (chosen by `--method auto` or given). */
  method: string;
  /** Level of the prediction intervals, percent (80). */
  level: number;
  history: readonly HistoryRow[];
  forecast: readonly ForecastRow[];
  backtest?: readonly BacktestRow[];
  /** Days of history drawn before the forecast (default 14). */
  historyDaysShown?: number;
  /** The history file, for the subtitle. */
  source?: string;
  /** Cautions from the run (missing days, special-day effects, warnings), shown as notes. */
  notes?: readonly string[];
}

const DAY_MS = 86_400_000;

/** Build the forecast report document. Throws a RangeError when there are no forecast rows. */
export function forecastReport(input: ForecastReportInput): ReportDocument {
  if (input.forecast.length === 0) throw new RangeError('forecastReport: no forecast rows');
  const isTotal = (reason: string | undefined) => reason === undefined || reason === 'all';
  const reasons = [...new Set(input.forecast.map((r) => r.reason))].filter((r) => !isTotal(r));
  let total = input.forecast.filter((r) => isTotal(r.reason));
  const reconciledTotal = total.length > 0;
  if (!reconciledTotal) {
    const sums = new Map<string, number>();
    for (const r of input.forecast)
      sums.set(r.interval_start, (sums.get(r.interval_start) ?? 0) + r.forecast);
    total = [...sums].map(([t, f]) => ({
      interval_start: t,
      reason: 'all',
      forecast: f,
      lower: f,
      upper: f,
    }));
  }
  const start = Math.min(...total.map((r) => wallClockMs(r.interval_start)));
  const end = Math.max(...total.map((r) => wallClockMs(r.interval_start)));
  const step = total.length > 1 ? (end - start) / (total.length - 1) : DAY_MS;
  const horizonDays = Math.max(1, Math.round((end - start + step) / DAY_MS));
  const shownFrom = start - (input.historyDaysShown ?? 14) * DAY_MS;

  const historyHasTotal = input.history.some((x) => isTotal(x.reason));
  const historyTotals = new Map<string, number>();
  const historyByReason: { time: string; value: number; group: string }[] = [];
  for (const h of input.history) {
    const t = wallClockMs(h.interval_start);
    if (t < shownFrom || t >= start) continue;
    if (isTotal(h.reason) || !historyHasTotal)
      historyTotals.set(h.interval_start, (historyTotals.get(h.interval_start) ?? 0) + h.calls);
    if (!isTotal(h.reason))
      historyByReason.push({ time: h.interval_start, value: h.calls, group: h.reason! });
  }
  const sumForecast = total.reduce((s, r) => s + r.forecast, 0);
  const peak = total.reduce((a, b) => (b.forecast > a.forecast ? b : a));
  const byReason = reasons
    .map((reason) => {
      const rows = input.forecast.filter((r) => r.reason === reason);
      const sum = rows.reduce((s, r) => s + r.forecast, 0);
      const top = rows.reduce((a, b) => (b.forecast > a.forecast ? b : a));
      return { reason, sum, top };
    })
    .sort((a, b) => b.sum - a.sum);

  const summary = [
    sentence(
      `over the next ${horizonDays} days (${formatWallClock(total[0]!.interval_start, 'date')} to ${formatWallClock(total[total.length - 1]!.interval_start, 'date')}), the ${input.method} method forecasts ${formatCount(sumForecast)} calls, about ${formatCount(sumForecast / horizonDays)} a day`,
    ),
    sentence(
      `the busiest interval is ${formatWallClock(peak.interval_start)}, with ${formatNumber(peak.forecast, 0)} calls expected (${input.level} % prediction interval ${formatNumber(peak.lower, 0)} to ${formatNumber(peak.upper, 0)})`,
    ),
  ];
  const largest = byReason[0];
  const smallest = byReason[byReason.length - 1];
  if (largest && smallest && byReason.length > 1)
    summary.push(
      sentence(
        `${largest.reason} is the largest reason, with ${formatPercent(largest.sum / sumForecast, 0)} of calls; the smallest, ${smallest.reason}, expects ${formatNumber(smallest.sum, 0)} calls over the horizon`,
      ),
    );
  const historySum = [...historyTotals]
    .filter(([t]) => wallClockMs(t) >= start - horizonDays * DAY_MS)
    .reduce((s, [, v]) => s + v, 0);
  if (historySum > 0 && (input.historyDaysShown ?? 14) >= horizonDays) {
    const change = sumForecast / historySum - 1;
    summary.push(
      sentence(
        `that is ${change >= 0 ? '+' : '−'}${formatPercent(Math.abs(change))} compared with the last ${horizonDays} days of history (${formatCount(historySum)} calls)`,
      ),
    );
  }
  const score = input.backtest?.find((b) => b.method === input.method && isTotal(b.reason));
  if (score)
    summary.push(
      sentence(
        `in backtests, ${input.method} had a WAPE of ${formatPercent(score.wape)} on the total, and its ${input.level} % intervals covered ${formatPercent(score.coverage, 0)} of actual counts`,
      ),
    );

  const historyPoints = [...historyTotals].map(([time, value]) => ({ time, value }));
  const forecastPoints = total.map((r) => ({
    time: r.interval_start,
    forecast: r.forecast,
    lower: r.lower,
    upper: r.upper,
  }));
  const sections: ReportSection[] = [
    {
      heading: 'Forecast',
      blocks: [
        {
          kind: 'figures',
          figures: [
            {
              label: 'Calls forecast',
              value: formatCount(sumForecast),
              detail: `over ${horizonDays} days`,
              definition: 'Sum of the forecast means of every interval of the horizon.',
            },
            {
              label: 'Calls per day',
              value: formatCount(sumForecast / horizonDays),
              definition: 'Calls forecast divided by the days of the horizon.',
            },
            {
              label: 'Busiest interval',
              value: formatNumber(peak.forecast, 0),
              detail: formatWallClock(peak.interval_start),
              definition: `Largest interval forecast; its ${input.level} % prediction interval is ${formatNumber(peak.lower, 0)}–${formatNumber(peak.upper, 0)}.`,
            },
            {
              label: 'Method',
              value: input.method,
              definition:
                'The forecasting method used; with --method auto, the one with the best rolling-origin backtest.',
            },
          ],
        },
        fanChart(historyPoints, forecastPoints, {
          title: 'All calls: history and forecast',
          yTitle: 'calls per interval',
          level: input.level,
        }),
      ],
    },
  ];
  for (const text of input.notes ?? [])
    sections[0]!.blocks.push({ kind: 'note', tone: 'caution', text });
  if (!reconciledTotal)
    sections[0]!.blocks.push({
      kind: 'note',
      tone: 'caution',
      text: 'No `all` rows were given: the total is the sum of the reasons, without a prediction interval (bounds do not add up).',
    });
  if (reasons.length > 0) {
    const reasonForecast = input.forecast
      .filter((r) => !isTotal(r.reason))
      .map((r) => ({
        time: r.interval_start,
        forecast: r.forecast,
        lower: r.lower,
        upper: r.upper,
        group: r.reason,
      }));
    sections.push({
      heading: 'By reason',
      intro: 'Each panel has its own scale, so small reasons are as readable as large ones.',
      blocks: [
        fanSmallMultiples(historyByReason, reasonForecast, {
          title: 'History and forecast by reason',
          yTitle: 'calls',
          level: input.level,
        }),
        {
          kind: 'table',
          caption: 'Forecast by reason over the horizon',
          columns: [
            { label: 'Reason' },
            { label: 'Calls', numeric: true },
            { label: 'Share', numeric: true },
            { label: 'Busiest interval' },
            { label: 'Calls then', numeric: true },
          ],
          rows: byReason.map((r) => [
            r.reason,
            formatCount(r.sum),
            formatPercent(r.sum / sumForecast),
            formatWallClock(r.top.interval_start),
            `${formatNumber(r.top.forecast, 1)} [${formatNumber(r.top.lower, 0)}, ${formatNumber(r.top.upper, 0)}]`,
          ]),
        },
      ],
    });
  }
  if (input.backtest && input.backtest.length > 0)
    sections.push({
      heading: 'Backtest',
      intro: `Rolling-origin backtest: WAPE = Σ|actual − forecast| / Σ actual; MASE scales the mean absolute error by that of the weekly seasonal naive forecast (below 1 beats it); coverage is the share of actual counts inside the ${input.level} % prediction interval (ideally close to ${input.level} %).`,
      blocks: [
        {
          kind: 'table',
          caption: 'Backtest scores per method and reason (✓ best WAPE for the reason)',
          columns: [
            { label: 'Method' },
            { label: 'Reason' },
            { label: 'WAPE', numeric: true },
            { label: 'MASE', numeric: true },
            { label: 'Coverage', numeric: true },
            { label: 'Best' },
          ],
          rows: input.backtest.map((b) => [
            { text: b.method, strong: b.method === input.method },
            b.reason,
            formatPercent(b.wape),
            formatNumber(b.mase, 2),
            formatPercent(b.coverage, 0),
            b.best ? '✓ best' : '',
          ]),
        },
      ],
    });
  return {
    title: 'Call forecast',
    subtitle: `${input.method} method, ${input.level} % prediction intervals, ${horizonDays}-day horizon${input.source ? `, history from ${input.source}` : ''}`,
    summary,
    sections,
    footer:
      'Generated by switchboard forecast. Totals are reconciled: the total equals the sum of the reasons.',
  };
}
