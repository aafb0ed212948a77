import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withCpuMs } from '../cpu-time.js';
import { seriesStart } from '../../src/staffing/gamma-function.js';
import { erlangA, evaluateStaffing, type StaffingModel } from '../../src/staffing/index.js';

// The stability requirement: no NaN, Infinity or overflow from 1 to 10,000 operators and
// 0.01 to 9,000 erlangs (sampled log-uniformly, as the textbook formulas overflow past ~170),
// with handling times from 1 s to 1 h and patience from 1 s to a day.
const logUniform = (min: number, max: number) =>
  fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);

describe('no NaN or Infinity across 1..10,000 operators × 0.01..9,000 erlangs', () => {
  const models: StaffingModel[] = [
    'erlang-c',
    'erlang-a',
    'erlang-b',
    'finite-lines',
    'erlang-a-lines',
  ];
  it.each(models)('%s', (model) => {
    fc.assert(
      fc.property(
        logUniform(1, 10_000),
        logUniform(0.01, 9_000),
        logUniform(1, 3_600),
        logUniform(1, 86_400),
        fc.double({ min: 0, max: 300, noNaN: true }),
        (agentsRaw, traffic, aht, patience, threshold) => {
          const withLines = model === 'finite-lines' || model === 'erlang-a-lines';
          const agents = withLines ? Math.round(agentsRaw) : agentsRaw;
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
                (key === 'probabilityAbandon' &&
                  model !== 'erlang-a' &&
                  model !== 'erlang-a-lines') ||
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
        for (const model of ['erlang-c', 'erlang-a', 'erlang-b', 'erlang-a-lines'] as const) {
          const e = evaluateStaffing({
            model,
            trafficErlangs: traffic,
            handleTimeSeconds: 180,
            agents,
            patienceSeconds: 120,
            lines: agents + 5_000,
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

describe('Erlang A far in overload with long patience', () => {
  // The series then starts near its peak (src/staffing/gamma-function.ts seriesStart): the
  // answer must not jump where that switch happens, and must come back fast and finite.
  it('is continuous across the switch to a peak start', () => {
    // n = 1, AHT 10 s, 9,000 E: y = 900·patience, x = patience/10; the switch is near y ≈ 1e5.
    const at = (patience: number) => erlangA(1, 9_000, 10, patience, 20);
    let low = 50;
    let high = 200;
    const starts = (p: number) => seriesStart(p / 10, 900 * p) > 0;
    while (high - low > 1e-9) {
      const middle = (low + high) / 2;
      if (starts(middle)) high = middle;
      else low = middle;
    }
    const before = at(low);
    const after = at(high);
    expect(starts(low)).toBe(false);
    expect(starts(high)).toBe(true);
    for (const key of [
      'probabilityWait',
      'serviceLevel',
      'asaSeconds',
      'probabilityAbandon',
    ] as const) {
      const a = before[key] as number;
      const b = after[key] as number;
      expect(Math.abs(a - b), key).toBeLessThanOrEqual(1e-9 * Math.abs(a) + 1e-14);
    }
  });

  it('answers quickly with finite values at 9,000 E on one operator with hours of patience', () => {
    // "Quickly": within 2 s of CPU time (wall-clock time stretches with the machine's load:
    // test/cpu-time.ts). Its series peaks ~3·10⁸ terms out, past the 5·10⁷-term limit of a
    // sum from j = 0: it starts 10·√y ≈ 2·10⁵ terms before the peak instead, in ~15 ms.
    const { value: m, cpuMs } = withCpuMs(() => erlangA(1, 9_000, 1, 36_000, 20));
    expect(cpuMs).toBeLessThan(2_000);
    expect(m.probabilityAbandon).toBeCloseTo(1 - 1 / 9_000, 9); // carried load ≈ 1 operator
    expect(Number.isFinite(m.asaSeconds)).toBe(true);
  });
});
