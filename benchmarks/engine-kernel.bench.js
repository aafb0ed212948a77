// The event kernel alone, on the classic "hold" workload (Vaucher & Duval 1975): N pending
// events; each event that runs schedules a successor at an exponential delay, and every second
// event also cancels a pending event and schedules a replacement (as an answered caller's
// abandonment timer is cancelled). Compared, in the same run, with a hand-written inline binary
// heap doing the same work with a "dead" flag per event: what the kernel's generality (event
// types, priorities, generation-checked handles, slot recycling) costs.
// Run: npm run build && node benchmarks/engine-kernel.bench.js
import { RandomStream, Simulator } from '../dist/index.js';

const PENDING = 1000;
const EVENTS = 2_000_000;

function kernel() {
  const sim = new Simulator();
  const rng = new RandomStream(1, 'hold');
  const handles = new Float64Array(PENDING);
  let n = 0;
  const type = sim.defineEvent('hold', (p) => {
    n++;
    if (n >= EVENTS) return;
    handles[p] = sim.schedule(type, -10 * Math.log(rng.nextOpen()), p);
    if ((n & 1) === 0) {
      const v = (p * 7 + 3) % PENDING;
      sim.cancel(handles[v]);
      handles[v] = sim.schedule(type, -10 * Math.log(rng.nextOpen()), v);
    }
  });
  for (let i = 0; i < PENDING; i++) handles[i] = sim.schedule(type, i * 0.01, i);
  sim.run();
  return sim.eventsProcessed;
}

function inlineHeap() {
  const rng = new RandomStream(1, 'hold');
  let cap = 4096;
  let times = new Float64Array(cap);
  let seqs = new Float64Array(cap);
  let ids = new Int32Array(cap);
  let size = 0;
  let seq = 0;
  const current = new Float64Array(PENDING); // the live sequence number of each id
  const push = (time, id) => {
    if (size === cap) {
      cap *= 2;
      const t = new Float64Array(cap);
      t.set(times);
      times = t;
      const s = new Float64Array(cap);
      s.set(seqs);
      seqs = s;
      const d = new Int32Array(cap);
      d.set(ids);
      ids = d;
    }
    const order = seq++;
    current[id] = order;
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] < time || (times[p] === time && seqs[p] < order)) break;
      times[i] = times[p];
      seqs[i] = seqs[p];
      ids[i] = ids[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = order;
    ids[i] = id;
  };
  const pop = () => {
    size--;
    const time = times[size];
    const order = seqs[size];
    const id = ids[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (
        c + 1 < size &&
        (times[c + 1] < times[c] || (times[c + 1] === times[c] && seqs[c + 1] < seqs[c]))
      )
        c++;
      if (time < times[c] || (time === times[c] && order < seqs[c])) break;
      times[i] = times[c];
      seqs[i] = seqs[c];
      ids[i] = ids[c];
      i = c;
    }
    times[i] = time;
    seqs[i] = order;
    ids[i] = id;
  };
  for (let i = 0; i < PENDING; i++) push(i * 0.01, i);
  let n = 0;
  while (size > 0) {
    const now = times[0];
    const order = seqs[0];
    const p = ids[0];
    pop();
    if (current[p] !== order) continue; // cancelled: superseded by a newer event of this id
    current[p] = -1;
    n++;
    if (n >= EVENTS) continue;
    push(now - 10 * Math.log(rng.nextOpen()), p);
    if ((n & 1) === 0) {
      const v = (p * 7 + 3) % PENDING;
      push(now - 10 * Math.log(rng.nextOpen()), v); // supersedes (cancels) v's pending event
    }
  }
  return n;
}

const cpu = (fn) => {
  const c = process.cpuUsage();
  const result = fn();
  const u = process.cpuUsage(c);
  return { ms: (u.user + u.system) / 1000, result };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const k = [];
const h = [];
let events = 0;
let baselineEvents = 0;
for (let round = 0; round < 7; round++) {
  const a = cpu(kernel);
  const b = cpu(inlineHeap);
  k.push(a.ms);
  h.push(b.ms);
  events = a.result;
  baselineEvents = b.result;
}
if (events !== baselineEvents) throw new Error(`events differ: ${events} vs ${baselineEvents}`);
const km = median(k);
const hm = median(h);
console.log(
  `hold workload: ${PENDING} pending events, ${events} events run, half of them cancelling one`,
);
console.log(`median CPU time of 7 interleaved rounds:`);
console.log(
  `  Simulator          ${km.toFixed(0).padStart(5)} ms  ${(((events / km) * 1e3) / 1e6).toFixed(2)} M events/s`,
);
console.log(
  `  inline heap        ${hm.toFixed(0).padStart(5)} ms  ${(((events / hm) * 1e3) / 1e6).toFixed(2)} M events/s`,
);
console.log(`  Simulator / inline heap: ${(km / hm).toFixed(2)}×`);
