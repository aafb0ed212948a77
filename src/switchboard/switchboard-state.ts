import { Simulator } from '../engine/simulator.js';
import { type RandomStream, RandomStreams } from '../random/random-stream.js';
import type { IvrRoute, Scenario } from '../scenario/scenario-types.js';
import { ArrivalClock } from './arrival-clock.js';
import { CallRecords, NeedRecords } from './call-records.js';
import { Counters } from './counters.js';
import { RosterSchedule } from './roster-schedule.js';
import type {
  CallOutcomeCode,
  SwitchboardObserver,
  SwitchboardView,
} from './switchboard-observer.js';
import type { Tallies } from './tallies.js';

/** Options of {@link SwitchboardModel}. */
export interface SwitchboardModelOptions {
  /** Days simulated from the scenario's start date. */
  days: number;
  /** Seed of this replication's random streams. */
  seed: number | string;
}

/**
 * The state of the switchboard model (first of its layers: state and needs → queues and
 * operators → transfers → arrivals, IVR and outbound in {@link SwitchboardModel}): the kernel,
 * the call and need records, the operator groups and queues as typed arrays, the named random
 * streams, and the event types, registered once with handlers the layers above implement.
 * Needs (a caller's problem across attempts) are resolved or failed here.
 *
 * What happens is reported to observers ({@link SwitchboardObserver}); the model counts nothing
 * itself. {@link Counters} is always the first observer (its tallies are what `run` returns);
 * {@link observe} adds others (the queue_log writer).
 */
export abstract class SwitchboardState implements SwitchboardView {
  readonly sim = new Simulator({ initialCapacity: 4096 });
  readonly calls = new CallRecords();
  readonly needs = new NeedRecords();
  /** The counting observer: every measure of the replication. */
  readonly counters: Counters;
  /** Observers, {@link counters} first, called in order at each moment of a call's life. */
  protected readonly observers: SwitchboardObserver[];
  protected readonly horizon: number;
  protected readonly clock: ArrivalClock;
  protected readonly rosters: RosterSchedule[];
  /** Operators on duty per group. */
  readonly onDuty: Int32Array;
  /** Operators busy per group. */
  readonly busy: Int32Array;
  protected readonly head: Int32Array;
  protected readonly tail: Int32Array;
  protected readonly cbHead: Int32Array;
  protected readonly cbTail: Int32Array;
  /** servers[q] = groups that serve queue q (its own first). */
  protected readonly servers: number[][];
  /** serves[g] = queues group g serves (its own first). */
  protected readonly serves: number[][];
  /** 1 where group g takes the oldest waiting call of the queues it serves (`order: oldest`). */
  protected readonly oldestFirst: Uint8Array;
  /** queueCredit[r]: seconds of queue credit of reason r's calls (priority callers). */
  protected readonly queueCredit: Float64Array;
  /** choice[menu * reasons + reason]: the option of that menu a caller of that reason picks, or -1. */
  protected readonly choice: Int32Array;
  /** The routes of the option (at the end of the menu tree) each reason's callers should pick. */
  protected readonly leafRoutes: (IvrRoute[] | undefined)[];
  protected readonly closedDay: Uint8Array;
  protected linesInUse = 0;

  protected readonly rArrival: RandomStream[];
  protected readonly rPatience: RandomStream[];
  /** Draws each need's caller group (only when the scenario has groups). */
  protected readonly rGroup: RandomStream;
  protected readonly rHandle: RandomStream[];
  protected readonly rTransfer: RandomStream[];
  protected readonly rWrap: RandomStream[];
  protected readonly rIvr: RandomStream;
  protected readonly rRing: RandomStream;
  protected readonly rRedial: RandomStream;
  protected readonly rCallback: RandomStream;
  protected readonly rOutbound: RandomStream;

  protected readonly evArrival: number;
  protected readonly evRedial: number;
  protected readonly evIvrDone: number;
  protected readonly evIvrHangUp: number;
  protected readonly evAbandon: number;
  protected readonly evOffer: number;
  protected readonly evTalkEnd: number;
  protected readonly evTransferEnd: number;
  protected readonly evWrapEnd: number;
  protected readonly evRoster: number;
  protected readonly evCallbackEnd: number;
  protected readonly evCallbackDue: number;
  protected readonly evOutbound: number;
  protected readonly evPatientCall: number;
  protected readonly evOutboundDay: number;

  /** Callback tasks waiting or in progress (records that are not calls). */
  protected callbackTasksAlive = 0;
  /** Clerks' outbound tasks in progress (records that are not callers' needs). */
  protected outboundNeedsAlive = 0;

  constructor(
    readonly scenario: Scenario,
    options: SwitchboardModelOptions,
  ) {
    if (!(options.days > 0))
      throw new RangeError(`SwitchboardModel: days must be > 0, got ${options.days}`);
    const s = scenario;
    this.horizon = options.days * 86400;
    this.clock = new ArrivalClock(s, this.horizon);
    const nq = s.queues.length;
    this.counters = new Counters(this, this.horizon);
    this.observers = [this.counters];
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
    this.oldestFirst = Uint8Array.from(s.queues, (g) => (g.order === 'oldest' ? 1 : 0));
    this.queueCredit = Float64Array.from(s.reasons, (r) => r.queueCreditSeconds);
    const nr = s.reasons.length;
    this.choice = new Int32Array((s.ivr?.menus.length ?? 0) * nr).fill(-1);
    this.leafRoutes = s.reasons.map(() => undefined);
    s.ivr?.menus.forEach((menu, m) => {
      menu.options.forEach((option, i) => {
        for (const r of option.reasons) {
          this.choice[m * nr + r] = i;
          if (option.submenu < 0) this.leafRoutes[r] = option.routes;
        }
      });
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
    this.rGroup = streams.get('caller-groups');
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

  protected abstract abandon(c: number): void;
  protected abstract arrival(reason: number): void;
  protected abstract callbackDue(c: number): void;
  protected abstract callbackEnd(c: number): void;
  protected abstract callbackOffer(c: number): void;
  protected abstract ivrDone(c: number): void;
  protected abstract ivrHangUp(c: number): void;
  protected abstract outboundAttempt(n: number): void;
  protected abstract outboundDay(day: number): void;
  protected abstract patientCall(n: number): void;
  protected abstract redial(n: number): void;
  protected abstract rosterChange(g: number): void;
  protected abstract scheduleArrival(reason: number, from: number): void;
  protected abstract talkEnd(c: number): void;
  protected abstract transferEnd(c: number): void;
  protected abstract wrapEnd(g: number): void;

  /** Add an observer, called after those already added. */
  observe(observer: SwitchboardObserver): void {
    this.observers.push(observer);
  }

  /** Run the horizon and return what the {@link counters} counted. */
  run(): Tallies {
    const s = this.scenario;
    for (let g = 0; g < s.queues.length; g++) this.sim.scheduleAt(this.evRoster, 0, g);
    for (let r = 0; r < s.reasons.length; r++) this.scheduleArrival(r, 0);
    if (s.outbound) this.sim.scheduleAt(this.evOutboundDay, 0, 0);
    this.sim.run(this.horizon);
    const end = {
      callsInSystem: this.calls.count - this.callbackTasksAlive,
      needsOpen: this.needs.count - this.outboundNeedsAlive,
    };
    for (const observer of this.observers) observer.finished?.(end);
    return this.counters.tallies;
  }

  protected isOpen(t: number): boolean {
    const day = Math.floor(t / 86400);
    if (this.closedDay[day] === 1) return false;
    const ranges = this.scenario.openingHours[(this.scenario.startWeekday + day) % 7]!;
    const sec = t - day * 86400;
    for (const [from, to] of ranges) if (sec >= from && sec < to) return true;
    return false;
  }

  protected newNeed(reason: number, origin: number): number {
    const n = this.needs.allocate(reason, origin);
    const groups = this.scenario.callerGroups;
    if (groups.length > 1) {
      let u = this.rGroup.next();
      let g = 0;
      while (g + 1 < groups.length && u >= groups[g]!.share) u -= groups[g++]!.share;
      this.needs.group[n] = g;
    }
    for (const observer of this.observers) observer.needOpened?.(n);
    return n;
  }

  /** Report how call `c` left (the caller releases it). */
  protected callEnded(c: number, outcome: CallOutcomeCode): void {
    for (const observer of this.observers) observer.callEnded?.(c, outcome);
  }

  protected endCallFailed(c: number): void {
    const n = this.calls.need[c]!;
    this.calls.release(c);
    this.failNeed(n);
  }

  /** An attempt of need `n` failed: the caller redials, or the need ends unresolved. */
  protected failNeed(n: number, noRedial = false): void {
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

  protected resolveNeed(n: number): void {
    this.endNeed(n, true, this.needs.attempts[n] === 1);
  }

  protected endNeed(n: number, resolved: boolean, firstContact: boolean): void {
    for (const observer of this.observers) observer.needEnded?.(n, resolved, firstContact);
    this.needs.release(n);
  }
}
