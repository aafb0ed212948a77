import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastCalls, methodNames } from '../../src/forecasting/index.js';
import { constructedHistory, MONDAY_2024_01_01 } from './helpers.js';

// Laws every forecast obeys, whatever the history: the issue's "forecast ≥ 0, bounds ordered,
// total = sum of reasons", plus whole-number bounds (count distributions).
describe('forecast laws (fast-check)', () => {
  it('non-negative, whole ordered bounds, all = sum of the reasons', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...methodNames),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 15, max: 29 }),
        fc.array(fc.nat({ max: 30 }), { minLength: 24, maxLength: 24 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (method, reasonCount, days, levels, seed) => {
          const reasons = ['a', 'b', 'c'].slice(0, reasonCount);
          // Deterministic pseudo-noise from the seed (no Math.random under test either).
          let state = seed;
          const noise = () => {
            state = (state * 48_271) % 2_147_483_647;
            return state / 2_147_483_647;
          };
          const history = constructedHistory(MONDAY_2024_01_01, days, 120, reasons, (_r, d, s) =>
            Math.floor(levels[(d % 7) * 3 + (s % 3)]! * noise() * (d % 7 === 6 ? 0 : 1)),
          );
          const forecast = forecastCalls(history, { horizonDays: 3, method, level: 0.8 });
          const byInterval = new Map<string, number>();
          for (const row of forecast.rows) {
            expect(row.forecast).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(row.lower) && Number.isInteger(row.upper)).toBe(true);
            expect(row.lower).toBeGreaterThanOrEqual(0);
            expect(row.lower).toBeLessThanOrEqual(row.upper);
            if (row.reason !== 'all') {
              byInterval.set(
                row.intervalStart,
                (byInterval.get(row.intervalStart) ?? 0) + row.forecast,
              );
            } else {
              expect(row.forecast).toBeCloseTo(byInterval.get(row.intervalStart) ?? 0, 9);
            }
          }
          expect(forecast.rows).toHaveLength(3 * 12 * (reasonCount + 1));
        },
      ),
      { numRuns: 40 },
    );
  });
});
