/**
 * A fixed-size histogram of durations in seconds: 1-second bins up to one hour, then 1-minute
 * bins up to a week (the last bin holds everything longer). Constant memory (≈ 13,700 bins),
 * exact below an hour, ±30 s above. Used for waits, patience and redial delays so that a
 * multi-gigabyte log costs no more memory than a small one.
 */
export class SecondsHistogram {
  static readonly fineLimitSeconds = 3600;
  static readonly maxSeconds = 7 * 86_400;
  readonly counts = new Float64Array(
    SecondsHistogram.fineLimitSeconds +
      (SecondsHistogram.maxSeconds - SecondsHistogram.fineLimitSeconds) / 60 +
      1,
  );
  total = 0;

  /** The bin of `seconds` (negative values go to 0). */
  static binOf(seconds: number): number {
    const s = seconds < 0 ? 0 : Math.round(seconds);
    if (s < SecondsHistogram.fineLimitSeconds) return s;
    if (s >= SecondsHistogram.maxSeconds)
      return (
        SecondsHistogram.fineLimitSeconds +
        (SecondsHistogram.maxSeconds - SecondsHistogram.fineLimitSeconds) / 60
      );
    return (
      SecondsHistogram.fineLimitSeconds + Math.floor((s - SecondsHistogram.fineLimitSeconds) / 60)
    );
  }

  /** The representative time (seconds) of bin `bin`. */
  static timeOf(bin: number): number {
    if (bin < SecondsHistogram.fineLimitSeconds) return bin;
    return SecondsHistogram.fineLimitSeconds + (bin - SecondsHistogram.fineLimitSeconds) * 60;
  }

  /** Count one duration. */
  add(seconds: number, weight = 1): void {
    this.counts[SecondsHistogram.binOf(seconds)]! += weight;
    this.total += weight;
  }

  /** The mean in seconds (bins at their representative time), or undefined when empty. */
  mean(): number | undefined {
    if (this.total === 0) return undefined;
    let sum = 0;
    for (let bin = 0; bin < this.counts.length; bin++)
      if (this.counts[bin]! > 0) sum += this.counts[bin]! * SecondsHistogram.timeOf(bin);
    return sum / this.total;
  }

  /** The p-quantile (0 < p < 1) in seconds, or undefined when empty. */
  quantile(p: number): number | undefined {
    if (this.total === 0) return undefined;
    const target = p * this.total;
    let running = 0;
    for (let bin = 0; bin < this.counts.length; bin++) {
      running += this.counts[bin]!;
      if (running >= target && this.counts[bin]! > 0) return SecondsHistogram.timeOf(bin);
    }
    return undefined;
  }
}
