import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  kaplanMeier,
  restrictedMean,
  survivalAt,
  survivalQuantile,
} from '../../src/audit/kaplan-meier.js';

// Freireich et al. (1963) leukaemia remission data, 6-MP group (Gehan 1965), the worked
// example of Kleinbaum & Klein, "Survival Analysis: A Self-Learning Text" (3rd ed., ch. 2,
// KM table for group 1) and of R's `survfit(Surv(time, cens) ~ 1, data = subset(MASS::gehan,
// treat == "6-MP"))`. Published to 3–4 digits: compared to half a unit of the last digit.
const times = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35];
const observed = [
  true,
  true,
  true,
  false,
  true,
  false,
  true,
  false,
  false,
  true,
  true,
  false,
  false,
  false,
  true,
  true,
  false,
  false,
  false,
  false,
  false,
];
const published = [
  // time, n at risk, events, S(t), Greenwood standard error (R survfit std.err)
  [6, 21, 3, 0.857, 0.0764],
  [7, 17, 1, 0.807, 0.0869],
  [10, 15, 1, 0.753, 0.0963],
  [13, 12, 1, 0.69, 0.1068],
  [16, 11, 1, 0.627, 0.1141],
  [22, 7, 1, 0.538, 0.1282],
  [23, 6, 1, 0.448, 0.1346],
] as const;

describe('kaplanMeier (Freireich 6-MP group, Kleinbaum & Klein table / R survfit)', () => {
  const steps = kaplanMeier(times, observed);
  it('matches the published survival, risk sets and standard errors', () => {
    for (const [t, n, d, s, se] of published) {
      const step = steps.find((x) => x.timeSeconds === t)!;
      expect(step.atRisk).toBe(n);
      expect(step.events).toBe(d);
      expect(Math.abs(step.survival - s)).toBeLessThanOrEqual(0.0005);
      expect(Math.abs(step.standardError - se)).toBeLessThanOrEqual(0.00005);
    }
  });
  it('gives the published median of 23 weeks', () => {
    expect(survivalQuantile(steps, 0.5)).toBe(23);
    expect(survivalAt(steps, 22.5)).toBeCloseTo(0.538, 3);
  });
});

describe('kaplanMeier laws', () => {
  const sample = fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.boolean()), {
    minLength: 1,
    maxLength: 60,
  });
  it('is non-increasing, within [0, 1], and accounts for every observation', () => {
    fc.assert(
      fc.property(sample, (obs) => {
        const steps = kaplanMeier(
          obs.map((o) => o[0]),
          obs.map((o) => o[1]),
        );
        let previous = 1;
        let counted = 0;
        for (const s of steps) {
          expect(s.survival).toBeLessThanOrEqual(previous + 1e-12);
          expect(s.survival).toBeGreaterThanOrEqual(0);
          previous = s.survival;
          counted += s.events + s.censored;
        }
        expect(counted).toBe(obs.length);
      }),
    );
  });
  it('equals the empirical survival function when nothing is censored', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 40 }),
        (ts) => {
          const steps = kaplanMeier(
            ts,
            ts.map(() => true),
          );
          for (const s of steps) {
            const empirical = ts.filter((t) => t > s.timeSeconds).length / ts.length;
            expect(s.survival).toBeCloseTo(empirical, 12);
          }
          // Without censoring the restricted mean up to the last time is the sample mean.
          const mean = ts.reduce((a, b) => a + b, 0) / ts.length;
          expect(restrictedMean(steps, Math.max(...ts))).toBeCloseTo(mean, 9);
        },
      ),
    );
  });
  it('rejects misuse with RangeError naming the function', () => {
    expect(() => kaplanMeier([1, 2], [true])).toThrow(/kaplanMeier/);
    expect(() => survivalQuantile([], 1.5)).toThrow(RangeError);
  });
});
