import { endianness } from 'node:os';

// A double's bits: the exponent and the top mantissa bits give a log-linear bucket directly,
// with no logarithm (HdrHistogram's trick).
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const HIGH_WORD = endianness() === 'LE' ? 1 : 0;

/** Options of {@link WaitHistogram}. */
export interface WaitHistogramOptions {
  /** Thresholds (seconds) whose "waited ≤ T" share is counted exactly, e.g. [20, 60]. */
  thresholdsSeconds?: readonly number[];
  /** Smallest positive value resolved (seconds); smaller positive waits share one bucket. */
  resolutionSeconds?: number;
  /** Buckets per doubling, a power of two ≤ 2²⁰: a bucket is at most 1/n of its value wide (0.78 % for 128). */
  bucketsPerDoubling?: number;
  /** Doublings above the resolution covered before the overflow bucket. */
  doublings?: number;
}

/**
 * The distribution of waiting times in constant memory: a log-linear histogram (like
 * HdrHistogram: a fixed number of buckets per doubling, so every bucket is a small fraction of
 * its value) with an exact bucket for zero waits (most calls of a well-staffed queue) and exact
 * counters for declared thresholds. Answers the share waiting at most T for any T (exact at
 * declared thresholds, within one bucket elsewhere: ±0.78 % of T by default) and percentiles.
 * Within a doubling the buckets are equally wide, read from the top bits of the double's
 * mantissa.
 *
 * Default range: 1 ms to 1 ms × 2⁴⁰ (35 years) in 5,120 buckets (40 KiB).
 * Cost: a division and a few integer operations per value; no allocation.
 */
export class WaitHistogram {
  /** Values recorded. */
  count = 0;
  /** Sum of the values recorded. */
  sum = 0;
  /** Values exactly 0. */
  zeros = 0;
  /** Largest value recorded. */
  max = 0;
  /** The declared thresholds (seconds). */
  readonly thresholds: Float64Array;
  /** For each declared threshold, the values ≤ it (exact). */
  readonly atMost: Float64Array;
  private readonly buckets: Float64Array;
  private readonly resolution: number;
  private readonly perDoubling: number;
  private readonly last: number;
  private readonly shift: number;

  constructor(options: WaitHistogramOptions = {}) {
    this.resolution = options.resolutionSeconds ?? 0.001;
    this.perDoubling = options.bucketsPerDoubling ?? 128;
    const doublings = options.doublings ?? 40;
    const n = this.perDoubling;
    if (
      !(this.resolution > 0) ||
      !Number.isInteger(n) ||
      n < 1 ||
      n > 2 ** 20 ||
      (n & (n - 1)) !== 0
    ) {
      throw new RangeError(
        'WaitHistogram: resolution must be > 0 and bucketsPerDoubling a power of two ≤ 2^20',
      );
    }
    this.shift = 20 - Math.log2(n);
    // bucket 0: (0, resolution); bucket 1 + e·n + j: res·2^e·[1 + j/n, 1 + (j+1)/n); last: overflow
    this.last = doublings * this.perDoubling + 1;
    this.buckets = new Float64Array(this.last + 1);
    this.thresholds = Float64Array.from(options.thresholdsSeconds ?? []);
    this.atMost = new Float64Array(this.thresholds.length);
  }

  private bucketOf(x: number): number {
    if (x < this.resolution) return 0;
    scratch[0] = x / this.resolution;
    const high = words[HIGH_WORD]!;
    const k = 1 + ((high >>> 20) - 1023) * this.perDoubling + ((high & 0xfffff) >>> this.shift);
    return k < this.last ? k : this.last;
  }

  private lowerBound(bucket: number): number {
    if (bucket === 0) return 0;
    const k = bucket - 1;
    const e = Math.floor(k / this.perDoubling);
    const j = k - e * this.perDoubling;
    return this.resolution * 2 ** e * (1 + j / this.perDoubling);
  }

  /** Record one wait (seconds, ≥ 0). */
  record(x: number): void {
    this.count++;
    this.sum += x;
    if (x > this.max) this.max = x;
    const t = this.thresholds;
    for (let i = 0; i < t.length; i++) if (x <= t[i]!) this.atMost[i]!++;
    if (x === 0) {
      this.zeros++;
      return;
    }
    this.buckets[this.bucketOf(x)]!++;
  }

  /** Mean of the values recorded (NaN when none). */
  get mean(): number {
    return this.sum / this.count;
  }

  /**
   * Number of values ≤ `t`: exact at a declared threshold, otherwise interpolated linearly
   * inside the bucket holding `t`.
   */
  countAtMost(t: number): number {
    const declared = this.thresholds.indexOf(t);
    if (declared >= 0) return this.atMost[declared]!;
    if (t < 0) return 0;
    if (t >= this.max) return this.count;
    const b = this.bucketOf(t);
    let n = this.zeros;
    for (let i = 0; i < b; i++) n += this.buckets[i]!;
    const lo = this.lowerBound(b);
    const hi = b === this.last ? this.max : this.lowerBound(b + 1);
    return n + (hi > lo ? (this.buckets[b]! * (t - lo)) / (hi - lo) : 0);
  }

  /** Share of values ≤ `t` (NaN when none recorded). */
  fractionAtMost(t: number): number {
    return this.countAtMost(t) / this.count;
  }

  /** The `p`-quantile (0 ≤ p ≤ 1), interpolated inside its bucket; NaN when empty. */
  percentile(p: number): number {
    if (!(p >= 0 && p <= 1))
      throw new RangeError(`WaitHistogram.percentile: p must be in [0, 1], got ${p}`);
    if (this.count === 0) return Number.NaN;
    const target = p * this.count;
    let n = this.zeros;
    if (target <= n) return 0;
    for (let b = 0; b <= this.last; b++) {
      const c = this.buckets[b]!;
      if (n + c >= target) {
        const lo = this.lowerBound(b);
        const hi = Math.min(b === this.last ? this.max : this.lowerBound(b + 1), this.max);
        return lo + ((hi - lo) * (target - n)) / c;
      }
      n += c;
    }
    return this.max;
  }

  /** Forget every value (end of warm-up). */
  reset(): void {
    this.count = 0;
    this.sum = 0;
    this.zeros = 0;
    this.max = 0;
    this.buckets.fill(0);
    this.atMost.fill(0);
  }
}
