import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { buildRoster } from '../../src/roster/build-roster.js';
import { DAY_SHAPE, halfHour } from './roster-builders.js';

/**
 * Two rostered queues on one switchboard: `front` takes most calls; `wards` takes fewer, but
 * most of its calls are transferred wild to a ward that bounces them back (the caller queues
 * again, up to three bounces): the queue's real load is about 1.7 times what an Erlang plan of
 * new calls sees (1 + 0.8·0.5 + (0.8·0.5)² + …), the front's is exactly its own.
 */
function twoQueues(): Record<string, unknown> {
  const total = DAY_SHAPE.reduce((a, b) => a + b, 0);
  const profile: Record<string, number> = {};
  DAY_SHAPE.forEach((share, i) => {
    profile[halfHour(16 + i)] = share / total;
  });
  const blocks = [
    {
      name: 'block',
      starts: Array.from({ length: 20 }, (_, i) => halfHour(16 + i)),
      length: '30m',
    },
  ];
  const exp = (mean: number) => ({ distribution: 'exponential', mean });
  return {
    name: 'front and wards',
    calendar: { startDate: '2026-01-05', openingHours: { default: ['08:00-18:00'] } },
    arrivals: { callsPerDay: 1800, intradayProfile: { default: profile } },
    reasons: {
      general: { share: 2 / 3, handleTime: exp(120), patience: exp(240), queue: 'front' },
      ward: {
        share: 1 / 3,
        handleTime: exp(120),
        patience: exp(240),
        queue: 'wards',
        transfer: { probability: 0.8, to: { ward: 1 }, mode: 'wild' },
      },
    },
    transfers: { mode: 'wild', outcomes: { answered: 0.5, bouncedBack: 0.5 }, ringTime: exp(5) },
    queues: { front: {}, wards: {} },
    targets: { serviceLevel: 0.8, threshold: '20s', maxAbandon: 0.05 },
    shifts: { front: blocks, wards: blocks },
  };
}

describe('roster of a switchboard with several queues', () => {
  it('charges a miss to the queue that misses: the bounced-back queue is raised, the other kept', async () => {
    const scenario = parseScenario(twoQueues());
    const result = await buildRoster(scenario, {
      targets: { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 },
      days: 1,
      replications: 6,
      seed: 5,
      maxIterations: 8,
    });
    const monday = (queue: string) =>
      result.perInterval.filter((r) => r.queue === queue && r.weekday === 'monday');
    const extra = (queue: string) =>
      monday(queue).reduce((s, r) => s + (r.scheduled - r.erlang), 0);
    // The Erlang plan misses (the bounces): the search adds operators to wards, not to front.
    expect(result.erlangPlan.verification.met).toBe(false);
    expect(result.verification.met).toBe(true);
    expect(extra('wards')).toBeGreaterThanOrEqual(5);
    expect(extra('front')).toBeLessThanOrEqual(2);
    for (const row of monday('front'))
      expect(Math.abs(row.scheduled - row.erlang)).toBeLessThanOrEqual(1);
  });
});

/**
 * One queue whose operators transfer most calls warm: they stay on the line while the ward's
 * phone rings (90 s on average, up to 3 min) — busy time per call the Erlang plan of talk time
 * does not see (120 s of talk, about 180 s busy).
 */
function warmTransfers(): Record<string, unknown> {
  const doc = twoQueues();
  const exp = (mean: number) => ({ distribution: 'exponential', mean });
  return {
    ...doc,
    name: 'warm transfers',
    arrivals: { ...(doc.arrivals as object), callsPerDay: 900 },
    reasons: {
      ward: {
        share: 1,
        handleTime: exp(120),
        patience: exp(240),
        queue: 'front',
        transfer: { probability: 0.8, to: { ward: 1 }, mode: 'warm' },
      },
    },
    transfers: { mode: 'warm', outcomes: { answered: 1 }, ringTime: exp(90), warmTimeout: '180s' },
    queues: { front: {} },
    shifts: { front: (doc.shifts as Record<string, unknown>).front },
  };
}

describe('roster of a switchboard whose calls keep operators busy beyond their talk time', () => {
  it('jumps to Erlang A at the simulated busy time where a day misses, and meets it in round 2', async () => {
    const scenario = parseScenario(warmTransfers());
    const result = await buildRoster(scenario, {
      targets: { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 },
      days: 1,
      replications: 4,
      seed: 3,
      maxIterations: 2,
    });
    // The Erlang plan (talk time only) misses far: one operator a round would need many rounds.
    const [first, second] = result.search.iterations;
    expect(first!.daysMet).toBe(0);
    expect(first!.worstServiceLevel).toBeLessThan(0.7);
    expect(second!.daysMet).toBe(1);
    expect(result.verification.met).toBe(true);
    // Monday (the day simulated): a fifth more operator-intervals than the Erlang plan at least.
    const monday = result.perInterval.filter((r) => r.weekday === 'monday');
    const sum = (f: (r: (typeof monday)[number]) => number) => monday.reduce((s, r) => s + f(r), 0);
    expect(sum((r) => r.scheduled)).toBeGreaterThan(1.2 * sum((r) => r.erlang));
    expect(result.problems).toEqual([]);
  });

  it('stopped at its round limit short of the targets: says so, naming the day and the target', async () => {
    const scenario = parseScenario(warmTransfers());
    const result = await buildRoster(scenario, {
      targets: { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 },
      days: 1,
      replications: 4,
      seed: 3,
      maxIterations: 1,
    });
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem!.path).toBe('targets');
    expect(problem!.received).toMatch(
      /^missed on monday \(service level [\d.]+ % \[.*not wholly ≥ 80\.0 %/,
    );
    expect(problem!.hint).toContain('round limit (--iterations 1)');
  });
});

describe('roster --budget on a switchboard with several queues', () => {
  it('moves hours to the queue the bounces load, beyond what Erlang A placed there', async () => {
    const scenario = parseScenario(twoQueues());
    const targets = { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 };
    const budgetHours = 700; // a week: about what the Erlang plan of new calls pays
    const result = await buildRoster(scenario, {
      targets,
      days: 1,
      replications: 6,
      seed: 5,
      maxIterations: 4,
      budgetHours,
    });
    expect(result.operatorHours).toBeLessThanOrEqual(budgetHours);
    const budget = result.budget!;
    expect(budget.erlangPlacement!.operatorHours).toBeLessThanOrEqual(budgetHours);
    const mondayHours = (queue: string) =>
      result.perInterval
        .filter((r) => r.queue === queue && r.weekday === 'monday')
        .reduce((s, r) => s + r.scheduled / 2, 0);
    // On fresh seeds, paired: the simulation's placement beats Erlang A's with 95 % confidence.
    expect(budget.gain!.score.ci95[0]).toBeGreaterThan(0);
    expect(budget.gain!.serviceLevel.mean).toBeGreaterThan(0);
    expect(mondayHours('wards')).toBeGreaterThan(0);
  });
});
