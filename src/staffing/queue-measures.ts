/**
 * The measures every staffing model returns, before the question's bookkeeping (traffic,
 * shrinkage) is added. `null` where a model has no such measure; an unbounded wait is
 * `Infinity` here and becomes `null` in {@link StaffingEvaluation}.
 */
export interface QueueMeasures {
  /** Fraction of ALL offered calls that have to wait (find every operator busy). */
  probabilityWait: number;
  /** Fraction of ALL offered calls answered within the threshold (abandoned and blocked calls count as failures). */
  serviceLevel: number;
  /** Mean wait of ANSWERED calls, in seconds (`Infinity` when unbounded). */
  asaSeconds: number;
  /** Mean time in queue over ALL offered calls, abandoners counted until they hang up (`Infinity` when unbounded). */
  meanWaitSeconds: number;
  /** Fraction of operator time spent on calls: carried load / operators. */
  occupancy: number;
  /** Fraction of offered calls that hang up before an answer, or null when callers never do. */
  probabilityAbandon: number | null;
  /** Fraction of offered calls that find every line busy, or null when lines are unlimited. */
  probabilityBlocking: number | null;
}
