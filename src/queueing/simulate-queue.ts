import { FifoQueue } from '../engine/fifo-queue.js';
import { Resource, scheduleCapacity } from '../engine/resource.js';
import { Simulator } from '../engine/simulator.js';
import { parseDistribution } from '../random/distribution-spec.js';
import { PiecewisePoissonProcess } from '../random/piecewise-poisson-process.js';
import { RandomStreams } from '../random/random-stream.js';
import { TimeWeightedAverage } from '../stats/time-weighted-average.js';
import { WaitHistogram } from '../stats/wait-histogram.js';
import { type QueueModel, type QueueReplication, WAIT_PERCENTILES } from './queue-model.js';

/** Check a {@link QueueModel}'s numbers; throws RangeError naming the rule. */
export function checkQueueModel(model: QueueModel): void {
  const fail = (rule: string, value: unknown): never => {
    throw new RangeError(`simulateQueue: ${rule}, got ${String(value)}`);
  };
  if (typeof model.arrivals === 'number') {
    if (!(model.arrivals >= 0) || !Number.isFinite(model.arrivals))
      fail('arrivals must be a finite rate ≥ 0 per second', model.arrivals);
  }
  if (!Number.isInteger(model.servers) || model.servers < 0)
    fail('servers must be an integer ≥ 0', model.servers);
  const k = model.capacity;
  if (k !== undefined && k !== null && (!Number.isInteger(k) || k < 1))
    fail('capacity must be an integer ≥ 1 (servers + waiting places)', k);
  if (!(model.warmupSeconds >= 0) || !Number.isFinite(model.warmupSeconds))
    fail('warmupSeconds must be finite and ≥ 0', model.warmupSeconds);
  if (!(model.horizonSeconds > 0) || !Number.isFinite(model.horizonSeconds))
    fail('horizonSeconds must be finite and > 0', model.horizonSeconds);
  for (const t of model.thresholdsSeconds ?? []) if (!(t >= 0)) fail('thresholds must be ≥ 0', t);
}

// Event priorities at equal times: the window's edges first, then departures (freeing servers),
// then abandonments, then arrivals.
const P_CONTROL = 0;
const P_DEPARTURE = 1;
const P_ABANDON = 2;
const P_ARRIVAL = 3;

/**
 * One replication of a {@link QueueModel} on the event kernel, seeded by `seed`. Random streams
 * `arrivals`, `service` and `patience` are separate, and every caller draws a service time and
 * a patience on arrival whether or not they are used, so two models differing only in servers
 * or capacity see the same callers (common random numbers).
 *
 * Waiting callers live in typed arrays indexed by a recycled slot; the line is a
 * {@link FifoQueue}; the abandonment timer is cancelled (O(1)) when a caller is answered. No
 * allocation per caller once the arrays have grown. Cost: O(log n) per event (the heap).
 */
export function simulateQueue(model: QueueModel, seed: number | string): QueueReplication {
  checkQueueModel(model);
  const service = parseDistribution(model.service, 'service');
  const patience =
    model.patience === undefined || model.patience === null
      ? undefined
      : parseDistribution(model.patience, 'patience');
  const streams = new RandomStreams(seed);
  const arrivalRng = streams.get('arrivals');
  const serviceRng = streams.get('service');
  const patienceRng = streams.get('patience');
  const rate = typeof model.arrivals === 'number' ? model.arrivals : 0;
  const meanGap = rate > 0 ? 1 / rate : 0;
  const profile =
    typeof model.arrivals === 'number'
      ? undefined
      : new PiecewisePoissonProcess(model.arrivals.ratesPerSecond, model.arrivals.intervalSeconds, {
          cyclic: model.arrivals.cyclic ?? false,
        });
  const capacityK = model.capacity ?? Number.POSITIVE_INFINITY;
  const windowStart = model.warmupSeconds;
  const windowEnd = model.warmupSeconds + model.horizonSeconds;
  const drain = model.drain ?? true;
  const thresholds = model.thresholdsSeconds ?? [];

  const sim = new Simulator({ initialCapacity: 4096 });
  const servers = new Resource(sim, model.servers, 'servers');
  const line = new FifoQueue(1024);
  const queueLength = new TimeWeightedAverage(0, 0);
  const waits = new WaitHistogram({ thresholdsSeconds: thresholds });

  // Waiting callers, by slot.
  let slotCapacity = 1024;
  let arrivedAt = new Float64Array(slotCapacity);
  let serviceOf = new Float64Array(slotCapacity);
  let timerOf = new Float64Array(slotCapacity);
  let ticketOf = new Float64Array(slotCapacity);
  let countedOf = new Uint8Array(slotCapacity);
  let freeSlots = new Int32Array(slotCapacity);
  let freeCount = 0;
  let slotsUsed = 0;
  const takeSlot = (): number => {
    if (freeCount > 0) return freeSlots[--freeCount]!;
    if (slotsUsed === slotCapacity) {
      slotCapacity *= 2;
      const grow = <T extends Float64Array | Uint8Array | Int32Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      arrivedAt = grow(arrivedAt, new Float64Array(slotCapacity));
      serviceOf = grow(serviceOf, new Float64Array(slotCapacity));
      timerOf = grow(timerOf, new Float64Array(slotCapacity));
      ticketOf = grow(ticketOf, new Float64Array(slotCapacity));
      countedOf = grow(countedOf, new Uint8Array(slotCapacity));
      freeSlots = grow(freeSlots, new Int32Array(slotCapacity));
    }
    return slotsUsed++;
  };

  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  let blocked = 0;
  let queued = 0;
  let observing = windowStart === 0;
  let arrivalsOpen = true;
  // Doubles that change per event live in a typed array: a closure's `let` holding a double is
  // boxed, and every assignment would allocate.
  const QUEUE_TIME = 0;
  const NEXT_ARRIVAL = 1;
  const state = new Float64Array([0, -1]);
  let meanQueue = Number.NaN;
  let meanBusy = Number.NaN;
  let occupancy = Number.NaN;

  const stopIfDrained = (): void => {
    if (!arrivalsOpen && line.length === 0) sim.stop();
  };

  const answerFromLine = (): void => {
    while (line.length > 0 && servers.tryAcquire()) {
      const slot = line.dequeue();
      sim.cancel(timerOf[slot]!);
      const now = sim.now;
      queueLength.set(now, line.length);
      const counted = countedOf[slot]!;
      if (counted === 1) {
        const wait = now - arrivedAt[slot]!;
        answered++;
        state[QUEUE_TIME]! += wait;
        waits.record(wait);
      }
      sim.schedule(departure, serviceOf[slot]!, counted);
      freeSlots[freeCount++] = slot;
    }
  };

  const departure = sim.defineEvent(
    'departure',
    () => {
      servers.release();
      if (line.length > 0) answerFromLine();
      if (!arrivalsOpen) stopIfDrained();
    },
    P_DEPARTURE,
  );

  const abandon = sim.defineEvent(
    'abandon',
    (slot) => {
      line.cancel(ticketOf[slot]!);
      queueLength.set(sim.now, line.length);
      if (countedOf[slot] === 1) {
        abandoned++;
        state[QUEUE_TIME]! += sim.now - arrivedAt[slot]!;
      }
      freeSlots[freeCount++] = slot;
      if (!arrivalsOpen) stopIfDrained();
    },
    P_ABANDON,
  );

  const arrival = sim.defineEvent(
    'arrival',
    () => {
      const now = sim.now;
      const serviceTime = service.sample(serviceRng);
      const patienceTime = patience === undefined ? 0 : patience.sample(patienceRng);
      const next =
        profile === undefined
          ? now - meanGap * Math.log(arrivalRng.nextOpen())
          : profile.next(now, arrivalRng);
      if (next < windowEnd) state[NEXT_ARRIVAL] = sim.scheduleAt(arrival, next);
      const counted = observing ? 1 : 0;
      offered += counted;
      if (servers.busy + line.length >= capacityK) {
        blocked += counted;
        return;
      }
      if (line.length === 0 && servers.tryAcquire()) {
        if (counted === 1) {
          answered++;
          waits.record(0);
        }
        sim.schedule(departure, serviceTime, counted);
        return;
      }
      queued += counted;
      const slot = takeSlot();
      arrivedAt[slot] = now;
      serviceOf[slot] = serviceTime;
      countedOf[slot] = counted;
      ticketOf[slot] = line.enqueue(slot);
      queueLength.set(now, line.length);
      timerOf[slot] = patience === undefined ? -1 : sim.schedule(abandon, patienceTime, slot);
    },
    P_ARRIVAL,
  );

  servers.onCapacityIncrease = answerFromLine;
  if (model.roster !== undefined) {
    const cycle = model.rosterCycleSeconds;
    scheduleCapacity(
      sim,
      servers,
      model.roster,
      cycle === undefined ? {} : { cycleSeconds: cycle },
    );
  }

  const windowOpens = sim.defineEvent(
    'window-opens',
    () => {
      observing = true;
      queueLength.reset(sim.now);
      servers.resetStatistics();
    },
    P_CONTROL,
  );
  const windowCloses = sim.defineEvent(
    'window-closes',
    () => {
      const now = sim.now;
      meanQueue = queueLength.average(now);
      servers.advance();
      meanBusy = servers.busyTime / (now - windowStart);
      occupancy = servers.busyTime / servers.capacityTime;
      observing = false;
      arrivalsOpen = false;
      if (state[NEXT_ARRIVAL]! >= 0) sim.cancel(state[NEXT_ARRIVAL]!);
      if (!drain || line.length === 0) sim.stop();
    },
    P_CONTROL,
  );
  if (windowStart > 0) sim.scheduleAt(windowOpens, windowStart);
  sim.scheduleAt(windowCloses, windowEnd);
  const first =
    profile === undefined
      ? rate > 0
        ? -meanGap * Math.log(arrivalRng.nextOpen())
        : Number.POSITIVE_INFINITY
      : profile.next(0, arrivalRng);
  if (first < windowEnd) state[NEXT_ARRIVAL] = sim.scheduleAt(arrival, first);
  sim.run();

  return {
    offered,
    answered,
    abandoned,
    blocked,
    queued,
    inQueueAtEnd: countWaitingCounted(line.length, countedOf, slotsUsed, freeSlots, freeCount),
    answeredWithin: Array.from(waits.atMost),
    answeredWaitSeconds: waits.sum,
    queueTimeSeconds: state[QUEUE_TIME]!,
    meanQueueLength: meanQueue,
    meanBusyServers: meanBusy,
    occupancy,
    answeredWaitPercentiles: WAIT_PERCENTILES.map((p) => waits.percentile(p)),
    events: sim.eventsProcessed,
  };
}

/** Counted callers still waiting: the used slots that are neither free nor uncounted. */
function countWaitingCounted(
  waiting: number,
  counted: Uint8Array,
  used: number,
  free: Int32Array,
  freeCount: number,
): number {
  if (waiting === 0) return 0;
  const isFree = new Uint8Array(used);
  for (let i = 0; i < freeCount; i++) isFree[free[i]!] = 1;
  let n = 0;
  for (let s = 0; s < used; s++) if (isFree[s] === 0 && counted[s] === 1) n++;
  return n;
}
