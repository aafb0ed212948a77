import { describe, expect, it } from 'vitest';
import {
  type QueueMeasuresSample,
  queueMeasures,
} from '../../src/queueing/summarize-queue-replications.js';
import type { QueueModel, QueueReplication } from '../../src/queueing/queue-model.js';
import { simulateQueue } from '../../src/queueing/simulate-queue.js';
import { replicationSeed } from '../../src/random/random-stream.js';
import { confidenceInterval } from '../../src/stats/confidence-interval.js';
import { referencePath, referenceRows } from './reference-cases.js';

// Simulated measures against the exact values of queueing theory: each reference value must lie
// inside the simulated 99 % Student-t confidence interval over R independent replications.
// Sizes (R × window) are chosen so the whole file runs in a few seconds on a busy 2-core
// machine while the intervals stay narrow (a few % of the value).

const R = 20;

function replicate(model: QueueModel, seed: string, replications = R): QueueReplication[] {
  return Array.from({ length: replications }, (_, i) =>
    simulateQueue(model, replicationSeed(seed, i)),
  );
}

function interval99(values: number[]): [number, number] {
  return confidenceInterval(values, 0.99);
}

function expectInside(label: string, values: number[], exact: number): void {
  const [lo, hi] = interval99(values);
  // Degenerate interval (a measure that is exactly 0 in every replication): compare exactly.
  const inside = lo === hi ? Math.abs(lo - exact) < 1e-6 : lo <= exact && exact <= hi;
  expect(inside, `${label}: exact ${exact} outside simulated 99 % CI [${lo}, ${hi}]`).toBe(true);
}

const QUANTITY: Record<string, keyof QueueMeasuresSample> = {
  P_wait: 'probabilityWait',
  service_level: 'serviceLevel',
  ASA: 'asaSeconds',
  ASA_all_arrivals: 'meanWaitSeconds',
  occupancy: 'occupancy',
  P_abandon: 'probabilityAbandon',
  P_block: 'probabilityBlocking',
};

interface Case {
  caseId: string;
  agents: number;
  regime: string;
  horizonHours: number;
}

// Light, heavy and overloaded cases of ../shared/data/erlang-reference.csv.
const CASES: Case[] = [
  { caseId: 'C-H2', agents: 8, regime: 'Erlang C light (ρ = 0.63)', horizonHours: 160 },
  { caseId: 'C-s-A4', agents: 5, regime: 'Erlang C heavy (ρ = 0.80)', horizonHours: 600 },
  { caseId: 'C-H5', agents: 30, regime: 'Erlang C heavy (ρ = 0.89)', horizonHours: 120 },
  { caseId: 'A-H4', agents: 12, regime: 'Erlang A light (A = 10, N = 12)', horizonHours: 120 },
  { caseId: 'A-H4', agents: 9, regime: 'Erlang A overloaded (A = 10, N = 9)', horizonHours: 120 },
  {
    caseId: 'A-H5',
    agents: 25,
    regime: 'Erlang A overloaded (A = 26.7, N = 25)',
    horizonHours: 80,
  },
  { caseId: 'B-3', agents: 50, regime: 'Erlang B (A = 40, N = 50)', horizonHours: 40 },
  {
    caseId: 'B-4',
    agents: 100,
    regime: 'Erlang B overloaded (A = 100, N = 100)',
    horizonHours: 12,
  },
];

describe.skipIf(!referencePath())('simulation against the Erlang reference table', () => {
  it.each(CASES)('$caseId N=$agents: $regime', ({ caseId, agents, horizonHours }) => {
    const rows = referenceRows(caseId, agents);
    expect(rows.length).toBeGreaterThan(0);
    const row = rows[0]!;
    const erlangB = row.formula.startsWith('Erlang B');
    const model: QueueModel = {
      arrivals: row.arrivalRatePerHour / 3600,
      servers: agents,
      service: { distribution: 'exponential', mean: row.ahtSeconds },
      patience: row.formula.startsWith('Erlang A')
        ? { distribution: 'exponential', mean: row.patienceSeconds }
        : null,
      capacity: erlangB ? agents : null,
      warmupSeconds: 10 * row.ahtSeconds,
      horizonSeconds: horizonHours * 3600,
      thresholdsSeconds: [row.targetSeconds],
    };
    const samples = replicate(model, `theory:${caseId}:${agents}`).map((r) => queueMeasures(r));
    for (const { quantity, value } of rows) {
      const key = QUANTITY[quantity];
      if (key === undefined) continue;
      expectInside(
        `${caseId} N=${agents} ${quantity}`,
        samples.map((s) => s[key]),
        value,
      );
    }
  });
});

/**
 * M/M/N/K closed form (birth–death chain; Gross & Harris, Fundamentals of Queueing Theory,
 * 3rd ed., §2.5): p_n ∝ A^n/n! for n ≤ N, p_N·ρ^(n−N) for N < n ≤ K. By PASTA an arrival sees
 * p_n: blocked with p_K, waits with Σ_{N≤n<K} p_n, and its mean queue time is
 * Σ_{N≤n<K} p_n (n − N + 1)/(Nμ). Written here for small N from the formula, not from src/.
 */
function mmnk(lambda: number, mu: number, n: number, k: number) {
  const a = lambda / mu;
  const weights: number[] = [];
  let w = 1;
  for (let i = 0; i <= k; i++) {
    if (i > 0) w *= i <= n ? a / i : a / n;
    weights.push(w);
  }
  const total = weights.reduce((s, x) => s + x, 0);
  const p = weights.map((x) => x / total);
  let wait = 0;
  let queueTime = 0;
  for (let i = n; i < k; i++) {
    wait += p[i]!;
    queueTime += (p[i]! * (i - n + 1)) / (n * mu);
  }
  const blocking = p[k]!;
  const busy = p.reduce((s, pi, i) => s + pi * Math.min(i, n), 0);
  const lq = p.reduce((s, pi, i) => s + pi * Math.max(0, i - n), 0);
  return { blocking, wait, queueTime, occupancy: busy / n, lq };
}

describe('simulation against M/M/N/K (finite lines)', () => {
  it.each([
    { label: 'light', lambda: 1.5 / 60, n: 3, k: 6 },
    { label: 'heavy', lambda: 4.5 / 60, n: 5, k: 10 },
    { label: 'overloaded', lambda: 6 / 60, n: 4, k: 8 },
  ])('$label: λ=$lambda/s, N=$n, K=$k, AHT 60 s', ({ lambda, n, k }) => {
    const exact = mmnk(lambda, 1 / 60, n, k);
    const model: QueueModel = {
      arrivals: lambda,
      servers: n,
      service: { distribution: 'exponential', mean: 60 },
      capacity: k,
      warmupSeconds: 1200,
      horizonSeconds: 150 * 3600,
    };
    const reps = replicate(model, `mmnk:${n}:${k}`);
    const samples = reps.map((r) => queueMeasures(r));
    expectInside(
      'P_block',
      samples.map((s) => s.probabilityBlocking),
      exact.blocking,
    );
    expectInside(
      'P_wait',
      samples.map((s) => s.probabilityWait),
      exact.wait,
    );
    expectInside(
      'mean queue time',
      samples.map((s) => s.meanWaitSeconds),
      exact.queueTime,
    );
    expectInside(
      'occupancy',
      samples.map((s) => s.occupancy),
      exact.occupancy,
    );
    expectInside(
      'Lq (time average)',
      reps.map((r) => r.meanQueueLength),
      exact.lq,
    );
  });
});

describe('Pollaczek–Khinchine: M/G/1 mean wait Wq = λ·E[S²] / (2(1 − ρ))', () => {
  // Kleinrock, Queueing Systems vol. 1 (1975), eq. 5.72.
  it.each([
    {
      label: 'M/D/1, ρ = 0.7',
      service: { distribution: 'deterministic', value: 60 },
      rho: 0.7,
      es2: 3600,
    },
    {
      label: 'M/M/1, ρ = 0.6',
      service: { distribution: 'exponential', mean: 60 },
      rho: 0.6,
      es2: 7200,
    },
    {
      label: 'M/G/1 gamma cv 0.5, ρ = 0.75',
      service: { distribution: 'gamma', mean: 60, cv: 0.5 },
      rho: 0.75,
      es2: 3600 * 1.25,
    },
    {
      label: 'M/G/1 uniform [0, 120], ρ = 0.5',
      service: { distribution: 'uniform', min: 0, max: 120 },
      rho: 0.5,
      es2: 120 ** 2 / 3,
    },
  ])('$label', ({ service, rho, es2 }) => {
    const lambda = rho / 60;
    const exact = (lambda * es2) / (2 * (1 - rho));
    const model: QueueModel = {
      arrivals: lambda,
      servers: 1,
      service,
      warmupSeconds: 7200,
      horizonSeconds: 400 * 3600,
    };
    const reps = replicate(model, `pk:${service.distribution}`);
    expectInside(
      'Wq',
      reps.map((r) => r.queueTimeSeconds / r.offered),
      exact,
    );
    // Little's law on the same runs: Lq = λ·Wq.
    expectInside(
      'Lq',
      reps.map((r) => r.meanQueueLength),
      lambda * exact,
    );
  });
});

describe('Erlang C overloaded: no stationary value, a wait that grows linearly', () => {
  // With ρ = λ/(Nμ) > 1 the line grows at λ − Nμ (the fluid limit; Whitt, Stochastic-Process
  // Limits, 2002, §5.2 and ch. 6), so a caller arriving at t waits about (ρ − 1)·t and the mean
  // wait of callers arriving in [0, H) is (ρ − 1)·H/2, up to an O(1) start-up term.
  it.each([10, 20])('ρ = 1.2, N = 5, window %i h: mean wait = (ρ − 1)·H/2', (hours) => {
    const horizon = hours * 3600;
    const model: QueueModel = {
      arrivals: 0.1,
      servers: 5,
      service: { distribution: 'exponential', mean: 60 },
      warmupSeconds: 0,
      horizonSeconds: horizon,
    };
    const reps = replicate(model, `overload:${hours}`);
    expectInside(
      'mean wait',
      reps.map((r) => r.queueTimeSeconds / r.offered),
      (0.2 * horizon) / 2,
    );
  });
});
