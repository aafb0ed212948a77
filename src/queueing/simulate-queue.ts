import { FifoQueue } from '../engine/fifo-queue.js';
import { Resource, scheduleCapacity } from '../engine/resource.js';
import { type EventType, Simulator } from '../engine/simulator.js';
import { parseDistribution } from '../random/distribution-spec.js';
import { PiecewisePoissonProcess } from '../random/piecewise-poisson-process.js';
import type { Distribution } from '../random/distributions.js';
import { type RandomStream, RandomStreams } from '../random/random-stream.js';
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
  return new QueueRun(model, seed).run();
}

// Doubles that change per event live in a typed array (a double in an object field or a
// closure's variable is a heap box: a field that starts as an integer changes shape on its first
// fraction).
const QUEUE_TIME = 0;
const NEXT_ARRIVAL = 1;
// The time-average queue length over the window, kept here rather than in a
// TimeWeightedAverage (the same arithmetic, in the same order): its `set(now, …)` takes the
// time as an argument, a heap number per change wherever V8 did not inline it.
const LINE_AREA = 2; // ∫ queue length dt since the window opened
const LINE_LAST = 3; // time of the last change
const LINE_VALUE = 4; // queue length since then
const LINE_START = 5; // when the window opened
// Waits gathered before they are recorded in the histogram (flushWaits).
const PENDING_WAITS = 1024;

/**
 * The state of one replication. The event handlers are methods (bound once per run), not
 * closures made per run: their code is compiled once per thread and shared by every
 * replication, where a new set of closures per replication had V8 compile them again. Every
 * field is set in the constructor, so each object keeps one shape.
 */
class QueueRun {
  private readonly sim: Simulator;
  private readonly servers: Resource;
  private readonly line: FifoQueue;
  private readonly waits: WaitHistogram;
  // Waits of callers answered from the line, in that order, not yet in `waits` (flushWaits).
  private readonly pendingWaits: Float64Array;
  private pendingCount: number;
  private pendingLimit: number;
  private readonly service: Distribution;
  private readonly patience: Distribution | undefined;
  private readonly arrivalRng: RandomStream;
  private readonly serviceRng: RandomStream;
  private readonly patienceRng: RandomStream;
  private readonly profile: PiecewisePoissonProcess | undefined;
  private readonly rate: number;
  private readonly meanGap: number;
  private readonly capacityK: number;
  private readonly windowStart: number;
  private readonly windowEnd: number;
  private readonly drain: boolean;
  private readonly state: Float64Array;

  // Waiting callers, by slot.
  private slotCapacity: number;
  private arrivedAt: Float64Array;
  private serviceOf: Float64Array;
  private timerOf: Float64Array;
  private ticketOf: Float64Array;
  private countedOf: Uint8Array;
  private freeSlots: Int32Array;
  private freeCount: number;
  private slotsUsed: number;

  private offered: number;
  private answered: number;
  private abandoned: number;
  private blocked: number;
  private queued: number;
  private observing: boolean;
  private meanQueue: number;
  private meanBusy: number;
  private occupancy: number;

  private readonly arrivalEvent: EventType;
  private readonly departureEvent: EventType;
  private readonly abandonEvent: EventType;
  private readonly windowOpensEvent: EventType;
  private readonly windowClosesEvent: EventType;

  constructor(model: QueueModel, seed: number | string) {
    this.service = parseDistribution(model.service, 'service');
    this.patience =
      model.patience === undefined || model.patience === null
        ? undefined
        : parseDistribution(model.patience, 'patience');
    const streams = new RandomStreams(seed);
    this.arrivalRng = streams.get('arrivals');
    this.serviceRng = streams.get('service');
    this.patienceRng = streams.get('patience');
    this.rate = typeof model.arrivals === 'number' ? model.arrivals : 0;
    this.meanGap = this.rate > 0 ? 1 / this.rate : 0;
    this.profile =
      typeof model.arrivals === 'number'
        ? undefined
        : new PiecewisePoissonProcess(
            model.arrivals.ratesPerSecond,
            model.arrivals.intervalSeconds,
            { cyclic: model.arrivals.cyclic ?? false },
          );
    this.capacityK = model.capacity ?? Number.POSITIVE_INFINITY;
    this.windowStart = model.warmupSeconds;
    this.windowEnd = model.warmupSeconds + model.horizonSeconds;
    this.drain = model.drain ?? true;

    this.sim = new Simulator({ initialCapacity: 4096 });
    this.servers = new Resource(this.sim, model.servers, 'servers');
    this.line = new FifoQueue(1024);
    this.waits = new WaitHistogram({ thresholdsSeconds: model.thresholdsSeconds ?? [] });
    this.pendingWaits = new Float64Array(PENDING_WAITS);
    this.pendingCount = 0;
    this.pendingLimit = 1;
    this.state = new Float64Array([0, -1, 0, 0, 0, 0]);

    this.slotCapacity = 1024;
    this.arrivedAt = new Float64Array(this.slotCapacity);
    this.serviceOf = new Float64Array(this.slotCapacity);
    this.timerOf = new Float64Array(this.slotCapacity);
    this.ticketOf = new Float64Array(this.slotCapacity);
    this.countedOf = new Uint8Array(this.slotCapacity);
    this.freeSlots = new Int32Array(this.slotCapacity);
    this.freeCount = 0;
    this.slotsUsed = 0;

    this.offered = 0;
    this.answered = 0;
    this.abandoned = 0;
    this.blocked = 0;
    this.queued = 0;
    this.observing = this.windowStart === 0;
    this.meanQueue = Number.NaN;
    this.meanBusy = Number.NaN;
    this.occupancy = Number.NaN;

    const sim = this.sim;
    this.departureEvent = sim.defineEvent('departure', this.depart.bind(this), P_DEPARTURE);
    this.abandonEvent = sim.defineEvent('abandon', this.abandon.bind(this), P_ABANDON);
    this.arrivalEvent = sim.defineEvent('arrival', this.arrive.bind(this), P_ARRIVAL);
    this.servers.onCapacityIncrease = this.answerFromLine.bind(this);
    if (model.roster !== undefined) {
      const cycle = model.rosterCycleSeconds;
      scheduleCapacity(
        sim,
        this.servers,
        model.roster,
        cycle === undefined ? {} : { cycleSeconds: cycle },
      );
    }
    this.windowOpensEvent = sim.defineEvent('window-opens', this.openWindow.bind(this), P_CONTROL);
    this.windowClosesEvent = sim.defineEvent(
      'window-closes',
      this.closeWindow.bind(this),
      P_CONTROL,
    );
  }

  run(): QueueReplication {
    const sim = this.sim;
    if (this.windowStart > 0) sim.scheduleAt(this.windowOpensEvent, this.windowStart);
    sim.scheduleAt(this.windowClosesEvent, this.windowEnd);
    const first =
      this.profile === undefined
        ? this.rate > 0
          ? -this.meanGap * Math.log(this.arrivalRng.nextOpen())
          : Number.POSITIVE_INFINITY
        : this.profile.next(0, this.arrivalRng);
    if (first < this.windowEnd) this.state[NEXT_ARRIVAL] = sim.scheduleAt(this.arrivalEvent, first);
    sim.run();

    this.flushWaits();
    const waits = this.waits;
    return {
      offered: this.offered,
      answered: this.answered,
      abandoned: this.abandoned,
      blocked: this.blocked,
      queued: this.queued,
      inQueueAtEnd: countWaitingCounted(
        this.line.length,
        this.countedOf,
        this.slotsUsed,
        this.freeSlots,
        this.freeCount,
      ),
      answeredWithin: Array.from(waits.atMost),
      answeredWaitSeconds: waits.sum,
      queueTimeSeconds: this.state[QUEUE_TIME]!,
      meanQueueLength: this.meanQueue,
      meanBusyServers: this.meanBusy,
      occupancy: this.occupancy,
      answeredWaitPercentiles: WAIT_PERCENTILES.map((p) => waits.percentile(p)),
      events: sim.eventsProcessed,
    };
  }

  private takeSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount]!;
    if (this.slotsUsed === this.slotCapacity) this.growSlots();
    return this.slotsUsed++;
  }

  private growSlots(): void {
    const capacity = (this.slotCapacity *= 2);
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.arrivedAt = grow(this.arrivedAt, new Float64Array(capacity));
    this.serviceOf = grow(this.serviceOf, new Float64Array(capacity));
    this.timerOf = grow(this.timerOf, new Float64Array(capacity));
    this.ticketOf = grow(this.ticketOf, new Float64Array(capacity));
    this.countedOf = grow(this.countedOf, new Uint8Array(capacity));
    this.freeSlots = grow(this.freeSlots, new Int32Array(capacity));
  }

  /**
   * Record the waits of callers answered from the line so far in the histogram, in the order
   * they were answered (its sum is added in that order, so the result is the same to the last
   * bit; the zero waits of callers answered on arrival go straight in: adding 0 changes no sum).
   * The departure handler, which also answers the next caller in line, gathers them in a typed
   * array rather than call `waits.record(wait)`: V8 inlines a handler's callees only up to a
   * budget, which that handler exhausts, and a fractional wait passed to a call left out of
   * line is a heap number, one allocation per caller answered from the line.
   * The flushes come at the 1st, 3rd, 7th, 15th… such caller (the limit doubles up to
   * PENDING_WAITS): the branch that calls this is then taken several times before V8 optimises
   * the handler, and after V8 has given the function its feedback vector (at about its eighth
   * call), so the optimised handler has seen it; otherwise its code was thrown away at its first
   * flush (insufficient type feedback), in every thread.
   */
  private flushWaits(): void {
    const pending = this.pendingWaits;
    const waits = this.waits;
    for (let i = 0; i < this.pendingCount; i++) waits.record(pending[i]!);
    this.pendingCount = 0;
    this.pendingLimit = Math.min(2 * this.pendingLimit, PENDING_WAITS);
  }

  /** The line's length changed now: close the time average's last step. */
  private lineChanged(): void {
    const state = this.state;
    const now = this.sim.now;
    state[LINE_AREA]! += state[LINE_VALUE]! * (now - state[LINE_LAST]!);
    state[LINE_LAST] = now;
    state[LINE_VALUE] = this.line.length;
  }

  private stopIfDrained(): void {
    if (this.line.length === 0) this.sim.stop();
  }

  private answerFromLine(): void {
    const sim = this.sim;
    const line = this.line;
    while (line.length > 0 && this.servers.tryAcquire()) {
      const slot = line.dequeue();
      sim.cancel(this.timerOf[slot]!);
      const now = sim.now;
      this.lineChanged();
      const counted = this.countedOf[slot]!;
      if (counted === 1) {
        const wait = now - this.arrivedAt[slot]!;
        this.answered++;
        this.state[QUEUE_TIME]! += wait;
        this.pendingWaits[this.pendingCount++] = wait;
        if (this.pendingCount === this.pendingLimit) this.flushWaits();
      }
      sim.schedule(this.departureEvent, this.serviceOf[slot]!, counted);
      this.freeSlots[this.freeCount++] = slot;
    }
  }

  private depart(): void {
    this.servers.release();
    if (this.line.length > 0) this.answerFromLine();
  }

  // After the window closes, while the line drains: the same, then stop once it is empty. Their
  // own handlers (see closeWindow), so that the hot ones hold no branch first taken at the end.
  private departDraining(): void {
    this.depart();
    this.stopIfDrained();
  }

  private abandonDraining(slot: number): void {
    this.abandon(slot);
    this.stopIfDrained();
  }

  private abandon(slot: number): void {
    const sim = this.sim;
    this.line.cancel(this.ticketOf[slot]!);
    this.lineChanged();
    if (this.countedOf[slot] === 1) {
      this.abandoned++;
      this.state[QUEUE_TIME]! += sim.now - this.arrivedAt[slot]!;
    }
    this.freeSlots[this.freeCount++] = slot;
  }

  private arrive(): void {
    const sim = this.sim;
    const line = this.line;
    const now = sim.now;
    const serviceTime = this.service.sample(this.serviceRng);
    const patience = this.patience;
    const patienceTime = patience === undefined ? 0 : patience.sample(this.patienceRng);
    const next =
      this.profile === undefined
        ? now - this.meanGap * Math.log(this.arrivalRng.nextOpen())
        : this.profile.next(now, this.arrivalRng);
    if (next < this.windowEnd) this.state[NEXT_ARRIVAL] = sim.scheduleAt(this.arrivalEvent, next);
    const counted = this.observing ? 1 : 0;
    this.offered += counted;
    if (this.servers.busy + line.length >= this.capacityK) {
      this.blocked += counted;
      return;
    }
    // One call of `schedule` for both outcomes (a departure, or the abandonment timer of a
    // caller put in line), so that V8 inlines it once and the delay stays an unboxed number.
    let type: EventType;
    let delay: number;
    let payload: number;
    let slot = -1;
    if (line.length === 0 && this.servers.tryAcquire()) {
      if (counted === 1) {
        this.answered++;
        this.waits.record(0);
      }
      type = this.departureEvent;
      delay = serviceTime;
      payload = counted;
    } else {
      this.queued += counted;
      slot = this.takeSlot();
      this.arrivedAt[slot] = now;
      this.serviceOf[slot] = serviceTime;
      this.countedOf[slot] = counted;
      this.ticketOf[slot] = line.enqueue(slot);
      this.lineChanged();
      if (patience === undefined) {
        this.timerOf[slot] = -1;
        return;
      }
      type = this.abandonEvent;
      delay = patienceTime;
      payload = slot;
    }
    const handle = sim.schedule(type, delay, payload);
    if (slot >= 0) this.timerOf[slot] = handle;
  }

  private openWindow(): void {
    this.observing = true;
    const state = this.state;
    state[LINE_AREA] = 0;
    state[LINE_START] = this.sim.now;
    state[LINE_LAST] = this.sim.now;
    this.servers.resetStatistics();
  }

  private closeWindow(): void {
    const sim = this.sim;
    const now = sim.now;
    const servers = this.servers;
    const state = this.state;
    this.meanQueue =
      (state[LINE_AREA]! + state[LINE_VALUE]! * (now - state[LINE_LAST]!)) /
      (now - state[LINE_START]!);
    servers.advance();
    this.meanBusy = servers.busyTime / (now - this.windowStart);
    this.occupancy = servers.busyTime / servers.capacityTime;
    this.observing = false;
    if (this.state[NEXT_ARRIVAL]! >= 0) sim.cancel(this.state[NEXT_ARRIVAL]!);
    if (!this.drain || this.line.length === 0) sim.stop();
    else {
      sim.setHandler(this.departureEvent, this.departDraining.bind(this));
      sim.setHandler(this.abandonEvent, this.abandonDraining.bind(this));
    }
  }
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
