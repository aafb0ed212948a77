/** The staffing models `switchboard staff` knows, by their CLI names. */
export const STAFFING_MODELS = [
  'erlang-c',
  'erlang-a',
  'erlang-b',
  'finite-lines',
  'erlang-a-lines',
] as const;

/**
 * A staffing model: `erlang-c` (M/M/c, patient callers), `erlang-a` (M/M/c+M, exponential
 * patience), `erlang-b` (M/M/c/c, blocked calls lost, optionally retried), `finite-lines`
 * (M/M/c/K: c operators, K lines in all), `erlang-a-lines` (M/M/c/K+M: K lines in all and
 * exponential patience).
 */
export type StaffingModel = (typeof STAFFING_MODELS)[number];

/** True for the models whose callers hang up after a patience (`patienceSeconds`). */
export function modelHasPatience(model: StaffingModel): boolean {
  return model === 'erlang-a' || model === 'erlang-a-lines';
}

/** True for the models with a finite number of lines (`lines`, K ≥ agents). */
export function modelHasLines(model: StaffingModel): boolean {
  return model === 'finite-lines' || model === 'erlang-a-lines';
}

/**
 * Targets a staffing must meet, all optional; a staffing meets them when it meets every one
 * given. Definitions as in {@link StaffingEvaluation}.
 */
export interface StaffingTargets {
  /** Least fraction of ALL offered calls answered within `thresholdSeconds` (0–1). */
  serviceLevel?: number;
  /** Greatest mean wait of answered calls, seconds. */
  asaSeconds?: number;
  /** Greatest occupancy (carried load / operators), 0–1. */
  maxOccupancy?: number;
  /** Greatest fraction of offered calls abandoned (models with patience only). */
  maxAbandon?: number;
  /** Greatest fraction of offered calls blocked (Erlang B and models with lines only). */
  maxBlocking?: number;
}

/**
 * One staffing question for one stationary interval, as plain data so that the formulas here
 * and the simulator can answer the same object.
 */
export interface StaffingQuestion {
  /** Which model answers it. */
  model: StaffingModel;
  /** Offered load in erlangs: calls per hour × handling time in hours. */
  trafficErlangs: number;
  /** Mean handling time (talk + wrap-up), seconds. Required for every model but `erlang-b`. */
  handleTimeSeconds?: number;
  /** Operators on the phones (fractional allowed for erlang-b, erlang-c, erlang-a; whole with lines). */
  agents?: number;
  /** Service-level threshold T: answered within T seconds. Default 20. */
  thresholdSeconds?: number;
  /** Mean patience before hanging up, seconds (`erlang-a`, `erlang-a-lines`). */
  patienceSeconds?: number;
  /** Lines in all, operators plus waiting places (`finite-lines`, `erlang-a-lines`). */
  lines?: number;
  /** Fraction of blocked callers who immediately retry (`erlang-b`, Extended Erlang B). Default 0. */
  retryFraction?: number;
  /** Fraction of paid time off the phones (breaks, training, absence), 0 ≤ s < 1. Default 0. */
  shrinkage?: number;
  /** Targets for the solvers. */
  targets?: StaffingTargets;
}

/** The default service-level threshold, seconds. */
export const DEFAULT_THRESHOLD_SECONDS = 20;

/**
 * The answer to a staffing question: exactly the keys `switchboard staff --json` prints.
 * Every probability is a fraction of ALL offered calls. `null` where the model has no such
 * measure (abandonment in Erlang C, blocking in Erlang C/A) and, for `asaSeconds` and
 * `meanWaitSeconds`, where the wait is unbounded (Erlang C with traffic ≥ agents).
 */
export interface StaffingEvaluation {
  /** The model that answered. */
  model: StaffingModel;
  /** Offered load, erlangs. */
  trafficErlangs: number;
  /** Operators on the phones. */
  agents: number;
  /** Positions on the roster: ceil(agents / (1 − shrinkage)). */
  positions: number;
  /** Fraction of offered calls that wait (find every operator busy). */
  probabilityWait: number | null;
  /** Fraction of ALL offered calls answered within the threshold. */
  serviceLevel: number | null;
  /** Mean wait of ANSWERED calls, seconds (null: unbounded). */
  asaSeconds: number | null;
  /** Mean time in queue over ALL offered calls, abandoners until they hang up (null: unbounded). */
  meanWaitSeconds: number | null;
  /** Carried load / operators. */
  occupancy: number | null;
  /** Fraction of offered calls that hang up before an answer (models with patience), else null. */
  probabilityAbandon: number | null;
  /** Fraction of offered calls that get a busy signal (Erlang B, models with lines), else null. */
  probabilityBlocking: number | null;
}

/** The keys of {@link StaffingEvaluation}, in print order. */
export const STAFFING_EVALUATION_KEYS = [
  'model',
  'trafficErlangs',
  'agents',
  'positions',
  'probabilityWait',
  'serviceLevel',
  'asaSeconds',
  'meanWaitSeconds',
  'occupancy',
  'probabilityAbandon',
  'probabilityBlocking',
] as const;
