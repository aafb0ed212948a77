import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { MeasureEstimate } from '../../src/stats/confidence-interval.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';
import { referencePath } from '../queueing/reference-cases.js';
import { stationaryQueueDocument } from './scenario-builders.js';

// One group of 14 operators serves two queues that each get half of 200 calls/h (AHT 180 s,
// exponential). With `order: oldest` the operators take the call that has waited longest,
// whichever queue it is in: the pooled system is M/M/14 first come, first served, so each
// queue's ASA is Erlang C's for the whole load. Reference: test/fixtures/erlang-reference.csv
// (row C-CCH, 14 agents: CRAN ErlangC 0.1.0 README, pyworkforce). With the default
// `own-first` the helped queue waits until the own queue is empty, so its ASA is well above.
const path = referencePath();

function twoQueues(order: 'own-first' | 'oldest') {
  const document = stationaryQueueDocument({
    arrivalsPerHour: 200,
    ahtSeconds: 180,
    operators: 14,
  });
  const reasons = document.reasons as Record<string, Record<string, unknown>>;
  const only = reasons.only!;
  document.reasons = {
    first: { ...only, share: 0.5, queue: 'main' },
    second: { ...only, share: 0.5, queue: 'side' },
  };
  const queues = document.queues as Record<string, Record<string, unknown>>;
  queues.main!.order = order;
  queues.side = {};
  return parseScenario(document);
}

const ci = (e: MeasureEstimate | string | undefined) => (e as MeasureEstimate).ci95;

describe.skipIf(!path)('a pooled group taking the oldest call of the queues it serves', () => {
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

  it('order: oldest — both queues wait as in Erlang C for the whole load', async () => {
    const { summary } = await simulateScenario(twoQueues('oldest'), {
      days: 4,
      replications: 12,
      seed: 11,
    });
    for (const queue of summary.byQueue) {
      const [low, high] = ci(queue.asaSeconds);
      expect(asa, queue.queue as string).toBeGreaterThanOrEqual(low!);
      expect(asa, queue.queue as string).toBeLessThanOrEqual(high!);
    }
  });

  it('own-first (the default) — the helped queue waits longer than Erlang C, the own one less', async () => {
    const { summary } = await simulateScenario(twoQueues('own-first'), {
      days: 4,
      replications: 12,
      seed: 11,
    });
    const [main, side] = summary.byQueue;
    expect(ci(main!.asaSeconds)[1]).toBeLessThan(asa);
    expect(ci(side!.asaSeconds)[0]).toBeGreaterThan(asa);
  });
});
