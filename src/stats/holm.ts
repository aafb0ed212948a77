/**
 * Holm's step-down adjustment of p-values (Holm 1979, "A simple sequentially rejective multiple
 * test procedure", Scandinavian Journal of Statistics 6(2)): the i-th smallest of m p-values is
 * multiplied by m − i + 1, kept at least as large as the one before it and at most 1. Rejecting
 * where the adjusted value is below α keeps the family-wise error rate at α, whatever the
 * dependence between the tests. Returns the adjusted values in the order given; a null p-value
 * (no test possible) stays null and does not count in m. Cost: O(m log m).
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues
    .map((p, i) => ({ p, i }))
    .filter((x): x is { p: number; i: number } => x.p !== null)
    .sort((a, b) => a.p - b.p);
  const m = tested.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  tested.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
