import type { CallSummary } from './records.js';
import { SecondsHistogram } from './seconds-histogram.js';

/** Attempts of one caller: flat arrays (start, end, flags) in arrival order of the input. */
interface CallerAttempts {
  starts: number[];
  ends: number[];
  /** bit 0: answered; bit 1: transferred. */
  flags: number[];
}

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
 * soon after a transfer (a bounced transfer seen across call ids). Each caller's attempts are
 * sorted by time at the end, so inputs out of time order (per-call exports sorted by line)
 * are handled. Memory: three numbers per identified call.
 */
export class CallerTracker {
  private readonly callers = new Map<string, CallerAttempts>();
  private unidentified = 0;
  private cached: { report: CallersReport; delays: SecondsHistogram } | undefined;

  constructor(
    readonly redialWindowSeconds = 86_400,
    readonly bounceWindowSeconds = 300,
  ) {}

  /** Count one call. */
  add(call: CallSummary): void {
    this.cached = undefined;
    if (call.caller === '') {
      this.unidentified++;
      return;
    }
    let attempts = this.callers.get(call.caller);
    if (!attempts) {
      attempts = { starts: [], ends: [], flags: [] };
      this.callers.set(call.caller, attempts);
    }
    attempts.starts.push(call.time);
    attempts.ends.push(call.endTime);
    attempts.flags.push((call.outcome === 'answered' ? 1 : 0) | (call.transfers > 0 ? 2 : 0));
  }

  private compute(): { report: CallersReport; delays: SecondsHistogram } {
    if (this.cached) return this.cached;
    const delays = new SecondsHistogram();
    let repeat = 0;
    let total = 0;
    let never = 0;
    let redials = 0;
    let unanswered = 0;
    let back = 0;
    for (const a of this.callers.values()) {
      const n = a.starts.length;
      total += n;
      if (n > 1) repeat++;
      let answeredAny = false;
      const order = a.starts.map((_, i) => i);
      if (n > 1) order.sort((x, y) => a.starts[x]! - a.starts[y]!);
      for (let k = 0; k < n; k++) {
        const i = order[k]!;
        const answered = (a.flags[i]! & 1) === 1;
        if (answered) answeredAny = true;
        else unanswered++;
        if (k === 0) continue;
        const p = order[k - 1]!;
        const gap = a.starts[i]! - a.ends[p]!;
        if ((a.flags[p]! & 1) === 0 && gap >= 0 && gap <= this.redialWindowSeconds) {
          redials++;
          delays.add(gap);
        }
        if ((a.flags[p]! & 2) === 2 && gap >= 0 && gap <= this.bounceWindowSeconds) back++;
      }
      if (!answeredAny) never++;
    }
    const distinct = this.callers.size;
    const report: CallersReport = {
      distinct,
      repeat,
      attemptsPerCaller: distinct > 0 ? total / distinct : 0,
      neverGotThrough: distinct > 0 ? never / distinct : 0,
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
