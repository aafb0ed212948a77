import { erlangB } from './erlang-b.js';
import type { QueueMeasures } from './queue-measures.js';

const RESCALE = 1e250;
const EPS = 1e-17;
const MAX_TERMS = 50_000_000;

/**
 * Every measure of the Erlang A queue (Palm's M/M/c+M: Poisson arrivals, exponential handling,
 * callers who hang up after an exponential patience of mean `patienceSeconds`).
 *
 * Why: Erlang C ignores abandonment and so over-staffs; Erlang A is the standard correction.
 *
 * Method. With x = cμ/θ and y = λ/θ (θ = 1/patience), the birth–death stationary probabilities
 * of the queue are π(c+j) = π(c)·t_j with t_j = y^j Γ(x+1)/Γ(x+j+1), and π(c) follows from
 * Erlang B: 1/π(c) = 1/B + Σt_j − 1 (Garnett, Mandelbaum & Reiman 2002). A caller who finds j
 * waiting is served with probability x/(x+j+1); its offered wait is a sum of exponentials, so
 * its served-within-T probability is a regularised incomplete beta, which summed over j gives
 * the closed form P(served within T, waited) = π(c)·(x e^y / y^(x+1))·[γ(x+1, y) − γ(x+1, y e^(−θT))].
 * Both incomplete gammas are evaluated as the series above (terms are log-concave in j), summed
 * from j = 0 with rescaling so nothing overflows, and truncated when the geometric bound on the
 * tail is below 1e-17 of the sum. Mean time in queue over all calls is P(abandon)·patience
 * (Little's law); the ASA of answered calls is E[W·1{served}] / P(served).
 *
 * Reference: Garnett, Mandelbaum & Reiman, "Designing a call center with impatient customers",
 * M&SOM 4 (2002); Mandelbaum & Zeltyn, "The Palm/Erlang-A queue" (2007) for the formulas
 * checked here. Cost O(agents) for Erlang B plus O(√x + max(0, y − x)) series terms.
 *
 * @example erlangA(12, 10, 180, 120, 20).probabilityAbandon // 0.0615973770… (QueueCalc, pyworkforce)
 */
export function erlangA(
  agents: number,
  trafficErlangs: number,
  handleTimeSeconds: number,
  patienceSeconds: number,
  thresholdSeconds: number,
): QueueMeasures {
  if (!(agents > 0) || !Number.isFinite(agents)) {
    throw new RangeError(`erlangA: agents must be finite and > 0, received ${agents}`);
  }
  if (!(patienceSeconds > 0) || !Number.isFinite(patienceSeconds)) {
    throw new RangeError(
      `erlangA: patienceSeconds must be finite and > 0, received ${patienceSeconds}`,
    );
  }
  const x = (agents * patienceSeconds) / handleTimeSeconds;
  const y = (trafficErlangs * patienceSeconds) / handleTimeSeconds;
  const u = thresholdSeconds / patienceSeconds;
  const blocking = erlangB(agents, trafficErlangs);

  // Σ t_j, Σ j t_j, Σ t_j·x/(x+j+1)·H_j with H_j = Σ_{i=1}^{j+1} 1/(x+i); all scaled by e^-logScale.
  let term = 1;
  let s0 = 1;
  let s1 = 0;
  let harmonic = 1 / (x + 1);
  let sAsa = (x / (x + 1)) * harmonic;
  let logScale = 0;
  for (let j = 1; ; j++) {
    term *= y / (x + j);
    const served = x / (x + j + 1);
    harmonic += 1 / (x + j + 1);
    s0 += term;
    s1 += j * term;
    sAsa += term * served * harmonic;
    if (term > RESCALE) {
      term /= RESCALE;
      s0 /= RESCALE;
      s1 /= RESCALE;
      sAsa /= RESCALE;
      logScale += Math.log(RESCALE);
    }
    const ratio = y / (x + j + 1);
    if (ratio < 1) {
      const rest = (term * ratio) / (1 - ratio);
      const meanIndex = j + 1 + 1 / (1 - ratio);
      if (
        term === 0 ||
        (rest <= EPS * s0 &&
          rest * meanIndex <= EPS * s1 &&
          rest * (harmonic + meanIndex / x) <= EPS * sAsa)
      ) {
        break;
      }
    }
    if (j > MAX_TERMS) throw new RangeError(`erlangA: series did not converge (x=${x}, y=${y})`);
  }

  const denominator = blocking * s0 + (1 - blocking) * Math.exp(-logScale);
  const probabilityWait = (blocking * s0) / denominator;
  const probabilityAbandon = (blocking * s1) / y / denominator;
  const waitedTooLong = tailAfterThreshold(x, y, u, logScale);
  const serviceLevel = 1 - (blocking * (s1 / y + waitedTooLong)) / denominator;
  const servedWaitUnits = (blocking * sAsa) / denominator;
  return {
    probabilityWait: Math.min(1, probabilityWait),
    serviceLevel: Math.min(1, Math.max(0, serviceLevel)),
    asaSeconds: (servedWaitUnits * patienceSeconds) / (1 - probabilityAbandon),
    meanWaitSeconds: probabilityAbandon * patienceSeconds,
    occupancy: Math.min(1, (trafficErlangs * (1 - probabilityAbandon)) / agents),
    probabilityAbandon: Math.min(1, probabilityAbandon),
    probabilityBlocking: null,
  };
}

/**
 * The waiting callers served AFTER the threshold, relative to π(c) and scaled like the main
 * series: e^(y−z) (z/y)^(x+1) Σ_j x/(x+j+1) · z^j Γ(x+1)/Γ(x+j+1) with z = y e^(−u).
 */
function tailAfterThreshold(x: number, y: number, u: number, logScale: number): number {
  const z = y * Math.exp(-u);
  let term = 1;
  let sum = x / (x + 1);
  let ownScale = 0;
  for (let j = 1; ; j++) {
    term *= z / (x + j);
    sum += (term * x) / (x + j + 1);
    if (term > RESCALE) {
      term /= RESCALE;
      sum /= RESCALE;
      ownScale += Math.log(RESCALE);
    }
    const ratio = z / (x + j + 1);
    if (ratio < 1 && (term === 0 || (term * ratio) / (1 - ratio) <= EPS * sum)) break;
    if (j > MAX_TERMS) throw new RangeError(`erlangA: series did not converge (x=${x}, z=${z})`);
  }
  const exponent = -y * Math.expm1(-u) - (x + 1) * u + ownScale - logScale;
  return sum * Math.exp(exponent);
}
