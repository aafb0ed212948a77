import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/stats/holm.js';

describe('holmAdjust', () => {
  it("matches R's p.adjust(c(0.01, 0.04, 0.03, 0.005), method = 'holm') = 0.03 0.06 0.06 0.02", () => {
    // R 4.x, stats::p.adjust; the step-down of Holm (1979): sorted p × (m − i + 1), made monotone.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted.map((p) => +p!.toFixed(10))).toEqual([0.03, 0.06, 0.06, 0.02]);
  });

  it('caps at 1, keeps untestable comparisons null and out of the count', () => {
    expect(holmAdjust([0.5, null, 0.4])).toEqual([0.8, null, 0.8]);
    expect(holmAdjust([0.9, 0.8])).toEqual([1, 1]);
  });
});
