import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendedErlangBRetryMeasures } from '../../src/queueing/retry-measures.js';
import {
  type RetrialLossModel,
  simulateRetrialLoss,
} from '../../src/queueing/simulate-retrial-loss.js';
import { simulateStaffing, staffingRetrialModel } from '../../src/queueing/simulate-staffing.js';
import { erlangB } from '../../src/staffing/erlang-b.js';

const modelArb = fc.record({
  arrivals: fc.double({ min: 0.001, max: 0.2, noNaN: true }),
  servers: fc.integer({ min: 1, max: 6 }),
  meanService: fc.double({ min: 5, max: 120, noNaN: true }),
  retry: fc.double({ min: 0, max: 0.95, noNaN: true }),
  delay: fc.double({ min: 1, max: 600, noNaN: true }),
  warmup: fc.double({ min: 0, max: 600, noNaN: true }),
  horizon: fc.double({ min: 60, max: 3600, noNaN: true }),
});

type ModelInput = typeof modelArb extends fc.Arbitrary<infer T> ? T : never;

function toModel(m: ModelInput): RetrialLossModel {
  return {
    arrivals: m.arrivals,
    servers: m.servers,
    service: { distribution: 'exponential', mean: m.meanService },
    retryProbability: m.retry,
    retryDelay: { distribution: 'exponential', mean: m.delay },
    warmupSeconds: m.warmup,
    horizonSeconds: m.horizon,
  };
}

describe('laws every retrial run obeys', () => {
  it('every blocked attempt is retried or loses its caller; every counted caller has an outcome', () => {
    fc.assert(
      fc.property(modelArb, fc.nat(), (m, seed) => {
        const r = simulateRetrialLoss(toModel(m), seed);
        // attempts = callers + retries, and each blocked attempt is a retry or a loss.
        expect(r.blockedAttempts).toBe(r.attempts - r.callers + r.lost);
        expect(r.lost).toBeLessThanOrEqual(r.callers);
        expect(r.blockedAttempts).toBeLessThanOrEqual(r.attempts);
        if (m.retry === 0) {
          expect(r.attempts).toBe(r.callers);
          expect(r.lost).toBe(r.blockedAttempts);
        }
        expect(r.occupancy).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('the same seed gives the same run; more lines and other retry choices see the same callers', () => {
    const model = toModel({
      arrivals: 0.05,
      servers: 2,
      meanService: 60,
      retry: 0.6,
      delay: 120,
      warmup: 600,
      horizon: 7200,
    });
    const run = simulateRetrialLoss(model, 'x');
    expect(simulateRetrialLoss(model, 'x')).toEqual(run);
    expect(simulateRetrialLoss(model, 'y')).not.toEqual(run);
    const more = simulateRetrialLoss({ ...model, servers: 4 }, 'x');
    expect(more.callers).toBe(run.callers);
    expect(more.lost).toBeLessThan(run.lost);
    expect(simulateRetrialLoss({ ...model, retryProbability: 0.2 }, 'x').callers).toBe(run.callers);
  });
});

describe('extendedErlangBRetryMeasures', () => {
  it('is Erlang B without retries, and counts each caller once with them', () => {
    const none = extendedErlangBRetryMeasures(11, 5.5, 0);
    expect(none.probabilityBlocking).toBe(erlangB(11, 5.5));
    expect(none.probabilityLost).toBe(none.probabilityBlocking);
    expect(none.attemptsPerCaller).toBe(1);
    const some = extendedErlangBRetryMeasures(11, 5.5, 0.5);
    // Offered load = first attempts × attempts per caller; lost + answered = every caller.
    expect(some.offeredErlangs).toBeCloseTo(5.5 * some.attemptsPerCaller, 12);
    const answeredAttempts = some.attemptsPerCaller * (1 - some.probabilityBlocking);
    expect(answeredAttempts + some.probabilityLost).toBeCloseTo(1, 12);
  });
});

describe('staffingRetrialModel and simulateStaffing with retries', () => {
  const question = {
    model: 'erlang-b' as const,
    trafficErlangs: 5.5,
    handleTimeSeconds: 180,
    agents: 11,
    retryFraction: 0.5,
  };

  it('defaults: 5 min exponential delay, warm-up of 10 delays (at least 30 min)', () => {
    const model = staffingRetrialModel(question);
    expect(model.retryDelay).toEqual({ distribution: 'exponential', mean: 300 });
    expect(model.warmupSeconds).toBe(3000);
    expect(model.servers).toBe(11);
    expect(model.arrivals).toBeCloseTo(5.5 / 180, 15);
    expect(staffingRetrialModel(question, { retryDelaySeconds: 60 }).warmupSeconds).toBe(1800);
    expect(
      staffingRetrialModel(question, { retryDelaySeconds: 60, warmupSeconds: 0 }),
    ).toMatchObject({ warmupSeconds: 0 });
  });

  it('reports attempts as calls and the retry measures beside Extended Erlang B', async () => {
    const sim = await simulateStaffing(question, {
      replications: 3,
      horizonSeconds: 3600,
      seed: 5,
    });
    const retries = sim.retries!;
    expect(retries.retryFraction).toBe(0.5);
    expect(retries.retryDelaySeconds).toBe(300);
    expect(retries.extendedErlangB).toEqual(extendedErlangBRetryMeasures(11, 5.5, 0.5));
    expect(sim.probabilityBlocking).toEqual(retries.probabilityBlocking);
    expect(sim.offered.mean).toBeCloseTo(sim.answered.mean + sim.blocked.mean, 9);
    expect(sim.abandoned.mean).toBe(0);
    expect(retries.attemptsPerCaller.ci95[0]).toBeGreaterThanOrEqual(1);
  });

  it('refuses what makes no sense', async () => {
    await expect(simulateStaffing(question, { retryDelaySeconds: 0 })).rejects.toThrow(
      /retryDelaySeconds/,
    );
    await expect(simulateStaffing({ ...question, model: 'erlang-c' })).rejects.toThrow(/erlang-b/);
    await expect(simulateStaffing({ ...question, retryFraction: 1 })).rejects.toThrow(
      /retryProbability/,
    );
  });
});
