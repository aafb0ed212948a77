/**
 * Multiple-testing adjustments of p-values, as R's `p.adjust`: Holm's step-down (family-wise
 * error rate) and Benjamini–Hochberg's step-up (false discovery rate). Both sort the m p-values,
 * scale the i-th smallest by a factor of its rank, and make the result monotone in the rank;
 * they differ only in the factor and the direction of the walk, so one walk serves both.
 * A null p-value (no test possible) stays null and does not count in m. The adjusted values come
 * back in the order given, each at most 1. Cost: O(m log m).
 */

/** A p-value adjustment procedure, by R's `p.adjust` method name. */
export type PValueAdjustment = 'holm' | 'BH';

interface Procedure {
  /** Step-up procedures walk from the largest p-value down, keeping the running minimum. */
  stepUp: boolean;
  /** The i-th smallest p-value (rank i − 1, from 0) of m, scaled. */
  scale(p: number, rank: number, m: number): number;
}

const procedures: Record<PValueAdjustment, Procedure> = {
  holm: { stepUp: false, scale: (p, rank, m) => (m - rank) * p },
  BH: { stepUp: true, scale: (p, rank, m) => (p * m) / (rank + 1) },
};

/**
 * Adjusts p-values for testing many hypotheses at once by `method` ('holm' or 'BH', as R's
 * `p.adjust`). Example: `adjustPValues([0.01, 0.04, 0.03, 0.005], 'BH')` → `[0.02, 0.04, 0.04,
 * 0.02]`.
 */
export function adjustPValues(
  pValues: readonly (number | null)[],
  method: PValueAdjustment,
): (number | null)[] {
  const { stepUp, scale } = procedures[method];
  const tested = pValues
    .map((p, i) => ({ p, i }))
    .filter((x): x is { p: number; i: number } => x.p !== null)
    .sort((a, b) => a.p - b.p);
  const m = tested.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = stepUp ? 1 : 0;
  for (let step = 0; step < m; step++) {
    const rank = stepUp ? m - 1 - step : step;
    const { p, i } = tested[rank]!;
    const scaled = Math.min(1, scale(p, rank, m));
    running = stepUp ? Math.min(running, scaled) : Math.max(running, scaled);
    adjusted[i] = running;
  }
  return adjusted;
}

/**
 * Holm's step-down adjustment (Holm 1979, "A simple sequentially rejective multiple test
 * procedure", Scandinavian Journal of Statistics 6(2)): the i-th smallest of m p-values is
 * multiplied by m − i + 1, kept at least as large as the one before it and at most 1. Rejecting
 * where the adjusted value is below α keeps the family-wise error rate at α, whatever the
 * dependence between the tests. As R's `p.adjust(p, "holm")`.
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  return adjustPValues(pValues, 'holm');
}

/**
 * Benjamini–Hochberg step-up adjustment (Benjamini & Hochberg 1995, "Controlling the false
 * discovery rate", Journal of the Royal Statistical Society B 57(1)): the i-th smallest of m
 * p-values becomes min over j ≥ i of p(j) · m / j, at most 1. Rejecting where the adjusted value
 * is below q keeps the expected share of false findings among the findings at q (for independent
 * or positively dependent tests), and when nothing truly moved, the chance of any finding at q:
 * far less conservative than Holm's family-wise control when many measures truly move. As R's
 * `p.adjust(p, "BH")`.
 */
export function benjaminiHochbergAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  return adjustPValues(pValues, 'BH');
}
