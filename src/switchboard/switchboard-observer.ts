import type { Scenario } from '../scenario/scenario-types.js';
import type { CallRecords, NeedRecords } from './call-records.js';

/**
 * What an observer may read of the model while it runs: the scenario, the clock, the call and
 * need records (a call `c` or need `n` passed to a hook is valid during the hook) and the
 * operators on duty per group. Read-only by contract: observers never change the model.
 */
export interface SwitchboardView {
  readonly scenario: Scenario;
  readonly sim: { readonly now: number };
  readonly calls: CallRecords;
  readonly needs: NeedRecords;
  readonly onDuty: Int32Array;
  /** Operators busy per group (talking, holding a warm transfer, taking a message, wrapping up). */
  readonly busy: Int32Array;
}

/** How a call reached the switchboard: a new need, a redial, a patient calling back. */
export const Arrival = { first: 0, redial: 1, afterMessage: 2 } as const;
/** A value of {@link Arrival}. */
export type ArrivalKind = (typeof Arrival)[keyof typeof Arrival];

/**
 * How a call left the switchboard (other than by abandoning in a queue, {@link
 * SwitchboardObserver.abandoned}, or by becoming a callback task).
 */
export const CallOutcome = {
  /** Arrived outside opening hours. */
  closed: 0,
  /** Found every line busy. */
  busy: 1,
  /** Hung up in the IVR, or was routed by a wrong option to an announcement. */
  ivrAbandoned: 2,
  /** Served by a recording of the IVR. */
  ivrResolved: 3,
  /** The operator resolved the call. */
  operatorResolved: 4,
  /** The operator ended the call with a wrong answer (micro-flows in the pool). */
  operatorError: 5,
  /** Transferred, and the service answered. */
  serviceAnswered: 6,
  /** Transferred, and the caller left a message in the service's voicemail. */
  serviceVoicemail: 7,
  /** A warm transfer nobody answered: the operator took the call back. */
  warmTakenBack: 8,
  /** A transfer rang out, met a full or absent voicemail box, or bounced once too often. */
  transferFailed: 9,
} as const;
/** A value of {@link CallOutcome}. */
export type CallOutcomeCode = (typeof CallOutcome)[keyof typeof CallOutcome];

/** What became of one attempt of a clerk's outbound call. */
export const OutboundResult = { reached: 0, message: 1, retry: 2, unreached: 3 } as const;
/** A value of {@link OutboundResult}. */
export type OutboundResultCode = (typeof OutboundResult)[keyof typeof OutboundResult];

/** What the model knows only at the end of the run. */
export interface RunEnd {
  /** Calls still in the system (callback tasks are not calls). */
  callsInSystem: number;
  /** Callers' needs still open (clerks' own tasks are not callers' needs). */
  needsOpen: number;
}

/**
 * Monitoring plugged in beside the switchboard model (as simmer's monitors): the model calls
 * these hooks at the moments of a call's life, and knows nothing of what they count or write.
 * Every hook is optional; an observer implements those it needs and reads anything else from
 * the {@link SwitchboardView} it was given. Hooks must not draw random numbers or change the
 * model, so adding an observer never changes a result.
 *
 * The two observers of the project: {@link Counters} (every measure of a replication) and the
 * queue_log writer of `queue-log.ts`. To add a measure, count it in {@link Counters} from the
 * hook of the moment it depends on (add a hook here, called from the model, only when no
 * existing moment fits).
 */
export interface SwitchboardObserver {
  /** A caller's need begins: a new caller, or a patient calling back after a message. */
  needOpened?(n: number): void;
  /** Need `n` ends, resolved or not (`firstContact`: resolved on its first attempt). */
  needEnded?(n: number, resolved: boolean, firstContact: boolean): void;
  /** Call `c` reaches the switchboard (its need's attempts already counted). */
  callArrived?(c: number, kind: ArrivalKind): void;
  /** Call `c` ends (see {@link CallOutcome}); it is released right after. */
  callEnded?(c: number, outcome: CallOutcomeCode): void;
  /** Call `c` picked a wrong IVR option for the first time. */
  misrouted?(c: number): void;
  /** Call `c` enters queue `calls.queue[c]` (answered at once, or waits). */
  queueEntered?(c: number): void;
  /** Call `c` found no free operator and waits in its queue. */
  waits?(c: number): void;
  /** An operator of group `calls.group[c]` answers call `c` after `waitSeconds` in its queue. */
  answered?(c: number, waitSeconds: number, firstAnswer: boolean): void;
  /** Call `c` hangs up in its queue after `waitSeconds`. */
  abandoned?(c: number, waitSeconds: number): void;
  /** Call `c` accepts to be called back after `waitSeconds`, leaving its queue. */
  callbackAccepted?(c: number, waitSeconds: number): void;
  /**
   * The operator of call `c` finishes with it: talk (or the callback) plus the wrap-up drawn,
   * `busySeconds` in all from `calls.answeredAt[c]`. Called before the operator is free again.
   */
  operatorReleased?(c: number, busySeconds: number): void;
  /**
   * `busy[g]` or `onDuty[g]` of group `g` changed at the current time (an operator took or
   * finished work, or the roster changed). Operators past their shift finish the call in hand:
   * the excess of busy over on-duty operators is their overtime.
   */
  staffChanged?(g: number): void;
  /** The operator hangs up after talking to the caller (the call may go on to its right queue). */
  agentCompleted?(c: number): void;
  /** A misrouted caller is put through by the operator to the right queue. */
  putThrough?(c: number): void;
  /** The operator transfers call `c` to `service` (its index), warm or wild. */
  transferStarted?(c: number, service: number, warm: boolean): void;
  /** An operator's transfer of call `c` ends with `calls.outcome[c]` (before a bounce is taken). */
  transferEnded?(c: number, warm: boolean): void;
  /** Call `c` bounced back from a service to the switchboard and re-enters its queue. */
  bouncedBack?(c: number): void;
  /** An operator starts the callback task `c`. */
  callbackStarted?(c: number): void;
  /** Callback task `c` ends: the patient answered, or every attempt failed. */
  callbackEnded?(c: number, answered: boolean): void;
  /** A clerk's outbound call of need `n` was attempted. */
  outboundAttempted?(n: number, result: OutboundResultCode): void;
  /** The horizon is reached. */
  finished?(end: RunEnd): void;
}
