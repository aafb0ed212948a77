/**
 * The forecast page on a real, messy series: Montgomery County 911 calls, 30-minute counts by
 * call title over 24 days (../shared/data/forecast/montco-911-30min-by-reason.csv, see its
 * SOURCES.md), timestamps without offset, nine reasons, several of them sparse. The forecast is
 * a weekly seasonal naive one computed here (last week repeated, ±1.28·√f bounds floored at
 * zero), only to feed the page: the test checks the page, not the method.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportCharts } from '../../src/report/document.js';
import { formatCount } from '../../src/report/format.js';
import { type ForecastRow, forecastReport } from '../../src/report/pages/forecast-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { sharedData } from '../shared-data.js';

const path = sharedData('forecast/montco-911-30min-by-reason.csv');

describe.skipIf(!path)('forecast report on the Montgomery County 911 series', () => {
  it('renders every reason, totals the forecast and stays small', async () => {
    const rows = parse(readFileSync(path!, 'utf8'), { columns: true }) as {
      interval_start: string;
      reason: string;
      calls: string;
    }[];
    const history = rows.map((r) => ({
      interval_start: r.interval_start,
      reason: r.reason,
      calls: Number(r.calls),
    }));
    const times = [...new Set(history.map((h) => h.interval_start))].sort();
    const lastWeek = new Set(times.slice(-7 * 48));
    const week = 7 * 86_400_000;
    const forecast: ForecastRow[] = [];
    const totals = new Map<string, number>();
    for (const h of history) {
      if (!lastWeek.has(h.interval_start)) continue;
      const next = new Date(Date.parse(`${h.interval_start}Z`) + week).toISOString().slice(0, 19);
      const spread = 1.2816 * Math.sqrt(h.calls);
      forecast.push({
        interval_start: next,
        reason: h.reason,
        forecast: h.calls,
        lower: Math.max(0, Math.floor(h.calls - spread)),
        upper: Math.ceil(h.calls + spread),
      });
      totals.set(next, (totals.get(next) ?? 0) + h.calls);
    }
    for (const [t, f] of totals) {
      const spread = 1.2816 * Math.sqrt(f);
      forecast.push({
        interval_start: t,
        reason: 'all',
        forecast: f,
        lower: Math.max(0, Math.floor(f - spread)),
        upper: Math.ceil(f + spread),
      });
    }
    const document = forecastReport({
      method: 'seasonal-naive',
      level: 80,
      history,
      forecast,
      source: 'montco-911-30min-by-reason.csv',
    });
    const lastWeekCalls = history
      .filter((h) => lastWeek.has(h.interval_start))
      .reduce((s, h) => s + h.calls, 0);
    expect(document.summary[0]).toContain(`forecasts ${formatCount(lastWeekCalls)} calls`);
    // The repeated week equals the last 7 days of history: +0.0 %.
    expect(document.summary.join(' ')).toContain('+0.0');
    const reasons = new Set(history.map((h) => h.reason));
    const multiples = reportCharts(document).find((c) => c.chart === 'fan-multiples')!;
    expect(multiples.description).toContain([...reasons][0]!);
    const html = await renderReportHtml(document);
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/forecast-montco-report.html', html);
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
    for (const reason of reasons) expect(html).toContain(reason.replace(/&/g, '&amp;'));
  });
});
