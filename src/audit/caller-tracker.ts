import type { CallSummary } from './records.js';
import { SecondsHistogram } from './seconds-histogram.js';

interface CallerState {
  attempts: number;
  answered: number;
  lastTime: number;
  lastEnd: number;
  lastAnswered: boolean;
  lastTransferred: boolean;
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
 * soon after a transfer (a bounced transfer seen across call ids). Memory: one small record
 * per distinct caller. Calls should arrive in time order; a call older than the caller's
 * previous one is counted but not used for delays.
 */
export class CallerTracker {
  private readonly callers = new Map<string, CallerState>();
  private readonly delays = new SecondsHistogram();
  private unidentified = 0;
  private redials = 0;
  private unansweredIdentified = 0;
  private backAfterTransfer = 0;

  constructor(
    readonly redialWindowSeconds = 86_400,
    readonly bounceWindowSeconds = 300,
  ) {}

  /** Count one call. */
  add(call: CallSummary): void {
    const answered = call.outcome === 'answered';
    if (call.caller === '') {
      this.unidentified++;
      return;
    }
    if (!answered) this.unansweredIdentified++;
    const state = this.callers.get(call.caller);
    if (!state) {
      this.callers.set(call.caller, {
        attempts: 1,
        answered: answered ? 1 : 0,
        lastTime: call.time,
        lastEnd: call.endTime,
        lastAnswered: answered,
        lastTransferred: call.transfers > 0,
      });
      return;
    }
    state.attempts++;
    if (answered) state.answered++;
    if (call.time >= state.lastTime) {
      const gap = call.time - state.lastEnd;
      if (!state.lastAnswered && gap >= 0 && gap <= this.redialWindowSeconds) {
        this.redials++;
        this.delays.add(gap);
      }
      if (state.lastTransferred && gap >= 0 && gap <= this.bounceWindowSeconds)
        this.backAfterTransfer++;
      state.lastTime = call.time;
      state.lastEnd = call.endTime;
      state.lastAnswered = answered;
      state.lastTransferred = call.transfers > 0;
    }
  }

  /** The callers section. */
  report(): CallersReport {
    let repeat = 0;
    let attempts = 0;
    let never = 0;
    for (const state of this.callers.values()) {
      attempts += state.attempts;
      if (state.attempts > 1) repeat++;
      if (state.answered === 0) never++;
    }
    const distinct = this.callers.size;
    return {
      distinct,
      repeat,
      attemptsPerCaller: distinct > 0 ? attempts / distinct : 0,
      neverGotThrough: distinct > 0 ? never / distinct : 0,
      unidentifiedCalls: this.unidentified,
      redials: this.redials,
      redialProbability:
        this.unansweredIdentified > 0 ? this.redials / this.unansweredIdentified : 0,
      redialWindowSeconds: this.redialWindowSeconds,
      redialDelaySeconds: {
        median: this.delays.quantile(0.5) ?? null,
        p90: this.delays.quantile(0.9) ?? null,
      },
      backAfterTransfer: this.backAfterTransfer,
    };
  }

  /** Histogram of redial delays (for calibration). */
  redialDelays(): SecondsHistogram {
    return this.delays;
  }
}
