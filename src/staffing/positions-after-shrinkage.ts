/**
 * Positions to roster so that `agents` are on the phones when a fraction `shrinkage` of paid
 * time is lost to breaks, training and absence: ceil(agents / (1 − shrinkage)).
 *
 * A quotient within 1e-9 of a whole number counts as that number, so that 14 / 0.7 gives 20
 * (not 21, as the floating-point 20.000000000000004 would). Reference: pyworkforce 0.1.0
 * README (14 agents, shrinkage 0.3 → 20 positions). Cost O(1).
 *
 * @example positionsAfterShrinkage(14, 0.3) // 20
 */
export function positionsAfterShrinkage(agents: number, shrinkage: number): number {
  if (!(agents >= 0) || !Number.isFinite(agents)) {
    throw new RangeError(
      `positionsAfterShrinkage: agents must be finite and ≥ 0, received ${agents}`,
    );
  }
  if (!(shrinkage >= 0 && shrinkage < 1)) {
    throw new RangeError(
      `positionsAfterShrinkage: shrinkage must be in [0, 1), received ${shrinkage}`,
    );
  }
  const raw = agents / (1 - shrinkage);
  const nearest = Math.round(raw);
  return Math.abs(raw - nearest) <= 1e-9 * Math.max(1, raw) ? nearest : Math.ceil(raw);
}
