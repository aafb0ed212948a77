import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueModel } from '../../src/queueing/queue-model.js';
import { summarizeQueueReplications } from '../../src/queueing/summarize-queue-replications.js';
import { simulateQueue } from '../../src/queueing/simulate-queue.js';
import { simulateStaffing } from '../../src/queueing/simulate-staffing.js';
import { replicationSeed } from '../../src/random/random-stream.js';
import { confidenceInterval } from '../../src/stats/confidence-interval.js';

const modelArb = fc.record({
  arrivals: fc.double({ min: 0.001, max: 0.2, noNaN: true }),
  servers: fc.integer({ min: 1, max: 6 }),
  meanService: fc.double({ min: 5, max: 120, noNaN: true }),
  patience: fc.option(fc.double({ min: 5, max: 300, noNaN: true }), { nil: undefined }),
  extraPlaces: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  warmup: fc.double({ min: 0, max: 600, noNaN: true }),
  horizon: fc.double({ min: 60, max: 3600, noNaN: true }),
  drain: fc.boolean(),
});

type ModelInput = typeof modelArb extends fc.Arbitrary<infer T> ? T : never;

function toModel(m: ModelInput): QueueModel {
  return {
    arrivals: m.arrivals,
    servers: m.servers,
    service: { distribution: 'exponential', mean: m.meanService },
    patience: m.patience === undefined ? null : { distribution: 'exponential', mean: m.patience },
    capacity: m.extraPlaces === undefined ? null : m.servers + m.extraPlaces,
    warmupSeconds: m.warmup,
    horizonSeconds: m.horizon,
    thresholdsSeconds: [0, 20],
    drain: m.drain,
  };
}

describe('laws every run obeys', () => {
  it('conservation: every arrival is answered, abandoned, blocked or still waiting', () => {
    fc.assert(
      fc.property(modelArb, fc.nat(), (m, seed) => {
        const model = toModel(m);
        const r = simulateQueue(model, seed);
        expect(r.answered + r.abandoned + r.blocked + r.inQueueAtEnd).toBe(r.offered);
        if (model.drain) expect(r.inQueueAtEnd).toBe(0);
        if (model.patience === null) expect(r.abandoned).toBe(0);
        if (model.capacity === null) expect(r.blocked).toBe(0);
        // No call is answered before it arrives; "within 0 s" ≤ "within 20 s" ≤ answered.
        expect(r.answeredWaitSeconds).toBeGreaterThanOrEqual(0);
        expect(r.answeredWithin[0]!).toBeLessThanOrEqual(r.answeredWithin[1]!);
        expect(r.answeredWithin[1]!).toBeLessThanOrEqual(r.answered);
        expect(r.queued).toBeLessThanOrEqual(r.offered - r.blocked);
        expect(r.occupancy).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('the same seed gives the same run; another seed another run', () => {
    const model = toModel({
      arrivals: 0.05,
      servers: 2,
      meanService: 30,
      patience: 60,
      extraPlaces: 3,
      warmup: 0,
      horizon: 3600,
      drain: true,
    });
    expect(simulateQueue(model, 'x')).toEqual(simulateQueue(model, 'x'));
    expect(simulateQueue(model, 'x')).not.toEqual(simulateQueue(model, 'y'));
  });

  it("Little's law: time-average queue length = arrival rate × mean time in queue (99 % CI)", () => {
    // Little (1961), L = λW, here for the line of an M/M/N+M queue with lognormal service.
    const model: QueueModel = {
      arrivals: 300 / 3600,
      servers: 9,
      service: { distribution: 'lognormal', mean: 120, cv: 0.7 },
      patience: { distribution: 'exponential', mean: 90 },
      warmupSeconds: 1800,
      horizonSeconds: 100 * 3600,
    };
    const diffs = Array.from({ length: 20 }, (_, i) => {
      const r = simulateQueue(model, replicationSeed('little', i));
      const lambda = r.offered / model.horizonSeconds;
      return r.meanQueueLength - lambda * (r.queueTimeSeconds / r.offered);
    });
    const [lo, hi] = confidenceInterval(diffs, 0.99);
    expect(lo).toBeLessThanOrEqual(0);
    expect(hi).toBeGreaterThanOrEqual(0);
    expect(hi - lo).toBeLessThan(0.1); // the check is sharp: Lq here is about 1.5
  });

  it('common random numbers: more servers see the very same callers', () => {
    const base: QueueModel = {
      arrivals: 0.1,
      servers: 3,
      service: { distribution: 'exponential', mean: 25 },
      patience: { distribution: 'exponential', mean: 40 },
      warmupSeconds: 0,
      horizonSeconds: 7200,
    };
    const few = simulateQueue(base, 5);
    const more = simulateQueue({ ...base, servers: 5 }, 5);
    expect(more.offered).toBe(few.offered);
    expect(more.abandoned).toBeLessThan(few.abandoned);
  });
});

describe('summarizeQueueReplications', () => {
  it('keeps every interval inside the range of its measure, even over 2 short replications', () => {
    const model: QueueModel = {
      arrivals: 0.05,
      servers: 1,
      service: { distribution: 'exponential', mean: 18 },
      patience: { distribution: 'exponential', mean: 30 },
      capacity: 3,
      warmupSeconds: 0,
      horizonSeconds: 300,
      thresholdsSeconds: [20],
    };
    const reps = [simulateQueue(model, 'a'), simulateQueue(model, 'b')];
    const summary = summarizeQueueReplications(reps);
    for (const [key, e] of Object.entries(summary)) {
      expect(e.ci95[0], key).toBeGreaterThanOrEqual(0);
      if (key.startsWith('probability') || key === 'serviceLevel' || key === 'occupancy') {
        expect(e.ci95[1], key).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('simulateStaffing', () => {
  const question = {
    model: 'erlang-a' as const,
    trafficErlangs: 10,
    handleTimeSeconds: 120,
    agents: 10,
    patienceSeconds: 90,
    thresholdSeconds: 20,
  };

  it('gives byte-identical JSON (but the wall clock) for a seed, on 1 or 2 threads', async () => {
    const options = { replications: 4, horizonSeconds: 3600, warmupSeconds: 600, seed: 42 };
    const strip = (o: object) => JSON.stringify({ ...o, wallSeconds: 0 });
    const one = await simulateStaffing(question, { ...options, threads: 1 });
    const two = await simulateStaffing(question, { ...options, threads: 2 });
    expect(strip(two)).toBe(strip(one));
    expect(one.replications).toBe(4);
    expect(one.seed).toBe(42);
    expect(one.events).toBeGreaterThan(4 * 300);
    expect(Object.keys(one)).toEqual([
      'serviceLevel',
      'probabilityWait',
      'asaSeconds',
      'meanWaitSeconds',
      'occupancy',
      'probabilityAbandon',
      'probabilityBlocking',
      'offered',
      'answered',
      'abandoned',
      'blocked',
      'replications',
      'seed',
      'events',
      'wallSeconds',
    ]);
    const [lo, hi] = one.serviceLevel.ci95;
    expect(lo).toBeLessThanOrEqual(one.serviceLevel.mean);
    expect(hi).toBeGreaterThanOrEqual(one.serviceLevel.mean);
  });

  it('refuses what it cannot simulate or what makes no sense', async () => {
    await expect(simulateStaffing(question, { replications: 0 })).rejects.toThrow(/replications/);
    await expect(simulateStaffing(question, { horizonSeconds: -1 })).rejects.toThrow(/horizon/);
    await expect(simulateStaffing(question, { handleTimeCv: -0.5 })).rejects.toThrow(
      /handleTimeCv/,
    );
    await expect(simulateStaffing(question, { threads: 1000 })).rejects.toThrow(/threads/);
    await expect(simulateStaffing({ ...question, agents: 9.5 })).rejects.toThrow(/whole number/);
    await expect(
      simulateStaffing(
        { ...question, model: 'erlang-c' },
        { patience: { distribution: 'exponential', mean: 30 } },
      ),
    ).rejects.toThrow(/model with patience/);
  });
});

describe('rosters and piecewise arrivals', () => {
  it('callers arriving before the first shift wait until it starts: mean wait = 300 s', () => {
    // Theory: given their number, Poisson arrivals in [0, 600) are uniform (Ross, §5.3.5), so
    // with enough servers from t = 600 the wait 600 − a has mean 300 s. The rate is 0 after 600.
    const model: QueueModel = {
      arrivals: { ratesPerSecond: [0.05, 0], intervalSeconds: 600 },
      servers: 0,
      roster: [{ atSeconds: 600, capacity: 100 }],
      service: { distribution: 'deterministic', value: 10 },
      warmupSeconds: 0,
      horizonSeconds: 1200,
      thresholdsSeconds: [0],
    };
    const reps = Array.from({ length: 200 }, (_, i) =>
      simulateQueue(model, replicationSeed('roster', i)),
    );
    for (const r of reps) {
      expect(r.answered).toBe(r.offered);
      expect(r.answeredWithin[0]).toBe(0);
      expect(r.queued).toBe(r.offered);
    }
    const [lo, hi] = confidenceInterval(
      reps.filter((r) => r.answered > 0).map((r) => r.answeredWaitSeconds / r.answered),
      0.99,
    );
    expect(lo).toBeLessThanOrEqual(300);
    expect(hi).toBeGreaterThanOrEqual(300);
    const offered = confidenceInterval(
      reps.map((r) => r.offered),
      0.99,
    );
    expect(offered[0]).toBeLessThanOrEqual(30); // 0.05/s × 600 s
    expect(offered[1]).toBeGreaterThanOrEqual(30);
  });
});
