import { describe, expect, it } from 'vitest';
import { buildRoster, type RosterResult } from '../../src/roster/build-roster.js';
import { queueLoads } from '../../src/roster/queue-load.js';
import type { Scenario } from '../../src/scenario/scenario-types.js';
import { erlangA } from '../../src/staffing/erlang-a.js';
import { mmcmScenario } from './roster-builders.js';

const targets = { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 };
const mmcm = { callsPerDay: 1600, ahtSeconds: 150, patienceSeconds: 240 };

function budgetRoster(scenario: Scenario, budgetHours: number): Promise<RosterResult> {
  return buildRoster(scenario, {
    targets,
    days: 1,
    replications: 8,
    seed: 11,
    maxIterations: 4,
    budgetHours,
  });
}

/**
 * Erlang A's service level of a Monday roster (Palm's M/M/N+M per half-hour, stationary): the
 * calls answered within 20 s over the calls, slot by slot, at the scenario's own loads.
 */
function erlangServiceLevel(scenario: Scenario, result: RosterResult): number {
  const [load] = queueLoads(scenario, 1);
  let inTarget = 0;
  let calls = 0;
  result.perInterval.forEach((row, s) => {
    const c = load!.calls[s]!;
    if (row.weekday !== 'monday' || !(c > 0)) return;
    const traffic = (c * mmcm.ahtSeconds) / 1800;
    const m = erlangA(row.scheduled, traffic, mmcm.ahtSeconds, mmcm.patienceSeconds, 20);
    inTarget += c * m.serviceLevel;
    calls += c;
  });
  return inTarget / calls;
}

describe('roster --budget: the best service a number of paid hours buys', () => {
  it('on an M/M/c+M switchboard, the verified service level is what Erlang A gives the roster', async () => {
    const scenario = mmcmScenario(mmcm);
    // The Erlang plan for the targets needs 95.5 h a day (668.5 h a week); a budget of 600 h
    // leaves every interval near its Erlang A knee, where intervals hardly interact.
    const result = await budgetRoster(scenario, 600);
    expect(result.operatorHours).toBeLessThanOrEqual(600);
    const expected = erlangServiceLevel(scenario, result);
    const [low, high] = result.verification.serviceLevel.ci95;
    expect(expected).toBeGreaterThanOrEqual(low);
    expect(expected).toBeLessThanOrEqual(high);
    // Erlang A is this model's own law: the simulation finds no better placement than it,
    // nor a worse one beyond noise.
    const gain = result.budget!.gain!.score;
    expect(gain.ci95[1]).toBeGreaterThanOrEqual(0);
    expect(gain.ci95[0]).toBeLessThanOrEqual(0.005);
  });

  it('never spends over the budget, and more hours never verify worse beyond noise', async () => {
    const scenario = mmcmScenario(mmcm);
    const results: RosterResult[] = [];
    for (const budget of [300, 340, 420]) {
      const result = await budgetRoster(scenario, budget);
      expect(result.operatorHours).toBeLessThanOrEqual(budget);
      expect(result.budget!.erlangPlacement!.operatorHours).toBeLessThanOrEqual(budget);
      results.push(result);
    }
    for (let i = 1; i < results.length; i++) {
      const less = results[i - 1]!.verification.serviceLevel;
      const more = results[i]!.verification.serviceLevel;
      expect(more.ci95[1]).toBeGreaterThanOrEqual(less.ci95[0]);
    }
    // 120 h more a week (17 h a Monday) buy clearly more: beyond both intervals.
    expect(results[2]!.verification.serviceLevel.ci95[0]).toBeGreaterThan(
      results[0]!.verification.serviceLevel.ci95[1],
    );
  });
});
