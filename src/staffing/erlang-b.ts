import { scaledUpperGamma } from './gamma-function.js';

/**
 * Erlang B: the probability that a call finds all `servers` busy and is lost (M/M/c/c, blocked
 * calls cleared), for an offered load of `trafficErlangs`.
 *
 * Why: dimensioning lines (trunks), and the building block of Erlang C and Erlang A.
 * Computed by the recurrence 1/B(k) = 1 + (k/A)/B(k−1), switching to the equivalent
 * B(k) = A·B(k−1) / (k + A·B(k−1)) before anything overflows; both are stable for any number of
 * servers (no factorials, no powers). A fractional number of servers uses the
 * continuous extension 1/B(x, A) = A ∫₀^∞ e^(−At) (1+t)^x dt (Jagerman 1974), evaluated at the
 * fractional part through the incomplete gamma function, then carried up by the recurrence.
 *
 * Reference: Erlang (1917); Jagerman, "Some properties of the Erlang loss function", BSTJ 53
 * (1974). Cost O(servers).
 *
 * @example erlangB(15, 8.108) // ≈ 0.0100 (Westbay manual: 8.108 E on 15 lines at 1 %)
 */
export function erlangB(servers: number, trafficErlangs: number): number {
  if (!(servers >= 0) || !Number.isFinite(servers)) {
    throw new RangeError(`erlangB: servers must be a finite number ≥ 0, received ${servers}`);
  }
  if (!(trafficErlangs > 0) || !Number.isFinite(trafficErlangs)) {
    throw new RangeError(
      `erlangB: trafficErlangs must be finite and > 0, received ${trafficErlangs}`,
    );
  }
  const whole = Math.floor(servers);
  const fraction = servers - whole;
  // 1/B(k) = 1 + (k/A)·1/B(k−1): a multiply-add per step (the division of the forward form
  // B(k) = A·B/(k + A·B) sits on the critical path and is ~3× slower). Past 1e250 the inverse
  // would overflow, so the forward form, which underflows gracefully, takes over.
  let inverse = fraction === 0 ? 1 : scaledUpperGamma(1 + fraction, trafficErlangs);
  const perServer = 1 / trafficErlangs;
  let k = 1;
  for (; k <= whole && inverse < 1e250; k++) inverse = 1 + (k + fraction) * perServer * inverse;
  let b = 1 / inverse;
  for (; k <= whole; k++) {
    const ab = trafficErlangs * b;
    b = ab / (k + fraction + ab);
  }
  return b;
}
