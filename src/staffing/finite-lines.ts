import { erlangB } from './erlang-b.js';
import type { QueueMeasures } from './queue-measures.js';

/**
 * Every measure of the M/M/c/K queue: `agents` operators and `lines` lines in all (operators
 * plus waiting places), callers who find every line busy get a busy signal, the others wait
 * with infinite patience.
 *
 * Why: real switchboards have a finite number of lines; beyond them callers are blocked, which
 * Erlang C ignores. As lines → ∞ the measures tend to Erlang C.
 *
 * Method: the stationary distribution below c is Erlang B's (π(c) / Σ_{k≤c} π(k) = B(c, A)),
 * above c it is π(c)·ρ^j; both are normalised in log space so no power overflows. A caller who
 * finds c + j busy waits an Erlang(j+1, cμ) time, so P(wait ≤ T) = P(Poisson(cμT) ≥ j+1).
 * Probabilities are fractions of ALL offered calls (blocked calls count as not answered, with
 * a queue time of 0); `asaSeconds` is the mean wait of the calls that got a line.
 *
 * Reference: Gross & Harris, Fundamentals of Queueing Theory, 3rd ed. (1998) §2.5. Cost
 * O(agents + lines).
 */
export function finiteLines(
  agents: number,
  lines: number,
  trafficErlangs: number,
  handleTimeSeconds: number,
  thresholdSeconds: number,
): QueueMeasures {
  if (!Number.isInteger(agents) || agents < 1) {
    throw new RangeError(`finiteLines: agents must be a whole number ≥ 1, received ${agents}`);
  }
  if (!Number.isInteger(lines) || lines < agents) {
    throw new RangeError(
      `finiteLines: lines must be a whole number ≥ agents (${agents}), received ${lines}`,
    );
  }
  const places = lines - agents;
  const b = erlangB(agents, trafficErlangs);
  if (b === 0) {
    // B underflowed (far more operators than load): no call ever waits or is blocked.
    const occupancy = trafficErlangs / agents;
    return {
      probabilityWait: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      meanWaitSeconds: 0,
      occupancy,
      probabilityAbandon: null,
      probabilityBlocking: 0,
    };
  }
  const logRho = Math.log(trafficErlangs / agents);
  // log weights relative to π(c): states below c together weigh 1/B − 1, state c+j weighs ρ^j.
  const logBelow = Math.log1p(-b) - Math.log(b);
  const logTop = Math.max(logBelow, 0, places * logRho);
  let total = Math.exp(logBelow - logTop);
  for (let j = 0; j <= places; j++) total += Math.exp(j * logRho - logTop);
  const probabilityOf = (j: number): number => Math.exp(j * logRho - logTop) / total;

  const serviceRatePerSecond = agents / handleTimeSeconds;
  const poissonMean = serviceRatePerSecond * thresholdSeconds;
  const logMean = Math.log(poissonMean);
  let probabilityWait = 0;
  let answeredLate = 0;
  let meanWaitSeconds = 0;
  let poissonCdf = 0;
  let logPoisson = -poissonMean;
  for (let j = 0; j < places; j++) {
    const p = probabilityOf(j);
    if (j > 0) logPoisson += logMean - Math.log(j);
    poissonCdf = Math.min(1, poissonCdf + Math.exp(logPoisson));
    probabilityWait += p;
    answeredLate += p * poissonCdf;
    meanWaitSeconds += (p * (j + 1)) / serviceRatePerSecond;
  }
  const probabilityBlocking = probabilityOf(places);
  const answered = 1 - probabilityBlocking;
  return {
    probabilityWait: Math.min(1, probabilityWait),
    serviceLevel: Math.min(1, Math.max(0, answered - answeredLate)),
    asaSeconds: answered > 0 ? meanWaitSeconds / answered : Number.POSITIVE_INFINITY,
    meanWaitSeconds,
    occupancy: Math.min(1, (trafficErlangs * answered) / agents),
    probabilityAbandon: null,
    probabilityBlocking,
  };
}
