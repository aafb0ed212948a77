import type { Simulator } from './simulator.js';

/**
 * A pool of identical servers whose capacity can change over time (shifts). `tryAcquire` takes a
 * free server when one exists; `release` gives it back. When the capacity drops below the number
 * of busy servers, those servers finish their current work: `busy` may exceed `capacity` for a
 * while, and no server is handed out until `busy < capacity` again.
 *
 * The resource integrates busy servers and capacity over time (reading the simulator's clock), so
 * occupancy under a time-varying roster is `busyTime / capacityTime`. It knows nothing of what
 * waits for it: a model pairs it with a {@link FifoQueue} and sets
 * `onCapacityIncrease` to serve waiting work when a shift starts.
 *
 * Cost: O(1) per operation, no allocation.
 */
export class Resource {
  /** Servers in use. */
  busy = 0;
  /** Busy-server-seconds since the last `resetStatistics`. */
  busyTime = 0;
  /** Capacity-seconds (servers on shift × time) since the last `resetStatistics`. */
  capacityTime = 0;
  /** Called after `setCapacity` raised the number of free servers (a shift started). */
  onCapacityIncrease: ((resource: Resource) => void) | undefined;

  // Initialised here, not left undefined: a field that starts undefined is stored as a tagged
  // value, and every fractional time written to it would allocate a heap number.
  private lastTime = 0;
  private cap = 0;

  constructor(
    private readonly sim: Simulator,
    capacity: number,
    readonly name = 'resource',
  ) {
    Resource.checkCapacity('Resource', capacity);
    this.cap = capacity;
    this.lastTime = sim.now;
  }

  private static checkCapacity(where: string, capacity: number): void {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError(`${where}: capacity must be an integer ≥ 0, got ${capacity}`);
    }
  }

  /** Servers on shift now. */
  get capacity(): number {
    return this.cap;
  }

  /** Servers free to take work now (never negative). */
  get idle(): number {
    return this.cap > this.busy ? this.cap - this.busy : 0;
  }

  /** Take a free server if there is one. */
  tryAcquire(): boolean {
    if (this.busy >= this.cap) return false;
    this.advance();
    this.busy++;
    return true;
  }

  /** Give a server back. */
  release(): void {
    if (this.busy <= 0) throw new RangeError(`Resource.release: ${this.name} has no busy server`);
    this.advance();
    this.busy--;
  }

  /**
   * Change the number of servers on shift. Busy servers above the new capacity finish their
   * work; when free servers appear, `onCapacityIncrease` runs.
   */
  setCapacity(capacity: number): void {
    Resource.checkCapacity('Resource.setCapacity', capacity);
    this.advance();
    const before = this.idle;
    this.cap = capacity;
    if (this.idle > before && this.onCapacityIncrease !== undefined) this.onCapacityIncrease(this);
  }

  /** Bring the time integrals up to the clock. */
  advance(): void {
    const now = this.sim.now;
    const dt = now - this.lastTime;
    if (dt > 0) {
      this.busyTime += this.busy * dt;
      this.capacityTime += this.cap * dt;
      this.lastTime = now;
    }
  }

  /** Forget the integrals so far (end of warm-up). */
  resetStatistics(): void {
    this.busyTime = 0;
    this.capacityTime = 0;
    this.lastTime = this.sim.now;
  }

  /** Busy time over capacity time since the last reset (NaN before any time has passed). */
  utilization(): number {
    this.advance();
    return this.busyTime / this.capacityTime;
  }
}

/** One step of a capacity schedule: from `atSeconds` on, `capacity` servers are on shift. */
export interface CapacityChange {
  atSeconds: number;
  capacity: number;
}

/** Options of {@link scheduleCapacity}. */
export interface ScheduleCapacityOptions {
  /** Repeat the schedule every `cycleSeconds` (e.g. 86,400 for a daily roster). */
  cycleSeconds?: number;
}

/**
 * Drive a resource's capacity from a roster: at each `atSeconds` (absolute simulation time),
 * `setCapacity(capacity)`. With `cycleSeconds` the roster repeats forever (changes at or after
 * one cycle are rejected). One pending event at a time. Cost: O(1) per change.
 */
export function scheduleCapacity(
  sim: Simulator,
  resource: Resource,
  changes: readonly CapacityChange[],
  options: ScheduleCapacityOptions = {},
): void {
  const sorted = [...changes].sort((a, b) => a.atSeconds - b.atSeconds);
  const cycle = options.cycleSeconds;
  for (const change of sorted) {
    if (!(change.atSeconds >= 0) || (cycle !== undefined && change.atSeconds >= cycle)) {
      throw new RangeError(
        `scheduleCapacity: atSeconds must be ≥ 0${cycle !== undefined ? ` and < cycleSeconds ${cycle}` : ''}, got ${change.atSeconds}`,
      );
    }
  }
  if (cycle !== undefined && !(cycle > 0)) {
    throw new RangeError(`scheduleCapacity: cycleSeconds must be > 0, got ${cycle}`);
  }
  if (sorted.length === 0) return;
  let index = 0;
  let offset = 0;
  const type = sim.defineEvent(
    `capacity:${resource.name}`,
    () => {
      resource.setCapacity(sorted[index]!.capacity);
      index++;
      if (index === sorted.length) {
        if (cycle === undefined) return;
        index = 0;
        offset += cycle;
      }
      sim.scheduleAt(type, Math.max(sim.now, offset + sorted[index]!.atSeconds));
    },
    0,
  );
  sim.scheduleAt(type, Math.max(sim.now, sorted[0]!.atSeconds));
}
