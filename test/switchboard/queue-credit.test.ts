import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { MeasureEstimate } from '../../src/stats/confidence-interval.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';
import { referencePath } from '../queueing/reference-cases.js';
import { stationaryQueueDocument } from './scenario-builders.js';

// 14 operators, 200 calls/h (AHT 180 s, exponential, nobody hangs up), half of them priority
// callers with a queue credit of a day: no wait comes near a day, so they are always served
// before the others: M/M/c with two non-preemptive priority classes and one service rate.
// Cobham's formula (Cobham 1954; Kleinrock, Queueing Systems II, §3.7):
//   W_k = W₀ / ((1 − σ_{k−1})(1 − σ_k)), W₀ = P_wait / (cμ), σ_k = Σ_{i≤k} λ_i / (cμ).
// With the Erlang C mean wait of all calls W = P_wait / (cμ − λ) = W₀ / (1 − ρ):
//   W_priority = W (1 − ρ) / (1 − σ₁), W_other = W / (1 − σ₁), σ₁ = ρ / 2.
// W is the reference table's ASA for row C-CCH, 14 agents (test/fixtures/erlang-reference.csv:
// CRAN ErlangC 0.1.0 README, pyworkforce).
const path = referencePath();

function withCredit(sameQueue: boolean) {
  const document = stationaryQueueDocument({
    arrivalsPerHour: 200,
    ahtSeconds: 180,
    operators: 14,
  });
  const only = (document.reasons as Record<string, Record<string, unknown>>).only!;
  document.reasons = {
    priority: { ...only, share: 0.5, queue: 'main', queueCredit: '24h' },
    regular: { ...only, share: 0.5, queue: sameQueue ? 'main' : 'side' },
  };
  const queues = document.queues as Record<string, Record<string, unknown>>;
  if (!sameQueue) {
    queues.main!.order = 'oldest';
    queues.side = {};
  }
  return parseScenario(document);
}

const ci = (e: MeasureEstimate | string | undefined) => (e as MeasureEstimate).ci95;

describe.skipIf(!path)('queue credit (priority callers)', () => {
  const rows = path
    ? (parse(readFileSync(path), { columns: true }) as Record<string, string>[])
    : [];
  const asa = Number(
    rows.find(
      (r) =>
        r.formula!.startsWith('Erlang C') &&
        r.case_id === 'C-CCH' &&
        r.agents === '14' &&
        r.target_seconds === '20' &&
        r.quantity === 'ASA',
    )!.value,
  );
  const rho = (200 * 180) / 3600 / 14;
  const expected = { priority: (asa * (1 - rho)) / (1 - rho / 2), regular: asa / (1 - rho / 2) };

  it.each([
    ['in one queue (placed by rank)', true],
    ['across two queues (order: oldest)', false],
  ])('a credit longer than any wait gives Cobham’s priority waits: %s', async (_, same) => {
    const { summary } = await simulateScenario(withCredit(same as boolean), {
      days: 4,
      replications: 12,
      seed: 5,
    });
    for (const row of summary.byReason) {
      const name = row.reason as 'priority' | 'regular';
      const [low, high] = ci(row.asaSeconds);
      expect(expected[name], name).toBeGreaterThanOrEqual(low!);
      expect(expected[name], name).toBeLessThanOrEqual(high!);
    }
  });

  it('refuses a credit longer than a day', () => {
    const document = stationaryQueueDocument({ arrivalsPerHour: 10, ahtSeconds: 60, operators: 1 });
    (document.reasons as Record<string, Record<string, unknown>>).only!.queueCredit = '25h';
    expect(() => parseScenario(document)).toThrow(
      /reasons\.only\.queueCredit: expected a queue credit of at most 24h/,
    );
  });
});
