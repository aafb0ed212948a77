import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { tunedProfiles } from '../../src/forecasting/methods/tuned-profiles.js';
import { tunedShares } from '../../src/forecasting/methods/tuned-shares.js';
import { MONDAY_2024_01_01 } from './helpers.js';

const SLOTS = 48;

/** Poisson draw by inversion (Knuth), from a seeded stream. */
function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** Days × slots of `cell(day, slot)` calls. */
function series(days: number, cell: (d: number, s: number) => number): Float64Array {
  const out = new Float64Array(days * SLOTS);
  for (let d = 0; d < days; d++) for (let s = 0; s < SLOTS; s++) out[d * SLOTS + s] = cell(d, s);
  return out;
}

describe('tunedProfiles: settings chosen on the history itself', () => {
  it('a noiseless peaked weekly pattern keeps its raw profile (no pooling, no smoothing)', () => {
    // Theory: on an exactly periodic series the raw weekday profile has zero error, while
    // smoothing a one-interval peak or mixing in other weekdays' shapes has some.
    const pattern = (d: number, s: number) =>
      (d % 7) + 1 + (s >= 16 && s < 36 ? 10 : 0) + (s === 20 + (d % 7) ? 25 : 0);
    const total = series(42, pattern);
    const { profiles, settings } = tunedProfiles(total, MONDAY_2024_01_01, 42, SLOTS);
    expect(settings.pool).toBe(0);
    expect(settings.passes).toBe(0);
    let dayTotal = 0;
    for (let s = 0; s < SLOTS; s++) dayTotal += pattern(0, s);
    for (let s = 0; s < SLOTS; s++)
      expect(profiles[1]![s]).toBeCloseTo(pattern(0, s) / dayTotal, 12);
  });

  it('a smooth profile under Poisson noise gets smoothed, and lands nearer the truth', () => {
    // Theory: averaging neighbouring intervals cuts the variance of a noisy estimate of a smooth
    // curve more than it adds bias (kernel smoothing), so the rolling-origin score picks it.
    const random = seedrandom('tuned-profiles');
    const truth = (s: number) => 20 + 15 * Math.sin((Math.PI * s) / SLOTS);
    const total = series(56, (_d, s) => poisson(truth(s), random));
    const { profiles, settings } = tunedProfiles(total, MONDAY_2024_01_01, 56, SLOTS);
    expect(settings.passes).toBeGreaterThan(0);
    let truthSum = 0;
    for (let s = 0; s < SLOTS; s++) truthSum += truth(s);
    let tunedError = 0;
    let rawError = 0;
    // Reference: the unsmoothed, unpooled profile of the 8 Mondays (their plain mean).
    const raw = new Float64Array(SLOTS);
    for (let d = 0; d < 56; d += 7)
      for (let s = 0; s < SLOTS; s++) raw[s]! += total[d * SLOTS + s]!;
    const rawSum = raw.reduce((a, b) => a + b, 0);
    for (let s = 0; s < SLOTS; s++) {
      tunedError += Math.abs(profiles[1]![s]! - truth(s) / truthSum);
      rawError += Math.abs(raw[s]! / rawSum - truth(s) / truthSum);
    }
    expect(tunedError).toBeLessThan(rawError);
  });
});

describe('tunedProfiles: full pooling for a shape every weekday shares', () => {
  it('a 24/7 service with one daily shape and 17 days of history pools all weekdays', () => {
    // Theory: when the weekdays share one shape, each weekday's own profile rests on 2–3 days
    // while the pooled one rests on all 17: same expectation, a seventh of the variance. The
    // rolling-origin score should prefer the pooled end of the grid (pool ≥ 0.75), and the
    // chosen profile should be nearer the truth than the weekday's own.
    const random = seedrandom('pooled-profiles');
    const truth = (s: number) => 4 + 6 * Math.exp(-(((s - 22) / 8) ** 2));
    const days = 17;
    const total = series(days, (_d, s) => poisson(truth(s), random));
    const { profiles, settings } = tunedProfiles(total, MONDAY_2024_01_01, days, SLOTS);
    expect(settings.pool).toBeGreaterThanOrEqual(0.75);
    let truthSum = 0;
    for (let s = 0; s < SLOTS; s++) truthSum += truth(s);
    // Reference: the Mondays' own profile (days 0, 7, 14), unpooled and unsmoothed.
    const own = new Float64Array(SLOTS);
    for (let d = 0; d < days; d += 7)
      for (let s = 0; s < SLOTS; s++) own[s]! += total[d * SLOTS + s]!;
    const ownSum = own.reduce((a, b) => a + b, 0);
    let tunedError = 0;
    let ownError = 0;
    for (let s = 0; s < SLOTS; s++) {
      tunedError += Math.abs(profiles[1]![s]! - truth(s) / truthSum);
      ownError += Math.abs(own[s]! / ownSum - truth(s) / truthSum);
    }
    expect(tunedError).toBeLessThan(ownError / 2);
  });
});

describe('tunedShares', () => {
  it('reason B always twice reason A: shares exactly 1/3 and 2/3', () => {
    const a = series(35, (d, s) => (s >= 16 && s < 36 ? 1 + ((d + s) % 5) : 0));
    const b = a.map((x) => 2 * x);
    const total = a.map((x, i) => x + b[i]!);
    const grid = { series: [a, b], firstDay: MONDAY_2024_01_01, dayCount: 35, slotsPerDay: SLOTS };
    const { shares } = tunedShares(grid, total);
    for (const share of shares) {
      expect(share[20]).toBeCloseTo(1 / 3, 12);
      expect(share[SLOTS + 20]).toBeCloseTo(2 / 3, 12);
    }
  });

  it('shares are non-negative and add up to 1 in every cell (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 8, max: 36 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (reasons, days, seed) => {
          const random = seedrandom(String(seed));
          const counts = Array.from({ length: reasons }, (_, r) =>
            series(days, () => (random() < 0.5 ? 0 : poisson(0.5 + r, random))),
          );
          const total = new Float64Array(days * SLOTS);
          for (const c of counts) for (let i = 0; i < total.length; i++) total[i]! += c[i]!;
          const grid = {
            series: counts,
            firstDay: MONDAY_2024_01_01,
            dayCount: days,
            slotsPerDay: SLOTS,
          };
          const { shares } = tunedShares(grid, total);
          for (const share of shares) {
            for (let s = 0; s < SLOTS; s++) {
              let sum = 0;
              for (let r = 0; r < reasons; r++) {
                expect(share[r * SLOTS + s]).toBeGreaterThanOrEqual(0);
                sum += share[r * SLOTS + s]!;
              }
              expect(sum).toBeCloseTo(1, 9);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
