/**
 * The shape shared by the synthetic report inputs: a weekday factor, an intraday profile with a
 * Monday 8:30 peak (DOMAIN.md), Paris timestamps, estimates and Poisson draws. Illustrations,
 * not results.
 */

import type { Estimate } from '../../src/report/format.js';

export const WEEKDAY_FACTOR = [1.25, 1.05, 1.0, 1.0, 0.95, 0.45, 0.3];

/** Calls per half-hour h (0–47) of a day with 1 000 calls: night trickle, 8:30 peak, 14:00 bump. */
export function intradayShare(h: number): number {
  const hour = h / 2;
  const night = 0.15;
  const morning = 3.2 * Math.exp(-((hour - 8.75) ** 2) / 1.2);
  const day = hour >= 8 && hour < 19 ? 1.4 + 0.6 * Math.exp(-((hour - 14) ** 2) / 2) : 0;
  const evening = hour >= 19 && hour < 21 ? 0.5 : 0;
  return night + morning + day + evening;
}

export const SHARE_SUM = Array.from({ length: 48 }, (_, h) => intradayShare(h)).reduce(
  (a, b) => a + b,
  0,
);

/** ISO timestamp with the Paris winter offset for day `d` (0 = Monday 2 March 2026), half-hour `h`. */
export function parisHalfHour(d: number, h: number): string {
  const date = new Date(Date.UTC(2026, 2, 2 + d, Math.floor(h / 2), (h % 2) * 30));
  return `${date.toISOString().slice(0, 19)}+01:00`;
}

export function est(mean: number, halfWidth: number, clamp?: [number, number]): Estimate {
  const lo = mean - halfWidth;
  const hi = mean + halfWidth;
  return clamp
    ? { mean, ci95: [Math.max(clamp[0], lo), Math.min(clamp[1], hi)] }
    : { mean, ci95: [lo, hi] };
}

/** A Poisson draw (Knuth for small means, normal approximation above 30). */
export function poisson(random: () => number, mean: number): number {
  if (mean > 30) {
    const u = Math.max(1e-12, random());
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}
