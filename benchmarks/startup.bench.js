// Start-up cost of the command line, side by side with a bare `node -e 0` measured in the same
// run: `switchboard --help` and a `staff` question (Erlang C, 300 calls/h, 3 min, 10 operators)
// must start within 3 × the bare node in time and 1.8 × in memory (issue 16). Each case runs in
// a fresh process, the cases alternating, 15 rounds; the median of each measure is reported.
// Wall time suffers most from a loaded machine, so CPU time (user + system) is shown beside it.
// Run: npm run build && node benchmarks/startup.bench.js
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/switchboard.js', import.meta.url));
const probe = new URL('./startup-probe.js', import.meta.url).href;
const rounds = Number(process.env.STARTUP_ROUNDS ?? 15);

const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'switchboard --help', args: [bin, '--help'] },
  {
    name: 'switchboard staff (Erlang C question)',
    args: [bin, 'staff', '--rate', '300', '--aht', '3m', '--agents', '10'],
  },
  { name: 'switchboard forecast --help (not a target)', args: [bin, 'forecast', '--help'] },
];

function once(args) {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, ['--import', probe, ...args], { encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  const line = /STARTUP-PROBE (.*)/.exec(result.stderr)?.[1];
  if (result.status !== 0 || line === undefined)
    throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { wallMs, ...JSON.parse(line), outputBytes: result.stdout.length };
}

const samples = cases.map(() => []);
for (let r = 0; r < rounds; r++) cases.forEach((c, i) => samples[i].push(once(c.args)));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const summary = cases.map((c, i) => ({
  name: c.name,
  wallMs: median(samples[i].map((s) => s.wallMs)),
  cpuMs: median(samples[i].map((s) => s.cpuMs)),
  maxRssMiB: median(samples[i].map((s) => s.maxRssMiB)),
  outputBytes: samples[i][0].outputBytes,
}));
const base = summary[0];
console.log(`${rounds} rounds, medians; ratios against ${base.name} in the same run`);
console.log(
  'case                                          wall ms  ×base   cpu ms  ×base  max RSS MiB  ×base  output bytes',
);
for (const s of summary) {
  console.log(
    `${s.name.padEnd(44)}${s.wallMs.toFixed(0).padStart(8)}${(s.wallMs / base.wallMs).toFixed(2).padStart(7)}${s.cpuMs.toFixed(0).padStart(9)}${(s.cpuMs / base.cpuMs).toFixed(2).padStart(7)}${s.maxRssMiB.toFixed(1).padStart(13)}${(s.maxRssMiB / base.maxRssMiB).toFixed(2).padStart(7)}${String(s.outputBytes).padStart(14)}`,
  );
}
for (const s of summary.slice(1, 3)) {
  const time = s.wallMs / base.wallMs;
  const memory = s.maxRssMiB / base.maxRssMiB;
  console.log(
    `${s.name}: time ${time.toFixed(2)} × (target ≤ 3: ${time <= 3 ? 'met' : 'NOT met'}), memory ${memory.toFixed(2)} × (target ≤ 1.8: ${memory <= 1.8 ? 'met' : 'NOT met'})`,
  );
}
