import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { MeasureEstimate } from '../../src/stats/confidence-interval.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';
import { referencePath } from '../queueing/reference-cases.js';
import { stationaryQueue } from './scenario-builders.js';

// Reference values: test/fixtures/erlang-reference.csv, a copy of
// ../shared/data/erlang-reference.csv (rows PUB-CCH / C-CCH for Erlang C:
// CRAN ErlangC 0.1.0 README, pyworkforce; rows A-CCH for Erlang A: QueueCalc + pyworkforce,
// cross-checked). With IVR, transfers, outbound and redials off, the model is M/M/N (+M) and
// the reference must fall inside the simulation's 95 % confidence interval.
const path = referencePath();

interface Row {
  formula: string;
  case_id: string;
  agents: string;
  patience_seconds: string;
  target_seconds: string;
  quantity: string;
  value: string;
}

function reference(
  rows: Row[],
  formula: string,
  caseId: string,
  filter: (r: Row) => boolean,
  quantity: string,
): number {
  const row = rows.find(
    (r) =>
      r.formula.startsWith(formula) && r.case_id === caseId && filter(r) && r.quantity === quantity,
  );
  if (!row) throw new Error(`no reference row ${caseId} ${quantity}`);
  return Number(row.value);
}

function expectInside(estimate: MeasureEstimate | string | undefined, value: number): void {
  const e = estimate as MeasureEstimate;
  expect(e.ci95[0]).not.toBeNull();
  expect(value).toBeGreaterThanOrEqual(e.ci95[0]!);
  expect(value).toBeLessThanOrEqual(e.ci95[1]!);
}

describe.skipIf(!path)('reduction to Erlang C and Erlang A (M/M/N, M/M/N+M)', () => {
  const rows = path ? (parse(readFileSync(path), { columns: true }) as Row[]) : [];

  it('Erlang C, 200 calls/h, AHT 180 s, 14 operators: service level, ASA, P(wait), occupancy', async () => {
    const scenario = stationaryQueue({
      arrivalsPerHour: 200,
      ahtSeconds: 180,
      operators: 14,
      targetSeconds: 20,
    });
    const { summary } = await simulateScenario(scenario, { days: 4, replications: 12, seed: 7 });
    const queue = summary.byQueue[0]!;
    const at14 = (r: Row) => r.agents === '14' && r.target_seconds === '20';
    expectInside(queue.serviceLevel, reference(rows, 'Erlang C', 'C-CCH', at14, 'service_level'));
    expectInside(queue.asaSeconds, reference(rows, 'Erlang C', 'C-CCH', at14, 'ASA'));
    expectInside(queue.probabilityWait, reference(rows, 'Erlang C', 'C-CCH', at14, 'P_wait'));
    expectInside(queue.occupancy, reference(rows, 'Erlang C', 'C-CCH', at14, 'occupancy'));
  });

  it('Erlang A, 200 calls/h, AHT 180 s, 12 operators, patience 120 s: P(abandon), mean wait, P(wait)', async () => {
    const scenario = stationaryQueue({
      arrivalsPerHour: 200,
      ahtSeconds: 180,
      operators: 12,
      patienceSeconds: 120,
    });
    const { summary } = await simulateScenario(scenario, { days: 4, replications: 12, seed: 7 });
    const queue = summary.byQueue[0]!;
    const at12 = (r: Row) => r.agents === '12' && r.patience_seconds === '120';
    expectInside(queue.probabilityAbandon, reference(rows, 'Erlang A', 'A-CCH', at12, 'P_abandon'));
    expectInside(
      queue.averageWaitSeconds,
      reference(rows, 'Erlang A', 'A-CCH', at12, 'ASA_all_arrivals'),
    );
    expectInside(queue.probabilityWait, reference(rows, 'Erlang A', 'A-CCH', at12, 'P_wait'));
  });
});
