import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, evaluateStaffing } from '../../src/staffing/index.js';

// Fractional operators: the continuous Erlang B of Jagerman, "Some properties of the Erlang loss
// function", Bell System Technical Journal 53 (1974): 1/B(x, A) = A ∫₀^∞ e^(−At) (1 + t)^x dt.
// Checked here by plain composite Simpson quadrature of that integral (independent of the
// incomplete-gamma code in src/staffing/gamma-function.ts).
function quadratureErlangB(x: number, a: number): number {
  // Substitute s = A t: 1/B = ∫₀^∞ e^(−s) (1 + s/A)^x ds; the integrand is negligible past s = 60 + x·…
  const upper = 80 + 4 * x;
  const steps = 200_000;
  const h = upper / steps;
  const f = (s: number) => Math.exp(-s + x * Math.log1p(s / a));
  let sum = f(0) + f(upper);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return 1 / ((sum * h) / 3);
}

describe('continuous Erlang B (fractional operators)', () => {
  it.each([
    [0.5, 0.01],
    [0.5, 2.5],
    [2.3, 1.7],
    [7.5, 6],
    [14.5, 10],
    [20.25, 30],
  ])('B(%d, %d E) agrees with quadrature of its integral to 1e-9', (x, a) => {
    const reference = quadratureErlangB(x, a);
    expect(Math.abs(erlangB(x, a) - reference)).toBeLessThan(1e-9 * reference);
  });

  it('lies between its integer neighbours', () => {
    for (const [x, a] of [
      [14.5, 10],
      [3.25, 2],
      [99.9, 95],
    ] as const) {
      const value = erlangB(x, a);
      expect(value).toBeLessThan(erlangB(Math.floor(x), a));
      expect(value).toBeGreaterThan(erlangB(Math.ceil(x), a));
    }
  });

  it('carries into Erlang C and the evaluation for fractional operators', () => {
    const e = evaluateStaffing({
      model: 'erlang-c',
      trafficErlangs: 10,
      handleTimeSeconds: 180,
      agents: 14.5,
    });
    expect(e.probabilityWait).toBe(erlangC(14.5, 10));
    expect(e.probabilityWait!).toBeLessThan(erlangC(14, 10));
    expect(e.probabilityWait!).toBeGreaterThan(erlangC(15, 10));
    expect(e.positions).toBe(15);
  });
});
