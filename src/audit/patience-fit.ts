import type { SurvivalStep } from './kaplan-meier.js';
import { fixed } from '../units/fixed.js';

/** A patience distribution written into a calibrated scenario, and how it was chosen. */
export interface PatienceFit {
  /** Scenario distribution spec (`docs/scenario-format.md`): exponential or empirical. */
  spec: Record<string, unknown>;
  /** True when the Kaplan–Meier curve stays within z Greenwood SEs of the exponential fit. */
  exponentialLike: boolean;
  /** Exponential MLE: time at risk ÷ abandons. */
  exponentialMeanSeconds: number;
  /** Last time the curve is used (empirical only): last abandon with ≥ `minAtRisk` at risk. */
  tailFromSeconds: number | null;
  /** Mean of the exponential tail grafted beyond `tailFromSeconds` (empirical only). */
  tailMeanSeconds: number | null;
}

const Z = 4;
const MIN_AT_RISK = 30;
const QUANTILES = 200;

/**
 * Choose the patience to write from a Kaplan–Meier curve (abandons events, other exits
 * censored): the exponential MLE when the curve is exponential-like (every step with at least
 * 30 at risk within 4 Greenwood SEs of exp(−t/m), widened by the 1-s grid of the records),
 * otherwise an `empirical` distribution of 201 quantiles of the KM curve (linear between the
 * steps, each step at its bin's upper edge t + 0.5 s), so the model draws patience from the
 * curve itself. The censored tail is explicit: beyond τ, the last abandon with at least 30 at
 * risk, the KM curve is not identifiable, so S(t) = S(τ)·exp(−(t − τ)/m_tail) is grafted on,
 * m_tail = time at risk ÷ abandons after τ/2 (the late hazard; the overall MLE when fewer than
 * 5 abandons there); its quantiles fill the top S(τ) of the grid, the last one taken at
 * 1 − S(τ)·e^-5 (so the tail is truncated at about τ + 5 m_tail).
 * Reference: Kaplan & Meier (1958); Greenwood's variance. Cost: O(steps + 200).
 */
export function fitPatience(steps: readonly SurvivalStep[]): PatienceFit | null {
  let abandons = 0;
  let exposure = 0;
  for (const s of steps) {
    abandons += s.events;
    exposure += (s.events + s.censored) * s.timeSeconds;
  }
  if (abandons === 0) return null;
  const m = exposure / abandons;
  let exponentialLike = true;
  for (const s of steps) {
    if (s.atRisk < MIN_AT_RISK) break;
    const hi = Math.exp(-s.timeSeconds / m);
    const lo = Math.exp(-(s.timeSeconds + 1) / m);
    const band = Z * s.standardError;
    if (s.survival > hi + band || s.survival < lo - band) {
      exponentialLike = false;
      break;
    }
  }
  const exponential = { distribution: 'exponential', mean: `${Number(fixed(m, 1))}s` };
  if (exponentialLike)
    return {
      spec: exponential,
      exponentialLike,
      exponentialMeanSeconds: m,
      tailFromSeconds: null,
      tailMeanSeconds: null,
    };
  // Knots (t, F) of the distribution function, linear between them, up to τ.
  const knots: [number, number][] = [[0, 0]];
  let tau = 0;
  let sTau = 1;
  for (const s of steps) {
    if (s.atRisk < MIN_AT_RISK) break;
    if (s.events === 0) continue;
    knots.push([s.timeSeconds + 0.5, 1 - s.survival]);
    tau = s.timeSeconds + 0.5;
    sTau = s.survival;
  }
  const half = tau / 2;
  let lateEvents = 0;
  let lateExposure = 0;
  for (const s of steps) {
    if (s.timeSeconds <= half) continue;
    lateEvents += s.events;
    lateExposure += (s.events + s.censored) * (s.timeSeconds - half);
  }
  const tail = lateEvents >= 5 ? lateExposure / lateEvents : m;
  const values: number[] = [];
  let k = 1;
  for (let i = 0; i <= QUANTILES; i++) {
    const p = i / QUANTILES;
    let t: number;
    if (p <= 1 - sTau) {
      while (k < knots.length - 1 && knots[k]![1] < p) k++;
      const [t0, f0] = knots[k - 1]!;
      const [t1, f1] = knots[k] ?? [t0, f0];
      t = f1 > f0 ? t0 + ((t1 - t0) * (p - f0)) / (f1 - f0) : t1;
    } else {
      const rest = Math.max(1 - p, sTau * Math.exp(-5));
      t = tau + tail * Math.log(sTau / rest);
    }
    values.push(Number(fixed(t, 1)));
  }
  return {
    spec: { distribution: 'empirical', values },
    exponentialLike,
    exponentialMeanSeconds: m,
    tailFromSeconds: tau,
    tailMeanSeconds: tail,
  };
}
