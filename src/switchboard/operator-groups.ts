import type { RandomStream } from '../random/random-stream.js';
import {
  EventPriority,
  type ModelContext,
  type ModelParts,
  type OperatorPort,
} from './model-parts.js';
import { RosterSchedule } from './roster-schedule.js';

/**
 * The operator groups, part of the switchboard model (one group per queue): operators are
 * counted, not named — a number on duty (following the group's roster) and a number busy
 * (talking, holding a warm transfer, taking a message, calling back, wrapping up). An operator
 * released from a call wraps up, then takes waiting work; operators past their shift finish the
 * call in hand.
 *
 * Draws from: `wrapUp/<queue>`.
 */
export class OperatorGroups implements OperatorPort {
  /** Operators on duty per group. */
  readonly onDuty: Int32Array;
  /** Operators busy per group. */
  readonly busy: Int32Array;
  private readonly rosters: RosterSchedule[];
  private readonly wrapStreams: RandomStream[];
  private readonly rosterEvent: number;
  private readonly wrapEndEvent: number;

  constructor(
    private readonly ctx: ModelContext,
    private readonly parts: Readonly<Pick<ModelParts, 'queues'>>,
  ) {
    const s = ctx.scenario;
    this.onDuty = new Int32Array(s.queues.length);
    this.busy = new Int32Array(s.queues.length);
    this.rosters = s.queues.map((q) => new RosterSchedule(q.roster, s.startWeekday));
    this.wrapStreams = s.queues.map((q) => ctx.streams.get(`wrapUp/${q.name}`));
    this.rosterEvent = ctx.sim.defineEvent(
      'roster',
      this.rosterChange.bind(this),
      EventPriority.roster,
    );
    this.wrapEndEvent = ctx.sim.defineEvent(
      'wrapEnd',
      this.wrapEnd.bind(this),
      EventPriority.wrapEnd,
    );
  }

  /** Put each group's first roster on duty at time 0. */
  start(): void {
    for (let g = 0; g < this.onDuty.length; g++) this.ctx.sim.scheduleAt(this.rosterEvent, 0, g);
  }

  hasFree(g: number): boolean {
    return this.busy[g]! < this.onDuty[g]!;
  }

  take(g: number): void {
    this.busy[g]!++;
    for (const observer of this.ctx.observers) observer.staffChanged?.(g);
  }

  /**
   * Operator of group `calls.group[c]` ends work on call `c`: draw the wrap-up, report, then
   * wrap up; with `extraSeconds`, after that much more work for the call first (a message taken).
   */
  release(c: number, extraSeconds = 0): void {
    const scenario = this.ctx.scenario,
      calls = this.ctx.calls,
      sim = this.ctx.sim;
    const g = calls.group[c]!;
    const wrap = scenario.queues[g]!.wrapUp.sample(this.wrapStreams[g]!) + extraSeconds;
    const busySeconds = sim.now - calls.answeredAt[c]! + wrap;
    for (const observer of this.ctx.observers) observer.operatorReleased?.(c, busySeconds);
    if (wrap > 0) sim.schedule(this.wrapEndEvent, wrap, g);
    else this.wrapEnd(g);
  }

  private wrapEnd(g: number): void {
    this.busy[g]!--;
    for (const observer of this.ctx.observers) observer.staffChanged?.(g);
    this.parts.queues.dispatchGroup(g);
  }

  private rosterChange(g: number): void {
    const now = this.ctx.sim.now;
    this.onDuty[g] = this.rosters[g]!.operatorsAt(now);
    for (const observer of this.ctx.observers) observer.staffChanged?.(g);
    const next = this.rosters[g]!.nextChange(now);
    if (next < this.ctx.horizonSeconds) this.ctx.sim.scheduleAt(this.rosterEvent, next, g);
    this.parts.queues.dispatchGroup(g);
  }
}
