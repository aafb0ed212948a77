// The most direct plain-JS simulation of an M/M/N+M queue (FIFO, exponential patience) that we
// know: no event list at all. Callers are taken in arrival order; each one would start service
// when the earliest of the N servers frees (FIFO and no pre-emption make that exact), and
// abandons if that wait exceeds its patience — an abandoner never occupies a server, so the
// servers' next-free times are all the state there is (the Kiefer–Wolfowitz workload recursion).
// It draws the same numbers from the same named streams, in the same order, as the engine's
// queue model, so both must give exactly the same counts: the benchmark asserts it.
import { RandomStreams } from '../dist/index.js';

/**
 * @param {{ ratePerSecond: number, servers: number, meanServiceSeconds: number,
 *   meanPatienceSeconds: number, horizonSeconds: number, thresholdSeconds: number }} m
 * @param {number | string} seed
 */
export function baselineMmnAbandon(m, seed) {
  const streams = new RandomStreams(seed);
  const arrivals = streams.get('arrivals');
  const service = streams.get('service');
  const patience = streams.get('patience');
  const freeAt = new Float64Array(m.servers);
  const meanGap = 1 / m.ratePerSecond;
  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  let queued = 0;
  let within = 0;
  let waitSum = 0;
  let t = -meanGap * Math.log(arrivals.nextOpen());
  while (t < m.horizonSeconds) {
    const s = -m.meanServiceSeconds * Math.log(service.nextOpen());
    const p = -m.meanPatienceSeconds * Math.log(patience.nextOpen());
    offered++;
    let j = 0;
    let earliest = freeAt[0];
    for (let k = 1; k < freeAt.length; k++) {
      if (freeAt[k] < earliest) {
        earliest = freeAt[k];
        j = k;
      }
    }
    const wait = earliest > t ? earliest - t : 0;
    if (wait > 0) queued++;
    if (wait < p || wait === 0) {
      answered++;
      waitSum += wait;
      if (wait <= m.thresholdSeconds) within++;
      freeAt[j] = t + wait + s;
    } else {
      abandoned++;
    }
    t = t - meanGap * Math.log(arrivals.nextOpen());
  }
  return { offered, answered, abandoned, queued, within, waitSum };
}
