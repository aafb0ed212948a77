import { CallEnd, CallFlag } from './call-records.js';
import { CallOutcome } from './switchboard-observer.js';
import { SwitchboardQueues } from './switchboard-queues.js';

/**
 * After the talk, third layer of the model: the operator resolves the call, or transfers it warm
 * (staying on the line until the service answers or the timeout) or wild (putting the caller
 * through unchecked: answered, rings out, voicemail, or bounces back to the queue); misrouted
 * callers are put through to the right queue; micro-flows handled in the pool take longer, are
 * transferred more and answered wrongly more often.
 */
export abstract class SwitchboardTransfers extends SwitchboardQueues {
  /** The queue a caller of `reason` should reach. */
  protected rightQueue(reason: number): number {
    const s = this.scenario;
    const spec = s.reasons[reason]!;
    if (spec.queue >= 0) return spec.queue;
    for (const route of this.leafRoutes[reason] ?? [])
      if (route.target.kind === 'queue') return route.target.index;
    return s.ivr!.defaultQueue;
  }

  /** The operator hangs up after talking to the caller (queue_log COMPLETEAGENT). */
  private completeAgent(c: number): void {
    this.releaseOperator(c);
    for (const observer of this.observers) observer.agentCompleted?.(c);
  }

  protected override talkEnd(c: number): void {
    const s = this.scenario;
    const calls = this.calls;
    const reason = calls.reason[c]!;
    const spec = s.reasons[reason]!;
    const n = calls.need[c]!;
    const rng = this.rTransfer[reason]!;
    if ((calls.flags[c]! & CallFlag.misrouted) !== 0) {
      calls.flags[c]! &= ~CallFlag.misrouted;
      for (const observer of this.observers) observer.putThrough?.(c);
      this.completeAgent(c);
      this.enqueue(c, this.rightQueue(reason));
      return;
    }
    const micro = s.microFlows;
    const pool = spec.micro && micro !== undefined && micro.handling === 'pool';
    const pTransfer = spec.transfer.probability + (pool ? micro.extraTransferProbability : 0);
    const u = rng.next();
    if (spec.transfer.services.length > 0 && u < Math.min(1, pTransfer)) {
      const v = rng.next();
      const cumulative = spec.transfer.cumulative;
      let i = 0;
      while (i + 1 < cumulative.length && v >= cumulative[i]!) i++;
      const service = spec.transfer.services[i]!;
      this.needs.transfers[n]!++;
      const mode = spec.transfer.mode ?? s.transfers.mode;
      if (mode === 'warm') this.startWarmTransfer(c, service);
      else {
        this.releaseOperator(c);
        this.startWildTransfer(c, service, true);
      }
      return;
    }
    this.completeAgent(c);
    this.linesInUse--;
    const error = pool && rng.next() < micro.errorProbability;
    this.callEnded(c, error ? CallOutcome.operatorError : CallOutcome.operatorResolved);
    if (error) this.failNeed(n);
    else this.resolveNeed(n);
    calls.release(c);
  }

  protected serviceAnswers(service: number): boolean {
    const s = this.scenario;
    const minute = Math.floor((this.sim.now % 86400) / 60);
    let p = s.services[service]!.availability[minute]!;
    if (Number.isNaN(p)) p = s.transfers.outcomes.answered;
    return this.rRing.next() < p;
  }

  protected startWarmTransfer(c: number, service: number): void {
    const s = this.scenario;
    const calls = this.calls;
    const ring = s.transfers.ringTime.sample(this.rRing);
    const answers = this.serviceAnswers(service) && ring <= s.transfers.warmTimeoutSeconds;
    for (const observer of this.observers) observer.transferStarted?.(c, service, true);
    calls.outcome[c] = answers ? CallEnd.answeredByService : CallEnd.warmTakenBack;
    calls.flags[c]! |= CallFlag.transferring | CallFlag.warm;
    this.sim.schedule(this.evTransferEnd, answers ? ring : s.transfers.warmTimeoutSeconds, c);
  }

  protected startWildTransfer(c: number, service: number, fromOperator: boolean): void {
    const s = this.scenario;
    const calls = this.calls;
    if (fromOperator) {
      calls.flags[c]! |= CallFlag.operatorTransfer;
      for (const observer of this.observers) observer.transferStarted?.(c, service, false);
    }
    calls.flags[c]! |= CallFlag.transferring;
    const ring = s.transfers.ringTime.sample(this.rRing);
    if (this.serviceAnswers(service)) calls.outcome[c] = CallEnd.answeredByService;
    else {
      const { ringOut, voicemail, bouncedBack } = s.transfers.outcomes;
      const total = ringOut + voicemail + bouncedBack;
      const u = this.rRing.next() * total;
      if (total > 0 && u >= ringOut + voicemail) calls.outcome[c] = CallEnd.bounced;
      else if (u >= ringOut && s.services[service]!.voicemail === 'available')
        calls.outcome[c] = CallEnd.voicemailLeft;
      else calls.outcome[c] = CallEnd.failed;
    }
    this.sim.schedule(this.evTransferEnd, ring, c);
  }

  protected override transferEnd(c: number): void {
    const calls = this.calls;
    const n = calls.need[c]!;
    calls.flags[c]! &= ~CallFlag.transferring;
    const outcome = calls.outcome[c]!;
    const warm = (calls.flags[c]! & CallFlag.warm) !== 0;
    calls.flags[c]! &= ~CallFlag.warm;
    const byOperator = (calls.flags[c]! & CallFlag.operatorTransfer) !== 0;
    calls.flags[c]! &= ~CallFlag.operatorTransfer;
    if (warm || byOperator)
      for (const observer of this.observers) observer.transferEnded?.(c, warm);
    if (outcome === CallEnd.bounced && calls.tries[c]! < this.scenario.transfers.maxBounces) {
      calls.tries[c]!++;
      for (const observer of this.observers) observer.bouncedBack?.(c);
      this.enqueue(c, calls.queue[c]!);
      return;
    }
    // A warm transfer nobody answered: the operator takes a message (which keeps them busy for
    // transfers.messageTime) or not. The draw comes first so the operator's release knows it.
    const message =
      outcome === CallEnd.warmTakenBack && this.rRing.next() < this.scenario.transfers.warmMessage;
    if (warm) this.releaseOperator(c, message ? this.scenario.transfers.messageSeconds : 0);
    this.linesInUse--;
    if (outcome === CallEnd.answeredByService) {
      this.callEnded(c, CallOutcome.serviceAnswered);
      this.resolveNeed(n);
    } else if (outcome === CallEnd.voicemailLeft) {
      // A message in the service's voicemail box: the service calls the patient back.
      this.callEnded(c, CallOutcome.serviceVoicemail);
      this.resolveNeed(n);
    } else if (outcome === CallEnd.warmTakenBack) {
      this.callEnded(c, CallOutcome.warmTakenBack);
      if (message) this.resolveNeed(n);
      else this.failNeed(n);
    } else {
      // Rang out, a full or absent voicemail box, or bounced once too often: the caller gives up
      // this attempt.
      this.callEnded(c, CallOutcome.transferFailed);
      this.failNeed(n);
    }
    calls.release(c);
  }
}
