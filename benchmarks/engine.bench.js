// The engine on a switchboard-year: 4,000 calls a day for 365 days (about 1.46 million calls),
// M/M/N+M with N = 2 operators, 26 s mean handling time, 60 s mean patience (Erlang A).
//  1. One core: the engine's queue model against two hand-written baselines of the same model
//     drawing the same random numbers (a plain event loop, and the event-free workload
//     recursion), interleaved over rounds; medians and ratios. Counts must be identical.
//  2. Memory: peak RSS of a child process simulating 1 and 4 years (flat in the horizon).
//  3. Replications on 1 and 2 worker threads: speed-up, and identical results.
// Run: npm run build && node benchmarks/engine.bench.js
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runReplications, simulateQueue } from '../dist/index.js';
import { baselineMmnAbandon } from './baseline-mmn-abandon.js';
import { baselineMmnEventLoop } from './baseline-mmn-event-loop.js';

const DAY = 86400;
const YEAR = 365 * DAY;
const params = {
  ratePerSecond: 4000 / DAY,
  servers: 2,
  meanServiceSeconds: 26,
  meanPatienceSeconds: 60,
  horizonSeconds: YEAR,
  thresholdSeconds: 20,
};
const model = (horizonSeconds) => ({
  arrivals: params.ratePerSecond,
  servers: params.servers,
  service: { distribution: 'exponential', mean: params.meanServiceSeconds },
  patience: { distribution: 'exponential', mean: params.meanPatienceSeconds },
  warmupSeconds: 0,
  horizonSeconds,
  thresholdsSeconds: [params.thresholdSeconds],
});

if (process.argv[2] === '--memory') {
  const years = Number(process.argv[3]);
  const r = simulateQueue(model(years * YEAR), 1);
  const { maxRSS } = process.resourceUsage();
  console.log(
    JSON.stringify({ years, calls: r.offered, events: r.events, maxRssMiB: maxRSS / 1024 }),
  );
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// CPU time of this thread (user + system), steadier than wall time on a shared machine.
const time = (fn) => {
  const c = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(c);
  return { ms: (used.user + used.system) / 1000, result };
};

console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'}, ${availableParallelism()} cores, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`,
);
console.log('model: M/M/2+M, 4,000 calls/day, AHT 26 s, patience 60 s, one year, seed 1\n');

// 1. One core.
const rounds = 7;
const times = { engine: [], loop: [], recursion: [] };
let engine;
let loop;
let recursion;
for (let i = 0; i < rounds; i++) {
  const l = time(() => baselineMmnEventLoop(params, 1));
  const e = time(() => simulateQueue(model(YEAR), 1));
  const r = time(() => baselineMmnAbandon(params, 1));
  times.loop.push(l.ms);
  times.engine.push(e.ms);
  times.recursion.push(r.ms);
  engine = e.result;
  loop = l.result;
  recursion = r.result;
}
for (const [name, b] of [
  ['event loop', loop],
  ['recursion', recursion],
]) {
  const same =
    b.offered === engine.offered &&
    b.answered === engine.answered &&
    b.abandoned === engine.abandoned &&
    b.queued === engine.queued &&
    b.within === engine.answeredWithin[0];
  if (!same) throw new Error(`the ${name} baseline and the engine disagree: behaviour changed`);
}
const calls = engine.offered;
const e = median(times.engine);
const l = median(times.loop);
const r = median(times.recursion);
console.log(
  `work: ${calls} calls (${engine.answered} answered, ${engine.abandoned} abandoned), ${engine.events} events; counts identical in all three`,
);
console.log(`median CPU time of ${rounds} interleaved rounds, one core:`);
const line = (name, ms) =>
  `  ${name.padEnd(34)} ${ms.toFixed(0).padStart(5)} ms  ${(((calls / ms) * 1e3) / 1e6).toFixed(2)} M calls/s`;
console.log(
  `${line('engine (simulateQueue)', e)}  ${(((engine.events / e) * 1e3) / 1e6).toFixed(2)} M events/s`,
);
console.log(line('hand-written event loop', l));
console.log(line('event-free workload recursion', r));
console.log(`  engine / hand-written event loop:   ${(e / l).toFixed(2)}×`);
console.log(`  engine / workload recursion:        ${(e / r).toFixed(2)}×`);

// 2. Memory, flat in the horizon.
console.log('\npeak memory of a child process (engine only):');
const self = fileURLToPath(import.meta.url);
for (const years of [1, 4]) {
  const out = spawnSync(process.execPath, [self, '--memory', String(years)], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  const m = JSON.parse(out.stdout);
  console.log(
    `  ${years} year(s): ${m.calls} calls, ${m.events} events, peak RSS ${m.maxRssMiB.toFixed(0)} MiB`,
  );
}

// 3. Replications on worker threads.
const task = {
  moduleUrl: new URL('../dist/queueing/queue-replication-task.js', import.meta.url),
  exportName: 'replicateQueue',
};
const input = model(YEAR / 4);
const replications = 8;
console.log(`\n${replications} replications of a quarter-year each (${replications / 4} years):`);
const wall = {};
const results = {};
for (const threads of [1, 2, 1, 2]) {
  const t = performance.now();
  results[threads] = await runReplications({ task, input, replications, seed: 7, threads });
  const ms = performance.now() - t;
  wall[threads] = Math.min(wall[threads] ?? Number.POSITIVE_INFINITY, ms);
}
if (JSON.stringify(results[1]) !== JSON.stringify(results[2])) {
  throw new Error('1 and 2 threads gave different results');
}
const total = results[1].reduce((s, x) => s + x.offered, 0);
console.log(
  `  1 thread:  ${wall[1].toFixed(0)} ms  (${(((total / wall[1]) * 1e3) / 1e6).toFixed(2)} M calls/s)`,
);
console.log(
  `  2 threads: ${wall[2].toFixed(0)} ms  (${(((total / wall[2]) * 1e3) / 1e6).toFixed(2)} M calls/s)`,
);
console.log(`  speed-up on 2 threads: ${(wall[1] / wall[2]).toFixed(2)}× (results identical)`);
if (loadavg()[0] > availableParallelism() - 1) {
  console.log(
    `  (load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores: other work holds the cores; the speed-up is not meaningful)`,
  );
}
