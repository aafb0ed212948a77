/**
 * Calls and needs as flat records in typed arrays, indexed by an integer, recycled through a free
 * list: the model allocates nothing per call once the arrays have grown to the number of calls
 * in the system at once, so memory stays flat however long the horizon (simmer and Ciw keep
 * one record per visit in the same spirit).
 */

type Numeric = Float64Array | Int32Array | Uint8Array;

function grown<T extends Numeric>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

/**
 * The free list both kinds of record share: slots handed out, given back and reused; when none is
 * free and all are used, the subclass's arrays (and the list) double. Cost: O(1) amortised.
 */
export abstract class RecordPool {
  capacity: number;
  /** Records in use. */
  count = 0;
  private free: Int32Array;
  private freeCount = 0;
  private used = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.free = new Int32Array(capacity);
  }

  /** A slot for a new record: the last given back, else the next never used. */
  protected take(): number {
    let c: number;
    if (this.freeCount > 0) c = this.free[--this.freeCount]!;
    else {
      if (this.used === this.capacity) {
        const n = this.capacity * 2;
        this.growTo(n);
        this.free = grown(this.free, n);
        this.capacity = n;
      }
      c = this.used++;
    }
    this.count++;
    return c;
  }

  /** Give a record back. */
  release(c: number): void {
    this.free[this.freeCount++] = c;
    this.count--;
  }

  /** Grow every array of the records to `capacity`. */
  protected abstract growTo(capacity: number): void;
}

/** Bits of {@link CallRecords.flags}. */
export const CallFlag = {
  answered: 1,
  misrouted: 2,
  transferring: 8,
  warm: 16,
  /** A wild transfer made by an operator (not an IVR route to a service). */
  operatorTransfer: 64,
} as const;

/** Where a need comes from: a caller, a patient called back after a message, a clerk's task. */
export const NeedOrigin = { inbound: 0, voicemail: 1, outbound: 2 } as const;

/** How a call in progress will end (stored on the call while an event is pending). */
export const CallEnd = {
  completed: 1,
  answeredByService: 2,
  failed: 3,
  bounced: 4,
  warmTakenBack: 5,
  voicemailLeft: 6,
} as const;

/** The calls in the system (and the callback tasks that calls became). */
export class CallRecords extends RecordPool {
  need: Int32Array;
  reason: Int32Array;
  queue: Int32Array;
  group: Int32Array;
  /** The IVR menu the caller is in. */
  menu: Int32Array;
  flags: Uint8Array;
  /**
   * Bounces of a call, or tries of a callback task: up to `queues.*.callback.maxAttempts`, which
   * has no upper bound, so not a byte (256 wrapped to 0 and a task was retried for ever).
   */
  tries: Int32Array;
  outcome: Uint8Array;
  enqueued: Float64Array;
  answeredAt: Float64Array;
  patience: Float64Array;
  handle: Float64Array;
  abandonEvent: Float64Array;
  offerEvent: Float64Array;
  next: Int32Array;
  prev: Int32Array;
  /** A number unique to each call of the run (records are recycled, serials are not). */
  serial: Float64Array;
  private nextSerial = 1;

  constructor(capacity = 1024) {
    super(capacity);
    this.serial = new Float64Array(capacity);
    this.need = new Int32Array(capacity);
    this.reason = new Int32Array(capacity);
    this.queue = new Int32Array(capacity);
    this.group = new Int32Array(capacity);
    this.menu = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.tries = new Int32Array(capacity);
    this.outcome = new Uint8Array(capacity);
    this.enqueued = new Float64Array(capacity);
    this.answeredAt = new Float64Array(capacity);
    this.patience = new Float64Array(capacity);
    this.handle = new Float64Array(capacity);
    this.abandonEvent = new Float64Array(capacity);
    this.offerEvent = new Float64Array(capacity);
    this.next = new Int32Array(capacity);
    this.prev = new Int32Array(capacity);
  }

  /** A fresh record (flags cleared). */
  allocate(): number {
    const c = this.take();
    this.flags[c] = 0;
    this.serial[c] = this.nextSerial++;
    this.tries[c] = 0;
    this.abandonEvent[c] = -1;
    this.offerEvent[c] = -1;
    return c;
  }

  protected growTo(n: number): void {
    this.serial = grown(this.serial, n);
    this.need = grown(this.need, n);
    this.reason = grown(this.reason, n);
    this.queue = grown(this.queue, n);
    this.group = grown(this.group, n);
    this.menu = grown(this.menu, n);
    this.flags = grown(this.flags, n);
    this.tries = grown(this.tries, n);
    this.outcome = grown(this.outcome, n);
    this.enqueued = grown(this.enqueued, n);
    this.answeredAt = grown(this.answeredAt, n);
    this.patience = grown(this.patience, n);
    this.handle = grown(this.handle, n);
    this.abandonEvent = grown(this.abandonEvent, n);
    this.offerEvent = grown(this.offerEvent, n);
    this.next = grown(this.next, n);
    this.prev = grown(this.prev, n);
  }
}

/** Needs: one caller's problem across all the attempts it takes. */
export class NeedRecords extends RecordPool {
  reason: Int32Array;
  attempts: Int32Array;
  transfers: Int32Array;
  origin: Uint8Array;
  totalWait: Float64Array;
  /** The caller group of the need's caller (index into `scenario.callerGroups`; 0 without groups). */
  group: Int32Array;

  constructor(capacity = 1024) {
    super(capacity);
    this.group = new Int32Array(capacity);
    this.reason = new Int32Array(capacity);
    this.attempts = new Int32Array(capacity);
    this.transfers = new Int32Array(capacity);
    this.origin = new Uint8Array(capacity);
    this.totalWait = new Float64Array(capacity);
  }

  /** A fresh need of `reason`. */
  allocate(reason: number, origin: number): number {
    const n = this.take();
    this.reason[n] = reason;
    this.attempts[n] = 0;
    this.transfers[n] = 0;
    this.origin[n] = origin;
    this.totalWait[n] = 0;
    this.group[n] = 0;
    return n;
  }

  protected growTo(n: number): void {
    this.reason = grown(this.reason, n);
    this.attempts = grown(this.attempts, n);
    this.transfers = grown(this.transfers, n);
    this.origin = grown(this.origin, n);
    this.totalWait = grown(this.totalWait, n);
    this.group = grown(this.group, n);
  }
}
