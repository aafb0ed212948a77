import { describe, expect, it } from 'vitest';
import { RunError } from '../../src/errors.js';
import { buildRoster } from '../../src/roster/build-roster.js';
import { type Cover, solveCover, solveValueCover } from '../../src/roster/cover-milp.js';
import { shiftPatterns } from '../../src/roster/shift-patterns.js';
import type { ShiftTemplate } from '../../src/scenario/scenario-types.js';
import { mmcmScenario } from './roster-builders.js';

// "Deterministic by seed, on any machine": the roster may not depend on how fast the machine
// is. A solve given (almost) no wall-clock time must give the very roster an unhurried solve
// gives, or fail with a clear error — never a different roster. A solver that kept the best
// roster found when the clock ran out (HiGHS's `time_limit` with the incumbent read back) fails
// these tests: with 1e-9 s it has found nothing but the empty roster.

const H = 3600;
const ALL_DAYS = [true, true, true, true, true, true, true];

function template(
  name: string,
  starts: number[],
  hours: number,
  breaks: [number, number, number][] = [],
  extra: Partial<ShiftTemplate> = {},
): ShiftTemplate {
  return {
    name,
    queue: 0,
    startsSeconds: starts.map((s) => s * H),
    lengthSeconds: hours * H,
    breaks: breaks.map(([length, from, to]) => ({
      lengthSeconds: length * H,
      windowFromSeconds: from * H,
      windowToSeconds: to * H,
      paid: true,
    })),
    days: ALL_DAYS,
    min: 0,
    max: Number.POSITIVE_INFINITY,
    costPerHour: 32,
    path: `shifts.main.${name}`,
    ...extra,
  };
}

// A week of half-hours, four templates with breaks in windows, an uneven requirement.
const templates = [
  template('early', [6, 7, 8], 8, [[0.5, 10, 13]]),
  template('late', [12, 13, 14], 7, [[0.5, 16, 19]], { costPerHour: 31 }),
  template('mid', [9, 10], 6, [], { costPerHour: 29, max: 3 }),
  template('short', [8, 11, 15], 3, [], { costPerHour: 37 }),
];
const patterns = shiftPatterns(templates, 30);
const required = Array.from({ length: 7 * 48 }, (_, s) => {
  const hour = (s % 48) / 2;
  return hour >= 6 && hour < 21 ? 1 + ((s * 7 + Math.floor(s / 48) * 3) % 6) : 0;
});
const increments = required.map((r) =>
  Array.from({ length: r + 2 }, (_, k) => 10 / (k + 1) + (r % 3) / 10),
);

/** The cover's roster, or the error it failed with. */
async function outcome(solve: () => Promise<Cover>): Promise<Int32Array | Error> {
  try {
    return (await solve()).counts;
  } catch (error) {
    return error as Error;
  }
}

function expectSameOrClockError(reference: Cover, hurried: Int32Array | Error): void {
  if (hurried instanceof Error) {
    expect(hurried).toBeInstanceOf(RunError);
    expect(hurried.message).toMatch(/safety limit/);
    expect(hurried.message).toMatch(/differ from machine to machine/);
  } else expect(Array.from(hurried)).toEqual(Array.from(reference.counts));
}

describe('the roster does not depend on the clock', () => {
  it('a cover solved with 1e-9 s of wall clock is the same roster or a clear error', async () => {
    const reference = await solveCover(patterns, templates, required);
    expect(reference.status).toBe('Optimal');
    expect(reference.shortfall.every((n) => n === 0)).toBe(true);
    const hurried = await outcome(() =>
      solveCover(patterns, templates, required, { safetySeconds: 1e-9 }),
    );
    expectSameOrClockError(reference, hurried);
  });

  it('so is a budget cover (value of operators per slot)', async () => {
    const least = new Array<number>(required.length).fill(0);
    const reference = await solveValueCover(patterns, templates, least, increments, 900);
    expect(reference.paidHours).toBeLessThanOrEqual(900);
    const hurried = await outcome(() =>
      solveValueCover(patterns, templates, least, increments, 900, { safetySeconds: 1e-9 }),
    );
    expectSameOrClockError(reference, hurried);
  });

  it('the node limit, not the clock, bounds a solve: the same roster every time', async () => {
    const first = await solveCover(patterns, templates, required, { maxNodes: 1 });
    const again = await solveCover(patterns, templates, required, { maxNodes: 1 });
    expect(Array.from(again.counts)).toEqual(Array.from(first.counts));
    expect(first.shortfall.every((n) => n === 0)).toBe(true);
  });

  it('a whole roster run given no solver time fails with the clock error, never a roster', async () => {
    const scenario = mmcmScenario({ callsPerDay: 400, ahtSeconds: 180, patienceSeconds: 120 });
    const run = buildRoster(scenario, {
      targets: { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 },
      days: 1,
      replications: 2,
      maxIterations: 1,
      solverLimits: { safetySeconds: 1e-9 },
    });
    await expect(run).rejects.toThrow(RunError);
    await expect(run).rejects.toThrow(/safety limit/);
  });
});
