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
const INFINITY = Number.POSITIVE_INFINITY;
const ENTRY_TIME = 0;
const ENTRY_KEY = 1;

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

  // Heap-ordered: entry i of the heap is (heapTimes[i], heapKeys[i], heap[i]), so sifting
  // compares contiguous numbers instead of chasing slot indices.
  private heapTimes: Float64Array;
  private heapKeys: Float64Array; // priority * SEQUENCE_LIMIT + sequence: the tie-break
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
  // The event at the top of the heap has run but is not yet removed: the next `schedule`
  // replaces it in place (one sift instead of a pop and a push — most handlers schedule one
  // event), or `settleTop` removes it.
  private topConsumed = false;
  // The time and tie-break key of the event being scheduled, from `schedule`/`scheduleAt`
  // through `insert` to `push`. No fractional number crosses a call inside the kernel: V8
  // inlines `schedule` into the models' handlers, and, depending on the order in which it
  // compiles them, `insert` too but not `push`, or `schedule` but not `insert`; a fractional
  // argument of a call it did not inline is a new heap number, one or two allocations per
  // event (up to 25 MB per quarter-year replication of the engine bench's queue, measured).
  // Through this array the numbers stay unboxed whatever V8 inlines.
  private readonly entry = new Float64Array(2);

  constructor(options: SimulatorOptions = {}) {
    const capacity = Math.max(16, options.initialCapacity ?? 1024);
    this.heapTimes = new Float64Array(capacity);
    this.heapKeys = new Float64Array(capacity);
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

  /**
   * Give a registered kind of event another handler, for its events already scheduled too: a
   * model switches to its end-of-run behaviour (say, stopping once its queue is empty) when the
   * end comes, instead of testing for it in every event. (V8 optimises a handler for the
   * branches it has seen taken; a branch first taken at the end of a run throws the optimised
   * code away and compiles it again, in every thread.)
   */
  setHandler(type: EventType, handler: EventHandler): void {
    if (!(type >= 0 && type < this.handlers.length))
      throw new RangeError(`Simulator.setHandler: unknown event type ${type}`);
    this.handlers[type] = handler;
  }

  /** The name an event type was registered with. */
  eventName(type: EventType): string {
    return this.names[type] ?? `#${type}`;
  }

  /** Schedule an event of `type` after `delay` (≥ 0) with `payload`. */
  schedule(type: EventType, delay: number, payload = 0): EventHandle {
    if (!(delay >= 0)) badDelay(delay);
    this.entry[ENTRY_TIME] = this.now + delay;
    const slot = this.insert(type, payload);
    return slot * GENERATION_SPAN + this.generations[slot]!;
  }

  /** Schedule an event of `type` at absolute `time` (≥ now) with `payload`. */
  scheduleAt(type: EventType, time: number, payload = 0): EventHandle {
    if (!(time >= this.now)) badTime(time, this.now);
    this.entry[ENTRY_TIME] = time;
    const slot = this.insert(type, payload);
    return slot * GENERATION_SPAN + this.generations[slot]!;
  }

  /** Put an event of `type` at time `entry[ENTRY_TIME]` in the list; returns its slot. */
  private insert(type: EventType, payload: number): number {
    if (!(type >= 0 && type < this.priorities.length)) badType(type);
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.newSlot();
    this.types[slot] = type;
    this.payloads[slot] = payload;
    this.alive[slot] = 1;
    this.live++;
    this.entry[ENTRY_KEY] = this.priorities[type]! * SEQUENCE_LIMIT + this.sequence++;
    this.push(slot);
    return slot;
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
    return this.heapSize > 0 ? this.heapTimes[0]! : Number.POSITIVE_INFINITY;
  }

  /**
   * Run events in order until the next one is later than `until` (then the clock is set to
   * `until` when finite), until no event is left, or until a handler calls `stop()`.
   */
  run(until = INFINITY): void {
    this.stopped = false;
    this.settleTop();
    if (this.loop(until) && until < INFINITY) this.advanceTo(until);
  }

  /**
   * The event loop of {@link run}: true when it ended by running out of events (none left, or
   * the next one later than `until`), false when a handler called `stop()`.
   *
   * A method of its own, entered straight into the loop, for V8: a fresh thread's first run is
   * one long call, so V8 allocates the function's type feedback only once inside the loop and
   * optimises it there (on-stack replacement); code before the loop has then run without
   * feedback, and the ordinary optimised code compiled for the next run would be thrown away at
   * its first statement (an "insufficient type feedback" deoptimisation in every thread, and a
   * second compilation). `run`, called once a replication, keeps that code and never gets hot.
   * Likewise what the end of a run needs is returned from inside the loop, not read after it.
   */
  private loop(until: number): boolean {
    for (;;) {
      if (this.stopped) return false;
      if (this.heapSize === 0) return true;
      const slot = this.heap[0]!;
      if (this.alive[slot] === 0) {
        this.pop();
        this.freeSlot(slot);
        continue;
      }
      const time = this.heapTimes[0]!;
      if (time > until) return true;
      this.alive[slot] = 0;
      this.live--;
      const type = this.types[slot]!;
      const payload = this.payloads[slot]!;
      this.freeSlot(slot);
      this.topConsumed = true;
      this.now = time;
      this.eventsProcessed++;
      this.handlers[type]!(payload);
      if (this.topConsumed) {
        this.topConsumed = false;
        this.pop();
      }
    }
  }

  private advanceTo(until: number): void {
    if (until > this.now) this.now = until;
  }

  /** Make `run` return after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /** Remove the event that ran from the top of the heap if no `schedule` replaced it. */
  private settleTop(): void {
    if (this.topConsumed) {
      this.topConsumed = false;
      this.pop();
    }
  }

  private discardDead(): void {
    this.settleTop();
    while (this.heapSize > 0 && this.alive[this.heap[0]!] === 0) {
      const slot = this.heap[0]!;
      this.pop();
      this.freeSlot(slot);
    }
  }

  private newSlot(): number {
    if (this.slotCount === this.types.length) this.grow();
    return this.slotCount++;
  }

  private freeSlot(slot: number): void {
    this.generations[slot] = (this.generations[slot]! + 1) >>> 0;
    this.freeSlots[this.freeCount++] = slot;
  }

  private grow(): void {
    const capacity = this.types.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.heapTimes = grow(this.heapTimes, (n) => new Float64Array(n));
    this.heapKeys = grow(this.heapKeys, (n) => new Float64Array(n));
    this.types = grow(this.types, (n) => new Int32Array(n));
    this.payloads = grow(this.payloads, (n) => new Float64Array(n));
    this.generations = grow(this.generations, (n) => new Uint32Array(n));
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.heap = grow(this.heap, (n) => new Int32Array(n));
    this.freeSlots = grow(this.freeSlots, (n) => new Int32Array(n));
  }

  private push(slot: number): void {
    const time = this.entry[ENTRY_TIME]!;
    const key = this.entry[ENTRY_KEY]!;
    const heap = this.heap;
    const times = this.heapTimes;
    const keys = this.heapKeys;
    if (this.topConsumed) {
      // The event that ran is still at the top: the new one takes its place and sinks.
      this.topConsumed = false;
      heap[0] = slot;
      times[0] = time;
      keys[0] = key;
      this.siftDown(0, this.heapSize);
      return;
    }
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      // The tie-break's load and comparison run every time (see siftDown).
      const pk = keys[parent]!;
      const parentFirst = pk < key;
      if (pt < time || (pt === time && parentFirst)) break;
      heap[i] = heap[parent]!;
      times[i] = pt;
      keys[i] = pk;
      i = parent;
    }
    heap[i] = slot;
    times[i] = time;
    keys[i] = key;
  }

  private pop(): void {
    const size = --this.heapSize;
    if (size === 0) return;
    this.siftDown(size, size);
  }

  /**
   * Move the entry at position `from` to the root of a heap of `size` entries and sift it down.
   * Positions, not the entry's time and key, are passed: integers cross a call that V8 does not
   * inline without a heap number each.
   */
  private siftDown(from: number, size: number): void {
    const heap = this.heap;
    const times = this.heapTimes;
    const keys = this.heapKeys;
    const slot = heap[from]!;
    const time = times[from]!;
    const key = keys[from]!;
    // The tie-breaks (equal times) load and compare keys every time, not only on a tie: a load
    // or comparison V8 has never seen run has no type feedback, and the first tie — in a
    // switchboard, events at the same second, minutes into a run — would throw away the
    // optimised code of every function this is inlined in (`insert`, `scheduleAt`, the handlers,
    // `loop`) in every thread. Two loads and a comparison a level, for none of that.
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      let ct = times[child]!;
      let ck = keys[child]!;
      const right = child + 1;
      if (right < size) {
        const rt = times[right]!;
        const rk = keys[right]!;
        const rightFirst = rk < ck;
        if (rt < ct || (rt === ct && rightFirst)) {
          child = right;
          ct = rt;
          ck = rk;
        }
      }
      const entryFirst = key < ck;
      if (time < ct || (time === ct && entryFirst)) break;
      heap[i] = heap[child]!;
      times[i] = ct;
      keys[i] = ck;
      i = child;
    }
    heap[i] = slot;
    times[i] = time;
    keys[i] = key;
  }
}

function badDelay(delay: number): never {
  throw new RangeError(`Simulator.schedule: delay must be a non-negative number, got ${delay}`);
}

function badTime(time: number, now: number): never {
  throw new RangeError(`Simulator.scheduleAt: time ${time} is before now (${now})`);
}

function badType(type: number): never {
  throw new RangeError(`Simulator.scheduleAt: unknown event type ${type}`);
}
