// The engine on a switchboard-year: 4,000 calls a day for 365 days (about 1.46 million calls),
// M/M/N+M with N = 2 operators, 26 s mean handling time, 60 s mean patience (Erlang A).
//  1. One core: the engine's queue model against two hand-written baselines of the same model
//     drawing the same random numbers (a plain event loop, and the event-free workload
//     recursion), interleaved over rounds; medians and ratios. Counts must be identical.
//  2. Memory: peak RSS of a child process simulating 1 and 4 years (flat in the horizon).
//  3. Replications on 1 and 2 worker threads: speed-up, and identical results; cold (a fresh
//     process), pre-started, and the warm pool (a second batch in the same process).
//  4. (--breakdown) Where the CPU of 2 threads goes, measured inside each thread: start-up,
//     module import, warm-up, replications, the main thread's share of receiving results.
// Run: npm run build && node benchmarks/engine.bench.js [--scaling | --breakdown]
//   (--scaling: part 3 only; --breakdown: part 4 only)
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prestartReplicationThreads } from '../dist/replications/run-replications.js';

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
  warmUpExportName: 'warmUpQueue',
};
const timedTask = {
  moduleUrl: new URL('./timed-queue-task.js', import.meta.url),
  exportName: 'timedReplicateQueue',
  warmUpExportName: 'warmUpQueue',
};
// `--replicate T [prestart] [timed]`: a fresh process, as the CLI runs: cold code on 1 thread as
// on 2. With `prestart`, the worker threads start before the library loads, as the CLI starts
// them before it loads the scenario (prestartReplicationThreads); the run is timed from the
// call of runReplications either way. (Nothing above this point may import the library: the
// hand-written baselines of part 1, which do, are imported there. Until session 3 they were
// imported at the top, so the library had loaded before the threads were pre-started.)
const prestart = process.argv.includes('prestart');
const timed = process.argv.includes('timed');
if (process.argv[2] === '--replicate' && prestart) {
  prestartReplicationThreads(Number(process.argv[3]), timed ? timedTask : replicationTask);
}
const { runReplications, simulateQueue } = await import('../dist/index.js');
if (process.argv[2] === '--replicate') {
  const threads = Number(process.argv[3]);
  const threadCpu = timed ? (await import('./timed-queue-task.js')).threadCpuMs : () => 0;
  // Every thread's CPU time (Linux), to count V8's helper threads too.
  const { readdirSync, readFileSync } = await import('node:fs');
  const tasks = () =>
    timed
      ? Object.fromEntries(
          readdirSync('/proc/self/task').map((t) => {
            try {
              const ns = readFileSync(`/proc/self/task/${t}/schedstat`, 'utf8').split(' ')[0];
              return [t, Number(ns) / 1e6];
            } catch {
              return [t, 0];
            }
          }),
        )
      : {};
  const tasks0 = tasks();
  const cpu0 = threadCpu();
  const calledAt = performance.timeOrigin + performance.now();
  const t = performance.now();
  const batch = () =>
    runReplications({
      task: timed ? timedTask : replicationTask,
      input: model(YEAR / 4),
      replications: 8,
      seed: 7,
      threads,
    });
  const reps = await batch();
  const ms = performance.now() - t;
  const mainCpu = threadCpu() - cpu0;
  const tasks1 = tasks();
  // The warm pool: the same batch again in this process, as `switchboard worker --concurrency N`,
  // a roster search or a sweep run their second and later batches (workers started, code
  // compiled). Its results must be the first batch's.
  let warmMs = 0;
  if (!timed) {
    const w = performance.now();
    const again = await batch();
    warmMs = performance.now() - w;
    if (JSON.stringify(again) !== JSON.stringify(reps))
      throw new Error('a second batch in the same process gave different results');
  }
  // V8's helper threads: every thread but this one and the replication workers.
  const own = new Set([String(process.pid), ...reps.map((r) => r.tid)]);
  let helperCpu = 0;
  for (const [t, ms] of Object.entries(tasks1)) if (!own.has(t)) helperCpu += ms - (tasks0[t] ?? 0);
  console.log(
    JSON.stringify({
      ms,
      warmMs,
      mainCpu,
      helperCpu,
      calledAt,
      digest: JSON.stringify(reps).length,
      reps,
    }),
  );
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
const mode = process.argv[2];
if (mode !== '--scaling' && mode !== '--breakdown') {
  // 1. One core.
  const { baselineMmnAbandon } = await import('./baseline-mmn-abandon.js');
  const { baselineMmnEventLoop } = await import('./baseline-mmn-event-loop.js');
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
const replicate = (threads, ...flags) => {
  const out = spawnSync(process.execPath, [self, '--replicate', String(threads), ...flags], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
};
if (mode !== '--breakdown') {
  const rounds3 = Number(process.env.ROUNDS ?? 4);
  console.log(
    `\n${replications} replications of a quarter-year each (${replications / 4} years), fresh process each, ${rounds3} rounds:`,
  );
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
  const wall = { 1: [], 2: [], pre: [], warm1: [], warm2: [] };
  const probes = [];
  const results = {};
  for (let round = 0; round < rounds3; round++) {
    const one = replicate(1);
    const two = replicate(2);
    const pre = replicate(2, 'prestart');
    const p1 = await probeLoop(1);
    const p2 = await probeLoop(2);
    wall[1].push(one.ms);
    wall[2].push(two.ms);
    wall.pre.push(pre.ms);
    wall.warm1.push(one.warmMs);
    wall.warm2.push(two.warmMs);
    probes.push((2 * p1) / p2);
    results[1] = one.reps;
    results[2] = two.reps;
    if (
      JSON.stringify(one.reps) !== JSON.stringify(two.reps) ||
      JSON.stringify(one.reps) !== JSON.stringify(pre.reps)
    ) {
      throw new Error('1 and 2 threads gave different results');
    }
    console.log(
      `  round ${round + 1}: 1 thread ${one.ms.toFixed(0)} ms, 2 threads ${two.ms.toFixed(0)} ms: ${(one.ms / two.ms).toFixed(2)}×, pre-started ${pre.ms.toFixed(0)} ms: ${(one.ms / pre.ms).toFixed(2)}×; warm pool ${one.warmMs.toFixed(0)} / ${two.warmMs.toFixed(0)} ms: ${(one.warmMs / two.warmMs).toFixed(2)}×; probe ${probes[round].toFixed(2)}×; load average ${loadavg()[0].toFixed(2)}`,
    );
  }
  const total = results[1].reduce((s, x) => s + x.offered, 0);
  const best1 = Math.min(...wall[1]);
  const best2 = Math.min(...wall[2]);
  const bestPre = Math.min(...wall.pre);
  console.log(
    `  best 1 thread:  ${best1.toFixed(0)} ms  (${(((total / best1) * 1e3) / 1e6).toFixed(2)} M calls/s)`,
  );
  console.log(
    `  best 2 threads: ${best2.toFixed(0)} ms  (${(((total / best2) * 1e3) / 1e6).toFixed(2)} M calls/s)`,
  );
  console.log(
    `  best 2 threads, pre-started: ${bestPre.toFixed(0)} ms  (${(((total / bestPre) * 1e3) / 1e6).toFixed(2)} M calls/s)`,
  );
  const bestWarm1 = Math.min(...wall.warm1);
  const bestWarm2 = Math.min(...wall.warm2);
  console.log(
    `  warm pool (a second batch in the same process: workers started, code compiled): best 1 thread ${bestWarm1.toFixed(0)} ms, best 2 threads ${bestWarm2.toFixed(0)} ms`,
  );
  console.log(
    `  speed-up on 2 threads (best against best): ${(best1 / best2).toFixed(2)}×, pre-started ${(best1 / bestPre).toFixed(2)}×, warm pool ${(bestWarm1 / bestWarm2).toFixed(2)}× (results identical); median probe ${median(probes).toFixed(2)}×, best probe ${Math.max(...probes).toFixed(2)}×`,
  );
  if (loadavg()[0] > availableParallelism() - 1) {
    console.log(
      `  (load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores: other work holds the cores; compare each round's speed-up with its probe)`,
    );
  }
}

// 4. Where the CPU of 2 threads goes, measured inside each thread (CPU time, so it holds on a
// loaded machine where wall times do not): each configuration in a fresh process, `ROUNDS`
// rounds, medians. The critical path of a thread is the CPU it spends from the call until its
// last replication (a cold worker's start-up and import included); the slower thread's path
// bounds the wall time on two free cores, so 1-thread CPU / that path is the speed-up 2 idle
// cores would give.
if (mode === '--breakdown') {
  const rounds4 = Number(process.env.ROUNDS ?? 5);
  console.log(
    `\nCPU breakdown of ${replications} replications of a quarter-year, fresh process each, ${rounds4} rounds (medians, ms of thread CPU):`,
  );
  const configs = [
    ['1 thread', 1],
    ['2 threads, cold', 2],
    ['2 threads, pre-started', 2, 'prestart'],
  ];
  const rows = new Map(configs.map(([name]) => [name, []]));
  for (let round = 0; round < rounds4; round++) {
    for (const [name, threads, ...flags] of configs) {
      const out = replicate(threads, ...flags, 'timed');
      const main = out.reps.filter((r) => r.threadId === 0);
      const workers = out.reps.filter((r) => r.threadId !== 0);
      const sum = (rs) => rs.reduce((s, r) => s + r.cpu, 0);
      const steady = Math.min(...out.reps.map((r) => r.cpu));
      const warm = (rs) => (rs.length === 0 ? 0 : rs[0].cpu - steady);
      const cold = !flags.includes('prestart');
      const w0 = workers[0];
      const workerPath =
        workers.length === 0 ? 0 : sum(workers) + (cold ? w0.startCpu + w0.importCpu : 0);
      // The same run on two free cores: each thread free from its offset (a cold worker after
      // its start-up and import), the counter handing the next replication to the first one
      // free, each replication costing what it cost that thread (first one: with warm-up).
      const later = (rs) => (rs.length > 1 ? median(rs.slice(1).map((r) => r.cpu)) : steady);
      const lanes = [
        { free: out.mainCpu - sum(main), first: main[0]?.cpu ?? steady, next: later(main), n: 0 },
      ];
      if (workers.length > 0)
        lanes.push({
          free: cold ? w0.startCpu + w0.importCpu : 0,
          first: w0.cpu,
          next: later(workers),
          n: 0,
        });
      for (let k = 0; k < replications; k++) {
        const lane = lanes.reduce((a, b) => (b.free < a.free ? b : a));
        lane.free += lane.n++ === 0 ? lane.first : lane.next;
      }
      // The wall-clock lanes: when each thread ran its replications, from the call.
      const at = (x) => x - out.calledAt;
      const finish = (rs) => (rs.length === 0 ? 0 : Math.max(...rs.map((r) => at(r.endedAt))));
      const laterWall = (rs) =>
        rs.length > 1 ? median(rs.slice(1).map((r) => r.endedAt - r.startedAt)) : 0;
      rows.get(name).push({
        joins: workers.length === 0 ? 0 : at(w0.startedAt),
        firstWallMain: main.length === 0 ? 0 : main[0].endedAt - main[0].startedAt,
        firstWallWorker: workers.length === 0 ? 0 : w0.endedAt - w0.startedAt,
        laterWall: laterWall(out.reps),
        finishMain: finish(main),
        finishWorker: finish(workers),
        idleEnd: workers.length === 0 ? 0 : Math.abs(finish(main) - finish(workers)),
        modelled: Math.max(...lanes.map((l) => l.free)),
        wall: out.ms,
        main: out.mainCpu,
        mainReps: sum(main),
        mainOther: out.mainCpu - sum(main),
        reps: `${main.length}+${workers.length}`,
        workerStart: w0?.startCpu ?? 0,
        workerImport: w0?.importCpu ?? 0,
        workerReps: sum(workers),
        warmMain: warm(main),
        warmWorker: warm(workers),
        steady,
        path: Math.max(out.mainCpu, workerPath),
        total: out.mainCpu + workerPath,
        helpers: out.helperCpu,
        // Two cores also run V8's helper threads (compilation, GC): with one compute thread
        // they use the idle core, with two they take from them.
        shared: Math.max(
          Math.max(...lanes.map((l) => l.free)),
          (out.mainCpu + workerPath + out.helperCpu) / 2,
        ),
        offered: out.reps.map((r) => r.offered).join(','),
      });
    }
    const offered = [...rows.values()].map((rs) => rs.at(-1).offered);
    if (offered.some((o) => o !== offered[0]))
      throw new Error('1 and 2 threads counted different calls');
  }
  const med = (rs, key) => median(rs.map((r) => r[key]));
  const one = med(rows.get('1 thread'), 'main');
  const oneModelled = med(rows.get('1 thread'), 'modelled');
  const f = (x) => x.toFixed(0).padStart(5);
  console.log(
    '  configuration            wall   main: reps other   worker: start import reps   warm-up main/worker   steady rep   CPU total  critical path  2-core bound   on 2 free cores   V8 helpers  with helpers',
  );
  for (const [name, rs] of rows) {
    const path = med(rs, 'path');
    console.log(
      `  ${name.padEnd(24)} ${f(med(rs, 'wall'))}  ${f(med(rs, 'mainReps'))} ${f(med(rs, 'mainOther'))}   ${f(med(rs, 'workerStart'))} ${f(med(rs, 'workerImport'))} ${f(med(rs, 'workerReps'))}   ${f(med(rs, 'warmMain'))} / ${f(med(rs, 'warmWorker'))}        ${f(med(rs, 'steady'))}     ${f(med(rs, 'total'))}      ${f(path)}        ${(one / path).toFixed(2)}×   ${f(med(rs, 'modelled'))} ms ${(oneModelled / med(rs, 'modelled')).toFixed(2)}×     ${f(med(rs, 'helpers'))}   ${f(med(rs, 'shared'))} ms ${(oneModelled / med(rs, 'shared')).toFixed(2)}×   (replications per thread ${rs.at(-1).reps})`,
    );
  }
  console.log(
    `  (with helpers: the larger of that replay and half of all the CPU of the call, V8's helper threads included. Worker start: the thread's CPU before the task module loaded — Node's worker bootstrap and the pool's worker module; a pre-started worker spends it before the call, while the library loads. Load average ${loadavg()[0].toFixed(2)}.)`,
  );
  console.log(
    `\n  wall-clock lanes (medians, ms from the call; on a loaded machine these stretch, the CPU figures above do not):\n  configuration            worker's first replication starts   first replication main / worker   later replications   main / worker done   one thread idle at the end`,
  );
  for (const [name, rs] of rows) {
    console.log(
      `  ${name.padEnd(24)} ${f(med(rs, 'joins'))}                               ${f(med(rs, 'firstWallMain'))} / ${f(med(rs, 'firstWallWorker'))}                    ${f(med(rs, 'laterWall'))}             ${f(med(rs, 'finishMain'))} / ${f(med(rs, 'finishWorker'))}        ${f(med(rs, 'idleEnd'))}`,
    );
  }
  // The same, steadier under load (benchmarks/README.md, session 3): every configuration's
  // work priced at the 1-thread run's steady replication, W = 8 × steady; one thread takes
  // W + its warm-up; two threads share W + their extras (worker start and import when cold,
  // both warm-ups, the main thread's other work, the helpers) over two cores.
  const single = rows.get('1 thread');
  const work = replications * med(single, 'steady');
  const t1 = work + med(single, 'warmMain');
  for (const [name, rs] of rows) {
    if (name === '1 thread') continue;
    const cold = !name.includes('pre-started');
    const extras =
      (cold ? med(rs, 'workerStart') + med(rs, 'workerImport') : 0) +
      med(rs, 'warmMain') +
      med(rs, 'warmWorker') +
      med(rs, 'mainOther') +
      med(rs, 'helpers');
    console.log(
      `  ${name}: extras beyond the work ${extras.toFixed(0)} ms; on 2 free cores ${t1.toFixed(0)} / ${((work + extras) / 2).toFixed(0)} ms = ${((2 * t1) / (work + extras)).toFixed(2)}× (work priced at the 1-thread steady replication)`,
    );
  }
}
