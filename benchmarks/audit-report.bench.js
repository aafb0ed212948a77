// Benchmark: what `switchboard audit … --report FILE.html` adds to an audit. For seeded native
// queue_logs of 50k and 250k lines (`syntheticQueueLog`), audits the file (`auditFiles`, the
// baseline, measured in the same run) and then builds the page input, the document and the
// HTML (`auditReportInput` + `auditReport` + `renderReportHtml`: Vega-Lite compile and Vega SVG
// of 7 charts). Prints the work done (lines, calls, charts, bytes), median of 3 rounds, and the
// ratio report / audit.
// Run: npm run build && node benchmarks/audit-report.bench.js
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import seedrandom from 'seedrandom';
import {
  auditFiles,
  auditReport,
  auditReportInput,
  defaultAuditOptions,
  renderReportHtml,
} from '../dist/index.js';
// Not in the public API (kept to what a user's script needs): a test-data generator, and the
// chart blocks of a document.
import { syntheticQueueLog } from '../dist/audit/synthetic-queue-log.js';
import { reportCharts } from '../dist/report/document.js';

const ROUNDS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = mkdtempSync(join(tmpdir(), 'audit-report-bench-'));
const options = { ...defaultAuditOptions, timeZone: 'Europe/Paris' };

console.log('lines    calls   charts  HTML KiB  audit ms  report ms  report/audit');
try {
  for (const lines of [50_000, 250_000]) {
    const path = join(dir, `${lines}.queue_log`);
    writeFileSync(path, syntheticQueueLog({ lines }, seedrandom(`bench-${lines}`)));
    const auditMs = [];
    const reportMs = [];
    let result;
    let html = '';
    let charts = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let t = performance.now();
      result = await auditFiles([path], options);
      auditMs.push(performance.now() - t);
      t = performance.now();
      const document = auditReport(auditReportInput(result, { timeZone: options.timeZone }));
      html = await renderReportHtml(document);
      reportMs.push(performance.now() - t);
      charts = reportCharts(document).length;
    }
    const records = result.report.input[0].records;
    if (records + result.report.input[0].blank + result.report.input[0].rejected < lines)
      throw new Error(`${lines}: the audit did not account for every line`);
    const a = median(auditMs);
    const r = median(reportMs);
    console.log(
      `${String(lines).padStart(7)}  ${String(result.report.calls.offered).padStart(7)}  ${String(charts).padStart(6)}  ${String(Math.round(Buffer.byteLength(html) / 1024)).padStart(8)}  ${a.toFixed(0).padStart(8)}  ${r.toFixed(0).padStart(9)}  ${(r / a).toFixed(2).padStart(12)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
