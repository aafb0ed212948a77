// Replications on worker processes through Redis (BullMQ) against this machine's threads.
// The work: replications of the baseline scenario (about 4,000 calls a day), 7 days each.
//  1. Local: the replications on 1 thread in this process (the baseline of the run).
//  2. Redis: the same replications as jobs for 1, 2 and 4 `switchboard worker` processes
//     (concurrency 1 each) on a Redis server started here on a free port of 127.0.0.1.
// Printed: wall time, replications per second, the cost per job beyond the simulation itself
// ((workers × wall − local 1-thread time) / jobs: queueing, transfer, worker start-up and
// warm-up), and whether every result equals the local one. Everything started is stopped.
// Run: npm run build && node benchmarks/workers.bench.js [REPLICATIONS] [DAYS]
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadScenario, runScenarioReplications } from '../dist/index.js';
import { connectRedisReplications } from '../dist/workers/redis-replications.js';

const replications = Number(process.argv[2] ?? 8);
const days = Number(process.argv[3] ?? 7);
const scenario = loadScenario(
  fileURLToPath(new URL('../scenarios/baseline.yaml', import.meta.url)),
);
const bin = fileURLToPath(new URL('../bin/switchboard.js', import.meta.url));
const options = { days, replications, seed: 1, threads: 1 };

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const waitFor = (child, pattern) =>
  new Promise((resolve, reject) => {
    let seen = '';
    const look = (chunk) => {
      seen += chunk;
      if (pattern.test(seen)) resolve();
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${seen}`)));
  });
const stop = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

console.log(
  `machine: ${availableParallelism()} cores, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`,
);
console.log(`work: ${replications} replications × ${days} days of the baseline scenario, seed 1\n`);

// Warm this thread as the workers are warmed below (JIT, scenario compiled), so both are timed warm.
await runScenarioReplications(scenario, { ...options, replications: 2 });
const t0 = performance.now();
const local = await runScenarioReplications(scenario, options);
const localMs = performance.now() - t0;
const calls = local.reduce((s, r) => s + r.overall.offered, 0);
const expected = JSON.stringify(local);
console.log(
  `local, 1 thread:    ${(localMs / 1000).toFixed(2)} s  ${((replications / localMs) * 1000).toFixed(2)} replications/s  (${calls} calls; ${(localMs / replications).toFixed(0)} ms a replication)`,
);

const port = await freePort();
const redis = spawn(
  '/usr/bin/redis-server',
  ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
const workers = [];
try {
  await waitFor(redis, /Ready to accept connections/);
  const url = `redis://127.0.0.1:${port}`;
  for (const count of [1, 2, 4]) {
    while (workers.length < count) {
      const w = spawn(process.execPath, [bin, 'worker', '--redis', url], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      workers.push(w);
      await waitFor(w, /taking jobs from/);
    }
    const remote = await connectRedisReplications({ url, timeoutSeconds: 60 });
    try {
      // A first small run warms the workers (their threads start and compile the scenario).
      await runScenarioReplications(scenario, { ...options, replications: count, remote });
      const t = performance.now();
      const results = await runScenarioReplications(scenario, { ...options, remote });
      const ms = performance.now() - t;
      const same = JSON.stringify(results) === expected;
      const perJob = (count * ms - localMs) / replications;
      console.log(
        `redis, ${count} worker${count > 1 ? 's' : ' '}:  ${(ms / 1000).toFixed(2)} s  ${((replications / ms) * 1000).toFixed(2)} replications/s  speed-up ${(localMs / ms).toFixed(2)}× over 1 local thread; cost per job beyond the simulation ${perJob.toFixed(0)} ms; results ${same ? 'identical' : 'DIFFERENT'}`,
      );
      if (!same) process.exitCode = 1;
    } finally {
      await remote.close();
    }
  }
} finally {
  await Promise.all(workers.map(stop));
  await stop(redis);
}
if (loadavg()[0] > availableParallelism() - 1)
  console.log(
    `(load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores: other work holds the cores; with ${availableParallelism()} cores, more than ${availableParallelism()} workers cannot add speed)`,
  );
