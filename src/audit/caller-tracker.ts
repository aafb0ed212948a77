import type { CallSummary } from './records.js';
import { SecondsHistogram } from './seconds-histogram.js';

/** The callers section of the report. */
export interface CallersReport {
  /** Distinct identified caller numbers. */
  distinct: number;
  /** Callers with two calls or more. */
  repeat: number;
  /** Mean calls per identified caller. */
  attemptsPerCaller: number;
  /** Share of identified callers none of whose calls was answered. */
  neverGotThrough: number;
  /** Share of identified callers whose first call was answered. */
  firstCallAnswered: number;
  /** Mean total queue wait of a caller over all their calls. */
  waitPerCallerSeconds: number;
  /** Calls without a caller number (not linked to any caller). */
  unidentifiedCalls: number;
  /** Calls from a caller whose previous call was unanswered, within the redial window. */
  redials: number;
  /** Share of unanswered identified calls followed by a redial within the window. */
  redialProbability: number;
  redialWindowSeconds: number;
  /** Delay from the end of an unanswered call to the redial. */
  redialDelaySeconds: { median: number | null; p90: number | null };
  /** Calls that came back within the bounce window after a transferred call ended. */
  backAfterTransfer: number;
}

/**
 * Links calls by caller number into each caller's attempts: repeat callers, redials after an
 * unanswered call (and their delays), callers who never got through, and callers coming back
 * soon after a transfer (a bounced transfer seen across call ids). Attempts are kept in flat
 * typed arrays (21 bytes per identified call, no object per call) and sorted by caller and
 * time when the report is made, so inputs out of time order (per-call exports sorted by line)
 * are handled. Cost: O(1) per call, O(n log n) for the report.
 */
export class CallerTracker {
  private readonly callerIndex = new Map<string, number>();
  private callerOf = new Int32Array(1024);
  private starts = new Float64Array(1024);
  private durations = new Float32Array(1024);
  private waits = new Float32Array(1024);
  /** bit 0: answered; bit 1: transferred. */
  private flags = new Uint8Array(1024);
  private count = 0;
  private unidentified = 0;
  private cached: { report: CallersReport; delays: SecondsHistogram } | undefined;

  constructor(
    readonly redialWindowSeconds = 86_400,
    readonly bounceWindowSeconds = 300,
  ) {}

  private grow(): void {
    const size = this.starts.length * 2;
    const callerOf = new Int32Array(size);
    callerOf.set(this.callerOf);
    this.callerOf = callerOf;
    const starts = new Float64Array(size);
    starts.set(this.starts);
    this.starts = starts;
    const durations = new Float32Array(size);
    durations.set(this.durations);
    this.durations = durations;
    const waits = new Float32Array(size);
    waits.set(this.waits);
    this.waits = waits;
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.flags = flags;
  }

  /** Count one call. */
  add(call: CallSummary): void {
    this.cached = undefined;
    if (call.caller === '') {
      this.unidentified++;
      return;
    }
    let index = this.callerIndex.get(call.caller);
    if (index === undefined) {
      index = this.callerIndex.size;
      this.callerIndex.set(call.caller, index);
    }
    if (this.count === this.starts.length) this.grow();
    const k = this.count++;
    this.callerOf[k] = index;
    this.starts[k] = call.time;
    this.durations[k] = Math.max(0, call.endTime - call.time);
    this.waits[k] = call.totalWaitSeconds;
    this.flags[k] = (call.outcome === 'answered' ? 1 : 0) | (call.transfers > 0 ? 2 : 0);
  }

  private compute(): { report: CallersReport; delays: SecondsHistogram } {
    if (this.cached) return this.cached;
    const delays = new SecondsHistogram();
    const n = this.count;
    const { callerOf, starts, durations, flags, waits } = this;
    let firstAnswered = 0;
    let totalWait = 0;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((x, y) => callerOf[x]! - callerOf[y]! || starts[x]! - starts[y]!);
    let repeat = 0;
    let never = 0;
    let redials = 0;
    let unanswered = 0;
    let back = 0;
    let attempts = 0;
    let answeredAny = false;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const sameCaller = k > 0 && callerOf[order[k - 1]!] === callerOf[i];
      if (!sameCaller) {
        if (k > 0 && !answeredAny) never++;
        attempts = 0;
        answeredAny = false;
      }
      attempts++;
      if (attempts === 2) repeat++;
      totalWait += waits[i]!;
      const answered = (flags[i]! & 1) === 1;
      if (!sameCaller && answered) firstAnswered++;
      if (answered) answeredAny = true;
      else unanswered++;
      if (!sameCaller) continue;
      const p = order[k - 1]!;
      const gap = starts[i]! - (starts[p]! + durations[p]!);
      if ((flags[p]! & 1) === 0 && gap >= 0 && gap <= this.redialWindowSeconds) {
        redials++;
        delays.add(gap);
      }
      if ((flags[p]! & 2) === 2 && gap >= 0 && gap <= this.bounceWindowSeconds) back++;
    }
    if (n > 0 && !answeredAny) never++;
    const distinct = this.callerIndex.size;
    const report: CallersReport = {
      distinct,
      repeat,
      attemptsPerCaller: distinct > 0 ? n / distinct : 0,
      neverGotThrough: distinct > 0 ? never / distinct : 0,
      firstCallAnswered: distinct > 0 ? firstAnswered / distinct : 0,
      waitPerCallerSeconds: distinct > 0 ? totalWait / distinct : 0,
      unidentifiedCalls: this.unidentified,
      redials,
      redialProbability: unanswered > 0 ? redials / unanswered : 0,
      redialWindowSeconds: this.redialWindowSeconds,
      redialDelaySeconds: {
        median: delays.quantile(0.5) ?? null,
        p90: delays.quantile(0.9) ?? null,
      },
      backAfterTransfer: back,
    };
    this.cached = { report, delays };
    return this.cached;
  }

  /** The callers section. */
  report(): CallersReport {
    return this.compute().report;
  }

  /** Histogram of redial delays (for calibration). */
  redialDelays(): SecondsHistogram {
    return this.compute().delays;
  }
}
