import { describe, expect, it } from 'vitest';
import {
  extendedErlangBRetryMeasures,
  type RetryMeasures,
  retrialMeasures,
} from '../../src/queueing/retry-measures.js';
import {
  type RetrialLossModel,
  simulateRetrialLoss,
} from '../../src/queueing/simulate-retrial-loss.js';
import { replicationSeed } from '../../src/random/random-stream.js';
import { confidenceInterval } from '../../src/stats/confidence-interval.js';
import { referencePath, referenceRows } from './reference-cases.js';
import { solveRetrialChain } from './retrial-chain.js';

// The simulated loss system with retries against exact theory: the stationary distribution of
// the M/M/c/c retrial queue (Cohen 1957; Falin & Templeton, Retrial Queues, 1997, ch. 3),
// solved numerically in ./retrial-chain.ts. Each exact value must lie inside the simulated 99 %
// Student-t interval over R independent replications.

const R = 20;

function simulate(model: RetrialLossModel, seed: string): RetryMeasures[] {
  return Array.from({ length: R }, (_, i) =>
    retrialMeasures(simulateRetrialLoss(model, replicationSeed(seed, i))),
  );
}

function expectInside(label: string, values: number[], exact: number): [number, number] {
  const [lo, hi] = confidenceInterval(values, 0.99);
  if (process.env.SHOW_CI) console.log(label, exact, lo, hi);
  expect(
    lo <= exact && exact <= hi,
    `${label}: exact ${exact} outside 99 % CI [${lo}, ${hi}]`,
  ).toBe(true);
  return [lo, hi];
}

const MEASURES: (keyof RetryMeasures)[] = [
  'probabilityBlocking',
  'probabilityLost',
  'attemptsPerCaller',
  'offeredErlangs',
];

// The Westbay manual's Extended Erlang B example (row PUB-Westbay-ExtB of the reference table):
// 5.5 E offered, half of the blocked callers retry, 11 lines. Holding time 3 min.
const westbayLines = (): number => {
  const row = referenceRows('PUB-Westbay-ExtB', 0).find((r) => r.quantity === 'lines_required');
  return row?.value ?? Number.NaN;
};

describe.skipIf(!referencePath())('the exact retrial chain itself', () => {
  it('with r = 0 is Erlang B: 15 lines, 8.108 E (reference row B-Westbay, 1e-12)', () => {
    const [row] = referenceRows('B-Westbay', 15).filter((x) => x.quantity === 'P_block');
    const lambda = row!.arrivalRatePerHour / 3600;
    const exact = solveRetrialChain({
      lambda,
      mu: 1 / row!.ahtSeconds,
      theta: 1 / 300,
      c: 15,
      r: 0,
      orbitMax: 4,
    });
    expect(exact.probabilityBlocking).toBeCloseTo(row!.value, 12);
    expect(exact.probabilityLost).toBeCloseTo(row!.value, 12);
  });

  it('conserves flow (carried load = mean busy lines) and tends to Extended Erlang B as retries slow down', () => {
    // As θ → 0 the orbit grows and its output becomes a steady Poisson-like stream: the limit is
    // the loss system fed by Poisson retries, i.e. Extended Erlang B (Falin & Templeton 1997, ch. 3).
    const lines = westbayLines();
    const eeb = extendedErlangBRetryMeasures(lines, 5.5, 0.5);
    let previous = Number.POSITIVE_INFINITY;
    for (const delay of [300, 1800, 7200, 36_000]) {
      const exact = solveRetrialChain({
        lambda: 5.5 / 180,
        mu: 1 / 180,
        theta: 1 / delay,
        c: lines,
        r: 0.5,
        orbitMax: 80,
      });
      expect(exact.massAtTop).toBeLessThan(1e-20);
      expect(exact.carriedErlangs).toBeCloseTo(exact.meanBusy, 10);
      const gap = exact.probabilityBlocking - eeb.probabilityBlocking;
      expect(gap).toBeGreaterThan(0); // finite delays: retries come back while the lines are busy
      expect(gap).toBeLessThan(previous);
      previous = gap;
    }
    expect(previous / eeb.probabilityBlocking).toBeLessThan(0.002); // 10 h delay: within 0.2 %
  });
});

interface Case {
  label: string;
  erlangs: number;
  lines: number | 'westbay';
  retry: number;
  delaySeconds: number;
  /** Orbit truncation J of the exact chain (its top level must hold < 1e-15). */
  orbitMax: number;
  horizonHours: number;
  /** Extended Erlang B's per-attempt blocking must fall below the simulated interval. */
  beyondPoisson?: boolean;
}

const CASES: Case[] = [
  {
    label: 'Westbay, 5 min delay',
    erlangs: 5.5,
    lines: 'westbay',
    retry: 0.5,
    delaySeconds: 300,
    orbitMax: 40,
    horizonHours: 1000,
  },
  {
    label: 'Westbay, 2 h delay (40 holding times)',
    erlangs: 5.5,
    lines: 'westbay',
    retry: 0.5,
    delaySeconds: 7200,
    orbitMax: 80,
    horizonHours: 1000,
  },
  {
    label: 'overloaded, 3 lines, 3 E, r = 0.8, delay = holding time',
    erlangs: 3,
    lines: 3,
    retry: 0.8,
    delaySeconds: 180,
    orbitMax: 120,
    horizonHours: 300,
  },
  {
    label: 'overloaded, 3 lines, 3 E, r = 0.8, quick retries (18 s)',
    erlangs: 3,
    lines: 3,
    retry: 0.8,
    delaySeconds: 18,
    orbitMax: 120,
    horizonHours: 300,
    beyondPoisson: true,
  },
];

describe.skipIf(!referencePath())('simulated retrial loss system against the exact chain', () => {
  it.each(CASES)('$label', (c) => {
    const aht = 180;
    const lines = c.lines === 'westbay' ? westbayLines() : c.lines;
    const exact = solveRetrialChain({
      lambda: c.erlangs / aht,
      mu: 1 / aht,
      theta: 1 / c.delaySeconds,
      c: lines,
      r: c.retry,
      orbitMax: c.orbitMax,
    });
    expect(exact.massAtTop).toBeLessThan(1e-15);
    const model: RetrialLossModel = {
      arrivals: c.erlangs / aht,
      servers: lines,
      service: { distribution: 'exponential', mean: aht },
      retryProbability: c.retry,
      retryDelay: { distribution: 'exponential', mean: c.delaySeconds },
      warmupSeconds: Math.max(1800, 10 * c.delaySeconds),
      horizonSeconds: c.horizonHours * 3600,
    };
    const samples = simulate(model, `retrial:${c.label}`);
    for (const key of MEASURES) {
      expectInside(
        `${c.label} ${key}`,
        samples.map((s) => s[key]),
        exact[key],
      );
    }
    if (c.beyondPoisson) {
      // Quick retries meet the very busy period that blocked them: the simulation sees it,
      // the Poisson approximation cannot.
      const eeb = extendedErlangBRetryMeasures(lines, c.erlangs, c.retry);
      const [lo] = confidenceInterval(
        samples.map((s) => s.probabilityBlocking),
        0.99,
      );
      expect(eeb.probabilityBlocking).toBeLessThan(lo);
    }
  });

  it('a short window is not biased: late retries meet a busy system (3 lines, 3 E, r = 0.8, 30 min delay, 3 h window)', () => {
    // Callers counted in the window keep retrying long after it; first attempts keep arriving
    // (uncounted) meanwhile, so those retries see the stationary system the exact chain describes
    // (stopping arrivals at the window's end gives 0.175–0.184 lost here). The warm-up of 20
    // delays lets the orbit (24 callers on average, each leaving at about 0.55θ) fill up.
    const exact = solveRetrialChain({
      lambda: 3 / 180,
      mu: 1 / 180,
      theta: 1 / 1800,
      c: 3,
      r: 0.8,
      orbitMax: 160,
    });
    expect(exact.massAtTop).toBeLessThan(1e-15);
    const model: RetrialLossModel = {
      arrivals: 3 / 180,
      servers: 3,
      service: { distribution: 'exponential', mean: 180 },
      retryProbability: 0.8,
      retryDelay: { distribution: 'exponential', mean: 1800 },
      warmupSeconds: 20 * 1800,
      horizonSeconds: 3 * 3600,
    };
    const samples = Array.from({ length: 400 }, (_, i) =>
      retrialMeasures(simulateRetrialLoss(model, replicationSeed('retrial:short', i))),
    );
    for (const key of ['probabilityLost', 'attemptsPerCaller'] as const) {
      expectInside(
        `short window ${key}`,
        samples.map((s) => s[key]),
        exact[key],
      );
    }
  });

  it('r = 0 is plain Erlang B: 15 lines, 8.108 E (reference row B-Westbay)', () => {
    const [row] = referenceRows('B-Westbay', 15).filter((x) => x.quantity === 'P_block');
    const model: RetrialLossModel = {
      arrivals: row!.arrivalRatePerHour / 3600,
      servers: 15,
      service: { distribution: 'exponential', mean: row!.ahtSeconds },
      retryProbability: 0,
      retryDelay: { distribution: 'exponential', mean: 300 },
      warmupSeconds: 1800,
      horizonSeconds: 400 * 3600,
    };
    const samples = simulate(model, 'retrial:r0');
    expectInside(
      'P_block',
      samples.map((s) => s.probabilityBlocking),
      row!.value,
    );
    for (const s of samples) {
      expect(s.attemptsPerCaller).toBe(1);
      expect(s.probabilityLost).toBe(s.probabilityBlocking);
    }
  });
});
