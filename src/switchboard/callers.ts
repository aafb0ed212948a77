import type { RandomStream } from '../random/random-stream.js';
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
  private readonly patienceStreams: RandomStream[];
  private readonly handleStreams: RandomStream[];
  private readonly groupStream: RandomStream;
  private readonly redialStream: RandomStream;
  private readonly redialEvent: number;
  /** 1 on the days (from the start date) when the switchboard is closed all day. */
  private readonly closedDay: Uint8Array;
  private linesInUse = 0;

  constructor(
    private readonly ctx: ModelContext,
    private readonly parts: Readonly<Pick<ModelParts, 'routing'>>,
    days: number,
  ) {
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
    const n = this.ctx.needs.allocate(reason, origin);
    const groups = this.ctx.scenario.callerGroups;
    if (groups.length > 1) {
      let u = this.groupStream.next();
      let g = 0;
      while (g + 1 < groups.length && u >= groups[g]!.share) u -= groups[g++]!.share;
      this.ctx.needs.group[n] = g;
    }
    for (const observer of this.ctx.observers) observer.needOpened?.(n);
    return n;
  }

  /**
   * A call of need `n` reaches the switchboard: the caller's patience (how long they will wait
   * in a queue, scaled by their group's `patienceFactor`) and the handle time are drawn now,
   * once per call; then the call is turned away (closed, every line busy) or takes a line and is
   * routed.
   */
  startCall(n: number, kind: ArrivalKind): void {
    const s = this.ctx.scenario,
      calls = this.ctx.calls,
      needs = this.ctx.needs;
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
    for (const observer of this.ctx.observers) observer.callArrived?.(c, kind);
    if (!this.isOpen(this.ctx.sim.now)) this.turnAway(c, CallOutcome.closed);
    else if (this.linesInUse >= s.lines) this.turnAway(c, CallOutcome.busy);
    else {
      this.linesInUse++;
      this.parts.routing.route(c);
    }
  }

  private isOpen(t: number): boolean {
    const day = Math.floor(t / 86400);
    if (this.closedDay[day] === 1) return false;
    const s = this.ctx.scenario;
    const ranges = s.openingHours[(s.startWeekday + day) % 7]!;
    const sec = t - day * 86400;
    for (const [from, to] of ranges) if (sec >= from && sec < to) return true;
    return false;
  }

  /** Call `c`, holding no line, ends at once with `outcome`; its need fails. */
  private turnAway(c: number, outcome: CallOutcomeCode): void {
    for (const observer of this.ctx.observers) observer.callEnded?.(c, outcome);
    const n = this.ctx.calls.need[c]!;
    this.ctx.calls.release(c);
    this.failNeed(n);
  }

  endCall(c: number, outcome: CallOutcomeCode, resolved: boolean): void {
    for (const observer of this.ctx.observers) observer.callEnded?.(c, outcome);
    this.hangUp(c, resolved);
  }

  hangUp(c: number, resolved: boolean): void {
    this.linesInUse--;
    const n = this.ctx.calls.need[c]!;
    this.ctx.calls.release(c);
    if (resolved) this.resolveNeed(n);
    else this.failNeed(n);
  }

  freeLine(): void {
    this.linesInUse--;
  }

  resolveNeed(n: number): void {
    this.endNeed(n, true, this.ctx.needs.attempts[n] === 1);
  }

  failNeed(n: number, noRedial = false): void {
    const needs = this.ctx.needs;
    const redials = this.ctx.scenario.reasons[needs.reason[n]!]!.redials;
    if (
      !noRedial &&
      needs.attempts[n]! < redials.maxAttempts &&
      this.redialStream.next() < redials.probability
    ) {
      this.ctx.sim.schedule(this.redialEvent, redials.delay.sample(this.redialStream), n);
      return;
    }
    this.endNeed(n, false, false);
  }

  private endNeed(n: number, resolved: boolean, firstContact: boolean): void {
    for (const observer of this.ctx.observers) observer.needEnded?.(n, resolved, firstContact);
    this.ctx.needs.release(n);
  }
}
