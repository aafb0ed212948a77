/**
 * What checking a calibration found (the check itself, which simulates the calibrated scenario,
 * is calibration/check-calibration.ts): declared here, beside the calibrated parameters that
 * carry it, so the audit never imports the calibration folder (no import cycle).
 */

/** A share or a count with its 95 % interval. */
export interface CheckEstimate {
  value: number;
  ci95: [number, number];
}

/** One route: the records' abandonment against the calibrated model's. */
export interface RouteCheck {
  route: string;
  /** Calls the records offered on this route. */
  offered: number;
  /** Abandoned ÷ offered in the records; binomial interval (calls of an hour are not independent, so it is too narrow). */
  recorded: CheckEstimate;
  /** The same share in the model (each replication measured by the audit); Student-t over replications. */
  simulated: CheckEstimate;
  /** simulated − recorded. */
  difference: number;
  /**
   * Mean wait of the answered calls (ASA): the records' (no interval: the records hold one
   * realisation, and their waits are not independent) and the model's, Student-t over
   * replications. Whether a route's abandonment is off because its callers wait too little or
   * give up too late shows here: the same waits with other abandonment point at patience.
   */
  asaSeconds: { recorded: number | null; simulated: CheckEstimate | null };
}

/** The calibrated scenario simulated and set against the records it was calibrated on. */
export interface CalibrationCheck {
  days: number;
  replications: number;
  seed: number;
  volume: {
    /** Queue calls a week in the records: Σ over weekdays of the mean calls of that weekday. */
    recordedPerWeek: number;
    /** The same averaged over the days observed (total ÷ days × 7), the audit's `callsPerWeek`. */
    recordedPerObservedWeek: number;
    /** Queue calls a week in the model (new calls and redials), counted by the audit. */
    simulatedPerWeek: CheckEstimate;
    /** simulated ÷ recorded − 1 (mean week). */
    gap: number;
  };
  overall: {
    recorded: CheckEstimate;
    simulated: CheckEstimate;
    difference: number;
    asaSeconds: RouteCheck['asaSeconds'];
  };
  routes: RouteCheck[];
  definitions: string;
}
