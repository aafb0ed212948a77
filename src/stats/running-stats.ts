/**
 * Count, mean, variance, minimum and maximum of a stream of numbers in constant memory, by
 * Welford's online algorithm (Welford 1962; Knuth, TAOCP vol. 2, §4.2.2): numerically stable,
 * unlike the textbook sum of squares. Two summaries merge exactly (Chan, Golub & LeVeque 1979),
 * so per-thread or per-replication summaries combine.
 *
 * Cost: O(1) per value, no allocation.
 */
export class RunningStats {
  count = 0;
  mean = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  private m2 = 0;

  /** Add one value. */
  add(x: number): void {
    const n = ++this.count;
    const delta = x - this.mean;
    this.mean += delta / n;
    this.m2 += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Sample variance (n − 1 denominator); NaN below two values. */
  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : Number.NaN;
  }

  /** Sample standard deviation. */
  get standardDeviation(): number {
    return Math.sqrt(this.variance);
  }

  /** Sum of the values. */
  get sum(): number {
    return this.mean * this.count;
  }

  /** Fold another summary into this one (as if its values had been added here). */
  merge(other: RunningStats): void {
    if (other.count === 0) return;
    const n = this.count + other.count;
    const delta = other.mean - this.mean;
    this.m2 += other.m2 + (delta * delta * this.count * other.count) / n;
    this.mean += (delta * other.count) / n;
    this.count = n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** Forget every value (end of warm-up). */
  reset(): void {
    this.count = 0;
    this.mean = 0;
    this.m2 = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
  }
}
