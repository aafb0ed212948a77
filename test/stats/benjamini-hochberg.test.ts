import { describe, expect, it } from 'vitest';
import { benjaminiHochbergAdjust } from '../../src/stats/benjamini-hochberg.js';

describe('benjaminiHochbergAdjust', () => {
  it("matches R's p.adjust(c(0.01, 0.04, 0.03, 0.005), method = 'BH') = 0.02 0.04 0.04 0.02", () => {
    // Benjamini & Hochberg (1995), step-up: sorted p × m / i, made monotone from the largest
    // down (0.005·4/1, 0.01·4/2, 0.03·4/3, 0.04·4/4 = 0.02, 0.02, 0.04, 0.04).
    const adjusted = benjaminiHochbergAdjust([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted.map((p) => +p!.toFixed(10))).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it('caps at 1, keeps untestable comparisons null and out of the count', () => {
    expect(benjaminiHochbergAdjust([0.5, null, 0.4])).toEqual([0.5, null, 0.5]);
    expect(benjaminiHochbergAdjust([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(benjaminiHochbergAdjust([0.6, 0.9, 0.9])).toEqual([0.9, 0.9, 0.9]);
  });

  it('is never below the raw p-value, nor above Holm’s adjustment', () => {
    const p = [0.001, 0.2, 0.03, 0.04, 0.5, 0.011];
    const bh = benjaminiHochbergAdjust(p);
    bh.forEach((q, i) => expect(q!).toBeGreaterThanOrEqual(p[i]!));
    // The smallest: 0.001 × 6 / 1 = 0.006 (Holm gives the same for the smallest).
    expect(bh[0]).toBeCloseTo(0.006, 12);
  });
});
