import { erlangB } from './erlang-b.js';
import type { QueueMeasures } from './queue-measures.js';

/**
 * Every measure of the M/M/c/K+M queue: `agents` operators (c), `lines` lines in all (K =
 * operators + waiting places; a caller who finds K calls in the system gets a busy signal), and
 * callers who hang up after an exponential patience of mean `patienceSeconds`, served first
 * come, first served. This is Erlang A on finite lines, the model of a hospital switchboard
 * whose trunks are finite AND whose callers hang up.
 *
 * Why: Erlang A assumes unlimited lines, finite lines (M/M/c/K) patient callers; real
 * switchboards have both, and each alone misjudges both blocking and abandonment.
 *
 * Method. With x = cμ/θ and y = λ/θ (θ = 1/patience), the birth–death chain (death rate
 * min(n,c)μ + max(0,n−c)θ) gives π(c+j) = π(c)·Π_{i≤j} y/(x+i) for 0 ≤ j ≤ K−c, and below c
 * the states together weigh π(c)·(1/B − 1), B = Erlang B(c, A); the weights are summed in
 * log space with a running rescale, so nothing overflows for thousands of operators or lines.
 * By PASTA an arrival is blocked with π(K). One who finds j callers waiting (j < K−c) is
 * answered when j+1 stages of rates cμ + kθ (k = j…0: completions and abandonments ahead)
 * complete before its own patience runs out; its offered wait V satisfies e^(−θV) ~ Beta(x, j+1),
 * so it is answered with probability x/(x+j+1), answered within T with probability
 * x/(x+j+1)·(1 − I_z(x+1, j+1)) (z = e^(−θT)), where I_z(x+1, j+1) is the negative-binomial
 * distribution function, accumulated term by term in log space like finite lines' Poisson one
 * (to which it tends as θ → 0); it abandons with probability (j+1)/(x+j+1) after a mean time in
 * queue of (j+1)/(θ(x+j+1)), and E[W·1{answered}] = x/(x+j+1)·Σ_{i=1}^{j+1} 1/(θ(x+i)).
 * Measures are fractions of ALL offered calls (blocked calls: not answered, queue time 0):
 * the mean wait of all offered is P(abandon)·patience (Little's law), ASA is of answered calls.
 * As K → ∞ the measures tend to Erlang A, as θ → 0 to finite lines, and at K = c to Erlang B.
 *
 * References: Garnett, Mandelbaum & Reiman, "Designing a call center with impatient customers",
 * M&SOM 4 (2002) (M/M/N+M); Whitt, "Engineering solution of a basic call-center model",
 * Management Science 51 (2005) (M/M/s/r+M, the same birth–death chain with finite waiting
 * room); Gross & Harris, Fundamentals of Queueing Theory, 3rd ed. (1998) §2.5 (M/M/c/K) and
 * §2.10 (reneging). Cost O(agents) for Erlang B (O(1) when `erlangBValue`, B(agents, traffic),
 * is given) plus O(lines − agents), a few logarithms per waiting place.
 *
 * @example erlangALines(12, 20, 10, 180, 120, 20).probabilityBlocking // a few in 10⁴
 */
export function erlangALines(
  agents: number,
  lines: number,
  trafficErlangs: number,
  handleTimeSeconds: number,
  patienceSeconds: number,
  thresholdSeconds: number,
  erlangBValue?: number,
): QueueMeasures {
  const fail = (rule: string, value: number): never => {
    throw new RangeError(`erlangALines: ${rule}, received ${value}`);
  };
  if (!Number.isInteger(agents) || agents < 1) fail('agents must be a whole number ≥ 1', agents);
  if (!Number.isInteger(lines) || lines < agents) {
    fail(`lines must be a whole number ≥ agents (${agents})`, lines);
  }
  if (!(patienceSeconds > 0) || !Number.isFinite(patienceSeconds)) {
    fail('patienceSeconds must be finite and > 0', patienceSeconds);
  }
  if (!(handleTimeSeconds > 0) || !Number.isFinite(handleTimeSeconds)) {
    fail('handleTimeSeconds must be finite and > 0', handleTimeSeconds);
  }
  if (!(thresholdSeconds >= 0) || !Number.isFinite(thresholdSeconds)) {
    fail('thresholdSeconds must be finite and ≥ 0', thresholdSeconds);
  }
  const b = erlangBValue ?? erlangB(agents, trafficErlangs);
  if (b === 0) {
    // B underflowed (far more operators than load): no call ever waits or is blocked.
    return {
      probabilityWait: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      meanWaitSeconds: 0,
      occupancy: trafficErlangs / agents,
      probabilityAbandon: 0,
      probabilityBlocking: 0,
    };
  }
  const places = lines - agents;
  const x = (agents * patienceSeconds) / handleTimeSeconds;
  const y = (trafficErlangs * patienceSeconds) / handleTimeSeconds;
  const u = thresholdSeconds / patienceSeconds;

  // Weights relative to π(c), scaled by e^-top where top is the largest log weight so far.
  // Below c: 1/B − 1. State c+j: e^logWeight. The sums: every state, waiting states,
  // Σ w·(j+1)/(x+j+1) (abandon), Σ w·x/(x+j+1) (answered after a wait), the same times H_j
  // (their wait, in patience units) and times the negative-binomial CDF (answered after T).
  const logBelow = Math.log1p(-b) - Math.log(b);
  let top = Math.max(logBelow, 0);
  let total = Math.exp(logBelow - top);
  let below = total;
  let wait = 0;
  let abandon = 0;
  let answeredLater = 0;
  let answeredWait = 0;
  let answeredLate = 0;
  let logWeight = 0;
  let harmonic = 0;
  // ln of the negative-binomial term d_j = Γ(x+1+j)/(Γ(x+1) j!) z^(x+1) (1−z)^j, and its CDF.
  let logTerm = -(x + 1) * u;
  const logOneMinusZ = Math.log(-Math.expm1(-u));
  let cdf = 0;
  for (let j = 0; j <= places; j++) {
    if (j > 0) logWeight += Math.log(y / (x + j));
    if (logWeight > top) {
      const shrink = Math.exp(top - logWeight);
      total *= shrink;
      below *= shrink;
      wait *= shrink;
      abandon *= shrink;
      answeredLater *= shrink;
      answeredWait *= shrink;
      answeredLate *= shrink;
      top = logWeight;
    }
    const weight = Math.exp(logWeight - top);
    total += weight;
    if (j === places) break; // state K: every line busy, the caller is blocked
    if (j > 0) logTerm += logOneMinusZ + Math.log((x + j) / j);
    cdf = Math.min(1, cdf + Math.exp(logTerm));
    const inverse = 1 / (x + j + 1);
    harmonic += inverse;
    const answered = weight * x * inverse;
    wait += weight;
    abandon += weight * (j + 1) * inverse;
    answeredLater += answered;
    answeredWait += answered * harmonic;
    answeredLate += answered * cdf;
  }
  const blocked = Math.exp(logWeight - top) / total;
  const answered = (below + answeredLater) / total;
  const probabilityAbandon = abandon / total;
  return {
    probabilityWait: Math.min(1, wait / total),
    serviceLevel: Math.min(1, Math.max(0, (below + answeredLater - answeredLate) / total)),
    asaSeconds: answered > 0 ? ((answeredWait / total) * patienceSeconds) / answered : 0,
    meanWaitSeconds: probabilityAbandon * patienceSeconds,
    occupancy: Math.min(1, (trafficErlangs * answered) / agents),
    probabilityAbandon: Math.min(1, probabilityAbandon),
    probabilityBlocking: Math.min(1, blocked),
  };
}
