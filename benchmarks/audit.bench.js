// Audit throughput and memory: generate seeded native queue_logs (250k and 1M lines), audit
// each in a fresh process, and print time, lines/s, peak RSS, and two ratios measured in the
// same run: audit time / plain line-reading time, and peak-RSS growth / file-size growth.
// Run: npm run build && node benchmarks/audit.bench.js [lines]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';

const lib = new URL('../dist/index.js', import.meta.url).href;
// Not in the public API (src/index.ts): the baseline's line reader and the test-data generator,
// from their modules.
const lineReader = new URL('../dist/audit/line-reader.js', import.meta.url).href;
const { syntheticQueueLog } = await import(
  new URL('../dist/audit/synthetic-queue-log.js', import.meta.url).href
);

/** Seeded native queue_log of about `lines` lines (see syntheticQueueLog). */
function generateQueueLog(lines, seed = 'audit-bench') {
  return syntheticQueueLog({ lines }, seedrandom(seed));
}

function runChild(script, path) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, path], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

const auditScript = `
import { auditFiles, defaultAuditOptions } from '${lib}';
const t0 = performance.now();
const c0 = process.cpuUsage();
const { report } = await auditFiles([process.argv[1]], { ...defaultAuditOptions, format: 'queue_log' });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, lines: report.input[0].lines, calls: report.calls.offered, rssMiB: process.resourceUsage().maxRSS / 1024 }));`;
const readScript = `
import { readLineBatches } from '${lineReader}';
const t0 = performance.now();
let lines = 0;
for await (const b of readLineBatches(process.argv[1])) for (const l of b.lines) lines += l.split('|').length > 4 ? 1 : 0;
console.log(JSON.stringify({ ms: performance.now() - t0, lines, rssMiB: process.resourceUsage().maxRSS / 1024 }));`;

const big = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
try {
  const rows = [];
  for (const size of [Math.round(big / 4), big]) {
    const path = join(dir, `q${size}.log`);
    writeFileSync(path, generateQueueLog(size));
    const mib = statSync(path).size / 2 ** 20;
    const read = runChild(readScript, path);
    const audit = runChild(auditScript, path);
    if (audit.lines !== read.lines)
      throw new Error(`line counts differ: ${audit.lines} vs ${read.lines}`);
    rows.push({ size, mib, read, audit });
    console.log(
      `${audit.lines} lines (${mib.toFixed(1)} MiB), ${audit.calls} calls: audit ${(audit.ms / 1000).toFixed(2)} s ` +
        `(CPU ${(audit.cpuMs / 1000).toFixed(2)} s, ${Math.round(audit.lines / (audit.ms / 1000)).toLocaleString('en')} lines/s), peak RSS ${audit.rssMiB.toFixed(0)} MiB; ` +
        `baseline line read+split ${(read.ms / 1000).toFixed(2)} s, peak RSS ${read.rssMiB.toFixed(0)} MiB; audit/read time ratio ${(audit.ms / read.ms).toFixed(2)}`,
    );
  }
  const [small, large] = rows;
  console.log(
    `file size x${(large.mib / small.mib).toFixed(2)} -> audit peak RSS x${(large.audit.rssMiB / small.audit.rssMiB).toFixed(2)} ` +
      `(line-read baseline x${(large.read.rssMiB / small.read.rssMiB).toFixed(2)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
