/**
 * The exact stationary measures of the M/M/c/c retrial queue with geometric persistence, for the
 * tests: Cohen (1957), "Basic problems of telephone traffic theory and the influence of repeated
 * calls", Philips Telecommunication Review 18; Falin & Templeton, *Retrial Queues* (Chapman &
 * Hall, 1997), ch. 3 (the multiserver model M/M/c/c with repeated calls; persistence H1 = H2 = r).
 * Written here from the model's definition, not from src/.
 *
 * State (k, j): k busy lines (0..c), j callers in the orbit (0..J, truncated). Rates:
 *   (k, j) → (k + 1, j)      λ           first attempt answered (k < c)
 *   (k, j) → (k + 1, j − 1)  jθ          retry answered (k < c)
 *   (c, j) → (c, j + 1)      λr          first attempt blocked, caller joins the orbit
 *   (c, j) → (c, j − 1)      jθ(1 − r)   retry blocked, caller gives up
 *   (k, j) → (k − 1, j)      kμ          a call ends
 * (a blocked first attempt that gives up, or a blocked retry that persists, leaves the state as
 * it is). The orbit is cut at J: a caller who would make it J + 1 is dropped; the tests check
 * that the top level J holds negligible mass, so the cut does not matter.
 *
 * πQ = 0 is solved with π(0, 0) = 1 and the balance equation of (0, 0) dropped, by Gaussian
 * elimination without pivoting on the banded system (states ordered j·(c + 1) + k, bandwidth
 * c + 1): the matrix is Qᵀ without a row and column, column diagonally dominant, so elimination
 * without pivoting is stable (Golub & Van Loan, §3.4.10). Cost O(c³·J).
 */
export interface RetrialChain {
  /** First attempts per second. */
  lambda: number;
  /** Service rate per line (1 / mean holding time). */
  mu: number;
  /** Retry rate of each caller in the orbit (1 / mean retry delay). */
  theta: number;
  /** Lines. */
  c: number;
  /** Probability that a blocked attempt is retried. */
  r: number;
  /** Largest orbit size kept. */
  orbitMax: number;
}

/** The exact measures, per attempt and per caller, and the checks of the truncation. */
export interface RetrialChainMeasures {
  probabilityBlocking: number;
  probabilityLost: number;
  attemptsPerCaller: number;
  offeredErlangs: number;
  /** Mean busy lines / c. */
  occupancy: number;
  /** Mean orbit size. */
  meanOrbit: number;
  /** Stationary mass of the top orbit level J (must be negligible). */
  massAtTop: number;
  /** Carried load: λ(1 − lost)/μ, which must equal the mean busy lines (flow balance). */
  carriedErlangs: number;
  meanBusy: number;
}

export function solveRetrialChain(m: RetrialChain): RetrialChainMeasures {
  const { lambda, mu, theta, c, r, orbitMax: J } = m;
  const levels = c + 1;
  const n = levels * (J + 1);
  const w = levels; // bandwidth
  const width = 2 * w + 1;
  // band[i][w + (col - i)] = M[i][col], M = Qᵀ: row i is the balance equation of state i.
  const band = new Float64Array(n * width);
  const at = (i: number, col: number) => i * width + w + col - i;
  const add = (row: number, col: number, value: number) => {
    band[at(row, col)] = band[at(row, col)]! + value;
  };
  const rate = (from: number, to: number, q: number) => {
    if (q === 0) return;
    add(to, from, q); // inflow into `to` from `from`
    add(from, from, -q); // outflow of `from`
  };
  for (let j = 0; j <= J; j++) {
    for (let k = 0; k <= c; k++) {
      const s = j * levels + k;
      if (k < c) {
        rate(s, s + 1, lambda);
        if (j > 0) rate(s, s + 1 - levels, j * theta);
      } else {
        if (j < J) rate(s, s + levels, lambda * r);
        if (j > 0) rate(s, s - levels, j * theta * (1 - r));
      }
      if (k > 0) rate(s, s - 1, k * mu);
    }
  }
  // Unknowns π(1..n−1) with π(0) = 1: equation i ≥ 1 is Σ_{col ≥ 1} M[i][col] π(col) = −M[i][0].
  const rhs = new Float64Array(n);
  for (let i = 1; i <= Math.min(n - 1, w); i++) rhs[i] = -band[at(i, 0)]!;
  for (let k = 1; k < n; k++) {
    const pivot = band[at(k, k)]!;
    for (let i = k + 1; i <= Math.min(n - 1, k + w); i++) {
      const f = band[at(i, k)]! / pivot;
      if (f === 0) continue;
      for (let col = k; col <= Math.min(n - 1, k + w); col++) {
        band[at(i, col)] = band[at(i, col)]! - f * band[at(k, col)]!;
      }
      rhs[i] = rhs[i]! - f * rhs[k]!;
    }
  }
  const pi = new Float64Array(n);
  pi[0] = 1;
  for (let i = n - 1; i >= 1; i--) {
    let sum = rhs[i]!;
    for (let col = i + 1; col <= Math.min(n - 1, i + w); col++) sum -= band[at(i, col)]! * pi[col]!;
    pi[i] = sum / band[at(i, i)]!;
  }
  let total = 0;
  for (const p of pi) total += p;
  let full = 0;
  let orbitWhenFull = 0;
  let meanOrbit = 0;
  let meanBusy = 0;
  let massAtTop = 0;
  for (let j = 0; j <= J; j++) {
    for (let k = 0; k <= c; k++) {
      const p = pi[j * levels + k]! / total;
      meanOrbit += j * p;
      meanBusy += k * p;
      if (k === c) {
        full += p;
        orbitWhenFull += j * p;
      }
      if (j === J) massAtTop += p;
    }
  }
  const attemptRate = lambda + theta * meanOrbit;
  const blockedRate = lambda * full + theta * orbitWhenFull;
  const probabilityLost = ((1 - r) * blockedRate) / lambda;
  return {
    probabilityBlocking: blockedRate / attemptRate,
    probabilityLost,
    attemptsPerCaller: attemptRate / lambda,
    offeredErlangs: attemptRate / mu,
    occupancy: meanBusy / c,
    meanOrbit,
    massAtTop,
    carriedErlangs: (lambda * (1 - probabilityLost)) / mu,
    meanBusy,
  };
}
