import { Resource } from '../engine/resource.js';
import { Simulator } from '../engine/simulator.js';
import type { DistributionSpec } from '../random/distribution-spec.js';
import { parseDistribution } from '../random/distribution-spec.js';
import { RandomStreams } from '../random/random-stream.js';

/**
 * A loss system with a retrial orbit, as plain data (it crosses to worker threads): Poisson
 * first attempts, `servers` lines each held by one call, no waiting room. An attempt that finds
 * every line busy is blocked; with probability `retryProbability` the caller tries again after
 * a delay drawn from `retryDelay` (the orbit), otherwise gives up. Every blocked attempt, first or
 * retry, makes the same choice (geometric persistence), so a caller makes 1 + a geometric number
 * of retries. With exponential service and delays this is the M/M/c/c retrial queue of Cohen
 * (1957) and Falin & Templeton, *Retrial Queues* (1997), ch. 3, with persistence H1 = H2 = r.
 *
 * Times in seconds. Callers whose FIRST attempt falls in [warmupSeconds, warmupSeconds +
 * horizonSeconds) are counted, and followed through all their retries.
 */
export interface RetrialLossModel {
  /** First attempts per second (Poisson). */
  arrivals: number;
  /** Lines, each answered at once by an operator (agents = lines). */
  servers: number;
  /** Holding-time distribution spec. */
  service: DistributionSpec;
  /** Probability that a blocked attempt is tried again, in [0, 1). */
  retryProbability: number;
  /** Delay from a blocked attempt to the retry (e.g. `{ distribution: 'exponential', mean: 300 }`). */
  retryDelay: DistributionSpec;
  /** Simulated and discarded first: every replication starts empty, with an empty orbit. */
  warmupSeconds: number;
  /** Window in which first attempts are counted. */
  horizonSeconds: number;
}

/** The raw outcome of one replication of a {@link RetrialLossModel}, over the counted callers. */
export interface RetrialLossReplication {
  /** Callers whose first attempt fell in the window. */
  callers: number;
  /** Their attempts, first tries and retries, wherever the retries fell in time. */
  attempts: number;
  /** Of those attempts, the blocked ones. */
  blockedAttempts: number;
  /** Callers whose last attempt was blocked: they gave up. */
  lost: number;
  /** Busy line time / line time over the window. */
  occupancy: number;
  /** Mean holding time of the service distribution (seconds), to turn attempts into erlangs. */
  meanServiceSeconds: number;
  /** Length of the window (seconds). */
  horizonSeconds: number;
  /** Events executed by the kernel. */
  events: number;
}

/** Check a {@link RetrialLossModel}'s numbers; throws RangeError naming the rule. */
export function checkRetrialLossModel(model: RetrialLossModel): void {
  const fail = (rule: string, value: unknown): never => {
    throw new RangeError(`simulateRetrialLoss: ${rule}, got ${String(value)}`);
  };
  if (!(model.arrivals >= 0) || !Number.isFinite(model.arrivals))
    fail('arrivals must be a finite rate ≥ 0 per second', model.arrivals);
  if (!Number.isInteger(model.servers) || model.servers < 1)
    fail('servers must be an integer ≥ 1', model.servers);
  if (!(model.retryProbability >= 0 && model.retryProbability < 1))
    fail('retryProbability must be in [0, 1)', model.retryProbability);
  if (!(model.warmupSeconds >= 0) || !Number.isFinite(model.warmupSeconds))
    fail('warmupSeconds must be finite and ≥ 0', model.warmupSeconds);
  if (!(model.horizonSeconds > 0) || !Number.isFinite(model.horizonSeconds))
    fail('horizonSeconds must be finite and > 0', model.horizonSeconds);
}

// At equal times: the window's edges, then departures (freeing lines), then attempts.
const P_CONTROL = 0;
const P_DEPARTURE = 1;
const P_ATTEMPT = 2;

/**
 * One replication of a {@link RetrialLossModel} on the event kernel, seeded by `seed`.
 *
 * First attempts keep arriving after the window closes (uncounted) until every counted caller
 * is answered or gives up, so the counted callers' late retries meet a stationary system, not
 * one emptying out. Streams `arrivals`, `service` and `retries` are separate; every attempt
 * draws a holding time and every blocked attempt a retry choice and a delay, used or not
 * (common random numbers across line counts and retry probabilities). A retry is one event
 * whose payload says whether its caller is counted: no per-caller record. Cost: O(log n) per
 * event; the run ends with probability 1 because a caller retries at most a geometric number of
 * times (retryProbability < 1).
 */
export function simulateRetrialLoss(
  model: RetrialLossModel,
  seed: number | string,
): RetrialLossReplication {
  checkRetrialLossModel(model);
  const service = parseDistribution(model.service, 'service');
  const delay = parseDistribution(model.retryDelay, 'retryDelay');
  const streams = new RandomStreams(seed);
  const arrivalRng = streams.get('arrivals');
  const serviceRng = streams.get('service');
  const retryRng = streams.get('retries');
  const meanGap = model.arrivals > 0 ? 1 / model.arrivals : Number.POSITIVE_INFINITY;
  const r = model.retryProbability;
  const windowStart = model.warmupSeconds;
  const windowEnd = windowStart + model.horizonSeconds;

  const sim = new Simulator({ initialCapacity: 1024 });
  const lines = new Resource(sim, model.servers, 'lines');
  let observing = windowStart === 0;
  let windowClosed = false;
  let callers = 0;
  let attempts = 0;
  let blockedAttempts = 0;
  let lost = 0;
  let outstanding = 0; // counted callers not yet answered nor given up
  let occupancy = Number.NaN;

  const resolved = (): void => {
    outstanding--;
    if (windowClosed && outstanding === 0) sim.stop();
  };

  const departure = sim.defineEvent('departure', () => lines.release(), P_DEPARTURE);

  // One attempt by a caller, counted (1) or not (0).
  const attempt = (counted: number): void => {
    const holding = service.sample(serviceRng);
    attempts += counted;
    if (lines.tryAcquire()) {
      sim.schedule(departure, holding);
      if (counted === 1) resolved();
      return;
    }
    blockedAttempts += counted;
    const retries = retryRng.next() < r;
    const wait = delay.sample(retryRng);
    if (retries) {
      sim.schedule(retry, wait, counted);
    } else if (counted === 1) {
      lost++;
      resolved();
    }
  };

  const retry = sim.defineEvent('retry', attempt, P_ATTEMPT);
  const arrival = sim.defineEvent(
    'arrival',
    () => {
      sim.schedule(arrival, -meanGap * Math.log(arrivalRng.nextOpen()));
      const counted = observing ? 1 : 0;
      callers += counted;
      outstanding += counted;
      attempt(counted);
    },
    P_ATTEMPT,
  );

  const windowOpens = sim.defineEvent(
    'window-opens',
    () => {
      observing = true;
      lines.resetStatistics();
    },
    P_CONTROL,
  );
  const windowCloses = sim.defineEvent(
    'window-closes',
    () => {
      lines.advance();
      occupancy = lines.busyTime / lines.capacityTime;
      observing = false;
      windowClosed = true;
      if (outstanding === 0) sim.stop();
    },
    P_CONTROL,
  );
  if (windowStart > 0) sim.scheduleAt(windowOpens, windowStart);
  sim.scheduleAt(windowCloses, windowEnd);
  if (model.arrivals > 0) sim.schedule(arrival, -meanGap * Math.log(arrivalRng.nextOpen()));
  sim.run();

  return {
    callers,
    attempts,
    blockedAttempts,
    lost,
    occupancy,
    meanServiceSeconds: service.mean,
    horizonSeconds: model.horizonSeconds,
    events: sim.eventsProcessed,
  };
}

/**
 * The replication task {@link runReplications} runs on worker threads for a retrial loss model:
 * one replication of `model` seeded `seed`.
 */
export function replicateRetrialLoss(
  model: RetrialLossModel,
  seed: string,
  _index: number,
): RetrialLossReplication {
  return simulateRetrialLoss(model, seed);
}
