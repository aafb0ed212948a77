import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concaveIncrements,
  coverOf,
  solveCover,
  solveValueCover,
} from '../../src/roster/cover-milp.js';
import { shiftPatterns } from '../../src/roster/shift-patterns.js';
import type { ShiftTemplate } from '../../src/scenario/scenario-types.js';
import '../fast-check-seed.js';

const HOUR = 3600;

/** A template on the 60-minute grid, on the given weekdays. */
function template(
  name: string,
  starts: number[],
  lengthHours: number,
  extra: Partial<ShiftTemplate> = {},
): ShiftTemplate {
  return {
    name,
    queue: 0,
    startsSeconds: starts.map((h) => h * HOUR),
    lengthSeconds: lengthHours * HOUR,
    breaks: [],
    days: [true, false, false, false, false, false, false],
    min: 0,
    max: Number.POSITIVE_INFINITY,
    costPerHour: 1,
    path: `shifts.main.${name}`,
    ...extra,
  };
}

/**
 * The least cost over every vector of counts 0…`most` per pattern that covers the requirement
 * and keeps each template's daily count within [min, max]: exhaustive search, nothing clever.
 */
function bruteForce(
  templates: ShiftTemplate[],
  required: number[],
  most: number,
): number | undefined {
  const patterns = shiftPatterns(templates, 60);
  const counts = new Int32Array(patterns.length);
  let best: number | undefined;
  const visit = (i: number): void => {
    if (i === patterns.length) {
      const cover = coverOf(patterns, counts, required);
      if (cover.shortfall.some((s) => s > 0)) return;
      for (const [t, tpl] of templates.entries()) {
        let n = 0;
        patterns.forEach((p, j) => {
          if (p.template === t) n += counts[j]!;
        });
        if (n < tpl.min || n > tpl.max) return;
      }
      if (best === undefined || cover.cost < best) best = cover.cost;
      return;
    }
    for (let c = 0; c <= most; c++) {
      counts[i] = c;
      visit(i + 1);
    }
    counts[i] = 0;
  };
  visit(0);
  return best;
}

/** A Monday requirement over the first 12 hours of a week of hourly slots. */
function mondayRequirement(hours: number[]): number[] {
  const required = new Array<number>(7 * 24).fill(0);
  hours.forEach((n, h) => {
    required[6 + h] = n;
  });
  return required;
}

describe('the cover MILP (HiGHS)', () => {
  it('finds the least cost that brute force finds, on small random instances', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        async (hours, shortLength, longLength, longStartOffset, shortCost) => {
          const templates = [
            template('short', [6, 9], shortLength, { costPerHour: shortCost }),
            template('long', [6 + longStartOffset, 8], longLength, { max: 2 }),
            template('late', [10], 4, { min: 1 }),
          ];
          const required = mondayRequirement(hours);
          const expected = bruteForce(templates, required, 3);
          fc.pre(expected !== undefined);
          const patterns = shiftPatterns(templates, 60);
          const cover = await solveCover(patterns, templates, required);
          expect(cover.shortfall.every((s) => s === 0)).toBe(true);
          expect(cover.cost).toBeCloseTo(expected, 6);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reports the slots no template can cover as shortfall, with the best roster for the rest', async () => {
    const templates = [template('day', [8], 4)];
    const required = mondayRequirement([0, 0, 2, 2, 2, 2, 1, 1]); // 06:00…13:00
    const cover = await solveCover(shiftPatterns(templates, 60), templates, required);
    expect(Array.from(cover.scheduled.slice(8, 12))).toEqual([2, 2, 2, 2]);
    expect(cover.shortfall[12]).toBe(1);
    expect(cover.shortfall[13]).toBe(1);
    expect(cover.paidHours).toBe(8);
  });

  it('keeps within a budget: the shortfall shows where the hours run out', async () => {
    const templates = [template('day', [8], 4)];
    const required = mondayRequirement([0, 0, 3, 3, 3, 3]);
    const cover = await solveCover(shiftPatterns(templates, 60), templates, required, {
      budgetHours: 8,
    });
    expect(cover.paidHours).toBe(8);
    expect(cover.shortfall.reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe('rosters (fast-check properties)', () => {
  const arbitraryTemplate = fc
    .record({
      starts: fc.uniqueArray(fc.integer({ min: 0, max: 47 }), { minLength: 1, maxLength: 3 }),
      length: fc.integer({ min: 4, max: 20 }),
      breakLength: fc.integer({ min: 1, max: 2 }),
      windowLength: fc.integer({ min: 2, max: 10 }),
      withBreak: fc.boolean(),
    })
    .map((r): ShiftTemplate => {
      const starts = [...r.starts].sort((a, b) => a - b).map((k) => k * 1800);
      // A window inside every start's shift: from the latest start, within the shortest span.
      const from = starts[starts.length - 1]! + 1800;
      const to = Math.min(from + r.windowLength * 1800, starts[0]! + r.length * 1800);
      const hasBreak =
        r.withBreak && to - from >= r.breakLength * 1800 && r.length > r.breakLength + 1;
      return {
        name: 't',
        queue: 0,
        startsSeconds: starts,
        lengthSeconds: r.length * 1800,
        breaks: hasBreak
          ? [
              {
                lengthSeconds: r.breakLength * 1800,
                windowFromSeconds: from,
                windowToSeconds: to,
                paid: true,
              },
            ]
          : [],
        days: [true, true, true, true, true, true, true],
        min: 0,
        max: Number.POSITIVE_INFINITY,
        costPerHour: 1,
        path: 'shifts.main[0]',
      };
    });

  it('every interval with a requirement is covered, and every break sits in its window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryTemplate, { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 48, maxLength: 48 }),
        async (templates, day) => {
          templates.forEach((t, i) => {
            t.name = `t${i}`;
          });
          const patterns = shiftPatterns(templates, 30);
          const covered = new Set(patterns.flatMap((p) => p.slots));
          // Ask only for what the templates can reach, every day of the week.
          const required = Array.from({ length: 7 * 48 }, (_, s) =>
            covered.has(s) ? day[s % 48]! : 0,
          );
          const cover = await solveCover(patterns, templates, required);
          for (let s = 0; s < required.length; s++)
            expect(cover.scheduled[s]!).toBeGreaterThanOrEqual(required[s]!);
          patterns.forEach((p, i) => {
            if (cover.counts[i] === 0) return;
            const t = templates[p.template]!;
            p.breakStartsSeconds.forEach((b, j) => {
              const spec = t.breaks[j]!;
              expect(b).toBeGreaterThanOrEqual(Math.max(spec.windowFromSeconds, p.startSeconds));
              expect(b + spec.lengthSeconds).toBeLessThanOrEqual(
                Math.min(spec.windowToSeconds, p.startSeconds + t.lengthSeconds),
              );
            });
            // Off the phones exactly during its breaks.
            const off = t.breaks.reduce((sum, spec) => sum + spec.lengthSeconds, 0);
            expect(p.slots.length).toBe((t.lengthSeconds - off) / 1800);
          });
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('the budget cover (HiGHS, value of operators per slot)', () => {
  /** Concave increments of Monday 06:00…14:00 from random decreasing steps. */
  const stepsArb = fc.array(
    fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 0, maxLength: 3 }),
    { minLength: 8, maxLength: 8 },
  );

  it('finds the best value brute force finds within the budget, never over it', async () => {
    await fc.assert(
      fc.asyncProperty(
        stepsArb,
        fc.integer({ min: 4, max: 24 }),
        fc.integer({ min: 2, max: 5 }),
        async (raw, budget, shortLength) => {
          const templates = [
            template('short', [6, 9], shortLength),
            template('long', [6, 8], 6, { max: 2 }),
          ];
          const patterns = shiftPatterns(templates, 60);
          const increments: number[][] = Array.from({ length: 7 * 24 }, () => []);
          raw.forEach((steps, h) => {
            increments[6 + h] = [...steps].sort((a, b) => b - a);
          });
          const least = new Array<number>(7 * 24).fill(0);
          const value = (scheduled: ArrayLike<number>) =>
            increments.reduce((v, steps, s) => {
              for (let k = 0; k < Math.min(steps.length, scheduled[s]!); k++) v += steps[k]!;
              return v;
            }, 0);
          // Exhaustive: every count vector 0…3 per pattern within the budget and the max.
          let best = 0;
          const counts = new Int32Array(patterns.length);
          const visit = (i: number): void => {
            if (i === patterns.length) {
              const cover = coverOf(patterns, counts, least);
              if (cover.paidHours > budget) return;
              let long = 0;
              patterns.forEach((p, j) => {
                if (p.template === 1) long += counts[j]!;
              });
              if (long > 2) return;
              best = Math.max(best, value(cover.scheduled));
              return;
            }
            for (let c = 0; c <= 3; c++) {
              counts[i] = c;
              visit(i + 1);
            }
            counts[i] = 0;
          };
          visit(0);
          const cover = await solveValueCover(patterns, templates, least, increments, budget);
          expect(cover.paidHours).toBeLessThanOrEqual(budget);
          expect(value(cover.scheduled)).toBeCloseTo(best, 6);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('keeps the least operators asked for, and refuses a budget below them', async () => {
    const templates = [template('day', [6, 10], 4)];
    const patterns = shiftPatterns(templates, 60);
    const least = mondayRequirement([1, 1, 1, 1, 1, 1, 1, 1]);
    const none = Array.from({ length: 7 * 24 }, () => [] as number[]);
    const cover = await solveValueCover(patterns, templates, least, none, 8);
    expect(Array.from(cover.scheduled.slice(6, 14))).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    await expect(solveValueCover(patterns, templates, least, none, 7)).rejects.toThrow(RangeError);
  });

  it('turns a value into non-increasing steps: its least concave majorant', () => {
    // S-shaped, as a service level is in its operators: 0, 1, 5, 8, 9, 9.5.
    const steps = concaveIncrements([0, 1, 5, 8, 9, 9.5]);
    expect(steps).toHaveLength(5);
    for (let k = 1; k < steps.length; k++) expect(steps[k]!).toBeLessThanOrEqual(steps[k - 1]!);
    // The hull runs from (0, 0) to (3, 8) (slope 8/3 beats 5/2 to k = 2), then 1, then 0.5.
    steps.slice(0, 3).forEach((w) => expect(w).toBeCloseTo(8 / 3, 12));
    expect(steps.slice(3)).toEqual([1, 0.5]);
    expect(steps.reduce((a, b) => a + b, 0)).toBeCloseTo(9.5, 12);
  });
});
