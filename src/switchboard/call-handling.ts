import type { RandomStream } from '../random/random-stream.js';
import { CallEnd, CallFlag } from './call-records.js';
import {
  EventPriority,
  type HandlingPort,
  type ModelContext,
  type ModelParts,
} from './model-parts.js';
import { CallOutcome } from './switchboard-observer.js';

/**
 * The operator's handling of an answered call, part of the switchboard model: the talk, then
 * the operator resolves the call, puts a misrouted caller through to the right queue, or
 * transfers the call warm (staying on the line until the service answers or the timeout, then
 * perhaps taking a message) or wild (putting the caller through unchecked: answered, rings out,
 * voicemail, or bounces back to the queue). Micro-flows handled in the pool are transferred more
 * and answered wrongly more often.
 *
 * Writes: `calls.outcome`, the transfer flags, `tries` (bounces) of calls; `needs.transfers`.
 * Draws from: `transfer/<reason>`, `ringing`.
 */
export class CallHandling implements HandlingPort {
  private readonly transferStreams: RandomStream[];
  private readonly ringStream: RandomStream;
  private readonly talkEndEvent: number;
  private readonly transferEndEvent: number;

  constructor(
    private readonly ctx: ModelContext,
    private readonly parts: Readonly<
      Pick<ModelParts, 'callers' | 'routing' | 'queues' | 'operators'>
    >,
  ) {
    this.transferStreams = ctx.scenario.reasons.map((r) => ctx.streams.get(`transfer/${r.name}`));
    this.ringStream = ctx.streams.get('ringing');
    this.talkEndEvent = ctx.sim.defineEvent(
      'talkEnd',
      this.talkEnd.bind(this),
      EventPriority.talkEnd,
    );
    this.transferEndEvent = ctx.sim.defineEvent(
      'transferEnd',
      this.transferEnd.bind(this),
      EventPriority.transferEnd,
    );
  }

  talk(c: number): void {
    this.ctx.sim.schedule(this.talkEndEvent, this.ctx.calls.handle[c]!, c);
  }

  transferToService(c: number, service: number): void {
    this.startWildTransfer(c, service, false);
  }

  /** The operator hangs up after talking to the caller (queue_log COMPLETEAGENT). */
  private completeAgent(c: number): void {
    this.parts.operators.release(c);
    for (const observer of this.ctx.observers) observer.agentCompleted?.(c);
  }

  /** The talk of call `c` ends: put through, transfer, or resolve (rightly or not). */
  private talkEnd(c: number): void {
    const s = this.ctx.scenario,
      calls = this.ctx.calls,
      needs = this.ctx.needs;
    const reason = calls.reason[c]!;
    const spec = s.reasons[reason]!;
    const rng = this.transferStreams[reason]!;
    if ((calls.flags[c]! & CallFlag.misrouted) !== 0) {
      calls.flags[c]! &= ~CallFlag.misrouted;
      for (const observer of this.ctx.observers) observer.putThrough?.(c);
      this.completeAgent(c);
      this.parts.queues.enqueue(c, this.parts.routing.rightQueue(reason));
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
      needs.transfers[calls.need[c]!]!++;
      const mode = spec.transfer.mode ?? s.transfers.mode;
      if (mode === 'warm') this.startWarmTransfer(c, service);
      else {
        this.parts.operators.release(c);
        this.startWildTransfer(c, service, true);
      }
      return;
    }
    this.completeAgent(c);
    const error = pool && rng.next() < micro.errorProbability;
    this.parts.callers.endCall(
      c,
      error ? CallOutcome.operatorError : CallOutcome.operatorResolved,
      !error,
    );
  }

  /** Whether `service` answers a transfer now (its availability at this minute of the day). */
  private serviceAnswers(service: number): boolean {
    const s = this.ctx.scenario;
    const minute = Math.floor((this.ctx.sim.now % 86400) / 60);
    let p = s.services[service]!.availability[minute]!;
    if (Number.isNaN(p)) p = s.transfers.outcomes.answered;
    return this.ringStream.next() < p;
  }

  private startWarmTransfer(c: number, service: number): void {
    const s = this.ctx.scenario,
      calls = this.ctx.calls;
    const ring = s.transfers.ringTime.sample(this.ringStream);
    const answers = this.serviceAnswers(service) && ring <= s.transfers.warmTimeoutSeconds;
    for (const observer of this.ctx.observers) observer.transferStarted?.(c, service, true);
    calls.outcome[c] = answers ? CallEnd.answeredByService : CallEnd.warmTakenBack;
    calls.flags[c]! |= CallFlag.transferring | CallFlag.warm;
    this.ctx.sim.schedule(
      this.transferEndEvent,
      answers ? ring : s.transfers.warmTimeoutSeconds,
      c,
    );
  }

  private startWildTransfer(c: number, service: number, fromOperator: boolean): void {
    const s = this.ctx.scenario,
      calls = this.ctx.calls;
    if (fromOperator) {
      calls.flags[c]! |= CallFlag.operatorTransfer;
      for (const observer of this.ctx.observers) observer.transferStarted?.(c, service, false);
    }
    calls.flags[c]! |= CallFlag.transferring;
    const ring = s.transfers.ringTime.sample(this.ringStream);
    if (this.serviceAnswers(service)) calls.outcome[c] = CallEnd.answeredByService;
    else {
      const { ringOut, voicemail, bouncedBack } = s.transfers.outcomes;
      const total = ringOut + voicemail + bouncedBack;
      const u = this.ringStream.next() * total;
      if (total > 0 && u >= ringOut + voicemail) calls.outcome[c] = CallEnd.bounced;
      else if (u >= ringOut && s.services[service]!.voicemail === 'available')
        calls.outcome[c] = CallEnd.voicemailLeft;
      else calls.outcome[c] = CallEnd.failed;
    }
    this.ctx.sim.schedule(this.transferEndEvent, ring, c);
  }

  /** The transfer of call `c` ends as drawn when it started (`calls.outcome[c]`). */
  private transferEnd(c: number): void {
    const s = this.ctx.scenario,
      calls = this.ctx.calls;
    calls.flags[c]! &= ~CallFlag.transferring;
    const outcome = calls.outcome[c]!;
    const warm = (calls.flags[c]! & CallFlag.warm) !== 0;
    calls.flags[c]! &= ~CallFlag.warm;
    const byOperator = (calls.flags[c]! & CallFlag.operatorTransfer) !== 0;
    calls.flags[c]! &= ~CallFlag.operatorTransfer;
    if (warm || byOperator)
      for (const observer of this.ctx.observers) observer.transferEnded?.(c, warm);
    if (outcome === CallEnd.bounced && calls.tries[c]! < s.transfers.maxBounces) {
      calls.tries[c]!++;
      for (const observer of this.ctx.observers) observer.bouncedBack?.(c);
      this.parts.queues.enqueue(c, calls.queue[c]!);
      return;
    }
    // A warm transfer nobody answered: the operator takes a message (which keeps them busy for
    // transfers.messageTime) or not. The draw comes first so the operator's release knows it.
    const message =
      outcome === CallEnd.warmTakenBack && this.ringStream.next() < s.transfers.warmMessage;
    if (warm) this.parts.operators.release(c, message ? s.transfers.messageSeconds : 0);
    const callers = this.parts.callers;
    if (outcome === CallEnd.answeredByService)
      callers.endCall(c, CallOutcome.serviceAnswered, true);
    // A message in the service's voicemail box: the service calls the patient back.
    else if (outcome === CallEnd.voicemailLeft)
      callers.endCall(c, CallOutcome.serviceVoicemail, true);
    else if (outcome === CallEnd.warmTakenBack)
      callers.endCall(c, CallOutcome.warmTakenBack, message);
    // Rang out, a full or absent voicemail box, or bounced once too often: the caller gives up
    // this attempt.
    else callers.endCall(c, CallOutcome.transferFailed, false);
  }
}
