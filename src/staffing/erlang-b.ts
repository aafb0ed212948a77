import { scaledUpperGamma } from './gamma-function.js';

/**
 * Erlang B: the probability that a call finds all `servers` busy and is lost (M/M/c/c, blocked
 * calls cleared), for an offered load of `trafficErlangs`.
 *
 * Why: dimensioning lines (trunks), and the building block of Erlang C and Erlang A.
 * Computed by the recurrence B(k) = A·B(k−1) / (k + A·B(k−1)), which never overflows and is
 * stable for any number of servers (no factorials). A fractional number of servers uses the
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
  let b = fraction === 0 ? 1 : 1 / scaledUpperGamma(1 + fraction, trafficErlangs);
  for (let k = 1; k <= whole; k++) {
    const ab = trafficErlangs * b;
    b = ab / (k + fraction + ab);
  }
  return b;
}
