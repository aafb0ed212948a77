import { CallFlag, NeedOrigin } from './call-records.js';
import {
  Arrival,
  type ArrivalKind,
  CallOutcome,
  OutboundResult,
  type OutboundResultCode,
} from './switchboard-observer.js';
import { SwitchboardTransfers } from './switchboard-transfers.js';

export type { SwitchboardModelOptions } from './switchboard-state.js';

/**
 * The switchboard compiled from a scenario onto the engine: callers arrive by reason, pass the
 * IVR, wait in queues for operators on a roster, are handled, transferred warm or wild (and may
 * bounce back), abandon and redial, accept callbacks; clerks call patients and voicemail
 * messages create calls back. Handlers are registered once; calls and needs are records in typed
 * arrays (see {@link CallRecords}); every random draw comes from a stream named after its
 * purpose, so two scenarios run with the same seed share their random numbers.
 *
 * Cost: O(log E) per event (E the pending events), a few events per call.
 */
export class SwitchboardModel extends SwitchboardTransfers {
  protected override scheduleArrival(reason: number, from: number): void {
    const exp1 = -Math.log(this.rArrival[reason]!.nextOpen());
    const at = this.clock.next(reason, from, exp1);
    if (at < this.horizon) this.sim.scheduleAt(this.evArrival, at, reason);
  }

  protected override arrival(reason: number): void {
    this.scheduleArrival(reason, this.sim.now);
    const n = this.newNeed(reason, NeedOrigin.inbound);
    this.startCall(n, Arrival.first);
  }

  protected override redial(n: number): void {
    this.startCall(n, Arrival.redial);
  }

  /** A call of need `n` reaches the switchboard. */
  protected startCall(n: number, kind: ArrivalKind): void {
    const s = this.scenario;
    const now = this.sim.now;
    const reason = this.needs.reason[n]!;
    const spec = s.reasons[reason]!;
    const c = this.calls.allocate();
    const calls = this.calls;
    calls.need[c] = n;
    calls.reason[c] = reason;
    calls.queue[c] = -1;
    const group = s.callerGroups[this.needs.group[n]!];
    calls.patience[c] =
      spec.patience.sample(this.rPatience[reason]!) * (group?.patienceFactor ?? 1);
    let handle = spec.handleTime.sample(this.rHandle[reason]!) * (group?.handleTimeFactor ?? 1);
    const micro = s.microFlows;
    if (spec.micro && micro && micro.handling === 'pool') handle *= micro.handleTimeFactor;
    calls.handle[c] = handle;
    this.needs.attempts[n]!++;
    for (const observer of this.observers) observer.callArrived?.(c, kind);
    if (!this.isOpen(now)) {
      this.callEnded(c, CallOutcome.closed);
      this.endCallFailed(c);
      return;
    }
    if (this.linesInUse >= s.lines) {
      this.callEnded(c, CallOutcome.busy);
      this.endCallFailed(c);
      return;
    }
    this.linesInUse++;
    if (spec.micro && micro && micro.handling === 'dedicated') {
      this.enqueue(c, micro.dedicatedQueue);
      return;
    }
    const ivr = s.ivr;
    if (ivr === undefined) {
      this.enqueue(c, spec.queue);
      return;
    }
    this.enterMenu(c, 0);
  }

  /** The caller hears menu `m` (its announcement and options), and may hang up meanwhile. */
  private enterMenu(c: number, m: number): void {
    const ivr = this.scenario.ivr!;
    const menu = ivr.menus[m]!;
    this.calls.menu[c] = m;
    const seconds = menu.messageSeconds + ivr.perOptionSeconds * menu.options.length;
    const pHangUp = 1 - (1 - ivr.hangUpPerMinute) ** (seconds / 60);
    const u = this.rIvr.next();
    if (u < pHangUp) this.sim.schedule(this.evIvrHangUp, (seconds * u) / pHangUp, c);
    else this.sim.schedule(this.evIvrDone, seconds, c);
  }

  protected override ivrHangUp(c: number): void {
    this.callEnded(c, CallOutcome.ivrAbandoned);
    this.linesInUse--;
    this.endCallFailed(c);
  }

  protected override ivrDone(c: number): void {
    const ivr = this.scenario.ivr!;
    const reason = this.calls.reason[c]!;
    const rng = this.rIvr;
    const m = this.calls.menu[c]!;
    const menu = ivr.menus[m]!;
    let option = this.choice[m * this.scenario.reasons.length + reason]!;
    const group = this.scenario.callerGroups[this.needs.group[this.calls.need[c]!]!];
    const cannotUse = group?.cannotUseMenu ?? ivr.cannotUse;
    if ((m === 0 && rng.next() < cannotUse) || option < 0) {
      if (ivr.defaultQueue === this.rightQueue(reason)) this.calls.flags[c]! &= ~CallFlag.misrouted;
      this.enqueue(c, ivr.defaultQueue);
      return;
    }
    const n = menu.options.length;
    if (n > 1 && rng.next() < ivr.wrongOption) {
      option = (option + 1 + Math.floor(rng.next() * (n - 1))) % n;
      if ((this.calls.flags[c]! & CallFlag.misrouted) === 0)
        for (const observer of this.observers) observer.misrouted?.(c);
      this.calls.flags[c]! |= CallFlag.misrouted;
    }
    const chosen = menu.options[option]!;
    if (chosen.submenu >= 0) {
      this.enterMenu(c, chosen.submenu);
      return;
    }
    const routes = chosen.routes;
    const u = rng.next();
    let i = 0;
    while (i + 1 < routes.length && u >= routes[i]!.probability) i++;
    const target = routes[i]!.target;
    if (target.kind === 'queue') {
      if (target.index === this.rightQueue(reason)) this.calls.flags[c]! &= ~CallFlag.misrouted;
      this.enqueue(c, target.index);
    } else if (target.kind === 'service') {
      this.calls.queue[c] = ivr.defaultQueue;
      this.startWildTransfer(c, target.index, false);
    } else if ((this.calls.flags[c]! & CallFlag.misrouted) !== 0) {
      this.callEnded(c, CallOutcome.ivrAbandoned);
      this.linesInUse--;
      this.endCallFailed(c);
    } else {
      this.callEnded(c, CallOutcome.ivrResolved);
      this.linesInUse--;
      this.resolveNeed(this.calls.need[c]!);
      this.calls.release(c);
    }
  }

  /** Clerks' calls of day `day`, scheduled at its start (so records stay few whatever the horizon). */
  protected override outboundDay(day: number): void {
    const out = this.scenario.outbound!;
    if ((day + 1) * 86400 < this.horizon)
      this.sim.scheduleAt(this.evOutboundDay, (day + 1) * 86400, day + 1);
    const count = out.callsPerDay[(this.scenario.startWeekday + day) % 7]!;
    const whole = Math.floor(count);
    const calls = whole + (this.rOutbound.next() < count - whole ? 1 : 0);
    for (let i = 0; i < calls; i++) {
      const at =
        day * 86400 + out.fromSeconds + this.rOutbound.next() * (out.toSeconds - out.fromSeconds);
      const n = this.needs.allocate(out.callBackReason, NeedOrigin.outbound);
      this.outboundNeedsAlive++;
      this.sim.scheduleAt(this.evOutbound, Math.min(at, this.horizon), n);
    }
  }

  protected override outboundAttempt(n: number): void {
    const out = this.scenario.outbound!;
    const rng = this.rOutbound;
    const needs = this.needs;
    needs.attempts[n]!++;
    if (rng.next() < out.answerProbability) {
      this.outboundAttemptEnded(n, OutboundResult.reached);
      return;
    }
    const machine = rng.next() < out.answeringMachine;
    if (machine && out.policy === 'leaveMessage') {
      this.outboundAttemptEnded(n, OutboundResult.message);
      if (rng.next() < out.callBackProbability) {
        const patient = this.newNeed(out.callBackReason, NeedOrigin.voicemail);
        this.sim.schedule(this.evPatientCall, out.callBackDelay.sample(rng), patient);
      }
      return;
    }
    if (needs.attempts[n]! < out.maxAttempts) {
      for (const observer of this.observers) observer.outboundAttempted?.(n, OutboundResult.retry);
      this.sim.schedule(this.evOutbound, out.retryDelay.sample(rng), n);
      return;
    }
    this.outboundAttemptEnded(n, OutboundResult.unreached);
  }

  /** The clerk's task of need `n` ends with this attempt. */
  private outboundAttemptEnded(n: number, result: OutboundResultCode): void {
    for (const observer of this.observers) observer.outboundAttempted?.(n, result);
    this.outboundNeedsAlive--;
    this.needs.release(n);
  }

  protected override patientCall(n: number): void {
    this.startCall(n, Arrival.afterMessage);
  }
}
