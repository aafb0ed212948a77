/**
 * The time average of a piecewise-constant quantity (queue length, busy servers, calls in the
 * system): ∫ value dt / elapsed time. Call `set(now, value)` whenever the value changes (or
 * `add(now, delta)`); `reset(now)` at the end of warm-up keeps the current value and forgets the
 * past. Constant memory whatever the horizon.
 *
 * Cost: O(1) per change, no allocation.
 */
export class TimeWeightedAverage {
  // Every field starts as a number, not undefined: a field that starts undefined is stored as
  // a tagged value, and every fractional time written to it would allocate a heap number.
  /** The current value. */
  value = 0;
  /** ∫ value dt since the start (or the last reset). */
  area = 0;
  /** Largest value seen since the start (or the last reset). */
  max = 0;
  private start = 0;
  private last = 0;

  constructor(startTime = 0, initialValue = 0) {
    this.start = startTime;
    this.last = startTime;
    this.value = initialValue;
    this.max = initialValue;
  }

  /** The quantity becomes `value` at time `now` (≥ the previous change). */
  set(now: number, value: number): void {
    this.area += this.value * (now - this.last);
    this.last = now;
    this.value = value;
    if (value > this.max) this.max = value;
  }

  /** The quantity changes by `delta` at time `now`. */
  add(now: number, delta: number): void {
    this.set(now, this.value + delta);
  }

  /** Time average over [start, now]; NaN when no time has passed. */
  average(now: number): number {
    const elapsed = now - this.start;
    return (this.area + this.value * (now - this.last)) / elapsed;
  }

  /** Forget the past (end of warm-up): the average restarts at `now` from the current value. */
  reset(now: number): void {
    this.area = 0;
    this.start = now;
    this.last = now;
    this.max = this.value;
  }
}
