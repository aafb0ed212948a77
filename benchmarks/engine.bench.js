// The engine on a switchboard-year: 4,000 calls a day for 365 days (about 1.46 million calls),
// M/M/N+M with N = 2 operators, 26 s mean handling time, 60 s mean patience (Erlang A).
//  1. One core: the engine's queue model against two hand-written baselines of the same model
//     drawing the same random numbers (a plain event loop, and the event-free workload
//     recursion), interleaved over rounds; medians and ratios. Counts must be identical.
//  2. Memory: peak RSS of a child process simulating 1 and 4 years (flat in the horizon).
//  3. Replications on 1 and 2 worker threads: speed-up, and identical results.
// Run: npm run build && node benchmarks/engine.bench.js [--scaling]   (--scaling: part 3 only)
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
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

const replicationTask = {
  moduleUrl: new URL('../dist/queueing/queue-replication-task.js', import.meta.url),
  exportName: 'replicateQueue',
};
if (process.argv[2] === '--replicate') {
  // A fresh process, as the CLI runs: cold code on 1 thread as on 2.
  const threads = Number(process.argv[3]);
  const t = performance.now();
  const reps = await runReplications({
    task: replicationTask,
    input: model(YEAR / 4),
    replications: 8,
    seed: 7,
    threads,
  });
  const ms = performance.now() - t;
  console.log(JSON.stringify({ ms, digest: JSON.stringify(reps).length, reps }));
  process.exit(0);
}

if (process.argv[2] === '--memory') {
  const years = Number(process.argv[3]);
  const before = process.memoryUsage().rss; // the library loaded (all of it: reports too)
  const r = simulateQueue(model(years * YEAR), 1);
  const { maxRSS } = process.resourceUsage();
  console.log(
    JSON.stringify({
      years,
      calls: r.offered,
      events: r.events,
      beforeMiB: before / 2 ** 20,
      maxRssMiB: maxRSS / 1024,
    }),
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

const self = fileURLToPath(import.meta.url);
// `--scaling`: only part 3.
if (process.argv[2] !== '--scaling') {
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
  for (const years of [1, 4]) {
    const out = spawnSync(process.execPath, [self, '--memory', String(years)], {
      encoding: 'utf8',
    });
    if (out.status !== 0) throw new Error(out.stderr);
    const m = JSON.parse(out.stdout);
    console.log(
      `  ${years} year(s): ${m.calls} calls, ${m.events} events, peak RSS ${m.maxRssMiB.toFixed(0)} MiB (${m.beforeMiB.toFixed(0)} MiB before the run: Node and the library)`,
    );
  }
}

// 3. Replications on worker threads, each configuration in a fresh process (as the CLI runs),
// 1 and 2 threads interleaved with a machine probe over rounds: on a machine shared with other
// work, a round's speed-up means something only beside what the probe got in the same round.
const replications = 8;
const rounds3 = Number(process.env.ROUNDS ?? 4);
console.log(
  `\n${replications} replications of a quarter-year each (${replications / 4} years), fresh process each, ${rounds3} rounds:`,
);
const replicate = (threads) => {
  const out = spawnSync(process.execPath, [self, '--replicate', String(threads)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
};
// What the machine gives two threads right now: the same trivial CPU loop on 1 worker, then
// on 2 workers at once (twice the work). Near 2× on an idle 2-core machine.
const probe = `const { parentPort } = require('node:worker_threads'); let x = 0;
for (let i = 0; i < 5e7; i++) x = (x + i * 7) % 1000003; parentPort.postMessage(x);`;
const probeLoop = async (n) => {
  const t = performance.now();
  await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise((resolve, reject) => {
          const w = new Worker(probe, { eval: true });
          w.on('message', () => w.terminate().then(resolve));
          w.on('error', reject);
        }),
    ),
  );
  return performance.now() - t;
};
const wall = { 1: [], 2: [] };
const probes = [];
const results = {};
for (let round = 0; round < rounds3; round++) {
  const one = replicate(1);
  const two = replicate(2);
  const p1 = await probeLoop(1);
  const p2 = await probeLoop(2);
  wall[1].push(one.ms);
  wall[2].push(two.ms);
  probes.push((2 * p1) / p2);
  results[1] = one.reps;
  results[2] = two.reps;
  if (JSON.stringify(one.reps) !== JSON.stringify(two.reps)) {
    throw new Error('1 and 2 threads gave different results');
  }
  console.log(
    `  round ${round + 1}: 1 thread ${one.ms.toFixed(0)} ms, 2 threads ${two.ms.toFixed(0)} ms: ${(one.ms / two.ms).toFixed(2)}×; probe ${probes[round].toFixed(2)}×; load average ${loadavg()[0].toFixed(2)}`,
  );
}
const total = results[1].reduce((s, x) => s + x.offered, 0);
const best1 = Math.min(...wall[1]);
const best2 = Math.min(...wall[2]);
console.log(
  `  best 1 thread:  ${best1.toFixed(0)} ms  (${(((total / best1) * 1e3) / 1e6).toFixed(2)} M calls/s)`,
);
console.log(
  `  best 2 threads: ${best2.toFixed(0)} ms  (${(((total / best2) * 1e3) / 1e6).toFixed(2)} M calls/s)`,
);
console.log(
  `  speed-up on 2 threads (best against best): ${(best1 / best2).toFixed(2)}× (results identical); median probe ${median(probes).toFixed(2)}×, best probe ${Math.max(...probes).toFixed(2)}×`,
);
if (loadavg()[0] > availableParallelism() - 1) {
  console.log(
    `  (load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores: other work holds the cores; compare each round's speed-up with its probe)`,
  );
}
