import { erlangB } from './erlang-b.js';
import { digamma, logSeriesTerm, seriesStart } from './gamma-function.js';
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
 * tail is below 1e-17 of the sum; when the peak lies more than 10⁵ terms out (overload with
 * long patience) the sum starts 10·√y terms before it, where terms are below e^-50 of the peak,
 * its scale from ln Γ and the harmonic sums from ψ. Mean time in queue over all calls is P(abandon)·patience
 * (Little's law); the ASA of answered calls is E[W·1{served}] / P(served).
 *
 * Reference: Garnett, Mandelbaum & Reiman, "Designing a call center with impatient customers",
 * M&SOM 4 (2002); Mandelbaum & Zeltyn, "The Palm/Erlang-A queue" (2007) for the formulas
 * checked here. Cost O(agents) for Erlang B (O(1) when `erlangBValue`, B(agents, traffic), is
 * given) plus O(√x + √y) series terms, O(max(0, y − x)) only below 10⁵.
 *
 * @example erlangA(12, 10, 180, 120, 20).probabilityAbandon // 0.0615973770… (QueueCalc, pyworkforce)
 */
export function erlangA(
  agents: number,
  trafficErlangs: number,
  handleTimeSeconds: number,
  patienceSeconds: number,
  thresholdSeconds: number,
  erlangBValue?: number,
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
  const blocking = erlangBValue ?? erlangB(agents, trafficErlangs);

  // Σ t_j, Σ j t_j, Σ t_j·x/(x+j+1), Σ t_j·x/(x+j+1)·H_j with H_j = Σ_{i=1}^{j+1} 1/(x+i);
  // all scaled by e^-(logTerm + rescales·ln RESCALE).
  // Far in overload with long patience the terms peak thousands of places out: start there.
  // The threshold's series (in z = y e^-u) starts at or before this one; when they are close,
  // both start at the same place so that their scales differ exactly by start·u.
  const z = y * Math.exp(-u);
  const startZ = seriesStart(x, z);
  const ownStart = seriesStart(x, y);
  const start = ownStart - startZ < 100_000 ? startZ : ownStart;
  const logTerm = logSeriesTerm(x, Math.log(y), start);
  let term = 1;
  let s0 = 1;
  let s1 = start;
  let inverse = 1 / (x + start + 1);
  let harmonic = start === 0 ? inverse : digamma(x + start + 2) - digamma(x + 1);
  let sServed = x * inverse;
  let sAsa = sServed * harmonic;
  let rescales = 0;
  // One division a step; the stopping test is multiplied out so it needs none.
  for (let j = start + 1; ; j++) {
    term *= y * inverse;
    inverse = 1 / (x + j + 1);
    harmonic += inverse;
    s0 += term;
    s1 += j * term;
    const served = term * x * inverse;
    sServed += served;
    sAsa += served * harmonic;
    if (term > RESCALE) {
      term /= RESCALE;
      s0 /= RESCALE;
      s1 /= RESCALE;
      sServed /= RESCALE;
      sAsa /= RESCALE;
      rescales += 1;
    }
    const ratio = y * inverse;
    if (ratio < 1) {
      // rest = term·r/(1−r) bounds the tail of Σt; meanIndex = j+1+1/(1−r) bounds its mean index.
      const gap = 1 - ratio;
      const tail = term * ratio;
      const index = (j + 1) * gap + 1;
      if (
        term === 0 ||
        (tail <= EPS * s0 * gap &&
          tail * index <= EPS * s1 * gap * gap &&
          tail * (harmonic * gap * x + index) <= EPS * sAsa * x * gap * gap)
      ) {
        break;
      }
    }
    if (j - start > MAX_TERMS) {
      throw new RangeError(`erlangA: series did not converge (x=${x}, y=${y})`);
    }
  }

  const logScale = logTerm + rescales * Math.log(RESCALE);
  const idle = (1 - blocking) * Math.exp(-logScale);
  const denominator = blocking * s0 + idle;
  // Answered = answered at once + served after waiting: a sum of positive terms, exact even
  // when nearly every caller abandons (1 − P(abandon) would cancel).
  const answered = (idle + blocking * sServed) / denominator;
  const probabilityWait = (blocking * s0) / denominator;
  const probabilityAbandon = (blocking * s1) / y / denominator;
  // ln t_startZ(z) − ln t_start(y), exactly −start·u when the starts agree.
  const scaleShift =
    startZ === start ? -start * u : logSeriesTerm(x, Math.log(y) - u, startZ) - logTerm;
  const waitedTooLong = tailAfterThreshold(
    x,
    z,
    y,
    u,
    startZ,
    scaleShift - rescales * Math.log(RESCALE),
  );
  const serviceLevel = 1 - (blocking * (s1 / y + waitedTooLong)) / denominator;
  const servedWaitUnits = (blocking * sAsa) / denominator;
  return {
    probabilityWait: Math.min(1, probabilityWait),
    serviceLevel: Math.min(1, Math.max(0, serviceLevel)),
    asaSeconds: answered > 0 ? (servedWaitUnits * patienceSeconds) / answered : 0,
    meanWaitSeconds: probabilityAbandon * patienceSeconds,
    occupancy: Math.min(1, (trafficErlangs * (1 - probabilityAbandon)) / agents),
    probabilityAbandon: Math.min(1, probabilityAbandon),
    probabilityBlocking: null,
  };
}

/**
 * The waiting callers served AFTER the threshold, relative to π(c) and scaled like the main
 * series: e^(y−z) (z/y)^(x+1) Σ_j x/(x+j+1) · z^j Γ(x+1)/Γ(x+j+1) with z = y e^(−u), summed
 * from `start`; `relativeScale` is ln t_start(z) minus the main series' scale.
 */
function tailAfterThreshold(
  x: number,
  z: number,
  y: number,
  u: number,
  start: number,
  relativeScale: number,
): number {
  let term = 1;
  let inverse = 1 / (x + start + 1);
  let sum = x * inverse;
  let rescales = 0;
  for (let j = start + 1; ; j++) {
    term *= z * inverse;
    inverse = 1 / (x + j + 1);
    sum += term * x * inverse;
    if (term > RESCALE) {
      term /= RESCALE;
      sum /= RESCALE;
      rescales += 1;
    }
    const ratio = z * inverse;
    if (ratio < 1 && (term === 0 || term * ratio <= EPS * sum * (1 - ratio))) break;
    if (j - start > MAX_TERMS) {
      throw new RangeError(`erlangA: series did not converge (x=${x}, z=${z})`);
    }
  }
  const exponent = -y * Math.expm1(-u) - (x + 1) * u + relativeScale + rescales * Math.log(RESCALE);
  return sum * Math.exp(exponent);
}
