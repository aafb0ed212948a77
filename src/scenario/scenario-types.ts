import { WEEKDAY_KEYS } from '../calendar/weekdays.js';
import type { Margin } from '../measures/verdict.js';
import type { Distribution } from '../random/distributions.js';
import type { ForecastArrivals } from './read-forecast-arrivals.js';

/** Weekdays, Monday first: the scenario's numbering (see calendar/weekdays.ts). */
export const weekdays = WEEKDAY_KEYS;

/** `monday` … `sunday`. */
export type Weekday = (typeof weekdays)[number];

/** A time range of a day in seconds since local midnight, `[from, to)`. */
export type DayRange = readonly [fromSeconds: number, toSeconds: number];

/** A roster step: from `fromSeconds` (of the day) on, `operators` on the phones. */
export interface RosterStep {
  fromSeconds: number;
  toSeconds: number;
  operators: number;
}

/** Where an IVR route sends a caller. */
export type RouteTarget =
  { kind: 'queue'; index: number } | { kind: 'service'; index: number } | { kind: 'selfService' };

/** One route of an IVR option: with `probability`, go to `target`. */
export interface IvrRoute {
  probability: number;
  target: RouteTarget;
}

/** One IVR menu option: it routes its callers, or opens a sub-menu. */
export interface IvrOption {
  label: string;
  /** Indices of the reasons whose callers choose this option (in a sub-menu too). */
  reasons: number[];
  /** Where the option's callers go (empty when it opens a sub-menu). */
  routes: IvrRoute[];
  /** Index in {@link IvrSpec.menus} of the sub-menu it opens, or -1. */
  submenu: number;
}

/** One menu of the IVR tree: an announcement, then options. */
export interface IvrMenu {
  /** Where it is in the file (`ivr`, `ivr.options[1]`). */
  path: string;
  messageSeconds: number;
  options: IvrOption[];
}

/** The IVR: a message and a menu tree (a route may end in self-service). */
export interface IvrSpec {
  /** The menus, the top one first (its options are {@link IvrSpec.options}). */
  menus: IvrMenu[];
  messageSeconds: number;
  perOptionSeconds: number;
  /** Chance per minute in the menu that a caller hangs up. */
  hangUpPerMinute: number;
  /** Chance a caller cannot use the menu and falls through to `defaultQueue`. */
  cannotUse: number;
  /** Chance a caller who can use the menu picks another option than the right one. */
  wrongOption: number;
  defaultQueue: number;
  options: IvrOption[];
}

/** How a transfer is made. */
export type TransferMode = 'warm' | 'wild';

/** A reason's transfers: with `probability`, to a service chosen by share. */
export interface ReasonTransfer {
  probability: number;
  services: number[];
  /** Cumulative shares matching `services`. */
  cumulative: number[];
  mode: TransferMode | undefined;
}

/** Redial behaviour after a failed attempt. */
export interface RedialSpec {
  probability: number;
  delay: Distribution;
  maxAttempts: number;
}

/** One reason for calling. */
export interface ReasonSpec {
  name: string;
  share: number;
  handleTime: Distribution;
  patience: Distribution;
  /**
   * Seconds of queue credit: the call is served as if it had entered its queue this much
   * earlier (priority callers), within its queue and, with `order: oldest`, across queues.
   */
  queueCreditSeconds: number;
  /**
   * The reason's own intraday profile per weekday (shares of its day's calls by interval),
   * instead of `arrivals.intradayProfile`; its calls per day stay callsPerDay × share.
   */
  intradayProfile?: Float64Array[] | undefined;
  queue: number;
  transfer: ReasonTransfer;
  redials: RedialSpec;
  /** A rare reason needing special knowledge (see {@link MicroFlowSpec}). */
  micro: boolean;
}

/** Callback offer (virtual hold) of a queue. */
export interface CallbackSpec {
  offerAfterSeconds: number;
  acceptance: number;
  answerProbability: number;
  retryDelay: Distribution;
  maxAttempts: number;
  /** Time an operator spends on a callback the patient does not answer. */
  noAnswerSeconds: number;
}

/** A queue with its operator group. */
export interface QueueSpec {
  name: string;
  /** Roster by weekday (index 0 = monday). */
  roster: RosterStep[][];
  wrapUp: Distribution;
  /** Other queues this group's operators also serve (after their own, or see `order`). */
  helps: number[];
  /**
   * Which waiting call a free operator takes: `own-first` (its own queue, then the queues it
   * helps in order) or `oldest` (the call that entered its queue first, whichever of them).
   */
  order: 'own-first' | 'oldest';
  callback: CallbackSpec | undefined;
}

/** A service calls are transferred to. */
export interface ServiceSpec {
  name: string;
  /** Chance someone answers, per minute of the day (1,440 values; NaN: the outcomes' share). */
  availability: Float64Array;
  voicemail: 'available' | 'full' | 'none';
}

/** Transfers in general. */
export interface TransferSpec {
  mode: TransferMode;
  /** Outcome shares of a wild transfer when no service availability says otherwise. */
  outcomes: { answered: number; ringOut: number; voicemail: number; bouncedBack: number };
  ringTime: Distribution;
  /** Warm transfer: the operator takes the call back after this. */
  warmTimeoutSeconds: number;
  /** Warm transfer that fails: chance the operator takes a message (the need is resolved). */
  warmMessage: number;
  /** How long taking that message keeps the operator busy, seconds (`transfers.messageTime`). */
  messageSeconds: number;
  /** A call bounced back this many times and not answered gives up on the next failure. */
  maxBounces: number;
}

/** Outbound work of clerks calling patients. */
export interface OutboundSpec {
  callsPerDay: number[];
  fromSeconds: number;
  toSeconds: number;
  answerProbability: number;
  /** When the patient does not answer: chance an answering machine picks up. */
  answeringMachine: number;
  policy: 'leaveMessage' | 'retry';
  retryDelay: Distribution;
  maxAttempts: number;
  /** Chance a patient who got a message calls back through the switchboard. */
  callBackProbability: number;
  callBackDelay: Distribution;
  /** Reason the patient calls back with. */
  callBackReason: number;
}

/** How rare reasons with special knowledge are handled. */
export interface MicroFlowSpec {
  handling: 'pool' | 'dedicated';
  handleTimeFactor: number;
  extraTransferProbability: number;
  errorProbability: number;
  dedicatedQueue: number;
}

/** A group of callers who behave differently (elderly, hard of hearing, needing an interpreter…). */
export interface CallerGroupSpec {
  name: string;
  /** Share of callers (of every reason) in the group. */
  share: number;
  /** Chance its callers cannot use the menu and wait for an operator; undefined: `ivr.cannotUse`. */
  cannotUseMenu: number | undefined;
  /** Factor on its callers' patience. */
  patienceFactor: number;
  /** Factor on its callers' handling time. */
  handleTimeFactor: number;
}

/** Costs in the scenario's currency. */
export interface CostSpec {
  /** ISO 4217-style code the money is in (`costs.currency`, EUR by default). */
  currency: string;
  operatorHour: number;
  /** The price of one need that ends unresolved, by reason index (one price whatever the path). */
  lostNeed: number[];
  /** Per attempt: each transfer an operator makes. */
  transfer: number;
  /** Per attempt: each redial. */
  repeatAttempt: number;
  /**
   * Hours a week paid to operators off the phones (paid breaks; `roster --out` writes its
   * roster's), added to the operator hours and their cost, a seventh each day simulated.
   */
  paidBreakHours: number;
}

/**
 * What the switchboard should reach (the `targets:` section): read by `roster` to size and check
 * shifts, and by reports and verdicts. Shares are of answered + abandoned queue entries, as
 * `simulate` measures them.
 */
export interface ScenarioTargets {
  /** Least share of queue entries answered within {@link thresholdSeconds} (0–1), if set. */
  serviceLevel: number | undefined;
  /** The service-level threshold, seconds: the scenario's one threshold (`serviceLevelSeconds`). */
  thresholdSeconds: number;
  /** Greatest share of queue entries abandoned (0–1), if set. */
  maxAbandon: number | undefined;
  /**
   * Queues with targets of their own (`targets.byQueue`), in the file's order, as written (a
   * level a queue does not set is the switchboard's); absent when the file gives none.
   */
  byQueue?: QueueTargets[];
}

/** One queue's own targets (`targets.byQueue.<queue>`), as written. */
export interface QueueTargets {
  /** The queue's name and its index in `scenario.queues`. */
  queue: string;
  index: number;
  serviceLevel: number | undefined;
  maxAbandon: number | undefined;
}

/** A break of a shift template, placed anywhere inside its window. */
export interface ShiftBreak {
  lengthSeconds: number;
  /**
   * The window, in seconds after local midnight of the shift's start day (a time earlier than the
   * start is read as the next day, so a night shift's window may pass midnight): `[from, to)`.
   */
  windowFromSeconds: number;
  windowToSeconds: number;
  /** A paid break counts in paid hours (default); an unpaid one does not. */
  paid: boolean;
}

/** A shift template of the `shifts:` section: when it may start, how long, its breaks. */
export interface ShiftTemplate {
  name: string;
  /** Index of the queue whose operators it staffs. */
  queue: number;
  /** Allowed starts, seconds after local midnight, on the `intervalMinutes` grid. */
  startsSeconds: number[];
  /** Time from start to end, breaks included (at most 24 h). */
  lengthSeconds: number;
  /**
   * Breaks, each within its window; the window bounds hold for every start (a window is read
   * against each start, see {@link ShiftBreak.windowFromSeconds}).
   */
  breaks: ShiftBreak[];
  /** Weekdays (0 = monday) the template may start on. */
  days: boolean[];
  /** Least and greatest operators starting this template on a day it runs (all starts). */
  min: number;
  max: number;
  /** Cost of a paid hour (default `costs.operatorHour`, or 1 without it). */
  costPerHour: number;
  /** Where it is in the file (`shifts.main[0]`). */
  path: string;
}

/** A validated scenario, compiled to indices and distributions, ready for the model. */
export interface Scenario {
  /** The validated document it was compiled from (workers recompile it). */
  document: Record<string, unknown>;
  /** Arrivals from a forecast CSV (dated), used instead of callsPerDay × intradayProfile. */
  forecast: ForecastArrivals | undefined;
  /**
   * The forecast CSV's path as the scenario writes it (`forecast.csv`), for messages: the
   * document names it by its absolute path, so that a recompiled document finds it.
   */
  forecastFile?: string | undefined;
  /**
   * `arrivals.newCallShare`: the share of the forecast's calls that are first attempts (the
   * model adds redials on top), 0 < x ≤ 1; every forecast row is multiplied by it. 1 without
   * a forecast.
   */
  newCallShare: number;
  name: string;
  description: string;
  file: string | undefined;
  timezone: string;
  intervalMinutes: number;
  /** Weekday of day 0 (0 = monday). */
  startWeekday: number;
  startDate: string;
  /** Opening hours per weekday. */
  openingHours: DayRange[][];
  closedDays: string[];
  /** Calls per day per weekday. */
  callsPerDay: number[];
  /** Share of the day's calls per interval, per weekday (each sums to 1). */
  intradayProfile: Float64Array[];
  reasons: ReasonSpec[];
  queues: QueueSpec[];
  services: ServiceSpec[];
  lines: number;
  transfers: TransferSpec;
  ivr: IvrSpec | undefined;
  outbound: OutboundSpec | undefined;
  microFlows: MicroFlowSpec | undefined;
  costs: CostSpec;
  /** Practical margins of `compare`'s verdicts set in `measures.margins`, by measure name. */
  margins: ReadonlyMap<string, Margin>;
  /** The `targets:` section, or undefined when the file has none. */
  targets: ScenarioTargets | undefined;
  /** Shift templates of the `shifts:` section, all queues, in file order. */
  shifts: ShiftTemplate[];
  /** Caller groups (`callerGroups:`), with `others` for the rest; empty without the section. */
  callerGroups: CallerGroupSpec[];
  /** The service-level threshold, seconds (`targets.threshold` or `measures.serviceLevelTime`). */
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
}
