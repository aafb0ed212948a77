import { describe, expect, it } from 'vitest';
import { simulateQueue } from '../../src/queueing/simulate-queue.js';
import { RandomStreams } from '../../src/random/random-stream.js';

// Guards the queue model's outputs against a second, independent implementation: a plain
// M/M/N+M event loop written here (no engine: one sorted list of events, a waiting flag per
// caller), drawing the same numbers from the same named streams in the same order (service,
// patience, next gap at each arrival). Any change to the draws, their order or the order of
// simultaneous events in the engine's model shows as different counts. The sum of the answered
// callers' waits and the time-average queue length over the window are compared too (to 1e-9:
// the loop adds its gaps as -ln(u)/rate, the model as -(1/rate)·ln(u), so times differ in the
// last bits). Small horizons: the loop is O(n) per event.
interface Mmn {
  rate: number;
  servers: number;
  meanService: number;
  meanPatience: number;
  horizon: number;
  threshold: number;
}

function plainLoop(m: Mmn, seed: string) {
  const streams = new RandomStreams(seed);
  const arrivals = streams.get('arrivals');
  const service = streams.get('service');
  const patience = streams.get('patience');
  // Events (time, kind, caller, order): departures before abandons before arrivals at one time,
  // then first scheduled first — the engine's rule.
  const DEPART = 1;
  const ABANDON = 2;
  const ARRIVE = 3;
  const events: { time: number; kind: number; who: number; order: number }[] = [];
  let order = 0;
  const push = (time: number, kind: number, who: number) =>
    events.push({ time, kind, who, order: order++ });
  const popFirst = () => {
    let best = 0;
    for (let i = 1; i < events.length; i++) {
      const a = events[i]!;
      const b = events[best]!;
      if (
        a.time < b.time ||
        (a.time === b.time && (a.kind < b.kind || (a.kind === b.kind && a.order < b.order)))
      )
        best = i;
    }
    return events.splice(best, 1)[0]!;
  };
  const gap = () => -Math.log(arrivals.nextOpen()) / m.rate;
  const arrivedAt: number[] = [];
  const serviceOf: number[] = [];
  const waiting: boolean[] = [];
  const line: number[] = [];
  let busy = 0;
  const counts = { offered: 0, answered: 0, abandoned: 0, queued: 0, within: 0 };
  let waitSum = 0;
  // ∫ line length dt over [0, horizon): the window closes before anything else at its end.
  let area = 0;
  let last = 0;
  let length = 0;
  const lineChanged = (now: number) => {
    if (now >= m.horizon) return;
    area += length * (now - last);
    last = now;
    length = line.length;
  };
  const answer = (now: number, who: number) => {
    const wait = now - arrivedAt[who]!;
    waitSum += wait;
    counts.answered++;
    if (wait <= m.threshold) counts.within++;
    busy++;
    push(now + serviceOf[who]!, DEPART, who);
  };
  push(gap(), ARRIVE, 0);
  while (events.length > 0) {
    const { time, kind, who } = popFirst();
    if (kind === ARRIVE) {
      const id = arrivedAt.length;
      arrivedAt.push(time);
      serviceOf.push(-m.meanService * Math.log(service.nextOpen()));
      const p = -m.meanPatience * Math.log(patience.nextOpen());
      const next = time + gap();
      if (next < m.horizon) push(next, ARRIVE, 0);
      counts.offered++;
      waiting.push(false);
      if (line.length === 0 && busy < m.servers) answer(time, id);
      else {
        counts.queued++;
        waiting[id] = true;
        line.push(id);
        lineChanged(time);
        push(time + p, ABANDON, id);
      }
    } else if (kind === ABANDON) {
      if (!waiting[who]) continue;
      waiting[who] = false;
      line.splice(line.indexOf(who), 1);
      lineChanged(time);
      counts.abandoned++;
    } else {
      busy--;
      const id = line.shift();
      if (id !== undefined) {
        waiting[id] = false;
        lineChanged(time);
        answer(time, id);
      }
    }
  }
  const meanQueueLength = (area + length * (m.horizon - last)) / m.horizon;
  return { counts, waitSum, meanQueueLength };
}

describe('simulateQueue against a plain event loop drawing the same numbers', () => {
  const cases: [string, Mmn][] = [
    [
      'M/M/2+M, busy',
      { rate: 0.05, servers: 2, meanService: 26, meanPatience: 60, horizon: 20_000, threshold: 20 },
    ],
    [
      'M/M/3+M, overloaded',
      { rate: 0.15, servers: 3, meanService: 25, meanPatience: 30, horizon: 30_000, threshold: 10 },
    ],
  ];
  for (const [name, m] of cases) {
    it(`${name}: identical counts on three seeds`, () => {
      for (const seed of ['1', 'a', '7#3']) {
        const { counts: loop, waitSum, meanQueueLength } = plainLoop(m, seed);
        const r = simulateQueue(
          {
            arrivals: m.rate,
            servers: m.servers,
            service: { distribution: 'exponential', mean: m.meanService },
            patience: { distribution: 'exponential', mean: m.meanPatience },
            warmupSeconds: 0,
            horizonSeconds: m.horizon,
            thresholdsSeconds: [m.threshold],
          },
          seed,
        );
        expect(loop.queued).toBeGreaterThan(20); // the line is used: the case means something
        expect(loop.abandoned).toBeGreaterThan(0);
        expect({
          offered: r.offered,
          answered: r.answered,
          abandoned: r.abandoned,
          queued: r.queued,
          within: r.answeredWithin[0],
        }).toEqual(loop);
        expect(Math.abs(r.answeredWaitSeconds / waitSum - 1)).toBeLessThan(1e-9);
        expect(Math.abs(r.meanQueueLength / meanQueueLength - 1)).toBeLessThan(1e-9);
      }
    });
  }
});
