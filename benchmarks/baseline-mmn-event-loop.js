// The same M/M/N+M queue as a hand-written discrete-event loop, with no framework: one binary
// heap of (time, kind, caller) over typed arrays, waiting callers in a ring buffer, abandonment
// timers left in the heap and ignored when they fire after the caller was answered (a flag per
// caller). This is what one writes for a single model by hand; the engine must not cost much
// more than this for its generality. It draws the same numbers from the same named streams in
// the same order as the engine's queue model, so the counts must be identical.
import { RandomStreams } from '../dist/index.js';

const ARRIVAL = 0;
const DEPARTURE = 1;
const ABANDON = 2;

/**
 * @param {{ ratePerSecond: number, servers: number, meanServiceSeconds: number,
 *   meanPatienceSeconds: number, horizonSeconds: number, thresholdSeconds: number }} m
 * @param {number | string} seed
 */
export function baselineMmnEventLoop(m, seed) {
  const streams = new RandomStreams(seed);
  const arrivals = streams.get('arrivals');
  const service = streams.get('service');
  const patience = streams.get('patience');
  const meanGap = 1 / m.ratePerSecond;

  let cap = 1 << 12;
  let hTime = new Float64Array(cap);
  let hSeq = new Float64Array(cap);
  let hKind = new Int32Array(cap);
  let hWho = new Int32Array(cap);
  let size = 0;
  let seq = 0;
  const push = (time, kind, who) => {
    if (size === cap) {
      cap *= 2;
      const t = new Float64Array(cap);
      t.set(hTime);
      hTime = t;
      const s = new Float64Array(cap);
      s.set(hSeq);
      hSeq = s;
      const k = new Int32Array(cap);
      k.set(hKind);
      hKind = k;
      const w = new Int32Array(cap);
      w.set(hWho);
      hWho = w;
    }
    const order = kind * 2 ** 44 + seq++;
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hTime[p] < time || (hTime[p] === time && hSeq[p] < order)) break;
      hTime[i] = hTime[p];
      hSeq[i] = hSeq[p];
      hKind[i] = hKind[p];
      hWho[i] = hWho[p];
      i = p;
    }
    hTime[i] = time;
    hSeq[i] = order;
    hKind[i] = kind;
    hWho[i] = who;
  };
  const popInto = () => {
    size--;
    const time = hTime[size];
    const order = hSeq[size];
    const kind = hKind[size];
    const who = hWho[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (
        c + 1 < size &&
        (hTime[c + 1] < hTime[c] || (hTime[c + 1] === hTime[c] && hSeq[c + 1] < hSeq[c]))
      )
        c++;
      if (time < hTime[c] || (time === hTime[c] && order < hSeq[c])) break;
      hTime[i] = hTime[c];
      hSeq[i] = hSeq[c];
      hKind[i] = hKind[c];
      hWho[i] = hWho[c];
      i = c;
    }
    hTime[i] = time;
    hSeq[i] = order;
    hKind[i] = kind;
    hWho[i] = who;
  };

  // callers: ids grow without bound here, so keep a ring of waiting ids and per-id state in a
  // ring too (ids are recycled modulo the ring size, which bounds the callers alive at once).
  const ring = 1 << 16;
  const mask = ring - 1;
  const arrivedAt = new Float64Array(ring);
  const serviceOf = new Float64Array(ring);
  const waiting = new Uint8Array(ring); // 1 while in the line
  const line = new Int32Array(ring);
  let head = 0;
  let tail = 0;
  let inLine = 0;
  let nextId = 0;

  let busy = 0;
  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  let queued = 0;
  let within = 0;
  let events = 0;
  const answer = (now, id) => {
    const wait = now - arrivedAt[id];
    answered++;
    if (wait <= m.thresholdSeconds) within++;
    busy++;
    push(now + serviceOf[id], DEPARTURE, 0);
  };

  push(-meanGap * Math.log(arrivals.nextOpen()), ARRIVAL, 0);
  while (size > 0) {
    const now = hTime[0];
    const kind = hKind[0];
    const who = hWho[0];
    popInto();
    if (kind === ABANDON) {
      if (waiting[who] === 0) continue; // answered already: a dead timer
      waiting[who] = 0;
      inLine--;
      abandoned++;
      events++;
      continue;
    }
    events++;
    if (kind === DEPARTURE) {
      busy--;
      while (inLine > 0) {
        const id = line[head & mask];
        head++;
        if (waiting[id] === 0) continue; // abandoned
        waiting[id] = 0;
        inLine--;
        answer(now, id);
        break;
      }
      continue;
    }
    // arrival
    const s = -m.meanServiceSeconds * Math.log(service.nextOpen());
    const p = -m.meanPatienceSeconds * Math.log(patience.nextOpen());
    const next = now - meanGap * Math.log(arrivals.nextOpen());
    if (next < m.horizonSeconds) push(next, ARRIVAL, 0);
    offered++;
    if (inLine === 0 && busy < m.servers) {
      answered++;
      within++;
      busy++;
      push(now + s, DEPARTURE, 0);
      continue;
    }
    const id = nextId++ & mask;
    arrivedAt[id] = now;
    serviceOf[id] = s;
    waiting[id] = 1;
    line[tail & mask] = id;
    tail++;
    inLine++;
    queued++;
    push(now + p, ABANDON, id);
  }
  return { offered, answered, abandoned, queued, within, events };
}
