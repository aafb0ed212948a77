import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operatorSearch, stepOperatorSearch } from '../../src/calibration/operator-search.js';

/** Run a search against `zOf` until a round moves nothing (at most `rounds`); the rounds used. */
function runSearch(
  search: ReturnType<typeof operatorSearch>,
  zOf: (operators: number, round: number) => number,
  threshold: number,
  rounds = 1000,
): number {
  for (let round = 1; round <= rounds; round++) {
    const before = search.operators;
    if (stepOperatorSearch(search, zOf(before, round), threshold) === before) return round;
  }
  return rounds;
}

// Abandonment falls as operators rise: with a model whose abandonment is a decreasing function
// of the operators, measured without noise, the search must end where the records are matched
// within the threshold, or, when no number of operators does, at the one of the two numbers
// around the records nearer to them, or at a bound (1, or the agents seen).
describe('one hour’s search for its operators', () => {
  it('steps towards the records one operator a round, and stops within the noise', () => {
    // Erlang A said 3; the model abandons 20 %, 11 %, 6 %, 3 % at 3, 4, 5, 6 operators; the
    // records show 6.5 % with a combined standard error of 1 point.
    const model: Record<number, number> = { 3: 0.2, 4: 0.11, 5: 0.06, 6: 0.03 };
    const search = operatorSearch(3, 8);
    runSearch(search, (n) => (model[n]! - 0.065) / 0.01, 2);
    expect(search.operators).toBe(5);
    expect(search.path).toEqual([3, 4, 5]);
  });

  it('between two neighbours, keeps the nearer and settles instead of going back and forth', () => {
    // 9.5 % lies between 11 % (4 operators, z = 3) and 6 % (5, z = −7), both beyond 2
    // standard errors of 0.5 point: 5 is ruled out from above after 4 from below, so the
    // search goes back to 4, the nearer, once, and settles there.
    const model: Record<number, number> = { 3: 0.2, 4: 0.11, 5: 0.06, 6: 0.03 };
    const search = operatorSearch(3, 8);
    runSearch(search, (n) => (model[n]! - 0.095) / 0.005, 2);
    expect(search.operators).toBe(4);
    expect(search.settled).toBe(true);
    expect(search.path).toEqual([3, 4, 5, 4]);
  });

  it('never goes above the agents seen nor below 1', () => {
    const up = operatorSearch(2, 3);
    runSearch(up, () => 10, 2);
    expect(up.operators).toBe(3);
    const down = operatorSearch(2, 3);
    runSearch(down, () => -10, 2);
    expect(down.operators).toBe(1);
  });

  it('rejects a start that is not a whole number of operators ≥ 1', () => {
    expect(() => operatorSearch(0, 4)).toThrow(RangeError);
    expect(() => operatorSearch(2.5, 4)).toThrow(/operatorSearch/);
  });

  it('property: against any z, stays in [1, seen] and stops after at most seen + 1 rounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (start, seen, zs, threshold) => {
          const search = operatorSearch(Math.min(start, seen), seen);
          let moves = 0;
          for (const z of zs) {
            const before = search.operators;
            const next = stepOperatorSearch(search, z, threshold);
            expect(next).toBeGreaterThanOrEqual(1);
            expect(next).toBeLessThanOrEqual(seen);
            expect(next).toBe(search.operators);
            expect(Math.abs(next - before)).toBeLessThanOrEqual(1);
            if (next !== before) moves++;
          }
          // Each move narrows the numbers not ruled out, or settles the search.
          expect(moves).toBeLessThanOrEqual(seen);
        },
      ),
    );
  });

  it('property: with a decreasing model and no noise, ends matched, bracketed or at a bound', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.double({ min: 0.001, max: 0.2, noNaN: true }), {
          minLength: 20,
          maxLength: 20,
        }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        (start, seen, drops, target) => {
          // Abandonment at n operators: 0.6 minus the drops of the first n − 1 steps.
          const f = (n: number) => 0.6 - drops.slice(0, n - 1).reduce((a, b) => a + b, 0);
          const se = 0.01;
          const z = (n: number) => (f(n) - target) / se;
          const search = operatorSearch(Math.min(start, seen), seen);
          const rounds = runSearch(search, z, 2);
          const n = search.operators;
          expect(rounds).toBeLessThanOrEqual(seen + 2);
          const matched = Math.abs(z(n)) <= 2;
          const atBound = (n === seen && z(n) > 2) || (n === 1 && z(n) < -2);
          // The records lie between n and a neighbour, and n is the nearer of the two.
          const bracketed = [n - 1, n + 1].some(
            (m) =>
              m >= 1 &&
              m <= seen &&
              Math.sign(z(m)) !== Math.sign(z(n)) &&
              Math.abs(z(n)) <= Math.abs(z(m)),
          );
          expect(matched || atBound || bracketed).toBe(true);
        },
      ),
    );
  });
});
