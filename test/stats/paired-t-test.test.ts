import { describe, expect, it } from 'vitest';
import { pairedTTestPValue, pBeyondMargin } from '../../src/stats/paired-t-test.js';

// Reference values: R 4.2.2, stats::t.test, printed with digits = 15.
const d = [1.2, -0.3, 0.8, 2.1, 0.5, 1.7];

describe('paired t-tests on per-replication differences', () => {
  it("two-sided test of no difference = R's t.test(d)$p.value", () => {
    expect(pairedTTestPValue(d)!).toBeCloseTo(0.0362545723111459, 10);
    // t.test(c(0.1, -0.2, 0.05, NA, 0.3))$p.value: the NA is left out, as here the NaN.
    expect(pairedTTestPValue([0.1, -0.2, 0.05, Number.NaN, 0.3])!).toBeCloseTo(
      0.586225119355022,
      10,
    );
  });

  it('one-sided test beyond a margin, on the side of the mean = t.test(d, mu = ±m, alternative = …)', () => {
    // t.test(d, mu = 0.4, alternative = "greater")$p.value
    expect(pBeyondMargin(d, 0.4)!).toBeCloseTo(0.0745639643475091, 10);
    // t.test(-d, mu = -0.4, alternative = "less")$p.value: the same, mirrored.
    expect(
      pBeyondMargin(
        d.map((x) => -x),
        0.4,
      )!,
    ).toBeCloseTo(0.0745639643475091, 10);
  });

  it('no test with fewer than two values; 0 or 1 when the differences do not vary', () => {
    expect(pairedTTestPValue([1])).toBeNull();
    expect(pairedTTestPValue([Number.NaN, 2])).toBeNull();
    expect(pairedTTestPValue([2, 2, 2])).toBe(0);
    expect(pairedTTestPValue([0, 0, 0])).toBe(1);
    expect(pBeyondMargin([2, 2], 3)).toBe(1);
  });
});
