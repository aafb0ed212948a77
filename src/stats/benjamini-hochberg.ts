/**
 * Benjamini–Hochberg adjustment of p-values (Benjamini & Hochberg 1995, "Controlling the false
 * discovery rate", Journal of the Royal Statistical Society B 57(1)), as R's
 * `p.adjust(p, "BH")`: the i-th smallest of m p-values becomes min over j ≥ i of p(j) · m / j,
 * at most 1. Rejecting where the adjusted value is below q keeps the expected share of false
 * findings among the findings at q (for independent or positively dependent tests), and when
 * nothing truly moved, the chance of any finding at q: far less conservative than Holm's
 * family-wise control when many measures truly move. A null p-value (no test) stays null and does
 * not count in m. Returns the adjusted values in the order given. Cost: O(m log m).
 */
export function benjaminiHochbergAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues
    .map((p, i) => ({ p, i }))
    .filter((x): x is { p: number; i: number } => x.p !== null)
    .sort((a, b) => a.p - b.p);
  const m = tested.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const { p, i } = tested[rank]!;
    running = Math.min(running, (p * m) / (rank + 1));
    adjusted[i] = running;
  }
  return adjusted;
}
