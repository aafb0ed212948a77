import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { MeasureEstimate } from '../../src/stats/confidence-interval.js';
import { compareScenarios } from '../../src/switchboard/compare-scenarios.js';
import { referencePath, referenceRows } from '../queueing/reference-cases.js';
import { flatProfile } from './scenario-builders.js';

// Reference values: test/fixtures/erlang-reference.csv (a copy of the shared Erlang table;
// values published or cross-checked by independent public implementations). Case C-H2: 150
// calls/h, AHT 120 s (5 erlangs), 7 operators: ASA 19.45 s, service level 76.8 % in 20 s.
// Case C-H4: 300 calls/h, AHT 120 s (10 erlangs), 13 operators: ASA 11.41 s, 82.7 % in 20 s.
// Two reasons of 150 calls/h each on two dedicated lines of 7 operators are two C-H2 queues;
// the same callers pooled on one line of 13 operators (one fewer) are one C-H4 queue. compare's
// byReason must show each reason's ASA falling from the C-H2 value to the C-H4 value.

function twoReasons(queues: Record<string, number>, queueOf: (reason: string) => string) {
  const reason = (name: string) => ({
    share: 0.5,
    handleTime: { distribution: 'exponential', mean: 120 },
    patience: { distribution: 'deterministic', value: 1e9 },
    queue: queueOf(name),
  });
  return parseScenario({
    name: Object.keys(queues).length > 1 ? 'dedicated lines' : 'pooled line',
    arrivals: { callsPerDay: 300 * 24, intradayProfile: { default: flatProfile() } },
    reasons: { interpreter: reason('interpreter'), general: reason('general') },
    queues: Object.fromEntries(
      Object.entries(queues).map(([name, operators]) => [
        name,
        { operators: { default: [{ from: '00:00', to: '24:00', operators }] } },
      ]),
    ),
  });
}

const value = (caseId: string, agents: number, quantity: string) =>
  referenceRows(caseId, agents).find((r) => r.quantity === quantity)!.value;

function expectInside(estimate: MeasureEstimate, reference: number): void {
  expect(estimate.ci95[0]).not.toBeNull();
  expect(reference).toBeGreaterThanOrEqual(estimate.ci95[0]!);
  expect(reference).toBeLessThanOrEqual(estimate.ci95[1]!);
}

describe.skipIf(!referencePath())('pooled vs dedicated line, per reason (Erlang C)', () => {
  it('compare byReason: ASA per reason moves from two M/M/7 queues to one M/M/13 queue', async () => {
    const dedicated = twoReasons({ interpreters: 7, general: 7 }, (r) =>
      r === 'interpreter' ? 'interpreters' : 'general',
    );
    const pooled = twoReasons({ main: 13 }, () => 'main');
    const report = await compareScenarios(dedicated, [pooled], {
      days: 3,
      replications: 10,
      seed: 11,
    });
    const byReason = report.comparisons[0]!.byReason;
    expect(byReason.map((r) => r.reason)).toEqual(['interpreter', 'general']);
    for (const reason of byReason) {
      const asa = reason.measures.find((m) => m.name === 'byReason.asaSeconds')!;
      expectInside(asa.base, value('C-H2', 7, 'ASA'));
      expectInside(asa.variant, value('C-H4', 13, 'ASA'));
      // 19.4 s → 11.4 s: beyond the 1 s margin, and lower is better.
      expect(asa.verdict).toBe('better');
      expect(asa.unit).toBe('seconds');
    }
    // The whole switchboard: one pooled line of 13 against two lines of 7.
    const sl = report.comparisons[0]!.measures.find((m) => m.name === 'overall.serviceLevel')!;
    expectInside(sl.base, value('C-H2', 7, 'service_level'));
    expectInside(sl.variant, value('C-H4', 13, 'service_level'));
    expect(sl.verdict).toBe('better');
    const hours = report.comparisons[0]!.measures.find((m) => m.name === 'cost.operatorHours')!;
    expect(hours.difference.mean).toBe(-24 * 3);
  });
});
