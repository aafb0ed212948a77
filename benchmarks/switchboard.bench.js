// Whole-scenario benchmark of the switchboard model: the baseline scenario (about 4,000 calls a
// day) for a year on one core, memory over the horizon, and two baselines measured in the same
// run: the same model over 28 days (per-day cost, to show the cost is linear and memory flat)
// and the bare engine kernel running as many no-op events (the model's overhead per event).
// Run: npm run build && node benchmarks/switchboard.bench.js
import { fileURLToPath } from 'node:url';
import { loadScenario, replicationSeed, Simulator, SwitchboardModel } from '../dist/index.js';

const scenarioPath = fileURLToPath(new URL('../scenarios/baseline.yaml', import.meta.url));
const scenario = loadScenario(scenarioPath);

function heapMiB() {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

function timed(days) {
  const before = heapMiB();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const model = new SwitchboardModel(scenario, { days, seed: replicationSeed(1, 0) });
  const o = model.run().overall;
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    days,
    wall,
    cpu: (cpu.user + cpu.system) / 1e6,
    offered: o.offered,
    transfers: o.transfers,
    callbacks: o.voicemailGeneratedCalls,
    events: model.sim.eventsProcessed,
    // Record arrays grow to the most calls and needs in the system at once, not with the horizon.
    callSlots: model.calls.capacity,
    needSlots: model.needs.capacity,
    heapAfterMiB: heapMiB() - before,
  };
}

function kernelOnly(events) {
  const sim = new Simulator({ initialCapacity: 4096 });
  let left = events;
  const tick = sim.defineEvent('tick', () => {
    if (--left > 0) sim.schedule(tick, 1 + (left % 7), 0);
  });
  for (let i = 0; i < 64; i++) sim.schedule(tick, i, 0);
  const t0 = performance.now();
  sim.run();
  return { wall: (performance.now() - t0) / 1000, events: sim.eventsProcessed };
}

timed(7); // warm the JIT
const month = timed(28);
const year = timed(364);
const kernel = kernelOnly(year.events);

const fmt = (n, d = 2) => n.toFixed(d);
console.log(`scenario: ${scenario.name}`);
console.log(
  `year (364 days): ${year.offered} inbound calls offered (incl. redials and ${year.callbacks} voicemail call-backs), ${year.transfers} transfers, ${year.events} events`,
);
console.log(
  `  wall ${fmt(year.wall)} s, CPU ${fmt(year.cpu)} s (one core), ${fmt(year.events / year.cpu / 1e6)} M events per CPU second`,
);
console.log(`28 days: ${month.offered} calls, ${month.events} events, wall ${fmt(month.wall)} s`);
console.log(
  `  per-day cost ratio year / 28 days: ${fmt(year.wall / 364 / (month.wall / 28))} (1.00 = linear)`,
);
console.log(
  `  memory: call/need record slots 28 days ${month.callSlots}/${month.needSlots}, year ${year.callSlots}/${year.needSlots}; heap + buffers held after the run: ${fmt(month.heapAfterMiB, 1)} vs ${fmt(year.heapAfterMiB, 1)} MiB; RSS now ${fmt(process.memoryUsage().rss / 2 ** 20, 0)} MiB`,
);
console.log(
  `kernel alone, ${kernel.events} no-op events: ${fmt(kernel.wall)} s; model / kernel time ratio ${fmt(year.wall / kernel.wall)}`,
);
if (year.offered < 1_400_000)
  throw new Error(`expected about 1.46 million inbound calls a year, got ${year.offered}`);
console.log(
  year.cpu < 5
    ? 'target met: a year in under 5 s of CPU on one core'
    : 'TARGET MISSED: a year took 5 s or more',
);
