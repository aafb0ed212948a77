import type { Simulator } from '../engine/simulator.js';
import type { RandomStream } from '../random/random-stream.js';
import type { Scenario } from '../scenario/scenario-types.js';
import type { CallRecords, NeedRecords } from './call-records.js';
import {
  type CallerPort,
  EventPriority,
  type ModelContext,
  type ModelParts,
} from './model-parts.js';
import {
  Arrival,
  type ArrivalKind,
  CallOutcome,
  type CallOutcomeCode,
  type SwitchboardObserver,
} from './switchboard-observer.js';

/**
 * The callers' side of the switchboard model: a caller's need (drawing the caller's group)
 * across its attempts; each call of it reaching the switchboard, with the caller's own draws
 * (patience, handle time) made there once; the opening hours and the lines that turn calls away;
 * how a call ends (its line freed, its need resolved, or failed and redialled after a delay).
 *
 * Writes: `calls.need`, `reason`, `queue` (-1), `patience`, `handle`; `needs.group`, `attempts`.
 * Draws from: `patience/<reason>`, `handling/<reason>`, `caller-groups`, `redial`.
 */
export class Callers implements CallerPort {
  private readonly scenario: Scenario;
  private readonly sim: Simulator;
  private readonly calls: CallRecords;
  private readonly needs: NeedRecords;
  private readonly observers: readonly SwitchboardObserver[];
  private readonly patienceStreams: RandomStream[];
  private readonly handleStreams: RandomStream[];
  private readonly groupStream: RandomStream;
  private readonly redialStream: RandomStream;
  private readonly redialEvent: number;
  /** 1 on the days (from the start date) when the switchboard is closed all day. */
  private readonly closedDay: Uint8Array;
  private linesInUse = 0;

  constructor(
    ctx: ModelContext,
    private readonly parts: Readonly<Pick<ModelParts, 'routing'>>,
    days: number,
  ) {
    this.scenario = ctx.scenario;
    this.sim = ctx.sim;
    this.calls = ctx.calls;
    this.needs = ctx.needs;
    this.observers = ctx.observers;
    const s = ctx.scenario;
    this.patienceStreams = s.reasons.map((r) => ctx.streams.get(`patience/${r.name}`));
    this.handleStreams = s.reasons.map((r) => ctx.streams.get(`handling/${r.name}`));
    this.groupStream = ctx.streams.get('caller-groups');
    this.redialStream = ctx.streams.get('redial');
    this.closedDay = new Uint8Array(days);
    const start = Date.parse(`${s.startDate}T00:00:00Z`);
    for (const day of s.closedDays) {
      const d = Math.round((Date.parse(`${day}T00:00:00Z`) - start) / 86400000);
      if (d >= 0 && d < days) this.closedDay[d] = 1;
    }
    this.redialEvent = ctx.sim.defineEvent(
      'redial',
      (n) => this.startCall(n, Arrival.redial),
      EventPriority.arrival,
    );
  }

  openNeed(reason: number, origin: number): number {
    const n = this.needs.allocate(reason, origin);
    const groups = this.scenario.callerGroups;
    if (groups.length > 1) {
      let u = this.groupStream.next();
      let g = 0;
      while (g + 1 < groups.length && u >= groups[g]!.share) u -= groups[g++]!.share;
      this.needs.group[n] = g;
    }
    for (const observer of this.observers) observer.needOpened?.(n);
    return n;
  }

  /**
   * A call of need `n` reaches the switchboard: the caller's patience (how long they will wait
   * in a queue, scaled by their group's `patienceFactor`) and the handle time are drawn now,
   * once per call; then the call is turned away (closed, every line busy) or takes a line and is
   * routed.
   */
  startCall(n: number, kind: ArrivalKind): void {
    const s = this.scenario,
      calls = this.calls,
      needs = this.needs;
    const reason = needs.reason[n]!;
    const spec = s.reasons[reason]!;
    const c = calls.allocate();
    calls.need[c] = n;
    calls.reason[c] = reason;
    calls.queue[c] = -1;
    const group = s.callerGroups[needs.group[n]!];
    calls.patience[c] =
      spec.patience.sample(this.patienceStreams[reason]!) * (group?.patienceFactor ?? 1);
    let handle =
      spec.handleTime.sample(this.handleStreams[reason]!) * (group?.handleTimeFactor ?? 1);
    const micro = s.microFlows;
    if (spec.micro && micro && micro.handling === 'pool') handle *= micro.handleTimeFactor;
    calls.handle[c] = handle;
    needs.attempts[n]!++;
    for (const observer of this.observers) observer.callArrived?.(c, kind);
    if (!this.isOpen(this.sim.now)) this.turnAway(c, CallOutcome.closed);
    else if (this.linesInUse >= s.lines) this.turnAway(c, CallOutcome.busy);
    else {
      this.linesInUse++;
      this.parts.routing.route(c);
    }
  }

  private isOpen(t: number): boolean {
    const day = Math.floor(t / 86400);
    if (this.closedDay[day] === 1) return false;
    const s = this.scenario;
    const ranges = s.openingHours[(s.startWeekday + day) % 7]!;
    const sec = t - day * 86400;
    for (const [from, to] of ranges) if (sec >= from && sec < to) return true;
    return false;
  }

  /** Call `c`, holding no line, ends at once with `outcome`; its need fails. */
  private turnAway(c: number, outcome: CallOutcomeCode): void {
    for (const observer of this.observers) observer.callEnded?.(c, outcome);
    const n = this.calls.need[c]!;
    this.calls.release(c);
    this.failNeed(n);
  }

  endCall(c: number, outcome: CallOutcomeCode, resolved: boolean): void {
    for (const observer of this.observers) observer.callEnded?.(c, outcome);
    this.hangUp(c, resolved);
  }

  hangUp(c: number, resolved: boolean): void {
    this.linesInUse--;
    const n = this.calls.need[c]!;
    this.calls.release(c);
    if (resolved) this.resolveNeed(n);
    else this.failNeed(n);
  }

  freeLine(): void {
    this.linesInUse--;
  }

  resolveNeed(n: number): void {
    this.endNeed(n, true, this.needs.attempts[n] === 1);
  }

  failNeed(n: number, noRedial = false): void {
    const needs = this.needs;
    const redials = this.scenario.reasons[needs.reason[n]!]!.redials;
    if (
      !noRedial &&
      needs.attempts[n]! < redials.maxAttempts &&
      this.redialStream.next() < redials.probability
    ) {
      this.sim.schedule(this.redialEvent, redials.delay.sample(this.redialStream), n);
      return;
    }
    this.endNeed(n, false, false);
  }

  private endNeed(n: number, resolved: boolean, firstContact: boolean): void {
    for (const observer of this.observers) observer.needEnded?.(n, resolved, firstContact);
    this.needs.release(n);
  }
}
