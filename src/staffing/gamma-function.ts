/**
 * Special functions the staffing formulas need for fractional operators: the gamma function on
 * [1, 2] and the scaled upper incomplete gamma function. Internal to `src/staffing/`.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/**
 * Γ(s) for 0.5 ≤ s ≤ 3 by the Lanczos approximation (g = 7, 9 terms), relative error about
 * 1e-15. Reference: Press et al., Numerical Recipes, 3rd ed., §6.1. Cost O(1).
 */
export function gammaSmall(s: number): number {
  const z = s - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return Math.sqrt(2 * Math.PI) * t ** (z + 0.5) * Math.exp(-t) * sum;
}

/**
 * e^a · a^(1−s) · Γ(s, a) for 1 ≤ s < 2 and a > 0, where Γ(s, a) is the upper incomplete gamma
 * function. This is 1 / B(s − 1, a), the continuous Erlang B of s − 1 servers (Jagerman 1974).
 * Lentz's continued fraction for a ≥ s + 1, the series of γ(s, a) below (Numerical Recipes
 * §6.2). Relative error about 1e-14. Cost O(√a) iterations at most, usually under 50.
 */
export function scaledUpperGamma(s: number, a: number): number {
  if (a >= s + 1) {
    // Continued fraction for Γ(s, a) e^a a^-s (modified Lentz).
    const tiny = 1e-300;
    let b = a + 1 - s;
    let c = 1 / tiny;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < 10_000; i++) {
      const an = -i * (i - s);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < tiny) d = tiny;
      c = b + an / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      const delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    return a * h;
  }
  // Γ(s, a) = Γ(s) − γ(s, a), γ(s, a) = e^-a a^s Σ a^k / (s (s+1) … (s+k)).
  let term = 1 / s;
  let sum = term;
  for (let k = 1; k < 10_000; k++) {
    term *= a / (s + k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.exp(a) * a ** (1 - s) * gammaSmall(s) - a * sum;
}

/**
 * ln Γ(s) for s ≥ 0.5 by the Lanczos approximation in log form: absolute error about 1e-16 ×
 * |ln Γ(s)|. Reference: Numerical Recipes §6.1. Cost O(1).
 */
export function logGamma(s: number): number {
  const z = s - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The digamma function ψ(s) = d ln Γ(s)/ds for s > 0: shifted up to s ≥ 10 by
 * ψ(s) = ψ(s+1) − 1/s, then its asymptotic series (error below 1e-16). Reference: Abramowitz &
 * Stegun 6.3.18. Cost O(1).
 */
export function digamma(s: number): number {
  let shift = 0;
  while (s < 10) {
    shift -= 1 / s;
    s += 1;
  }
  const inv2 = 1 / (s * s);
  const series =
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return shift + Math.log(s) - 0.5 / s - series;
}

/**
 * Where to start summing t_k = w^k Γ(x+1)/Γ(x+k+1), which peaks near k = w − x with a width of
 * about √w: at 0 unless the peak lies far out (over 10⁵ terms), else 10·√w + 10 terms before it,
 * where the terms are below e^-50 of the peak.
 */
export function seriesStart(x: number, w: number): number {
  const start = Math.max(0, Math.floor(w - x - 1 - 10 * Math.sqrt(w) - 10));
  return start < 100_000 ? 0 : start;
}

/** ln t_k for t_k = w^k Γ(x+1)/Γ(x+k+1), given ln w: exact 0 at k = 0. Cost O(1). */
export function logSeriesTerm(x: number, logW: number, k: number): number {
  return k === 0 ? 0 : k * logW + logGamma(x + 1) - logGamma(x + k + 1);
}
