import type { CdrLeg } from './records.js';

interface CdrCall {
  answered: boolean;
  busy: boolean;
  noAnswer: boolean;
  queue: boolean;
}

/** What the CDR legs say about calls, including those that never reach a queue. */
export interface CdrReport {
  legs: number;
  /** Calls: legs grouped by linkedid (else uniqueid). */
  calls: number;
  /** Some leg ANSWERED with billsec > 0 (forks answered with billsec 0 do not count). */
  answered: number;
  /** Not answered, some leg BUSY. */
  busy: number;
  /** Not answered nor busy, some leg NO ANSWER. */
  noAnswer: number;
  /** The rest (FAILED, CONGESTION). */
  failed: number;
  /** Some leg's last application was Queue. */
  reachedQueue: number;
  /** Calls that never reached a queue. */
  neverQueued: number;
}

/**
 * Groups CDR legs into calls and classifies them. Memory: one small record per call key.
 * Cost: O(1) per leg.
 */
export class CdrTracker {
  private readonly calls = new Map<string, CdrCall>();
  private legs = 0;

  add(leg: CdrLeg): void {
    this.legs++;
    let call = this.calls.get(leg.callKey);
    if (!call) {
      call = { answered: false, busy: false, noAnswer: false, queue: false };
      this.calls.set(leg.callKey, call);
    }
    if (leg.disposition === 'ANSWERED' && leg.billSeconds > 0) call.answered = true;
    if (leg.disposition === 'BUSY') call.busy = true;
    if (leg.disposition === 'NO ANSWER') call.noAnswer = true;
    if (leg.lastApp.toLowerCase() === 'queue') call.queue = true;
  }

  report(): CdrReport | undefined {
    if (this.legs === 0) return undefined;
    const r: CdrReport = {
      legs: this.legs,
      calls: this.calls.size,
      answered: 0,
      busy: 0,
      noAnswer: 0,
      failed: 0,
      reachedQueue: 0,
      neverQueued: 0,
    };
    for (const call of this.calls.values()) {
      if (call.answered) r.answered++;
      else if (call.busy) r.busy++;
      else if (call.noAnswer) r.noAnswer++;
      else r.failed++;
      if (call.queue) r.reachedQueue++;
      else r.neverQueued++;
    }
    return r;
  }
}
