import type { RandomStream } from './random-stream.js';

/**
 * A probability distribution of a non-negative quantity (a duration, mostly): draw from it with
 * a {@link RandomStream}, and know its exact mean and variance (tests compare samples against
 * them). Implementations are small classes with a monomorphic `sample`, allocated once per
 * model, never per draw.
 */
export interface Distribution {
  /** `exponential`, `lognormal`… */
  readonly kind: string;
  /** Exact mean. */
  readonly mean: number;
  /** Exact variance. */
  readonly variance: number;
  /** One draw. */
  sample(rng: RandomStream): number;
}

function check(name: string, rule: string, ok: boolean, value: number): void {
  if (!ok) throw new RangeError(`${name}: ${rule}, got ${value}`);
}

/** Exponential with the given mean (memoryless: Erlang's assumption). */
export class Exponential implements Distribution {
  readonly kind = 'exponential';
  readonly variance: number;
  constructor(readonly mean: number) {
    check(
      'Exponential',
      'mean must be a positive finite number',
      mean > 0 && Number.isFinite(mean),
      mean,
    );
    this.variance = mean * mean;
  }
  sample(rng: RandomStream): number {
    return -this.mean * Math.log(rng.nextOpen());
  }
}

/** Always the same value. */
export class Deterministic implements Distribution {
  readonly kind = 'deterministic';
  readonly variance = 0;
  readonly mean: number;
  constructor(readonly value: number) {
    check(
      'Deterministic',
      'value must be a finite number ≥ 0',
      value >= 0 && Number.isFinite(value),
      value,
    );
    this.mean = value;
  }
  sample(_rng: RandomStream): number {
    return this.value;
  }
}

/** Uniform on [min, max). */
export class Uniform implements Distribution {
  readonly kind = 'uniform';
  readonly mean: number;
  readonly variance: number;
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    check('Uniform', 'min must be finite', Number.isFinite(min), min);
    check('Uniform', 'max must be finite and ≥ min', Number.isFinite(max) && max >= min, max);
    this.mean = (min + max) / 2;
    this.variance = ((max - min) * (max - min)) / 12;
  }
  sample(rng: RandomStream): number {
    return this.min + (this.max - this.min) * rng.next();
  }
}

/** One standard normal draw by the Box–Muller transform (one of the pair; no caching state). */
export function standardNormal(rng: RandomStream): number {
  return Math.sqrt(-2 * Math.log(rng.nextOpen())) * Math.cos(2 * Math.PI * rng.next());
}

/** Normal with mean and standard deviation. May be negative: use for quantities that can be. */
export class Normal implements Distribution {
  readonly kind = 'normal';
  readonly variance: number;
  constructor(
    readonly mean: number,
    readonly sd: number,
  ) {
    check('Normal', 'mean must be finite', Number.isFinite(mean), mean);
    check('Normal', 'sd must be a finite number ≥ 0', sd >= 0 && Number.isFinite(sd), sd);
    this.variance = sd * sd;
  }
  /** A draw, taken as 0 when it falls below 0 (every distribution here gives durations). */
  sample(rng: RandomStream): number {
    return Math.max(0, this.mean + this.sd * standardNormal(rng));
  }
}

/** Lognormal given by its own mean and coefficient of variation (sd / mean), as handle times are described. */
export class LogNormal implements Distribution {
  readonly kind = 'lognormal';
  readonly variance: number;
  private readonly mu: number;
  private readonly sigma: number;
  constructor(
    readonly mean: number,
    readonly cv: number,
  ) {
    check(
      'LogNormal',
      'mean must be a positive finite number',
      mean > 0 && Number.isFinite(mean),
      mean,
    );
    check('LogNormal', 'cv must be a finite number ≥ 0', cv >= 0 && Number.isFinite(cv), cv);
    const s2 = Math.log(1 + cv * cv);
    this.sigma = Math.sqrt(s2);
    this.mu = Math.log(mean) - s2 / 2;
    this.variance = (cv * mean) ** 2;
  }
  sample(rng: RandomStream): number {
    return Math.exp(this.mu + this.sigma * standardNormal(rng));
  }
}

/**
 * Gamma given by mean and coefficient of variation (shape = 1 / cv²), drawn by Marsaglia and
 * Tsang's method (ACM TOMS 26(3), 2000), with the u^(1/shape) boost for shape < 1.
 */
export class Gamma implements Distribution {
  readonly kind = 'gamma';
  readonly variance: number;
  readonly shape: number;
  readonly scale: number;
  private readonly d: number;
  private readonly c: number;
  constructor(
    readonly mean: number,
    readonly cv: number,
  ) {
    check(
      'Gamma',
      'mean must be a positive finite number',
      mean > 0 && Number.isFinite(mean),
      mean,
    );
    check('Gamma', 'cv must be a positive finite number', cv > 0 && Number.isFinite(cv), cv);
    this.shape = 1 / (cv * cv);
    this.scale = mean / this.shape;
    this.variance = (cv * mean) ** 2;
    const k = this.shape < 1 ? this.shape + 1 : this.shape;
    this.d = k - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
  }
  sample(rng: RandomStream): number {
    let x: number;
    let v: number;
    for (;;) {
      do {
        x = standardNormal(rng);
        v = 1 + this.c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = rng.nextOpen();
      if (
        u < 1 - 0.0331 * x * x * x * x ||
        Math.log(u) < 0.5 * x * x + this.d * (1 - v + Math.log(v))
      )
        break;
    }
    let draw = this.d * v * this.scale;
    if (this.shape < 1) draw *= rng.nextOpen() ** (1 / this.shape);
    return draw;
  }
}

/** Natural log of the gamma function (Lanczos approximation, g = 7, n = 9; ~15 digits). */
export function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = g[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += g[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Weibull with shape k and scale λ (patience is often Weibull: hazard rising or falling with waiting). */
export class Weibull implements Distribution {
  readonly kind = 'weibull';
  readonly mean: number;
  readonly variance: number;
  constructor(
    readonly shape: number,
    readonly scale: number,
  ) {
    check(
      'Weibull',
      'shape must be a positive finite number',
      shape > 0 && Number.isFinite(shape),
      shape,
    );
    check(
      'Weibull',
      'scale must be a positive finite number',
      scale > 0 && Number.isFinite(scale),
      scale,
    );
    const g1 = Math.exp(logGamma(1 + 1 / shape));
    const g2 = Math.exp(logGamma(1 + 2 / shape));
    this.mean = scale * g1;
    this.variance = scale * scale * (g2 - g1 * g1);
  }
  sample(rng: RandomStream): number {
    return this.scale * (-Math.log(rng.nextOpen())) ** (1 / this.shape);
  }
}

/**
 * Empirical distribution of observed values: the quantile function interpolated linearly
 * between order statistics (a continuous version of resampling the data).
 */
export class Empirical implements Distribution {
  readonly kind = 'empirical';
  readonly mean: number;
  readonly variance: number;
  private readonly sorted: Float64Array;
  constructor(values: readonly number[]) {
    check('Empirical', 'needs at least one value', values.length > 0, values.length);
    for (const v of values) check('Empirical', 'values must be finite', Number.isFinite(v), v);
    this.sorted = Float64Array.from(values).sort();
    const n = this.sorted.length;
    if (n === 1) {
      this.mean = this.sorted[0]!;
      this.variance = 0;
      return;
    }
    let m1 = 0;
    let m2 = 0;
    for (let i = 0; i + 1 < n; i++) {
      const a = this.sorted[i]!;
      const b = this.sorted[i + 1]!;
      m1 += (a + b) / 2;
      m2 += (a * a + a * b + b * b) / 3;
    }
    this.mean = m1 / (n - 1);
    this.variance = Math.max(0, m2 / (n - 1) - this.mean * this.mean);
  }
  sample(rng: RandomStream): number {
    const n = this.sorted.length;
    if (n === 1) return this.sorted[0]!;
    const position = rng.next() * (n - 1);
    const i = Math.floor(position);
    const a = this.sorted[i]!;
    return a + (this.sorted[i + 1]! - a) * (position - i);
  }
}

/** A mixture: with probability weight_i, a draw from component i. */
export class Mixture implements Distribution {
  readonly kind = 'mixture';
  readonly mean: number;
  readonly variance: number;
  private readonly cumulative: Float64Array;
  constructor(
    readonly components: readonly Distribution[],
    weights: readonly number[],
  ) {
    check(
      'Mixture',
      'needs as many weights as components, at least one',
      components.length > 0 && weights.length === components.length,
      weights.length,
    );
    let total = 0;
    for (const w of weights) {
      check('Mixture', 'weights must be finite and ≥ 0', w >= 0 && Number.isFinite(w), w);
      total += w;
    }
    check('Mixture', 'weights must not all be 0', total > 0, total);
    this.cumulative = new Float64Array(weights.length);
    let running = 0;
    let m1 = 0;
    let m2 = 0;
    weights.forEach((w, i) => {
      const p = w / total;
      running += p;
      this.cumulative[i] = running;
      const c = components[i]!;
      m1 += p * c.mean;
      m2 += p * (c.variance + c.mean * c.mean);
    });
    this.cumulative[weights.length - 1] = 1;
    this.mean = m1;
    this.variance = Math.max(0, m2 - m1 * m1);
  }
  sample(rng: RandomStream): number {
    const u = rng.next();
    let i = 0;
    while (u >= this.cumulative[i]!) i++;
    return this.components[i]!.sample(rng);
  }
}
