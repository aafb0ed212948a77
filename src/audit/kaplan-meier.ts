/**
 * Kaplan–Meier product-limit estimate of a survival function from right-censored times:
 * here, a caller's patience, where an abandon is an event and an answer (or a timeout) censors
 * the patience at the wait reached. Estimating patience from abandoners alone biases it low;
 * KM uses the answered callers' waits as lower bounds instead.
 * Reference: Kaplan, E. L. & Meier, P. (1958), "Nonparametric estimation from incomplete
 * observations", JASA 53:457–481; Greenwood's variance. Ties: events before censorings.
 */

/** One step of the curve: S just after `timeSeconds`. */
export interface SurvivalStep {
  timeSeconds: number;
  atRisk: number;
  events: number;
  censored: number;
  /** S(t) just after t. */
  survival: number;
  /** Greenwood standard error of S(t). */
  standardError: number;
}

/**
 * KM from grouped data: distinct increasing `times`, with `events[i]` events and
 * `censored[i]` censorings at `times[i]`. Returns one step per time with an event or a
 * censoring. Cost: O(k) for k distinct times.
 */
export function kaplanMeierFromCounts(
  times: readonly number[],
  events: readonly number[],
  censored: readonly number[],
): SurvivalStep[] {
  if (times.length !== events.length || times.length !== censored.length)
    throw new RangeError(
      'kaplanMeierFromCounts: times, events and censored must have equal lengths',
    );
  let atRisk = 0;
  for (let i = 0; i < times.length; i++) {
    if (events[i]! < 0 || censored[i]! < 0)
      throw new RangeError('kaplanMeierFromCounts: counts must be non-negative');
    if (i > 0 && times[i]! <= times[i - 1]!)
      throw new RangeError('kaplanMeierFromCounts: times must be strictly increasing');
    atRisk += events[i]! + censored[i]!;
  }
  const steps: SurvivalStep[] = [];
  let survival = 1;
  let greenwood = 0;
  for (let i = 0; i < times.length; i++) {
    const d = events[i]!;
    const c = censored[i]!;
    if (d + c === 0) continue;
    if (d > 0) {
      survival *= 1 - d / atRisk;
      greenwood += atRisk > d ? d / (atRisk * (atRisk - d)) : Number.POSITIVE_INFINITY;
    }
    steps.push({
      timeSeconds: times[i]!,
      atRisk,
      events: d,
      censored: c,
      survival,
      standardError: survival === 0 ? 0 : survival * Math.sqrt(greenwood),
    });
    atRisk -= d + c;
  }
  return steps;
}

/**
 * KM from individual observations: `times[i]` with `observed[i]` true for an event (abandon)
 * and false for a censoring (answered). Cost: O(n log n).
 */
export function kaplanMeier(
  times: readonly number[],
  observed: readonly boolean[],
): SurvivalStep[] {
  if (times.length !== observed.length)
    throw new RangeError('kaplanMeier: times and observed must have equal lengths');
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
  const t: number[] = [];
  const d: number[] = [];
  const c: number[] = [];
  for (const i of order) {
    const time = times[i]!;
    if (!Number.isFinite(time)) throw new RangeError('kaplanMeier: times must be finite');
    if (t.length === 0 || t[t.length - 1] !== time) {
      t.push(time);
      d.push(0);
      c.push(0);
    }
    if (observed[i]) d[d.length - 1]!++;
    else c[c.length - 1]!++;
  }
  return kaplanMeierFromCounts(t, d, c);
}

/**
 * The smallest time where S falls to `1 - p` or below (the p-quantile of the patience), or
 * undefined when the curve never gets there (too much censoring). Median: p = 0.5.
 */
export function survivalQuantile(steps: readonly SurvivalStep[], p: number): number | undefined {
  if (!(p > 0 && p < 1)) throw new RangeError('survivalQuantile: p must be in (0, 1)');
  for (const step of steps) if (step.survival <= 1 - p + 1e-12) return step.timeSeconds;
  return undefined;
}

/** Survival at time t (S just after t). */
export function survivalAt(steps: readonly SurvivalStep[], timeSeconds: number): number {
  let survival = 1;
  for (const step of steps) {
    if (step.timeSeconds > timeSeconds) break;
    survival = step.survival;
  }
  return survival;
}

/** Restricted mean ∫₀^τ S(t) dt: the mean patience capped at τ. */
export function restrictedMean(steps: readonly SurvivalStep[], tauSeconds: number): number {
  let area = 0;
  let previousTime = 0;
  let survival = 1;
  for (const step of steps) {
    if (step.timeSeconds >= tauSeconds) break;
    area += survival * (step.timeSeconds - previousTime);
    previousTime = step.timeSeconds;
    survival = step.survival;
  }
  return area + survival * (tauSeconds - previousTime);
}
