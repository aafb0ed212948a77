/**
 * The discrete-event kernel: a clock and a future-event list. It knows only events and time;
 * models register event types (a handler and a priority) once, then schedule events carrying one
 * number of payload (an index into the model's own typed arrays).
 *
 * Simultaneous events run in order of (time, priority, insertion counter), so every run is
 * reproducible. The future-event list is a binary heap of slot indices over typed arrays; a
 * cancelled event is marked dead and discarded when it reaches the top (lazy deletion), which
 * makes cancelling O(1) — abandonment timers are cancelled far more often than they fire.
 * No allocation per event once the arrays have grown to the model's working size.
 */

/** A registered kind of event. */
export type EventType = number;
/** What `schedule` returns; pass it to `cancel`. */
export type EventHandle = number;
/** Runs when an event fires, with the payload it was scheduled with. */
export type EventHandler = (payload: number) => void;

const SEQUENCE_LIMIT = 2 ** 44;
const GENERATION_SPAN = 2 ** 32;

/** Options of {@link Simulator}. */
export interface SimulatorOptions {
  /** Initial capacity of the event arrays (they grow as needed). */
  initialCapacity?: number;
}

/** The simulation clock and its future-event list. */
export class Simulator {
  /** Current simulation time (seconds by convention of the models in this project). */
  now = 0;
  /** Events executed so far (cancelled ones are not counted). */
  eventsProcessed = 0;

  private handlers: EventHandler[] = [];
  private priorities: number[] = [];
  private names: string[] = [];

  private times: Float64Array;
  private keys: Float64Array; // priority * SEQUENCE_LIMIT + sequence: the tie-break
  private types: Int32Array;
  private payloads: Float64Array;
  private generations: Uint32Array;
  private alive: Uint8Array;
  private heap: Int32Array; // slot indices, heap-ordered
  private heapSize = 0;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotCount = 0;
  private sequence = 0;
  private live = 0;
  private stopped = false;

  constructor(options: SimulatorOptions = {}) {
    const capacity = Math.max(16, options.initialCapacity ?? 1024);
    this.times = new Float64Array(capacity);
    this.keys = new Float64Array(capacity);
    this.types = new Int32Array(capacity);
    this.payloads = new Float64Array(capacity);
    this.generations = new Uint32Array(capacity);
    this.alive = new Uint8Array(capacity);
    this.heap = new Int32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
  }

  /**
   * Register a kind of event. `priority` orders events at the same time: lower runs first
   * (0–255). Returns the type to pass to `schedule`.
   */
  defineEvent(name: string, handler: EventHandler, priority = 0): EventType {
    if (!Number.isInteger(priority) || priority < 0 || priority > 255) {
      throw new RangeError(
        `Simulator.defineEvent: priority must be an integer in 0..255, got ${priority}`,
      );
    }
    this.handlers.push(handler);
    this.priorities.push(priority);
    this.names.push(name);
    return this.handlers.length - 1;
  }

  /** The name an event type was registered with. */
  eventName(type: EventType): string {
    return this.names[type] ?? `#${type}`;
  }

  /** Schedule an event of `type` after `delay` (≥ 0) with `payload`. */
  schedule(type: EventType, delay: number, payload = 0): EventHandle {
    if (!(delay >= 0)) {
      throw new RangeError(`Simulator.schedule: delay must be a non-negative number, got ${delay}`);
    }
    return this.scheduleAt(type, this.now + delay, payload);
  }

  /** Schedule an event of `type` at absolute `time` (≥ now) with `payload`. */
  scheduleAt(type: EventType, time: number, payload = 0): EventHandle {
    if (!(time >= this.now)) {
      throw new RangeError(`Simulator.scheduleAt: time ${time} is before now (${this.now})`);
    }
    if (type < 0 || type >= this.handlers.length) {
      throw new RangeError(`Simulator.scheduleAt: unknown event type ${type}`);
    }
    const slot = this.allocateSlot();
    this.times[slot] = time;
    this.keys[slot] = this.priorities[type]! * SEQUENCE_LIMIT + this.sequence++;
    this.types[slot] = type;
    this.payloads[slot] = payload;
    this.alive[slot] = 1;
    this.live++;
    this.push(slot);
    return slot * GENERATION_SPAN + this.generations[slot]!;
  }

  /**
   * Cancel a scheduled event. Returns false when it already ran or was cancelled (cancelling
   * twice is harmless). O(1).
   */
  cancel(handle: EventHandle): boolean {
    const slot = Math.floor(handle / GENERATION_SPAN);
    const generation = handle - slot * GENERATION_SPAN;
    if (slot >= this.slotCount || this.generations[slot] !== generation || this.alive[slot] === 0) {
      return false;
    }
    this.alive[slot] = 0;
    this.live--;
    return true;
  }

  /** Number of events scheduled and not yet run or cancelled. */
  get pending(): number {
    return this.live;
  }

  /** Time of the next live event, or Infinity when none. */
  peek(): number {
    this.discardDead();
    return this.heapSize > 0 ? this.times[this.heap[0]!]! : Number.POSITIVE_INFINITY;
  }

  /**
   * Run events in order until the next one is later than `until` (then the clock is set to
   * `until` when finite), until no event is left, or until a handler calls `stop()`.
   */
  run(until = Number.POSITIVE_INFINITY): void {
    this.stopped = false;
    while (this.heapSize > 0 && !this.stopped) {
      const slot = this.heap[0]!;
      if (this.alive[slot] === 0) {
        this.pop();
        this.freeSlot(slot);
        continue;
      }
      const time = this.times[slot]!;
      if (time > until) break;
      this.pop();
      this.alive[slot] = 0;
      this.live--;
      const type = this.types[slot]!;
      const payload = this.payloads[slot]!;
      this.freeSlot(slot);
      this.now = time;
      this.eventsProcessed++;
      this.handlers[type]!(payload);
    }
    if (!this.stopped && Number.isFinite(until) && until > this.now) this.now = until;
  }

  /** Make `run` return after the current event. */
  stop(): void {
    this.stopped = true;
  }

  private discardDead(): void {
    while (this.heapSize > 0 && this.alive[this.heap[0]!] === 0) {
      const slot = this.heap[0]!;
      this.pop();
      this.freeSlot(slot);
    }
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount]!;
    if (this.slotCount === this.times.length) this.grow();
    return this.slotCount++;
  }

  private freeSlot(slot: number): void {
    this.generations[slot] = (this.generations[slot]! + 1) >>> 0;
    this.freeSlots[this.freeCount++] = slot;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.times = grow(this.times, (n) => new Float64Array(n));
    this.keys = grow(this.keys, (n) => new Float64Array(n));
    this.types = grow(this.types, (n) => new Int32Array(n));
    this.payloads = grow(this.payloads, (n) => new Float64Array(n));
    this.generations = grow(this.generations, (n) => new Uint32Array(n));
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.heap = grow(this.heap, (n) => new Int32Array(n));
    this.freeSlots = grow(this.freeSlots, (n) => new Int32Array(n));
  }

  private before(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta < tb || (ta === tb && this.keys[a]! < this.keys[b]!);
  }

  private push(slot: number): void {
    const heap = this.heap;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!this.before(slot, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = slot;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap[--this.heapSize]!;
    const size = this.heapSize;
    if (size === 0) return;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && this.before(heap[right]!, heap[child]!)) child = right;
      if (!this.before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }
}
