import type { RandomStream } from '../random/random-stream.js';
import { NeedOrigin } from './call-records.js';
import { type CallerPort, EventPriority, type ModelContext } from './model-parts.js';
import { Arrival, OutboundResult, type OutboundResultCode } from './switchboard-observer.js';

/**
 * Clerks' outbound calls, part of the switchboard model: each day's calls are drawn at its
 * start (so records stay few whatever the horizon) and attempted at random times in the
 * clerks' hours; a patient reached ends the task, an answering machine takes a message (and
 * the patient may call the switchboard back later: a new need) or the clerk retries.
 *
 * Writes: `needs.attempts` of clerks' tasks. Draws from: `outbound`.
 */
export class OutboundCalls {
  private readonly stream: RandomStream;
  private readonly dayEvent: number;
  private readonly attemptEvent: number;
  private readonly patientCallEvent: number;
  /** Clerks' tasks in progress (needs that are not callers'). */
  needsAlive = 0;

  constructor(
    private readonly ctx: ModelContext,
    private readonly callers: CallerPort,
  ) {
    const sim = ctx.sim;
    this.stream = ctx.streams.get('outbound');
    this.attemptEvent = sim.defineEvent(
      'outbound',
      this.attempt.bind(this),
      EventPriority.outbound,
    );
    this.dayEvent = sim.defineEvent('outboundDay', this.day.bind(this), EventPriority.outbound);
    this.patientCallEvent = sim.defineEvent(
      'patientCall',
      (n) => this.callers.startCall(n, Arrival.afterMessage),
      EventPriority.arrival,
    );
  }

  /** Schedule the first day's calls, if the scenario has clerks' calls. */
  start(): void {
    if (this.ctx.scenario.outbound) this.ctx.sim.scheduleAt(this.dayEvent, 0, 0);
  }

  /** Clerks' calls of day `day`, scheduled at its start. */
  private day(day: number): void {
    const { scenario, sim, horizonSeconds } = this.ctx;
    const out = scenario.outbound!;
    if ((day + 1) * 86400 < horizonSeconds)
      sim.scheduleAt(this.dayEvent, (day + 1) * 86400, day + 1);
    const count = out.callsPerDay[(scenario.startWeekday + day) % 7]!;
    const whole = Math.floor(count);
    const calls = whole + (this.stream.next() < count - whole ? 1 : 0);
    for (let i = 0; i < calls; i++) {
      const at =
        day * 86400 + out.fromSeconds + this.stream.next() * (out.toSeconds - out.fromSeconds);
      const n = this.ctx.needs.allocate(out.callBackReason, NeedOrigin.outbound);
      this.needsAlive++;
      sim.scheduleAt(this.attemptEvent, Math.min(at, horizonSeconds), n);
    }
  }

  private attempt(n: number): void {
    const out = this.ctx.scenario.outbound!;
    const rng = this.stream;
    const needs = this.ctx.needs;
    needs.attempts[n]!++;
    if (rng.next() < out.answerProbability) {
      this.attemptEnded(n, OutboundResult.reached);
      return;
    }
    const machine = rng.next() < out.answeringMachine;
    if (machine && out.policy === 'leaveMessage') {
      this.attemptEnded(n, OutboundResult.message);
      if (rng.next() < out.callBackProbability) {
        const patient = this.callers.openNeed(out.callBackReason, NeedOrigin.voicemail);
        this.ctx.sim.schedule(this.patientCallEvent, out.callBackDelay.sample(rng), patient);
      }
      return;
    }
    if (needs.attempts[n]! < out.maxAttempts) {
      for (const observer of this.ctx.observers)
        observer.outboundAttempted?.(n, OutboundResult.retry);
      this.ctx.sim.schedule(this.attemptEvent, out.retryDelay.sample(rng), n);
      return;
    }
    this.attemptEnded(n, OutboundResult.unreached);
  }

  /** The clerk's task of need `n` ends with this attempt. */
  private attemptEnded(n: number, result: OutboundResultCode): void {
    for (const observer of this.ctx.observers) observer.outboundAttempted?.(n, result);
    this.needsAlive--;
    this.ctx.needs.release(n);
  }
}
