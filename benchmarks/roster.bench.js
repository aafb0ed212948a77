// Roster benchmark.
// 1. The cover MILP for a week of half-hours with a dozen templates (breaks in windows, days,
//    min/max): HiGHS's solve time, against a greedy cover measured in the same run (the pattern
//    covering most unmet operator-intervals per cost, until every interval is covered) — cost
//    and time ratios. The benchmark fails if the MILP leaves an interval short or costs more
//    than the greedy cover.
// 2. `switchboard roster scenarios/baseline.yaml --threads 2` end to end (library call): wall and
//    CPU time, rounds, replications, paid hours against the Erlang plan, days met on fresh seeds;
//    compared with one 7-day replication of the same scenario timed in the same run.
// 3. `--budget 500` on the baseline (library call, 2 threads): wall and CPU time, rounds, the
//    verified service level beside the Erlang A placement of the same hours, the paired gain.
// Load averages are printed at each step: on a shared machine wall times are the machine's.
// Run: npm run build && node benchmarks/roster.bench.js
import { cpus, loadavg } from 'node:os';
import { buildRoster, loadScenario, runReplication } from '../dist/index.js';
import { coverOf, solveCover } from '../dist/roster/cover-milp.js';
import { erlangRequirement } from '../dist/roster/erlang-requirement.js';
import { queueLoads } from '../dist/roster/queue-load.js';
import { shiftPatterns } from '../dist/roster/shift-patterns.js';

const baselinePath = new URL('../scenarios/baseline.yaml', import.meta.url).pathname;
const scenario = loadScenario(baselinePath);
const targets = { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 };
const [load] = queueLoads(scenario, 7);
const required = erlangRequirement(load, 30, targets);

// A dozen templates over the day and night.
const H = 3600;
const all = [true, true, true, true, true, true, true];
const weekdaysOnly = [true, true, true, true, true, false, false];
const t = (name, starts, hours, breaks = [], extra = {}) => ({
  name,
  queue: 0,
  startsSeconds: starts.map((s) => s * H),
  lengthSeconds: hours * H,
  breaks: breaks.map(([length, from, to]) => ({
    lengthSeconds: length * H,
    windowFromSeconds: from * H,
    windowToSeconds: to * H,
    paid: true,
  })),
  days: all,
  min: 0,
  max: Number.POSITIVE_INFINITY,
  costPerHour: 32,
  path: `bench.${name}`,
  ...extra,
});
const templates = [
  t('early', [6, 6.5, 7, 7.5, 8], 8, [[0.5, 10, 13]]),
  t('day', [8.5, 9, 9.5, 10], 8, [[0.5, 12, 15]]),
  t('late', [12, 13, 14, 15], 8, [[0.5, 16, 20]]),
  t('evening', [16, 17, 18], 6),
  t('night', [22, 23], 8, [], { min: 1 }),
  t('peak', [8, 8.5, 9], 4, [], { days: weekdaysOnly }),
  t(
    'long-day',
    [7, 8],
    10,
    [
      [0.5, 11, 14],
      [0.5, 15, 17],
    ],
    { costPerHour: 34 },
  ),
  t('morning', [7, 7.5, 8, 8.5], 5, [], { max: 3 }),
  t('afternoon', [13, 13.5, 14], 5, [], { max: 3 }),
  t('twilight', [17, 18, 19], 5),
  t('weekend', [8, 9], 12, [[1, 12, 15]], {
    days: [false, false, false, false, false, true, true],
  }),
  t('split-peak', [8, 8.5], 6, [[0.5, 11, 13]], { days: weekdaysOnly, costPerHour: 30 }),
];
const patterns = shiftPatterns(templates, 30);

function greedy() {
  const counts = new Int32Array(patterns.length);
  const left = Int32Array.from(required);
  for (;;) {
    let best = -1;
    let bestScore = 0;
    patterns.forEach((p, i) => {
      let gain = 0;
      for (const s of p.slots) if (left[s] > 0) gain++;
      const score = gain / p.cost;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best < 0) break;
    counts[best]++;
    for (const s of patterns[best].slots) left[s]--;
  }
  // Template minimums (night ≥ 1 a day): add the cheapest pattern where short.
  templates.forEach((tpl, ti) => {
    for (let d = 0; d < 7; d++) {
      if (!tpl.days[d] || tpl.min === 0) continue;
      const mine = patterns
        .map((p, i) => i)
        .filter((i) => patterns[i].template === ti && patterns[i].weekday === d);
      let n = mine.reduce((s, i) => s + counts[i], 0);
      while (n < tpl.min) {
        counts[mine[0]]++;
        n++;
      }
    }
  });
  return coverOf(patterns, counts, required);
}

const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(`load average at start: ${loadAverage()}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await solveCover(patterns, templates, required); // loads the WebAssembly once
const milpMs = [];
const milpCpuMs = [];
const greedyMs = [];
let milp;
let heuristic;
for (let round = 0; round < 3; round++) {
  let start = performance.now();
  const cpuBefore = process.cpuUsage();
  milp = await solveCover(patterns, templates, required);
  const used = process.cpuUsage(cpuBefore);
  milpCpuMs.push((used.user + used.system) / 1000);
  milpMs.push(performance.now() - start);
  start = performance.now();
  heuristic = greedy();
  greedyMs.push(performance.now() - start);
}
if (milp.shortfall.some((s) => s > 0)) throw new Error('the MILP left an interval short');
if (heuristic.shortfall.some((s) => s > 0))
  throw new Error('the greedy cover left an interval short');
if (milp.cost > heuristic.cost + 1e-6) throw new Error('the MILP costs more than the greedy cover');
const slots = required.reduce((s, n) => s + (n > 0 ? 1 : 0), 0);
console.log(
  `cover MILP: ${templates.length} templates, ${patterns.length} patterns (columns), ${slots} intervals with a requirement (${required.reduce((a, b) => a + b, 0)} operator-intervals), status ${milp.status}`,
);
console.log(
  `  HiGHS ${median(milpMs).toFixed(0)} ms wall, ${median(milpCpuMs).toFixed(0)} ms CPU (medians of 3; wall ${milpMs.map((m) => m.toFixed(0)).join(', ')}): ${milp.paidHours} paid hours, cost ${milp.cost}`,
);
console.log(
  `  greedy ${median(greedyMs).toFixed(0)} ms: ${heuristic.paidHours} paid hours, cost ${heuristic.cost}; MILP/greedy cost ${(milp.cost / heuristic.cost).toFixed(3)}, time ${(median(milpMs) / median(greedyMs)).toFixed(1)}×`,
);

// One 7-day replication, the unit of the search's work.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let start = performance.now();
let cpuAt = cpu();
const oneRep = runReplication(scenario, { days: 7, seed: 1, index: 0 });
const replicationMs = performance.now() - start;
const replicationCpuMs = cpu() - cpuAt;
console.log(
  `one 7-day replication of the baseline: ${replicationMs.toFixed(0)} ms wall, ${replicationCpuMs.toFixed(0)} ms CPU (${oneRep.events} events)`,
);

start = performance.now();
cpuAt = cpu();
let progressTotal = 0;
const result = await buildRoster(scenario, {
  targets: {
    serviceLevel: scenario.targets.serviceLevel,
    thresholdSeconds: 20,
    maxAbandon: scenario.targets.maxAbandon,
  },
  threads: 2,
  onProgress: (_done, total) => {
    progressTotal = total;
  },
});
const wallMs = performance.now() - start;
const replications =
  result.search.iterations.length * result.replications + 2 * result.verification.replications;
console.log(
  `roster of the baseline week, 2 threads (${cpus().length} cores): ${(wallMs / 1000).toFixed(1)} s wall, ${((cpu() - cpuAt) / 1000).toFixed(1)} s CPU (the process, workers included); ${result.search.iterations.length} rounds (${result.search.converged ? 'converged' : 'round limit'}), ${replications} week replications (progress total ${progressTotal}) ≈ ${((replications * replicationCpuMs) / 2 / 1000).toFixed(1)} s on 2 unloaded cores at the replication's CPU time above`,
);
console.log(
  `  paid hours ${result.operatorHours} vs Erlang plan ${result.erlangPlan.operatorHours} (ratio ${(result.operatorHours / result.erlangPlan.operatorHours).toFixed(3)}); days met on fresh seeds: roster ${result.verification.byDay.filter((d) => d.met).length}/7, Erlang plan ${result.erlangPlan.verification.byDay.filter((d) => d.met).length}/7`,
);
if (result.verification.byDay.length !== 7) throw new Error('expected 7 verified days');
console.log(`load average: ${loadAverage()}`);

// 3. The budget: 500 paid hours a week (the Erlang plan for the targets pays 548).
start = performance.now();
cpuAt = cpu();
const budget = await buildRoster(scenario, {
  targets: {
    serviceLevel: scenario.targets.serviceLevel,
    thresholdSeconds: 20,
    maxAbandon: scenario.targets.maxAbandon,
  },
  threads: 2,
  budgetHours: 500,
});
const b = budget.budget;
const pct = (x) => `${(x * 100).toFixed(1)} %`;
const est = (e) => `${pct(e.mean)} [${pct(e.ci95[0])}, ${pct(e.ci95[1])}]`;
console.log(
  `budget 500 h, 2 threads: ${((performance.now() - start) / 1000).toFixed(1)} s wall, ${((cpu() - cpuAt) / 1000).toFixed(1)} s CPU; ${b.rounds.length} rounds (${b.converged ? 'converged' : 'round limit'}), paid ${budget.operatorHours} h`,
);
console.log(
  `  on fresh seeds: roster service level ${est(budget.verification.serviceLevel)}, abandonment ${est(budget.verification.probabilityAbandon)}, days met ${budget.verification.byDay.filter((d) => d.met).length}/7; Erlang A placement ${est(b.erlangPlacement.verification.serviceLevel)}, ${est(b.erlangPlacement.verification.probabilityAbandon)}; gain (paired) service level ${est(b.gain.serviceLevel)}, score ${est(b.gain.score)}`,
);
if (budget.operatorHours > 500) throw new Error('the budget was exceeded');
console.log(`load average at end: ${loadAverage()}`);
