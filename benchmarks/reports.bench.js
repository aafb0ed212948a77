// Benchmark: rendering the simulate HTML report (document building + Vega-Lite compile + Vega
// SVG rendering + HTML) for 1, 7 and 28 days of half-hour intervals, against a baseline measured
// in the same run: JSON.stringify of the same result (what `--json` already costs).
// Prints the work done (intervals, charts, bytes) and the ratio report / JSON.
// Run: npm run build && node benchmarks/reports.bench.js
import { performance } from 'node:perf_hooks';
import { renderReportHtml, simulateReport } from '../dist/index.js';
// Not in the public API: the chart blocks of a document, in reading order.
import { reportCharts } from '../dist/report/document.js';

const est = (mean, half) => ({ mean, ci95: [Math.max(0, mean - half), mean + half] });

/** A plain simulate-shaped result with `days` of half-hours (deterministic, no randomness). */
function result(days) {
  const byInterval = [];
  let offered = 0;
  for (let d = 0; d < days; d++)
    for (let h = 0; h < 48; h++) {
      const hour = h / 2;
      const load =
        0.15 + 3.2 * Math.exp(-((hour - 8.75) ** 2) / 1.2) + (hour >= 8 && hour < 19 ? 1.6 : 0);
      const calls = 30 * load * (d % 7 < 5 ? 1 : 0.4);
      offered += calls;
      const start = new Date(Date.UTC(2026, 2, 2 + d, Math.floor(h / 2), (h % 2) * 30));
      byInterval.push({
        intervalStart: `${start.toISOString().slice(0, 19)}+01:00`,
        offered: est(calls, Math.sqrt(calls)),
        answered: est(calls * 0.93, Math.sqrt(calls)),
        abandoned: est(calls * 0.05, 1),
        busy: est(calls * 0.005, 0.5),
        serviceLevel: est(0.95 - 0.1 * load, 0.03),
        occupancy: est(0.4 + 0.1 * load, 0.02),
      });
    }
  const overall = {
    offered: est(offered, 50),
    answered: est(offered * 0.93, 50),
    abandoned: est(offered * 0.05, 10),
    busy: est(offered * 0.005, 3),
    inSystemAtEnd: est(2, 1),
    transfers: est(offered * 0.4, 20),
    bouncedBack: est(offered * 0.04, 5),
    serviceLevel: est(0.79, 0.01),
    asaSeconds: est(14, 1),
    probabilityAbandon: est(0.05, 0.004),
    occupancy: est(0.74, 0.01),
  };
  return {
    scenario: 'bench',
    days,
    replications: 10,
    overall,
    byInterval,
    waitHistogram: Array.from({ length: 24 }, (_, i) => ({
      from: i * 5,
      to: i * 5 + 5,
      count: Math.round(1000 * Math.exp(-i / 3)),
    })),
    callPath: {
      offered,
      busy: offered * 0.005,
      answered: offered * 0.93,
      abandoned: offered * 0.05 - 2,
      inSystemAtEnd: 2,
      transfers: {
        wild: { answered: offered * 0.3, bouncedBack: offered * 0.06, lost: offered * 0.04 },
      },
    },
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ROUNDS = 5;
console.log(
  `simulate report rendering, median of ${ROUNDS} rounds (baseline: JSON.stringify of the same result)`,
);
console.log('days  intervals  charts  HTML KiB  report ms  JSON ms  report/JSON');
await renderReportHtml(simulateReport(result(1))); // warm-up: module loading and JIT
for (const days of [1, 7, 28]) {
  const input = result(days);
  const reportTimes = [];
  const jsonTimes = [];
  let bytes = 0;
  let charts = 0;
  for (let r = 0; r < ROUNDS; r++) {
    let t0 = performance.now();
    const json = JSON.stringify(input, null, 2);
    jsonTimes.push(performance.now() - t0);
    t0 = performance.now();
    const document = simulateReport(input);
    const html = await renderReportHtml(document);
    reportTimes.push(performance.now() - t0);
    bytes = Buffer.byteLength(html);
    charts = reportCharts(document).length;
    if (json.length === 0) throw new Error('empty JSON');
  }
  if (charts !== 6) throw new Error(`expected 6 charts, rendered ${charts}`);
  const report = median(reportTimes);
  const json = median(jsonTimes);
  console.log(
    `${String(days).padStart(4)}  ${String(input.byInterval.length).padStart(9)}  ${String(charts).padStart(6)}  ${(bytes / 1024).toFixed(0).padStart(8)}  ${report.toFixed(0).padStart(9)}  ${json.toFixed(1).padStart(7)}  ${(report / json).toFixed(0).padStart(11)}`,
  );
}
