import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adjustPValues,
  benjaminiHochbergAdjust,
  holmAdjust,
} from '../../src/stats/adjust-p-values.js';

/**
 * The 15 p-values of Benjamini & Hochberg (1995), "Controlling the false discovery rate",
 * JRSS B 57(1), section 4.1 (the thrombolysis trial of Neuhaus et al. 1992), sorted as printed.
 * The paper: at q = 0.05 the step-up procedure rejects the four smallest, the Bonferroni-type
 * procedures only three.
 */
const trial = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719,
  0.6528, 0.759, 1,
];

/** R 4.2.2 (Debian r-base-core 4.2.2.20221110-2): `p.adjust(trial, "BH")`, printed with digits = 15. */
const trialBH = [
  0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571428571429, 0.0638571428571429, 0.0645, 0.0765,
  0.486, 0.581181818181818, 0.714875, 0.753230769230769, 0.813214285714286, 1,
];

/** R 4.2.2: `p.adjust(trial, "holm")`. */
const trialHolm = [
  0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278, 0.3213, 1, 1, 1, 1, 1, 1,
];

function expectClose(actual: (number | null)[], expected: (number | null)[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    if (expected[i] === null) expect(a).toBeNull();
    else expect(a!).toBeCloseTo(expected[i]!, 12);
  });
}

describe('adjustPValues against R p.adjust', () => {
  it('Benjamini & Hochberg (1995) worked example, BH: four findings at q = 0.05', () => {
    const adjusted = benjaminiHochbergAdjust(trial);
    expectClose(adjusted, trialBH);
    expect(adjusted.filter((q) => q! < 0.05)).toHaveLength(4);
  });

  it('the same trial, Holm: three findings at α = 0.05', () => {
    const adjusted = holmAdjust(trial);
    expectClose(adjusted, trialHolm);
    expect(adjusted.filter((q) => q! < 0.05)).toHaveLength(3);
  });

  it('keeps the order given: p.adjust(c(0.01, 0.04, 0.03, 0.005), …)', () => {
    // R 4.2.2: "BH" → 0.02 0.04 0.04 0.02; "holm" → 0.03 0.06 0.06 0.02.
    expectClose(adjustPValues([0.01, 0.04, 0.03, 0.005], 'BH'), [0.02, 0.04, 0.04, 0.02]);
    expectClose(adjustPValues([0.01, 0.04, 0.03, 0.005], 'holm'), [0.03, 0.06, 0.06, 0.02]);
    // The trial reversed comes back reversed.
    expectClose(benjaminiHochbergAdjust([...trial].reverse()), [...trialBH].reverse());
  });

  it('keeps untestable comparisons null and out of m: p.adjust(c(0.5, NA, 0.4), …)', () => {
    // R 4.2.2: "BH" → 0.5 NA 0.5; "holm" → 0.8 NA 0.8.
    expect(benjaminiHochbergAdjust([0.5, null, 0.4])).toEqual([0.5, null, 0.5]);
    expect(holmAdjust([0.5, null, 0.4])).toEqual([0.8, null, 0.8]);
    expect(holmAdjust([0.9, 0.8])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });

  it('laws: p ≤ BH ≤ Holm ≤ 1, monotone in p (up to rounding: p · m / m may lose the last bit)', () => {
    const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 });
    fc.assert(
      fc.property(pValues, (p) => {
        const bh = benjaminiHochbergAdjust(p);
        const holm = holmAdjust(p);
        p.forEach((x, i) => {
          expect(bh[i]!).toBeGreaterThanOrEqual(x * (1 - 1e-15));
          expect(holm[i]!).toBeGreaterThanOrEqual(bh[i]! * (1 - 1e-15));
          expect(holm[i]!).toBeLessThanOrEqual(1);
          p.forEach((y, j) => {
            if (x < y) {
              expect(bh[i]!).toBeLessThanOrEqual(bh[j]!);
              expect(holm[i]!).toBeLessThanOrEqual(holm[j]!);
            }
          });
        });
      }),
    );
  });
});
