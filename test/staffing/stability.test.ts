import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateStaffing, type StaffingModel } from '../../src/staffing/index.js';

// The stability requirement: no NaN, Infinity or overflow from 1 to 10,000 operators and
// 0.01 to 9,000 erlangs (sampled log-uniformly, as the textbook formulas overflow past ~170).
const logUniform = (min: number, max: number) =>
  fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);

describe('no NaN or Infinity across 1..10,000 operators × 0.01..9,000 erlangs', () => {
  const models: StaffingModel[] = ['erlang-c', 'erlang-a', 'erlang-b', 'finite-lines'];
  it.each(models)('%s', (model) => {
    fc.assert(
      fc.property(
        logUniform(1, 10_000),
        logUniform(0.01, 9_000),
        logUniform(10, 3_600),
        logUniform(10, 3_600),
        fc.double({ min: 0, max: 300, noNaN: true }),
        (agentsRaw, traffic, aht, patience, threshold) => {
          const agents = model === 'finite-lines' ? Math.round(agentsRaw) : agentsRaw;
          const e = evaluateStaffing({
            model,
            trafficErlangs: traffic,
            handleTimeSeconds: aht,
            agents,
            patienceSeconds: patience,
            lines: agents + 50,
            thresholdSeconds: threshold,
          });
          const overloaded = model === 'erlang-c' && traffic >= agents;
          for (const [key, value] of Object.entries(e)) {
            if (key === 'model') continue;
            if (value === null) {
              const allowed =
                (key === 'probabilityAbandon' && model !== 'erlang-a') ||
                (key === 'probabilityBlocking' && (model === 'erlang-c' || model === 'erlang-a')) ||
                (overloaded && (key === 'asaSeconds' || key === 'meanWaitSeconds'));
              expect(allowed, `${key} null`).toBe(true);
            } else {
              expect(Number.isFinite(value), `${key} = ${value}`).toBe(true);
              expect(value as number).toBeGreaterThanOrEqual(0);
            }
          }
          if (overloaded) expect(e.serviceLevel).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('corners of the range', () => {
    for (const agents of [1, 10_000]) {
      for (const traffic of [0.01, 9_000]) {
        for (const model of ['erlang-c', 'erlang-a', 'erlang-b'] as const) {
          const e = evaluateStaffing({
            model,
            trafficErlangs: traffic,
            handleTimeSeconds: 180,
            agents,
            patienceSeconds: 120,
          });
          expect(
            Object.values(e).every(
              (v) => v === null || typeof v === 'string' || Number.isFinite(v),
            ),
          ).toBe(true);
        }
      }
    }
  });
});
