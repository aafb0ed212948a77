import { erlangB } from './erlang-b.js';

/**
 * Erlang C: the probability that a call has to wait (all `agents` busy) in an M/M/c queue with
 * infinitely patient callers, for an offered load of `trafficErlangs`.
 *
 * Why: the classic staffing formula. Computed from Erlang B, C = B / (1 − ρ(1 − B)) with
 * ρ = A / c, which is stable where the textbook sum of A^k/k! overflows. Fractional agents use
 * the continuous Erlang B. When the load reaches the agents (A ≥ c) the queue has no steady
 * state: every call waits, and this returns 1.
 *
 * Reference: Cooper, Introduction to Queueing Theory, 2nd ed. (1981), §3.4. Cost O(agents).
 *
 * @example erlangC(14, 10) // 0.1741319335950… (CRAN ErlangC README)
 */
export function erlangC(agents: number, trafficErlangs: number): number {
  if (!(agents > 0) || !Number.isFinite(agents)) {
    throw new RangeError(`erlangC: agents must be finite and > 0, received ${agents}`);
  }
  if (trafficErlangs >= agents) return 1;
  const b = erlangB(agents, trafficErlangs);
  const rho = trafficErlangs / agents;
  return b / (1 - rho * (1 - b));
}
