import type { RandomStream } from '../random/random-stream.js';
import { ArrivalClock } from './arrival-clock.js';
import { NeedOrigin } from './call-records.js';
import { type CallerPort, EventPriority, type ModelContext } from './model-parts.js';
import { Arrival } from './switchboard-observer.js';

/**
 * New callers, part of the switchboard model: each reason's calls arrive as a non-homogeneous
 * Poisson process ({@link ArrivalClock}); only the next arrival of each reason is pending, so
 * the events in the list stay few whatever the horizon. Each arrival opens a need and starts
 * its first call.
 *
 * Draws from: `arrivals/<reason>` (one draw per arrival).
 */
export class Arrivals {
  private readonly clock: ArrivalClock;
  private readonly streams: RandomStream[];
  private readonly arrivalEvent: number;

  constructor(
    private readonly ctx: ModelContext,
    private readonly callers: CallerPort,
  ) {
    this.clock = new ArrivalClock(ctx.scenario, ctx.horizonSeconds);
    this.streams = ctx.scenario.reasons.map((r) => ctx.streams.get(`arrivals/${r.name}`));
    this.arrivalEvent = ctx.sim.defineEvent(
      'arrival',
      this.arrival.bind(this),
      EventPriority.arrival,
    );
  }

  /** Schedule the first arrival of each reason. */
  start(): void {
    for (let r = 0; r < this.streams.length; r++) this.scheduleArrival(r, 0);
  }

  private scheduleArrival(reason: number, from: number): void {
    const exp1 = -Math.log(this.streams[reason]!.nextOpen());
    const at = this.clock.next(reason, from, exp1);
    if (at < this.ctx.horizonSeconds) this.ctx.sim.scheduleAt(this.arrivalEvent, at, reason);
  }

  private arrival(reason: number): void {
    this.scheduleArrival(reason, this.ctx.sim.now);
    const n = this.callers.openNeed(reason, NeedOrigin.inbound);
    this.callers.startCall(n, Arrival.first);
  }
}
