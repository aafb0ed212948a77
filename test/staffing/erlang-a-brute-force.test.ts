import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/staffing/index.js';

// An independent check of the Erlang A service level and ASA, which the reference CSV does not
// cover: the birth–death chain of M/M/c+M solved by brute force (truncated far in the tail),
// and each waiting caller's race between its place in the queue and its own patience solved by
// uniformisation of the small Markov chain (Gross & Harris 1998 §2.3 for the chain; Tijms,
// A First Course in Stochastic Models (2003) §4.5 for uniformisation). No closed form shared
// with src/staffing/erlang-a.ts.

function bruteForce(
  agents: number,
  traffic: number,
  aht: number,
  patience: number,
  threshold: number,
) {
  const mu = 1 / aht;
  const theta = 1 / patience;
  const lambda = traffic * mu;
  const weights = [1];
  for (let k = 0; weights[k]! > 1e-22 || k < agents; k++) {
    const next = k + 1;
    weights.push(
      (weights[k]! * lambda) / (Math.min(next, agents) * mu + Math.max(0, next - agents) * theta),
    );
  }
  const total = weights.reduce((s, w) => s + w, 0);
  const pi = weights.map((w) => w / total);
  const waitingStates = pi.length - agents;
  const rate = agents * mu + (waitingStates + 1) * theta;
  let immediate = 0;
  for (let k = 0; k < agents; k++) immediate += pi[k]!;
  let abandonedTotal = 0;
  let answeredInTime = immediate;
  let servedWaitTotal = 0;
  for (let j = 0; j < waitingStates; j++) {
    const arriving = pi[agents + j]!;
    // Position i = callers ahead; served from position 0.
    let v = new Array<number>(j + 1).fill(0);
    v[j] = 1;
    const served: number[] = [0];
    let abandoned = 0;
    for (let step = 0; step < 200_000; step++) {
      const next = new Array<number>(j + 1).fill(0);
      let servedNow = served[served.length - 1]!;
      let alive = 0;
      for (let i = 0; i <= j; i++) {
        const p = v[i]!;
        if (p === 0) continue;
        const advance = (agents * mu + i * theta) / rate;
        const quit = theta / rate;
        if (i === 0) servedNow += p * advance;
        else next[i - 1]! += p * advance;
        abandoned += p * quit;
        next[i]! += p * (1 - advance - quit);
        alive += p * (1 - quit);
      }
      served.push(servedNow);
      v = next;
      if (alive < 1e-16 && step > rate * threshold * 4 + 200) break;
    }
    const finalServed = served[served.length - 1]!;
    // P(served by t) = Σ Poisson(k; rate·t) s_k; E[W·1{served}] = Σ (s∞ − s_k) / rate.
    const m = rate * threshold;
    let logPoisson = -m;
    let withinThreshold = 0;
    let servedWait = 0;
    for (let k = 0; k < served.length; k++) {
      if (k > 0) logPoisson += Math.log(m / k);
      withinThreshold += Math.exp(logPoisson) * served[k]!;
      servedWait += (finalServed - served[k]!) / rate;
    }
    answeredInTime += arriving * withinThreshold;
    servedWaitTotal += arriving * servedWait;
    abandonedTotal += arriving * abandoned;
  }
  return {
    probabilityAbandon: abandonedTotal,
    serviceLevel: answeredInTime,
    asaSeconds: servedWaitTotal / (1 - abandonedTotal),
  };
}

describe('Erlang A service level and ASA against a brute-force chain', () => {
  it.each([
    [3, 2.5, 60, 30, 20],
    [5, 6, 120, 90, 15],
    [2, 0.7, 30, 10, 5],
    [4, 3.9, 100, 200, 0],
  ])('agents %d, load %d E, AHT %d s, patience %d s, T %d s', (n, a, h, p, t) => {
    const brute = bruteForce(n, a, h, p, t);
    const ours = erlangA(n, a, h, p, t);
    expect(ours.probabilityAbandon).toBeCloseTo(brute.probabilityAbandon, 10);
    expect(ours.serviceLevel).toBeCloseTo(brute.serviceLevel, 10);
    expect(Math.abs(ours.asaSeconds - brute.asaSeconds)).toBeLessThan(
      1e-9 * brute.asaSeconds + 1e-10,
    );
  });
});
