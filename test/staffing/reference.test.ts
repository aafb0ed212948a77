import { describe, expect, it } from 'vitest';
import {
  erlangB,
  evaluateStaffing,
  extendedErlangB,
  type StaffingEvaluation,
  type StaffingModel,
  type StaffingQuestion,
  solveAgents,
  solveTraffic,
} from '../../src/staffing/index.js';
import { type ReferenceRow, readReferenceRows, toleranceOf } from './reference-csv.js';

// Every row of test/fixtures/erlang-reference.csv, a copy of ../shared/data/erlang-reference.csv
// (see its README). Sources, per row: CRAN ErlangC 0.1.0 README, pyworkforce 0.1.0 README and
// docstrings (commit ca48925), QueueCalc docs/js/Erlang.js, R Erlang 0.4, R queueing 0.2.12,
// the Westbay Erlang calculator manual. Mapping of the CSV's quantities to our definitions:
//   Erlang C `ASA` is the mean wait of ALL arrivals → meanWaitSeconds (and, since every Erlang C
//   call is answered, asaSeconds too); Erlang A `ASA_all_arrivals` is the mean time in queue
//   over all arrivals, abandoners until they hang up → meanWaitSeconds (NOT asaSeconds, which
//   is the mean wait of answered calls only).

const MODELS: Record<string, StaffingModel> = {
  'Erlang B (M/M/c/c)': 'erlang-b',
  'Erlang C (M/M/c)': 'erlang-c',
  'Erlang A (M/M/c+M)': 'erlang-a',
  'Erlang C with lines (M/M/c/K)': 'finite-lines',
};

function questionOf(row: ReferenceRow): StaffingQuestion {
  const model = MODELS[row.formula];
  if (model === undefined) throw new Error(`line ${row.line}: unknown formula ${row.formula}`);
  const rate = row.field('arrival_rate_per_hour');
  const aht = row.field('aht_seconds');
  // The printed traffic is rounded (26.66666667); the load is rate × AHT where both are given.
  const traffic =
    rate !== undefined && aht !== undefined ? (rate * aht) / 3600 : row.field('traffic_erlangs');
  const question: StaffingQuestion = { model, trafficErlangs: traffic ?? Number.NaN };
  const set = <K extends keyof StaffingQuestion>(
    key: K,
    value: StaffingQuestion[K] | undefined,
  ) => {
    if (value !== undefined) question[key] = value;
  };
  set('handleTimeSeconds', aht);
  set('agents', row.field('agents'));
  set('thresholdSeconds', row.field('target_seconds'));
  set('patienceSeconds', row.field('patience_seconds'));
  set('lines', row.field('lines_K'));
  set('shrinkage', row.field('shrinkage'));
  const targets: NonNullable<StaffingQuestion['targets']> = {};
  const target = <K extends keyof typeof targets>(key: K, column: string) => {
    const value = row.field(column);
    if (value !== undefined) targets[key] = value;
  };
  target('serviceLevel', 'sl_target');
  target('asaSeconds', 'asa_target_seconds');
  target('maxOccupancy', 'max_occupancy');
  target('maxAbandon', 'max_abandon');
  target('maxBlocking', 'max_blocking');
  question.targets = targets;
  return question;
}

const QUANTITY: Record<string, (e: StaffingEvaluation) => number | null> = {
  P_wait: (e) => e.probabilityWait,
  service_level: (e) => e.serviceLevel,
  ASA: (e) => e.meanWaitSeconds,
  ASA_all_arrivals: (e) => e.meanWaitSeconds,
  P_abandon: (e) => e.probabilityAbandon,
  P_block: (e) => e.probabilityBlocking,
  occupancy: (e) => e.occupancy,
  agents_required: (e) => e.agents,
  positions_required_after_shrinkage: (e) => e.positions,
  max_traffic_erlangs_at_1pct_blocking: (e) => e.trafficErlangs,
};

function answer(row: ReferenceRow): number | null {
  const question = questionOf(row);
  const pick = QUANTITY[row.quantity];
  if (pick === undefined) throw new Error(`line ${row.line}: unknown quantity ${row.quantity}`);
  if (row.quantity === 'max_traffic_erlangs_at_1pct_blocking') {
    return pick(
      solveTraffic({ ...question, agents: question.agents!, targets: { maxBlocking: 0.01 } }),
    );
  }
  if (row.quantity === 'agents_required' || row.quantity === 'positions_required_after_shrinkage') {
    return pick(solveAgents(question));
  }
  return pick(evaluateStaffing(question));
}

const rows = readReferenceRows();
const formulaRows = rows.filter((row) => row.formula !== 'Extended Erlang B (retries)');

describe('erlang-reference.csv: every row', () => {
  it('has the rows the data README describes', () => {
    expect(rows.length).toBe(178);
    expect(formulaRows.length).toBe(177);
  });

  it.each(
    formulaRows.map((row) => [`line ${row.line} ${row.caseId} ${row.quantity}`, row] as const),
  )('%s', (_name, row) => {
    const value = answer(row);
    expect(value).not.toBeNull();
    const error = Math.abs((value as number) - row.value);
    expect(error, `${row.sources}: got ${value}, want ${row.valueText}`).toBeLessThanOrEqual(
      toleranceOf(row),
    );
  });

  it('Erlang C: the ASA of answered calls equals the mean wait of all calls', () => {
    for (const row of formulaRows.filter((r) => r.quantity === 'ASA' && r.status !== 'published')) {
      const e = evaluateStaffing(questionOf(row));
      expect(e.asaSeconds).toBe(e.meanWaitSeconds);
    }
  });
});

describe('Extended Erlang B (retries): Westbay manual worked example', () => {
  // The CSV row (PUB-Westbay-ExtB, lines_required 11) leaves its inputs blank. The manual's
  // page "An example Extended Erlang B calculation" (erlang.com/calculatormanual) gives them:
  // 5.5 erlangs offered, 3 % blocking accepted, 50 % of blocked calls retried → 11 lines.
  const row = rows.find((r) => r.caseId === 'PUB-Westbay-ExtB')!;

  it('needs 11 lines, where plain Erlang B would say 10', () => {
    expect(row.value).toBe(11);
    const solved = solveAgents({
      model: 'erlang-b',
      trafficErlangs: 5.5,
      retryFraction: 0.5,
      targets: { maxBlocking: 0.03 },
    });
    expect(solved.agents).toBe(row.value);
    const plain = solveAgents({
      model: 'erlang-b',
      trafficErlangs: 5.5,
      targets: { maxBlocking: 0.03 },
    });
    expect(plain.agents).toBe(10);
  });

  it('reduces to Erlang B without retries', () => {
    for (const [lines, load] of [
      [10, 5.5],
      [1, 0.3],
      [200, 180.5],
    ] as const) {
      expect(extendedErlangB(lines, load, 0).probabilityBlocking).toBe(erlangB(lines, load));
    }
  });
});
