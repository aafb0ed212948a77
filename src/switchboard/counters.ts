import { WaitHistogram } from '../stats/wait-histogram.js';
import { CallEnd, NeedOrigin } from './call-records.js';
import { RosterSchedule } from './roster-schedule.js';
import {
  Arrival,
  type ArrivalKind,
  CallOutcome,
  type CallOutcomeCode,
  OutboundResult,
  type OutboundResultCode,
  type RunEnd,
  type SwitchboardObserver,
  type SwitchboardView,
} from './switchboard-observer.js';
import {
  IntervalField as I,
  type OverallCounts,
  overallCounts,
  PathField as P,
  GroupField as G,
  QueueField as Q,
  ReasonField as R,
  TargetField as T,
  type Tallies,
  WAIT_BIN_EDGES_SECONDS,
} from './tallies.js';

/**
 * The observer that counts every measure of a replication into {@link Tallies}: overall counts,
 * rows per queue, reason and interval of the week, and the call-path row. The model only
 * reports moments ({@link SwitchboardObserver}); what each moment adds to which table is decided
 * here, in one place.
 *
 * To add a measure: add its field to the table in `tallies.ts` (`overallCounts`, or a
 * `QueueField`/`ReasonField`/`IntervalField`/`PathField` entry), count it below in the hook of
 * the moment it depends on, and name it in `replication-measures.ts`. Counting draws no random
 * number, so no other result changes.
 *
 * Cost: O(1) per hook; `finished` walks each group's roster once per interval.
 */
export class Counters implements SwitchboardObserver {
  readonly tallies: Tallies;
  /** Waits of queue answers, seconds, with exact counts at the wait-bin edges. */
  private readonly waitHistogram = new WaitHistogram({ thresholdsSeconds: WAIT_BIN_EDGES_SECONDS });
  private readonly o: OverallCounts;
  private readonly intervalSeconds: number;
  private readonly intervals: number;

  constructor(
    private readonly model: SwitchboardView,
    private readonly horizonSeconds: number,
  ) {
    const s = model.scenario;
    this.intervalSeconds = s.intervalMinutes * 60;
    this.intervals = Math.round(1440 / s.intervalMinutes);
    this.tallies = {
      overall: overallCounts(),
      byQueue: new Float64Array(s.queues.length * Q.size),
      byReason: new Float64Array(s.reasons.length * R.size),
      byGroup: new Float64Array(s.callerGroups.length * G.size),
      byInterval: new Float64Array(7 * this.intervals * I.size),
      paths: new Float64Array(P.size),
      byQueueWeekday: new Float64Array(s.queues.length * 7 * T.size),
    };
    this.o = this.tallies.overall;
  }

  /** The interval of the week holding `t`: weekday (0 = monday) × intervals + interval of the day. */
  private interval(t: number): number {
    const day = Math.floor(t / 86400);
    const weekday = (this.model.scenario.startWeekday + day) % 7;
    return weekday * this.intervals + Math.floor((t - day * 86400) / this.intervalSeconds);
  }

  /** Add 1 (or `by`) to field `field` of the caller group of need `n`, when there are groups. */
  private group(n: number, field: number, by = 1): void {
    const t = this.tallies.byGroup;
    if (t.length > 0) t[this.model.needs.group[n]! * G.size + field]! += by;
  }

  needOpened(n: number): void {
    const needs = this.model.needs;
    if (needs.origin[n] === NeedOrigin.outbound) return;
    this.group(n, G.needs);
    this.o.needs++;
    this.tallies.byReason[needs.reason[n]! * R.size + R.needs]!++;
  }

  needEnded(n: number, resolved: boolean, firstContact: boolean): void {
    const needs = this.model.needs;
    const o = this.o;
    const row = needs.reason[n]! * R.size;
    const t = this.tallies.byReason;
    o.needsEnded++;
    o.attemptsOfEnded += needs.attempts[n]!;
    this.tallies.paths[P.needsEnded1 + Math.min(needs.attempts[n]!, 4) - 1]!++;
    o.waitOfEnded += needs.totalWait[n]!;
    o.transfersOfEnded += needs.transfers[n]!;
    t[row + R.needsEnded]!++;
    t[row + R.attemptsOfEnded]! += needs.attempts[n]!;
    this.group(n, G.needsEnded);
    this.group(n, G.attemptsOfEnded, needs.attempts[n]!);
    if (resolved) this.group(n, G.needsResolved);
    if (resolved && firstContact) this.group(n, G.needsFirstContact);
    if (!resolved)
      this.group(n, G.lostNeedCost, this.model.scenario.costs.lostNeed[needs.reason[n]!]!);
    if (resolved) {
      o.needsResolved++;
      t[row + R.needsResolved]!++;
      if (firstContact) {
        o.needsFirstContact++;
        t[row + R.needsFirstContact]!++;
      }
    } else o.needsUnresolved++;
  }

  callArrived(c: number, kind: ArrivalKind): void {
    const o = this.o;
    if (kind === Arrival.redial) o.redials++;
    else if (kind === Arrival.afterMessage) o.voicemailGeneratedCalls++;
    o.offered++;
    this.group(this.model.calls.need[c]!, G.offered);
    this.tallies.byInterval[this.interval(this.model.sim.now) * I.size + I.offered]!++;
    this.tallies.byReason[this.model.calls.reason[c]! * R.size + R.offered]!++;
  }

  callEnded(c: number, outcome: CallOutcomeCode): void {
    const o = this.o;
    switch (outcome) {
      case CallOutcome.closed:
        o.closed++;
        break;
      case CallOutcome.busy:
        o.busy++;
        this.tallies.byInterval[this.interval(this.model.sim.now) * I.size + I.busy]!++;
        this.tallies.byReason[this.model.calls.reason[c]! * R.size + R.busy]!++;
        break;
      case CallOutcome.ivrAbandoned:
        o.ivrAbandoned++;
        this.group(this.model.calls.need[c]!, G.ivrAbandoned);
        break;
      case CallOutcome.ivrResolved:
        o.ivrResolved++;
        break;
      case CallOutcome.operatorError:
        // A wrong answer is still a call the operator completed.
        o.errors++;
        o.completed++;
        this.tallies.paths[P.operatorCompleted]!++;
        break;
      case CallOutcome.operatorResolved:
        o.completed++;
        this.tallies.paths[P.operatorCompleted]!++;
        break;
      case CallOutcome.serviceVoicemail:
        o.serviceVoicemails++;
        o.completed++;
        break;
      case CallOutcome.serviceAnswered:
        o.completed++;
        break;
      case CallOutcome.warmTakenBack:
        o.completed++;
        o.failedTransfers++;
        break;
      case CallOutcome.transferFailed:
        o.transferFailed++;
        o.failedTransfers++;
        break;
    }
  }

  misrouted(): void {
    this.o.misrouted++;
  }

  queueEntered(c: number): void {
    this.tallies.byQueue[this.model.calls.queue[c]! * Q.size + Q.entries]!++;
  }

  waits(c: number): void {
    this.tallies.byQueue[this.model.calls.queue[c]! * Q.size + Q.waited]!++;
  }

  answered(c: number, wait: number, firstAnswer: boolean): void {
    this.inHand.add(c);
    const calls = this.model.calls;
    const t = this.tallies;
    const q = calls.queue[c]!;
    const inTarget = wait <= this.model.scenario.serviceLevelSeconds ? 1 : 0;
    t.byQueue[q * Q.size + Q.answered]!++;
    t.byQueue[q * Q.size + Q.answeredInTarget]! += inTarget;
    t.byQueue[q * Q.size + Q.waitAnswered]! += wait;
    t.byQueue[q * Q.size + Q.waitAll]! += wait;
    const k = this.interval(calls.enqueued[c]!);
    t.byInterval[k * I.size + I.answered]!++;
    t.byInterval[k * I.size + I.answeredInTarget]! += inTarget;
    t.byInterval[k * I.size + I.waitAnswered]! += wait;
    const qw = (q * 7 + Math.floor(k / this.intervals)) * T.size;
    t.byQueueWeekday[qw + T.answered]!++;
    t.byQueueWeekday[qw + T.answeredInTarget]! += inTarget;
    const reason = calls.reason[c]!;
    // Per reason, a call answered again after a bounce (or once put through) is a re-answer,
    // so that a reason's answered calls never exceed its offered calls.
    t.byReason[reason * R.size + (firstAnswer ? R.answered : R.reanswered)]!++;
    t.byReason[reason * R.size + R.waitAnswered]! += wait;
    const n = calls.need[c]!;
    this.group(n, G.answers);
    this.group(n, G.waitAnswered, wait);
    if (firstAnswer) this.group(n, G.answered);
    this.o.answers++;
    this.o.answeredInTarget += inTarget;
    this.o.waitAnswered += wait;
    this.waitHistogram.record(wait);
    if (firstAnswer) {
      this.o.answered++;
      t.byInterval[k * I.size + I.firstAnswered]!++;
    }
  }

  abandoned(c: number, wait: number): void {
    const calls = this.model.calls;
    const q = calls.queue[c]!;
    const short = wait < this.model.scenario.shortAbandonSeconds ? 1 : 0;
    const t = this.tallies;
    t.byQueue[q * Q.size + Q.abandoned]!++;
    t.byQueue[q * Q.size + Q.shortAbandoned]! += short;
    t.byQueue[q * Q.size + Q.waitAll]! += wait;
    const k = this.interval(calls.enqueued[c]!);
    t.byInterval[k * I.size + I.abandoned]!++;
    t.byInterval[k * I.size + I.shortAbandoned]! += short;
    t.byQueueWeekday[(q * 7 + Math.floor(k / this.intervals)) * T.size + T.abandoned]!++;
    t.byReason[calls.reason[c]! * R.size + R.abandoned]!++;
    this.group(calls.need[c]!, G.abandoned);
    this.o.abandoned++;
    this.o.shortAbandoned += short;
  }

  callbackAccepted(c: number, wait: number): void {
    const q = this.model.calls.queue[c]!;
    this.tallies.byQueue[q * Q.size + Q.callbackAccepted]!++;
    this.tallies.byQueue[q * Q.size + Q.waitAll]! += wait;
    this.o.callbackAccepted++;
  }

  /**
   * The operator's busy time, from the answer to the end of the wrap-up, is booked to the
   * intervals it spans (not all to the interval of the answer), up to the horizon.
   */
  operatorReleased(c: number, busySeconds: number): void {
    this.inHand.delete(c);
    const calls = this.model.calls;
    const g = calls.group[c]!;
    const from = calls.answeredAt[c]!;
    const seconds = this.bookAcross(from, from + busySeconds, I.busySeconds);
    this.tallies.byQueue[g * Q.size + Q.busySeconds]! += seconds;
    this.o.busySeconds += seconds;
  }

  /** Calls an operator has answered (or called back) and not yet released. */
  private readonly inHand = new Set<number>();

  /**
   * Add `weight` × the seconds of [from, to) (cut at the horizon) to field `field` of each
   * interval of the week they fall in; returns the seconds of [from, to) booked (unweighted).
   * Cost: O(intervals spanned).
   */
  private bookAcross(from: number, to: number, field: number, weight = 1): number {
    const end = Math.min(to, this.horizonSeconds);
    let t = from;
    while (t < end) {
      const next = Math.min(end, (Math.floor(t / this.intervalSeconds) + 1) * this.intervalSeconds);
      this.tallies.byInterval[this.interval(t) * I.size + field]! += (next - t) * weight;
      t = next;
    }
    return Math.max(0, end - from);
  }

  /** Per group: when busy / on-duty last changed, and their values since. */
  private staffSince: Float64Array | undefined;
  private busySince: Int32Array | undefined;
  private dutySince: Int32Array | undefined;

  /**
   * Overtime: while more operators of a group are busy than are on duty (the roster went down
   * while they had a call in hand), the excess is staffed time past the roster. Integrated
   * exactly between changes, so staffed time (roster + overtime) is never less than busy time
   * in any interval and occupancy never exceeds 100 %.
   */
  staffChanged(g: number): void {
    const groups = this.model.scenario.queues.length;
    this.staffSince ??= new Float64Array(groups);
    this.busySince ??= new Int32Array(groups);
    this.dutySince ??= new Int32Array(groups);
    this.bookOvertime(g, this.model.sim.now);
    this.busySince[g] = this.model.busy[g]!;
    this.dutySince[g] = this.model.onDuty[g]!;
  }

  private bookOvertime(g: number, now: number): void {
    const excess = this.busySince![g]! - this.dutySince![g]!;
    const from = this.staffSince![g]!;
    if (excess > 0 && now > from) {
      const seconds = excess * this.bookAcross(from, now, I.overtimeSeconds, excess);
      this.tallies.byQueue[g * Q.size + Q.overtimeSeconds]! += seconds;
      this.o.overtimeSeconds += seconds;
    }
    this.staffSince![g] = now;
  }

  putThrough(): void {
    this.tallies.paths[P.putThrough]!++;
  }

  transferStarted(c: number, _service: number, warm: boolean): void {
    this.o.transfers++;
    this.tallies.byReason[this.model.calls.reason[c]! * R.size + R.transfers]!++;
    if (warm) {
      this.o.warmTransfers++;
      this.tallies.paths[P.warmInFlightAtEnd]!++;
    } else {
      this.o.wildTransfers++;
      this.tallies.paths[P.wildInFlightAtEnd]!++;
    }
  }

  /** What became of an operator's transfer (the call-path row). */
  transferEnded(c: number, warm: boolean): void {
    const p = this.tallies.paths;
    const calls = this.model.calls;
    const outcome = calls.outcome[c]!;
    if (warm) {
      p[P.warmInFlightAtEnd]!--;
      p[outcome === CallEnd.answeredByService ? P.warmAnswered : P.warmTakenBack]!++;
      return;
    }
    p[P.wildInFlightAtEnd]!--;
    if (outcome === CallEnd.answeredByService) p[P.wildAnswered]!++;
    else if (outcome === CallEnd.voicemailLeft) p[P.wildVoicemail]!++;
    else if (
      outcome === CallEnd.bounced &&
      calls.tries[c]! < this.model.scenario.transfers.maxBounces
    )
      p[P.wildBouncedBack]!++;
    else p[P.wildLost]!++;
  }

  bouncedBack(c: number): void {
    this.o.bouncedBack++;
    this.tallies.byReason[this.model.calls.reason[c]! * R.size + R.bouncedBack]!++;
  }

  callbackStarted(c: number): void {
    this.inHand.add(c);
    this.o.callbacksMade++;
    this.tallies.byQueue[this.model.calls.queue[c]! * Q.size + Q.callbacksMade]!++;
  }

  callbackEnded(c: number, answered: boolean): void {
    if (!answered) {
      this.o.callbacksUnreached++;
      return;
    }
    this.o.callbacksAnswered++;
    this.tallies.byQueue[this.model.calls.queue[c]! * Q.size + Q.callbacksAnswered]!++;
  }

  outboundAttempted(_n: number, result: OutboundResultCode): void {
    const o = this.o;
    o.outboundAttempts++;
    if (result === OutboundResult.reached) o.outboundReached++;
    else if (result === OutboundResult.message) o.outboundMessages++;
    else if (result === OutboundResult.unreached) o.outboundUnreached++;
  }

  finished(end: RunEnd): void {
    const o = this.o;
    const t = this.tallies;
    const s = this.model.scenario;
    for (let q = 0; q < s.queues.length; q++) {
      // Every queue entry is answered, abandons, accepts a callback, or is still waiting.
      const row = q * Q.size;
      t.byQueue[row + Q.waitingAtEnd] =
        t.byQueue[row + Q.entries]! -
        t.byQueue[row + Q.answered]! -
        t.byQueue[row + Q.abandoned]! -
        t.byQueue[row + Q.callbackAccepted]!;
    }
    const waits = this.waitHistogram;
    let below = 0;
    for (let i = 0; i < waits.thresholds.length; i++) {
      // Exact counts at the declared edges: bin i holds waits in (edge i-1, edge i] (0 in the first).
      const atMost = waits.atMost[i]!;
      t.paths[P.waitBins + i] = atMost - below;
      below = atMost;
    }
    t.paths[P.waitBins + waits.thresholds.length] = waits.count - below;
    o.inSystemAtEnd = end.callsInSystem;
    o.needsOpenAtEnd = end.needsOpen;
    const horizon = this.horizonSeconds;
    // Calls still in an operator's hands when the run stops: busy from the answer to the horizon
    // (their release, which books the rest, never comes).
    for (const c of this.inHand) {
      const g = this.model.calls.group[c]!;
      const seconds = this.bookAcross(this.model.calls.answeredAt[c]!, horizon, I.busySeconds);
      t.byQueue[g * Q.size + Q.busySeconds]! += seconds;
      o.busySeconds += seconds;
    }
    if (this.staffSince) for (let g = 0; g < s.queues.length; g++) this.bookOvertime(g, horizon);
    for (let g = 0; g < s.queues.length; g++) {
      const roster = new RosterSchedule(s.queues[g]!.roster, s.startWeekday);
      let time = 0;
      while (time < horizon) {
        const next = Math.min(
          roster.nextChange(time),
          horizon,
          (Math.floor(time / this.intervalSeconds) + 1) * this.intervalSeconds,
        );
        const seconds = (next - time) * roster.operatorsAt(time);
        t.byQueue[g * Q.size + Q.rosterSeconds]! += seconds;
        t.byInterval[this.interval(time) * I.size + I.rosterSeconds]! += seconds;
        o.rosterSeconds += seconds;
        time = next;
      }
    }
  }
}
