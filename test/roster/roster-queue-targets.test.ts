import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { buildRoster } from '../../src/roster/build-roster.js';
import { rosterTargets } from '../../src/cli/commands/roster.js';
import { formatRoster } from '../../src/cli/format-roster.js';
import { mmcmDocument } from './roster-builders.js';

/**
 * Two independent queues on one switchboard (one reason each, no transfers), open 08:00–18:00:
 * `front` held to the switchboard's targets, `wards` to a stricter one of its own
 * (`targets.byQueue`).
 */
function twoQueues(own?: Record<string, unknown>): Record<string, unknown> {
  const doc = mmcmDocument({ callsPerDay: 1200, ahtSeconds: 120, patienceSeconds: 240 });
  const only = (doc.reasons as Record<string, Record<string, unknown>>).only!;
  const blocks = (doc.shifts as Record<string, unknown>).main;
  return {
    ...doc,
    name: 'front and wards',
    reasons: {
      general: { ...only, share: 0.5, queue: 'front' },
      ward: { ...only, share: 0.5, queue: 'wards' },
    },
    queues: { front: {}, wards: {} },
    targets: { serviceLevel: 0.8, threshold: '20s', maxAbandon: 0.05, ...own },
    shifts: { front: blocks, wards: blocks },
  };
}

const hoursOf = (result: Awaited<ReturnType<typeof buildRoster>>, queue: string) =>
  result.perInterval
    .filter((r) => r.queue === queue && r.weekday === 'monday')
    .reduce((s, r) => s + r.scheduled, 0) / 2;

describe('queues with targets of their own', () => {
  it("sizes each queue's shifts to its own targets and checks every day against them on fresh seeds", async () => {
    const plain = parseScenario(twoQueues());
    const strict = parseScenario(twoQueues({ byQueue: { wards: { serviceLevel: 0.95 } } }));
    const options = { days: 1, replications: 6, seed: 3, maxIterations: 6 };
    const [a, b] = await Promise.all([
      buildRoster(plain, { ...options, targets: rosterTargets({}, plain) }),
      buildRoster(strict, { ...options, targets: rosterTargets({}, strict) }),
    ]);
    // The wards' own 95 % asks for more operator hours than the switchboard's 80 %; the front,
    // held to the switchboard's targets either way, keeps about its hours.
    expect(hoursOf(b, 'wards')).toBeGreaterThan(hoursOf(a, 'wards') + 2);
    expect(Math.abs(hoursOf(b, 'front') - hoursOf(a, 'front'))).toBeLessThanOrEqual(2);
    // Judged on fresh seeds by its own target: the wards' whole 95 % interval is at or above 95 %.
    const monday = b.verification.byDay[0]!;
    expect(monday.byQueue).toHaveLength(1);
    expect(monday.byQueue![0]).toMatchObject({ queue: 'wards', met: true });
    expect(monday.byQueue![0]!.serviceLevel.ci95[0]).toBeGreaterThanOrEqual(0.95);
    expect(b.verification.met).toBe(true);
    expect(a.verification.byDay[0]!.byQueue).toBeUndefined();
    const text = formatRoster(b);
    expect(text).toContain(
      'roster for service level ≥ 80.0 % within 20 s, abandonment ≤ 5.0 %; queue wards: service level ≥ 95.0 % within 20 s, abandonment ≤ 5.0 % on every day',
    );
    expect(text).toMatch(/\n {4}queue wards: service level 9\d\.\d % \[/);
  });

  it('reads targets.byQueue from the scenario; flags override only the switchboard levels', () => {
    const scenario = parseScenario(
      twoQueues({ byQueue: { wards: { serviceLevel: 0.9, maxAbandon: 0.02 } } }),
    );
    expect(rosterTargets({ 'service-level': 0.7 }, scenario)).toEqual({
      serviceLevel: 0.7,
      thresholdSeconds: 20,
      maxAbandon: 0.05,
      byQueue: [{ queue: 'wards', index: 1, serviceLevel: 0.9, maxAbandon: 0.02 }],
    });
    const onlyOne = parseScenario({
      ...twoQueues(),
      targets: { byQueue: { wards: { serviceLevel: 0.9 } } },
    });
    expect(() => rosterTargets({}, onlyOne)).toThrow(/targets.byQueue for "front"/);
    const bad = parseScenario(twoQueues({ byQueue: { wards: { serviceLevel: 1 } } }));
    expect(() => rosterTargets({}, bad)).toThrow(/targets.byQueue.wards.serviceLevel/);
  });
});
