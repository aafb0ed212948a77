import type { Simulator } from '../engine/simulator.js';
import type { RandomStreams } from '../random/random-stream.js';
import type { Scenario } from '../scenario/scenario-types.js';
import type { CallRecords, NeedRecords } from './call-records.js';
import type { ArrivalKind, CallOutcomeCode, SwitchboardObserver } from './switchboard-observer.js';

/**
 * What every part of the switchboard model shares: the scenario it was compiled from, the
 * engine's clock, the call and need records (flat tables indexed by call `c` or need `n`; each
 * part's doc comment names the fields it writes), the horizon, the run's named random
 * streams (each part takes the streams of its own draws) and the observers the parts report to.
 */
export interface ModelContext {
  readonly scenario: Scenario;
  readonly sim: Simulator;
  readonly calls: CallRecords;
  readonly needs: NeedRecords;
  /** Seconds simulated. */
  readonly horizonSeconds: number;
  readonly streams: RandomStreams;
  /** Called in order at each moment of a call's life (the counters first). */
  readonly observers: readonly SwitchboardObserver[];
}

/**
 * The order of events due at the same second (lower runs first), one table for every part: the
 * roster changes before anything else, an operator finishing wrap-up before the talks ending,
 * those before the IVR and the abandons, callbacks, then new calls, then the clerks' calls.
 */
export const EventPriority = {
  roster: 0,
  wrapEnd: 1,
  talkEnd: 2,
  transferEnd: 2,
  callbackEnd: 2,
  ivr: 3,
  abandon: 4,
  callbackOffer: 4,
  callbackDue: 5,
  arrival: 6,
  outbound: 7,
} as const;

/*
 * The parts of the model and what each offers the others. A part receives the ports it uses
 * (`Pick<ModelParts, …>`) in its constructor and calls nothing else of another part; its own
 * state is private. The call flow has cycles (a bounced call queues again; an abandoned call
 * redials), so the assembly (`SwitchboardModel`) creates every part before the run starts, and
 * parts call one another only from event handlers.
 */

/** The callers' side (`callers.ts`): needs, calls reaching the switchboard, lines, endings. */
export interface CallerPort {
  /** A new need of `reason` (drawing its caller group); returns its record. */
  openNeed(reason: number, origin: number): number;
  /** A call of need `n` reaches the switchboard (a first call, a redial, a call back). */
  startCall(n: number, kind: ArrivalKind): void;
  /** Call `c` leaves: `outcome` reported, then {@link hangUp}. */
  endCall(c: number, outcome: CallOutcomeCode, resolved: boolean): void;
  /** Call `c` hangs up: its line freed, its need resolved or failed, its record released. */
  hangUp(c: number, resolved: boolean): void;
  /** A call gives its line back but lives on as a callback task. */
  freeLine(): void;
  /** Need `n` is resolved. */
  resolveNeed(n: number): void;
  /** An attempt of need `n` failed: the caller redials, or (or with `noRedial`) the need ends. */
  failNeed(n: number, noRedial?: boolean): void;
}

/** Where a call goes once it holds a line (`ivr.ts`). */
export interface RoutingPort {
  /** Send call `c` (just on a line) to its queue, or into the IVR's menus. */
  route(c: number): void;
  /** The queue a caller of `reason` should reach. */
  rightQueue(reason: number): number;
}

/** The waiting lines (`queues.ts`). */
export interface QueuePort {
  /** Call `c` enters queue `q`: answered at once by a free operator, or waits. */
  enqueue(c: number, q: number): void;
  /** Take waiting call `c` out of its queue (its abandon and callback-offer timers cancelled). */
  unlink(c: number): void;
  /** Give waiting work of queue `q` to free operators of the groups serving it. */
  dispatch(q: number): void;
  /** Give free operators of group `g` waiting calls, then callback tasks. */
  dispatchGroup(g: number): void;
}

/** The operator groups (`operator-groups.ts`). */
export interface OperatorPort {
  /** Whether group `g` has an operator on duty and free. */
  hasFree(g: number): boolean;
  /** An operator of group `g` takes work. */
  take(g: number): void;
  /** The operator of call `c` ends work on it, wraps up (after `extraSeconds` more work). */
  release(c: number, extraSeconds?: number): void;
}

/** Callbacks (virtual hold) and the tasks they become (`callbacks.ts`). */
export interface CallbackPort {
  /** Call `c` just waits in queue `q`: offer it a callback later, if the queue does. */
  offerLater(c: number, q: number, patienceSeconds: number): void;
  /** Cancel the callback offer of call `c` (it leaves the queue). */
  withdrawOffer(c: number): void;
  /** The next callback task for group `g`, taken off its list, or -1. */
  nextTask(g: number): number;
  /** An operator of group `g` calls back task `c`. */
  start(c: number, g: number): void;
}

/** The operator's handling of an answered call (`call-handling.ts`). */
export interface HandlingPort {
  /** The operator answers call `c` and talks for its handle time. */
  talk(c: number): void;
  /** Put call `c` through to `service` unchecked (an IVR route to a service). */
  transferToService(c: number, service: number): void;
}

/** Every port, by part. */
export interface ModelParts {
  callers: CallerPort;
  routing: RoutingPort;
  queues: QueuePort;
  operators: OperatorPort;
  callbacks: CallbackPort;
  handling: HandlingPort;
}
