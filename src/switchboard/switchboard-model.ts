import { Simulator } from '../engine/simulator.js';
import { type RandomStream, RandomStreams } from '../random/random-stream.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { ArrivalClock } from './arrival-clock.js';
import { CallFlag, CallRecords, NeedRecords } from './call-records.js';
import { RosterSchedule } from './roster-schedule.js';
import { I, type OverallCounts, overallCounts, Q, R, type Tallies } from './tallies.js';

/** Options of {@link SwitchboardModel}. */
export interface SwitchboardModelOptions {
  /** Days simulated from the scenario's start date. */
  days: number;
  /** Seed of this replication's random streams. */
  seed: number | string;
  /** Called for each queue-log event when set (see `queue-log.ts`). */
  onCallEvent?: CallEventListener;
}

/** A listener of per-call events (time, call id, queue, event name, data). */
export type CallEventListener = (
  time: number,
  callId: number,
  queue: string,
  agent: string,
  event: string,
  data1: string | number,
  data2: string | number,
  data3: string | number,
) => void;

const NEED_INBOUND = 0;
const NEED_VOICEMAIL = 1;
const NEED_OUTBOUND = 2;

const OUT_COMPLETED = 1;
const OUT_ANSWERED_SERVICE = 2;
const OUT_FAILED = 3;
const OUT_BOUNCED = 4;
const OUT_WARM_BACK = 5;

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
export class SwitchboardModel {
  readonly sim = new Simulator({ initialCapacity: 4096 });
  readonly calls = new CallRecords();
  readonly needs = new NeedRecords();
  readonly tallies: Tallies;
  private readonly o: OverallCounts;
  private readonly horizon: number;
  private readonly clock: ArrivalClock;
  private readonly rosters: RosterSchedule[];
  private readonly onDuty: Int32Array;
  private readonly busy: Int32Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly cbHead: Int32Array;
  private readonly cbTail: Int32Array;
  /** servers[q] = groups that serve queue q (its own first). */
  private readonly servers: number[][];
  /** serves[g] = queues group g serves (its own first). */
  private readonly serves: number[][];
  private readonly optionOfReason: Int32Array;
  private readonly closedDay: Uint8Array;
  private readonly intervalSeconds: number;
  private readonly intervals: number;
  private linesInUse = 0;
  private readonly listener: CallEventListener | undefined;

  private readonly rArrival: RandomStream[];
  private readonly rPatience: RandomStream[];
  private readonly rHandle: RandomStream[];
  private readonly rTransfer: RandomStream[];
  private readonly rWrap: RandomStream[];
  private readonly rIvr: RandomStream;
  private readonly rRing: RandomStream;
  private readonly rRedial: RandomStream;
  private readonly rCallback: RandomStream;
  private readonly rOutbound: RandomStream;

  private readonly evArrival: number;
  private readonly evRedial: number;
  private readonly evIvrDone: number;
  private readonly evIvrHangUp: number;
  private readonly evAbandon: number;
  private readonly evOffer: number;
  private readonly evTalkEnd: number;
  private readonly evTransferEnd: number;
  private readonly evWrapEnd: number;
  private readonly evRoster: number;
  private readonly evCallbackEnd: number;
  private readonly evCallbackDue: number;
  private readonly evOutbound: number;
  private readonly evPatientCall: number;
  private readonly evOutboundDay: number;

  constructor(
    readonly scenario: Scenario,
    options: SwitchboardModelOptions,
  ) {
    if (!(options.days > 0))
      throw new RangeError(`SwitchboardModel: days must be > 0, got ${options.days}`);
    const s = scenario;
    this.horizon = options.days * 86400;
    this.listener = options.onCallEvent;
    this.intervalSeconds = s.intervalMinutes * 60;
    this.intervals = Math.round(1440 / s.intervalMinutes);
    this.clock = new ArrivalClock(s, this.horizon);
    const nq = s.queues.length;
    this.tallies = {
      overall: overallCounts(),
      byQueue: new Float64Array(nq * Q.size),
      byReason: new Float64Array(s.reasons.length * R.size),
      byInterval: new Float64Array(this.intervals * I.size),
    };
    this.o = this.tallies.overall;
    this.rosters = s.queues.map((q) => new RosterSchedule(q.roster, s.startWeekday));
    this.onDuty = new Int32Array(nq);
    this.busy = new Int32Array(nq);
    this.head = new Int32Array(nq).fill(-1);
    this.tail = new Int32Array(nq).fill(-1);
    this.cbHead = new Int32Array(nq).fill(-1);
    this.cbTail = new Int32Array(nq).fill(-1);
    this.servers = s.queues.map((_, q) => [
      q,
      ...s.queues.flatMap((g, i) => (i !== q && g.helps.includes(q) ? [i] : [])),
    ]);
    this.serves = s.queues.map((g, q) => [q, ...g.helps.filter((h) => h !== q)]);
    this.optionOfReason = new Int32Array(s.reasons.length).fill(-1);
    s.ivr?.options.forEach((option, i) => {
      for (const r of option.reasons) this.optionOfReason[r] = i;
    });
    this.closedDay = new Uint8Array(options.days);
    const start = Date.parse(`${s.startDate}T00:00:00Z`);
    for (const day of s.closedDays) {
      const d = Math.round((Date.parse(`${day}T00:00:00Z`) - start) / 86400000);
      if (d >= 0 && d < options.days) this.closedDay[d] = 1;
    }

    const streams = new RandomStreams(options.seed);
    this.rArrival = s.reasons.map((r) => streams.get(`arrivals/${r.name}`));
    this.rPatience = s.reasons.map((r) => streams.get(`patience/${r.name}`));
    this.rHandle = s.reasons.map((r) => streams.get(`handling/${r.name}`));
    this.rTransfer = s.reasons.map((r) => streams.get(`transfer/${r.name}`));
    this.rWrap = s.queues.map((q) => streams.get(`wrapUp/${q.name}`));
    this.rIvr = streams.get('ivr');
    this.rRing = streams.get('ringing');
    this.rRedial = streams.get('redial');
    this.rCallback = streams.get('callback');
    this.rOutbound = streams.get('outbound');

    const sim = this.sim;
    this.evRoster = sim.defineEvent('roster', (g) => this.rosterChange(g), 0);
    this.evWrapEnd = sim.defineEvent('wrapEnd', (g) => this.wrapEnd(g), 1);
    this.evTalkEnd = sim.defineEvent('talkEnd', (c) => this.talkEnd(c), 2);
    this.evTransferEnd = sim.defineEvent('transferEnd', (c) => this.transferEnd(c), 2);
    this.evCallbackEnd = sim.defineEvent('callbackEnd', (c) => this.callbackEnd(c), 2);
    this.evIvrDone = sim.defineEvent('ivrDone', (c) => this.ivrDone(c), 3);
    this.evIvrHangUp = sim.defineEvent('ivrHangUp', (c) => this.ivrHangUp(c), 3);
    this.evAbandon = sim.defineEvent('abandon', (c) => this.abandon(c), 4);
    this.evOffer = sim.defineEvent('callbackOffer', (c) => this.callbackOffer(c), 4);
    this.evCallbackDue = sim.defineEvent('callbackDue', (c) => this.callbackDue(c), 5);
    this.evArrival = sim.defineEvent('arrival', (r) => this.arrival(r), 6);
    this.evRedial = sim.defineEvent('redial', (n) => this.redial(n), 6);
    this.evPatientCall = sim.defineEvent('patientCall', (n) => this.patientCall(n), 6);
    this.evOutbound = sim.defineEvent('outbound', (n) => this.outboundAttempt(n), 7);
    this.evOutboundDay = sim.defineEvent('outboundDay', (d) => this.outboundDay(d), 7);
  }

  /** Run the horizon and return what was counted. */
  run(): Tallies {
    const s = this.scenario;
    for (let g = 0; g < s.queues.length; g++) this.sim.scheduleAt(this.evRoster, 0, g);
    for (let r = 0; r < s.reasons.length; r++) this.scheduleArrival(r, 0);
    if (s.outbound) this.sim.scheduleAt(this.evOutboundDay, 0, 0);
    this.sim.run(this.horizon);
    this.finish();
    return this.tallies;
  }

  private interval(t: number): number {
    return Math.floor((t % 86400) / this.intervalSeconds);
  }

  private isOpen(t: number): boolean {
    const day = Math.floor(t / 86400);
    if (this.closedDay[day] === 1) return false;
    const ranges = this.scenario.openingHours[(this.scenario.startWeekday + day) % 7]!;
    const sec = t - day * 86400;
    for (const [from, to] of ranges) if (sec >= from && sec < to) return true;
    return false;
  }

  // ---- arrivals --------------------------------------------------------------------------

  private scheduleArrival(reason: number, from: number): void {
    const exp1 = -Math.log(this.rArrival[reason]!.nextOpen());
    const at = this.clock.next(reason, from, exp1);
    if (at < this.horizon) this.sim.scheduleAt(this.evArrival, at, reason);
  }

  private arrival(reason: number): void {
    this.scheduleArrival(reason, this.sim.now);
    const n = this.newNeed(reason, NEED_INBOUND);
    this.startCall(n);
  }

  private newNeed(reason: number, origin: number): number {
    const n = this.needs.allocate(reason, origin);
    if (origin !== NEED_OUTBOUND) {
      this.o.needs++;
      this.tallies.byReason[reason * R.size + R.needs]!++;
    }
    return n;
  }

  private redial(n: number): void {
    this.o.redials++;
    this.startCall(n);
  }

  /** A call of need `n` reaches the switchboard. */
  private startCall(n: number): void {
    const s = this.scenario;
    const now = this.sim.now;
    const reason = this.needs.reason[n]!;
    const spec = s.reasons[reason]!;
    const c = this.calls.allocate();
    const calls = this.calls;
    calls.need[c] = n;
    calls.reason[c] = reason;
    calls.arrival[c] = now;
    calls.queue[c] = -1;
    calls.patience[c] = spec.patience.sample(this.rPatience[reason]!);
    let handle = spec.handleTime.sample(this.rHandle[reason]!);
    const micro = s.microFlows;
    if (spec.micro && micro && micro.handling === 'pool') handle *= micro.handleTimeFactor;
    calls.handle[c] = handle;
    this.needs.attempts[n]!++;
    this.o.offered++;
    const k = this.interval(now);
    this.tallies.byInterval[k * I.size + I.offered]!++;
    this.tallies.byReason[reason * R.size + R.offered]!++;
    if (!this.isOpen(now)) {
      this.o.closed++;
      this.endCallFailed(c);
      return;
    }
    if (this.linesInUse >= s.lines) {
      this.o.busy++;
      this.tallies.byInterval[k * I.size + I.busy]!++;
      this.tallies.byReason[reason * R.size + R.busy]!++;
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
    const menu = ivr.messageSeconds + ivr.perOptionSeconds * ivr.options.length;
    const pHangUp = 1 - (1 - ivr.hangUpPerMinute) ** (menu / 60);
    const u = this.rIvr.next();
    if (u < pHangUp) this.sim.schedule(this.evIvrHangUp, (menu * u) / pHangUp, c);
    else this.sim.schedule(this.evIvrDone, menu, c);
  }

  // ---- IVR -------------------------------------------------------------------------------

  private ivrHangUp(c: number): void {
    this.o.ivrAbandoned++;
    this.linesInUse--;
    this.endCallFailed(c);
  }

  /** The queue a caller of `reason` should reach. */
  private rightQueue(reason: number): number {
    const s = this.scenario;
    const spec = s.reasons[reason]!;
    if (spec.queue >= 0) return spec.queue;
    const option = this.optionOfReason[reason]!;
    if (option >= 0) {
      for (const route of s.ivr!.options[option]!.routes)
        if (route.target.kind === 'queue') return route.target.index;
    }
    return s.ivr!.defaultQueue;
  }

  private ivrDone(c: number): void {
    const ivr = this.scenario.ivr!;
    const reason = this.calls.reason[c]!;
    const rng = this.rIvr;
    let option = this.optionOfReason[reason]!;
    if (rng.next() < ivr.cannotUse || option < 0) {
      this.enqueue(c, ivr.defaultQueue);
      return;
    }
    const n = ivr.options.length;
    if (n > 1 && rng.next() < ivr.wrongOption) {
      option = (option + 1 + Math.floor(rng.next() * (n - 1))) % n;
      this.calls.flags[c]! |= CallFlag.misrouted;
      this.o.misrouted++;
    }
    const routes = ivr.options[option]!.routes;
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
      this.o.ivrAbandoned++;
      this.linesInUse--;
      this.endCallFailed(c);
    } else {
      this.o.ivrResolved++;
      this.linesInUse--;
      this.resolveNeed(this.calls.need[c]!, true);
      this.calls.release(c);
    }
  }

  // ---- queues and operators -----------------------------------------------------------------

  private enqueue(c: number, q: number): void {
    const calls = this.calls;
    const now = this.sim.now;
    calls.queue[c] = q;
    calls.enqueued[c] = now;
    this.tallies.byQueue[q * Q.size + Q.entries]!++;
    this.emit(c, q, 'ENTERQUEUE', '', '', 1);
    const servers = this.servers[q]!;
    for (let i = 0; i < servers.length; i++) {
      const g = servers[i]!;
      if (this.busy[g]! < this.onDuty[g]!) {
        this.answer(c, g);
        return;
      }
    }
    calls.flags[c]! |= CallFlag.inQueue;
    this.tallies.byQueue[q * Q.size + Q.waited]!++;
    calls.next[c] = -1;
    calls.prev[c] = this.tail[q]!;
    if (this.tail[q]! >= 0) calls.next[this.tail[q]!] = c;
    else this.head[q] = c;
    this.tail[q] = c;
    const patience = calls.patience[c]!;
    calls.abandonEvent[c] = this.sim.schedule(this.evAbandon, patience, c);
    const callback = this.scenario.queues[q]!.callback;
    if (callback && callback.offerAfterSeconds < patience)
      calls.offerEvent[c] = this.sim.schedule(this.evOffer, callback.offerAfterSeconds, c);
  }

  private unlink(c: number): void {
    const calls = this.calls;
    const q = calls.queue[c]!;
    const prev = calls.prev[c]!;
    const next = calls.next[c]!;
    if (prev >= 0) calls.next[prev] = next;
    else this.head[q] = next;
    if (next >= 0) calls.prev[next] = prev;
    else this.tail[q] = prev;
    calls.flags[c]! &= ~CallFlag.inQueue;
    if (calls.abandonEvent[c]! >= 0) this.sim.cancel(calls.abandonEvent[c]!);
    if (calls.offerEvent[c]! >= 0) this.sim.cancel(calls.offerEvent[c]!);
    calls.abandonEvent[c] = -1;
    calls.offerEvent[c] = -1;
  }

  private abandon(c: number): void {
    const calls = this.calls;
    calls.abandonEvent[c] = -1;
    this.unlink(c);
    const q = calls.queue[c]!;
    const wait = this.sim.now - calls.enqueued[c]!;
    const short = wait < this.scenario.shortAbandonSeconds ? 1 : 0;
    const t = this.tallies;
    t.byQueue[q * Q.size + Q.abandoned]!++;
    t.byQueue[q * Q.size + Q.shortAbandoned]! += short;
    t.byQueue[q * Q.size + Q.waitAll]! += wait;
    const k = this.interval(calls.enqueued[c]!);
    t.byInterval[k * I.size + I.abandoned]!++;
    t.byInterval[k * I.size + I.shortAbandoned]! += short;
    t.byReason[calls.reason[c]! * R.size + R.abandoned]!++;
    this.o.abandoned++;
    this.o.queueAbandons++;
    this.o.shortAbandoned += short;
    this.needs.totalWait[calls.need[c]!]! += wait;
    this.emit(c, q, 'ABANDON', 1, 1, Math.round(wait));
    this.linesInUse--;
    this.endCallFailed(c);
  }

  private callbackOffer(c: number): void {
    const calls = this.calls;
    calls.offerEvent[c] = -1;
    const q = calls.queue[c]!;
    const callback = this.scenario.queues[q]!.callback!;
    if (this.rCallback.next() >= callback.acceptance) return;
    this.unlink(c);
    const wait = this.sim.now - calls.enqueued[c]!;
    this.tallies.byQueue[q * Q.size + Q.callbackAccepted]!++;
    this.tallies.byQueue[q * Q.size + Q.waitAll]! += wait;
    this.needs.totalWait[calls.need[c]!]! += wait;
    this.o.callbackAccepted++;
    this.emit(c, q, 'EXITWITHTIMEOUT', 1, 1, Math.round(wait));
    this.linesInUse--;
    calls.flags[c] = CallFlag.callbackTask;
    calls.tries[c] = 0;
    this.callbackTasksAlive++;
    this.pushCallback(c, q);
  }

  private pushCallback(c: number, q: number): void {
    const calls = this.calls;
    calls.next[c] = -1;
    if (this.cbTail[q]! >= 0) calls.next[this.cbTail[q]!] = c;
    else this.cbHead[q] = c;
    this.cbTail[q] = c;
    this.dispatch(q);
  }

  private callbackDue(c: number): void {
    this.pushCallback(c, this.calls.queue[c]!);
  }

  private answer(c: number, g: number): void {
    const calls = this.calls;
    const t = this.tallies;
    const now = this.sim.now;
    this.busy[g]!++;
    calls.group[c] = g;
    calls.answeredAt[c] = now;
    const q = calls.queue[c]!;
    const wait = now - calls.enqueued[c]!;
    const inTarget = wait <= this.scenario.serviceLevelSeconds ? 1 : 0;
    t.byQueue[q * Q.size + Q.answered]!++;
    t.byQueue[q * Q.size + Q.answeredInTarget]! += inTarget;
    t.byQueue[q * Q.size + Q.waitAnswered]! += wait;
    t.byQueue[q * Q.size + Q.waitAll]! += wait;
    const k = this.interval(calls.enqueued[c]!);
    t.byInterval[k * I.size + I.answered]!++;
    t.byInterval[k * I.size + I.answeredInTarget]! += inTarget;
    t.byInterval[k * I.size + I.waitAnswered]! += wait;
    const reason = calls.reason[c]!;
    t.byReason[reason * R.size + R.answered]!++;
    t.byReason[reason * R.size + R.waitAnswered]! += wait;
    this.o.answers++;
    this.o.answeredInTarget += inTarget;
    this.o.waitAnswered += wait;
    if ((calls.flags[c]! & CallFlag.answered) === 0) {
      calls.flags[c]! |= CallFlag.answered;
      this.o.answered++;
    }
    this.needs.totalWait[calls.need[c]!]! += wait;
    this.emit(c, q, 'CONNECT', Math.round(wait), calls.serial[c]!, 0);
    this.sim.schedule(this.evTalkEnd, calls.handle[c]!, c);
  }

  /** Operator of group `g` ends work on call `c`: count busy time, then wrap up. */
  private releaseOperator(c: number): void {
    const g = this.calls.group[c]!;
    const now = this.sim.now;
    const wrap = this.scenario.queues[g]!.wrapUp.sample(this.rWrap[g]!);
    const busyTime = now - this.calls.answeredAt[c]! + wrap;
    this.tallies.byQueue[g * Q.size + Q.busySeconds]! += busyTime;
    this.tallies.byInterval[this.interval(this.calls.answeredAt[c]!) * I.size + I.busySeconds]! +=
      busyTime;
    this.o.busySeconds += busyTime;
    if (wrap > 0) this.sim.schedule(this.evWrapEnd, wrap, g);
    else this.wrapEnd(g);
  }

  private wrapEnd(g: number): void {
    this.busy[g]!--;
    this.dispatchGroup(g);
  }

  /** Give waiting work of queue `q` to free operators of the groups serving it. */
  private dispatch(q: number): void {
    const servers = this.servers[q]!;
    for (let i = 0; i < servers.length; i++) this.dispatchGroup(servers[i]!);
  }

  /** Give free operators of group `g` waiting calls, then callbacks. */
  private dispatchGroup(g: number): void {
    const serves = this.serves[g]!;
    while (this.busy[g]! < this.onDuty[g]!) {
      let c = -1;
      for (let i = 0; i < serves.length && c < 0; i++) c = this.head[serves[i]!]!;
      if (c >= 0) {
        this.unlink(c);
        this.answer(c, g);
        continue;
      }
      const task = this.cbHead[g]!;
      if (task < 0) return;
      this.cbHead[g] = this.calls.next[task]!;
      if (this.cbHead[g]! < 0) this.cbTail[g] = -1;
      this.startCallback(task, g);
    }
  }

  private rosterChange(g: number): void {
    const now = this.sim.now;
    this.onDuty[g] = this.rosters[g]!.operatorsAt(now);
    const next = this.rosters[g]!.nextChange(now);
    if (next < this.horizon) this.sim.scheduleAt(this.evRoster, next, g);
    this.dispatchGroup(g);
  }

  // ---- after the talk: resolve, transfer ---------------------------------------------------

  private talkEnd(c: number): void {
    const s = this.scenario;
    const calls = this.calls;
    const reason = calls.reason[c]!;
    const spec = s.reasons[reason]!;
    const n = calls.need[c]!;
    const rng = this.rTransfer[reason]!;
    if ((calls.flags[c]! & CallFlag.misrouted) !== 0) {
      calls.flags[c]! &= ~CallFlag.misrouted;
      this.releaseOperator(c);
      this.emit(
        c,
        calls.queue[c]!,
        'COMPLETEAGENT',
        Math.round(calls.answeredAt[c]! - calls.enqueued[c]!),
        Math.round(this.sim.now - calls.answeredAt[c]!),
        1,
      );
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
      this.o.transfers++;
      this.needs.transfers[n]!++;
      this.tallies.byReason[reason * R.size + R.transfers]!++;
      const mode = spec.transfer.mode ?? s.transfers.mode;
      if (mode === 'warm') this.startWarmTransfer(c, service);
      else {
        this.releaseOperator(c);
        this.startWildTransfer(c, service, true);
      }
      return;
    }
    this.releaseOperator(c);
    this.emit(
      c,
      calls.queue[c]!,
      'COMPLETEAGENT',
      Math.round(calls.answeredAt[c]! - calls.enqueued[c]!),
      Math.round(this.sim.now - calls.answeredAt[c]!),
      1,
    );
    this.o.completed++;
    this.linesInUse--;
    if (pool && rng.next() < micro.errorProbability) {
      this.o.errors++;
      this.failNeed(n);
    } else this.resolveNeed(n, false);
    calls.release(c);
  }

  private serviceAnswers(service: number): boolean {
    const s = this.scenario;
    const hour = Math.floor((this.sim.now % 86400) / 3600);
    let p = s.services[service]!.availability[hour]!;
    if (Number.isNaN(p)) p = s.transfers.outcomes.answered;
    return this.rRing.next() < p;
  }

  private startWarmTransfer(c: number, service: number): void {
    const s = this.scenario;
    const calls = this.calls;
    this.o.warmTransfers++;
    calls.service[c] = service;
    const ring = s.transfers.ringTime.sample(this.rRing);
    const answers = this.serviceAnswers(service) && ring <= s.transfers.warmTimeoutSeconds;
    this.emit(
      c,
      calls.queue[c]!,
      'ATTENDEDTRANSFER',
      s.services[service]!.name,
      'services',
      Math.round(calls.answeredAt[c]! - calls.enqueued[c]!),
    );
    calls.outcome[c] = answers ? OUT_ANSWERED_SERVICE : OUT_WARM_BACK;
    calls.flags[c]! |= CallFlag.transferring | CallFlag.warm;
    this.sim.schedule(this.evTransferEnd, answers ? ring : s.transfers.warmTimeoutSeconds, c);
  }

  private startWildTransfer(c: number, service: number, fromOperator: boolean): void {
    const s = this.scenario;
    const calls = this.calls;
    if (fromOperator) {
      this.o.wildTransfers++;
      this.emit(
        c,
        calls.queue[c]!,
        'BLINDTRANSFER',
        s.services[service]!.name,
        'services',
        Math.round(calls.answeredAt[c]! - calls.enqueued[c]!),
      );
    }
    calls.service[c] = service;
    calls.flags[c]! |= CallFlag.transferring;
    const ring = s.transfers.ringTime.sample(this.rRing);
    if (this.serviceAnswers(service)) calls.outcome[c] = OUT_ANSWERED_SERVICE;
    else {
      const { ringOut, voicemail, bouncedBack } = s.transfers.outcomes;
      const total = ringOut + voicemail + bouncedBack;
      const u = this.rRing.next() * total;
      calls.outcome[c] = total > 0 && u >= ringOut + voicemail ? OUT_BOUNCED : OUT_FAILED;
    }
    this.sim.schedule(this.evTransferEnd, ring, c);
  }

  private transferEnd(c: number): void {
    const calls = this.calls;
    const n = calls.need[c]!;
    calls.flags[c]! &= ~CallFlag.transferring;
    const outcome = calls.outcome[c]!;
    const warm = (calls.flags[c]! & CallFlag.warm) !== 0;
    calls.flags[c]! &= ~CallFlag.warm;
    if (outcome === OUT_BOUNCED && calls.tries[c]! < this.scenario.transfers.maxBounces) {
      calls.tries[c]!++;
      this.o.bouncedBack++;
      this.tallies.byReason[calls.reason[c]! * R.size + R.bouncedBack]!++;
      this.enqueue(c, calls.queue[c]!);
      return;
    }
    if (warm) this.releaseOperator(c);
    this.linesInUse--;
    if (outcome === OUT_ANSWERED_SERVICE) {
      this.o.completed++;
      this.resolveNeed(n, false);
    } else if (outcome === OUT_WARM_BACK) {
      this.o.completed++;
      this.o.failedTransfers++;
      if (this.rRing.next() < this.scenario.transfers.warmMessage) this.resolveNeed(n, false);
      else this.failNeed(n);
    } else {
      // Rang out, voicemail, or bounced once too often: the caller gives up this attempt.
      this.o.transferFailed++;
      this.o.failedTransfers++;
      this.failNeed(n);
    }
    calls.release(c);
  }

  // ---- callbacks (virtual hold) -------------------------------------------------------------

  private startCallback(c: number, g: number): void {
    const calls = this.calls;
    const q = calls.queue[c]!;
    const callback = this.scenario.queues[q]!.callback!;
    this.busy[g]!++;
    calls.group[c] = g;
    calls.answeredAt[c] = this.sim.now;
    calls.tries[c]!++;
    this.o.callbacksMade++;
    this.tallies.byQueue[q * Q.size + Q.callbacksMade]!++;
    const answered = this.rCallback.next() < callback.answerProbability;
    calls.outcome[c] = answered ? OUT_COMPLETED : OUT_FAILED;
    this.sim.schedule(
      this.evCallbackEnd,
      answered ? calls.handle[c]! : callback.noAnswerSeconds,
      c,
    );
  }

  private callbackEnd(c: number): void {
    const calls = this.calls;
    const q = calls.queue[c]!;
    const callback = this.scenario.queues[q]!.callback!;
    this.releaseOperator(c);
    if (calls.outcome[c] === OUT_COMPLETED) {
      this.o.callbacksAnswered++;
      this.tallies.byQueue[q * Q.size + Q.callbacksAnswered]!++;
      this.resolveNeed(calls.need[c]!, false);
      this.callbackTasksAlive--;
      calls.release(c);
    } else if (calls.tries[c]! < callback.maxAttempts) {
      this.sim.schedule(this.evCallbackDue, callback.retryDelay.sample(this.rCallback), c);
    } else {
      this.o.callbacksUnreached++;
      this.failNeed(calls.need[c]!, true);
      this.callbackTasksAlive--;
      calls.release(c);
    }
  }

  // ---- needs: resolution, redials ----------------------------------------------------------

  private endCallFailed(c: number): void {
    const n = this.calls.need[c]!;
    this.calls.release(c);
    this.failNeed(n);
  }

  /** An attempt of need `n` failed: the caller redials, or the need ends unresolved. */
  private failNeed(n: number, noRedial = false): void {
    const needs = this.needs;
    const redials = this.scenario.reasons[needs.reason[n]!]!.redials;
    if (
      !noRedial &&
      needs.attempts[n]! < redials.maxAttempts &&
      this.rRedial.next() < redials.probability
    ) {
      this.sim.schedule(this.evRedial, redials.delay.sample(this.rRedial), n);
      return;
    }
    this.endNeed(n, false, false);
  }

  private resolveNeed(n: number, _selfService: boolean): void {
    this.endNeed(n, true, this.needs.attempts[n] === 1);
  }

  private endNeed(n: number, resolved: boolean, firstContact: boolean): void {
    const needs = this.needs;
    const o = this.o;
    const reason = needs.reason[n]!;
    const row = reason * R.size;
    const t = this.tallies.byReason;
    o.needsEnded++;
    o.attemptsOfEnded += needs.attempts[n]!;
    o.waitOfEnded += needs.totalWait[n]!;
    o.transfersOfEnded += needs.transfers[n]!;
    t[row + R.needsEnded]!++;
    t[row + R.attemptsOfEnded]! += needs.attempts[n]!;
    if (resolved) {
      o.needsResolved++;
      t[row + R.needsResolved]!++;
      if (firstContact) {
        o.needsFirstContact++;
        t[row + R.needsFirstContact]!++;
      }
    } else o.needsUnresolved++;
    needs.release(n);
  }

  // ---- outbound work and the calls back it creates ----------------------------------------

  /** Clerks' calls of day `day`, scheduled at its start (so records stay few whatever the horizon). */
  private outboundDay(day: number): void {
    const out = this.scenario.outbound!;
    if ((day + 1) * 86400 < this.horizon)
      this.sim.scheduleAt(this.evOutboundDay, (day + 1) * 86400, day + 1);
    const count = out.callsPerDay[(this.scenario.startWeekday + day) % 7]!;
    const whole = Math.floor(count);
    const calls = whole + (this.rOutbound.next() < count - whole ? 1 : 0);
    for (let i = 0; i < calls; i++) {
      const at =
        day * 86400 + out.fromSeconds + this.rOutbound.next() * (out.toSeconds - out.fromSeconds);
      const n = this.needs.allocate(out.callBackReason, NEED_OUTBOUND);
      this.outboundNeedsAlive++;
      this.sim.scheduleAt(this.evOutbound, Math.min(at, this.horizon), n);
    }
  }

  private outboundAttempt(n: number): void {
    const out = this.scenario.outbound!;
    const rng = this.rOutbound;
    const needs = this.needs;
    needs.attempts[n]!++;
    this.o.outboundAttempts++;
    if (rng.next() < out.answerProbability) {
      this.o.outboundReached++;
      this.outboundNeedsAlive--;
      needs.release(n);
      return;
    }
    const machine = rng.next() < out.answeringMachine;
    if (machine && out.policy === 'leaveMessage') {
      this.o.outboundMessages++;
      this.outboundNeedsAlive--;
      needs.release(n);
      if (rng.next() < out.callBackProbability) {
        const patient = this.newNeed(out.callBackReason, NEED_VOICEMAIL);
        this.sim.schedule(this.evPatientCall, out.callBackDelay.sample(rng), patient);
      }
      return;
    }
    if (needs.attempts[n]! < out.maxAttempts) {
      this.sim.schedule(this.evOutbound, out.retryDelay.sample(rng), n);
      return;
    }
    this.o.outboundUnreached++;
    this.outboundNeedsAlive--;
    needs.release(n);
  }

  private patientCall(n: number): void {
    this.o.voicemailGeneratedCalls++;
    this.startCall(n);
  }

  // ---- end of the horizon ------------------------------------------------------------------

  private finish(): void {
    const o = this.o;
    let tasks = 0;
    for (let q = 0; q < this.scenario.queues.length; q++) {
      for (let c = this.head[q]!; c >= 0; c = this.calls.next[c]!) {
        this.tallies.byQueue[q * Q.size + Q.waitingAtEnd]!++;
      }
      for (let c = this.cbHead[q]!; c >= 0; c = this.calls.next[c]!) tasks++;
    }
    void tasks;
    // Calls still in the system, counted from the records (callback tasks are not calls).
    o.inSystemAtEnd = this.calls.count - this.callbackTasksAlive;
    // Needs still open, counted from the records (clerks' own tasks are not callers' needs).
    o.needsOpenAtEnd = this.needs.count - this.outboundNeedsAlive;
    const s = this.scenario;
    for (let g = 0; g < s.queues.length; g++) {
      const roster = this.rosters[g]!;
      let t = 0;
      while (t < this.horizon) {
        const next = Math.min(
          roster.nextChange(t),
          this.horizon,
          (Math.floor(t / this.intervalSeconds) + 1) * this.intervalSeconds,
        );
        const seconds = (next - t) * roster.operatorsAt(t);
        this.tallies.byQueue[g * Q.size + Q.rosterSeconds]! += seconds;
        this.tallies.byInterval[this.interval(t) * I.size + I.rosterSeconds]! += seconds;
        o.rosterSeconds += seconds;
        t = next;
      }
    }
  }

  /** Callback tasks waiting or in progress (records that are not calls). */
  private callbackTasksAlive = 0;
  /** Clerks' outbound tasks in progress (records that are not callers' needs). */
  private outboundNeedsAlive = 0;

  private emit(
    c: number,
    q: number,
    event: string,
    d1: string | number,
    d2: string | number,
    d3: string | number,
  ): void {
    if (this.listener === undefined) return;
    const calls = this.calls;
    const answered = event !== 'ENTERQUEUE' && event !== 'ABANDON' && event !== 'EXITWITHTIMEOUT';
    const agent = answered ? `Agent/${this.scenario.queues[calls.group[c]!]!.name}` : 'NONE';
    this.listener(
      this.sim.now,
      calls.serial[c]!,
      this.scenario.queues[q]?.name ?? 'NONE',
      agent,
      event,
      d1,
      d2,
      d3,
    );
  }
}
