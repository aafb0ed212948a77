import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  erlangALines,
  erlangB,
  evaluateStaffing,
  type StaffingEvaluation,
  type StaffingQuestion,
  solveAgents,
  solveTraffic,
} from '../../src/staffing/index.js';
import { type ReferenceRow, readReferenceRows, toleranceOf } from './reference-csv.js';

// M/M/c/K+M (erlang-a-lines) against values nobody here computed:
// 1. K → ∞: every Erlang A row of test/fixtures/erlang-reference.csv (QueueCalc docs/js/Erlang.js
//    and pyworkforce@ca48925, cross-checked), to the data README's tolerance.
// 2. θ → 0: that table has no "Erlang C with lines (M/M/c/K)" rows (its README names the formula,
//    but no row carries it), so the M/M/c/K limit is checked against A. Herzog's queuesim
//    (A-Herzog/QueueSim, queuesim/analytic/erlang_c_ext.py @0aa129e, Apache-2.0: the "extended
//    Erlang C" of M/M/c/K+M) run with ν = 0, where its waiting-time formula is exact; and, with
//    K → ∞ too, against every Erlang C row of the table (published rows to half a unit of their
//    last digit).
// 3. K = c: Erlang B, every Erlang B row of the table (QueueCalc, R Erlang 0.4, R queueing
//    0.2.12, pyworkforce; the Westbay manual's 8.108 erlangs on 15 lines at 1 %).
// 4. Finite K with patience: the same queuesim class with ν > 0, for the measures that follow from
//    its stationary distribution (blocking, waiting, abandonment = ν·E[N_Q]/λ, mean wait
//    E[N_Q]/λ, occupancy). Its P(W ≤ t) with ν > 0 uses one rate cμ + ν for every stage, an
//    approximation, so the service level with patience is checked by simulation instead
//    (test/queueing/erlang-a-lines-theory.test.ts). The values in
//    fixtures/mmck-impatience-queuesim.csv were printed by that class under CPython 3.11.7 and
//    SciPy 1.17.1; they are compared to 1e-9 relative (1e-12 absolute below 1e-6), the README's
//    tolerance for cross-checked values.

/** Patience so long (x = cμ/θ ≥ 10¹⁶) that θ changes no measure beyond 1e-9: the θ → 0 limit. */
const NO_ABANDON_SECONDS = 1e18;
/** Waiting places so many that π(K) is below e^-100 for every row (ρ ≤ 0.999): K → ∞. */
const UNLIMITED_PLACES = 100_000;

const rows = readReferenceRows();

function inputs(row: ReferenceRow) {
  const rate = row.field('arrival_rate_per_hour');
  const aht = row.field('aht_seconds') ?? 180;
  // The printed traffic is rounded (26.66666667); the load is rate × AHT where both are given.
  const traffic = rate !== undefined ? (rate * aht) / 3600 : row.field('traffic_erlangs')!;
  return {
    trafficErlangs: traffic,
    handleTimeSeconds: aht,
    thresholdSeconds: row.field('target_seconds') ?? 20,
  };
}

function expectWithin(row: ReferenceRow, value: number | null): void {
  expect(value).not.toBeNull();
  const error = Math.abs((value as number) - row.value);
  expect(error, `${row.sources}: got ${value}, want ${row.valueText}`).toBeLessThanOrEqual(
    toleranceOf(row),
  );
}

const erlangAPick: Record<string, (e: StaffingEvaluation) => number | null> = {
  P_wait: (e) => e.probabilityWait,
  P_abandon: (e) => e.probabilityAbandon,
  ASA_all_arrivals: (e) => e.meanWaitSeconds,
};

describe('K → ∞ reproduces every Erlang A row (QueueCalc + pyworkforce, cross-checked)', () => {
  const erlangARows = rows.filter((row) => row.formula === 'Erlang A (M/M/c+M)');
  it('covers the 42 rows', () => expect(erlangARows.length).toBe(42));
  it.each(erlangARows.map((row) => [`line ${row.line} ${row.caseId} ${row.quantity}`, row]))(
    '%s',
    (_name, row) => {
      const agents = row.field('agents')!;
      const e = evaluateStaffing({
        model: 'erlang-a-lines',
        ...inputs(row),
        agents,
        lines: agents + 2_000,
        patienceSeconds: row.field('patience_seconds')!,
      });
      expectWithin(row, erlangAPick[row.quantity]!(e));
      expect(e.probabilityBlocking).toBeLessThan(1e-300);
    },
  );
});

const erlangCPick: Record<string, (e: StaffingEvaluation) => number | null> = {
  P_wait: (e) => e.probabilityWait,
  service_level: (e) => e.serviceLevel,
  ASA: (e) => e.meanWaitSeconds,
  occupancy: (e) => e.occupancy,
  agents_required: (e) => e.agents,
  positions_required_after_shrinkage: (e) => e.positions,
};

describe('θ → 0 and K → ∞ reproduce every Erlang C row (R, Python, JS calculators; published)', () => {
  const erlangCRows = rows.filter((row) => row.formula === 'Erlang C (M/M/c)');
  it('covers the 128 rows', () => expect(erlangCRows.length).toBe(128));
  it.each(erlangCRows.map((row) => [`line ${row.line} ${row.caseId} ${row.quantity}`, row]))(
    '%s',
    (_name, row) => {
      const question: StaffingQuestion = {
        model: 'erlang-a-lines',
        ...inputs(row),
        patienceSeconds: NO_ABANDON_SECONDS,
      };
      const agents = row.field('agents');
      const shrinkage = row.field('shrinkage');
      if (shrinkage !== undefined) question.shrinkage = shrinkage;
      let e: StaffingEvaluation;
      if (agents === undefined) {
        const targets: NonNullable<StaffingQuestion['targets']> = {};
        const sl = row.field('sl_target');
        const asa = row.field('asa_target_seconds');
        const occupancy = row.field('max_occupancy');
        if (sl !== undefined) targets.serviceLevel = sl;
        if (asa !== undefined) targets.asaSeconds = asa;
        if (occupancy !== undefined) targets.maxOccupancy = occupancy;
        // K fixed while the solver varies c: enough lines for any c it probes.
        e = solveAgents({ ...question, lines: 2 * UNLIMITED_PLACES, targets });
      } else {
        e = evaluateStaffing({ ...question, agents, lines: agents + UNLIMITED_PLACES });
      }
      expectWithin(row, erlangCPick[row.quantity]!(e));
    },
  );
});

describe('K = c reproduces Erlang B: no waiting room, so patience is irrelevant', () => {
  const erlangBRows = rows.filter(
    (row) => row.formula === 'Erlang B (M/M/c/c)' && row.quantity === 'P_block',
  );
  it.each(erlangBRows.map((row) => [`line ${row.line} ${row.caseId}`, row]))(
    '%s (QueueCalc, R Erlang, R queueing, pyworkforce)',
    (_name, row) => {
      const agents = row.field('agents')!;
      const { trafficErlangs, handleTimeSeconds } = inputs(row);
      for (const patience of [5, 120, 86_400]) {
        const m = erlangALines(agents, agents, trafficErlangs, handleTimeSeconds, patience, 20);
        expectWithin(row, m.probabilityBlocking);
        expect(m.probabilityWait).toBe(0);
        expect(m.probabilityAbandon).toBe(0);
        expect(m.asaSeconds).toBe(0);
        expect(m.meanWaitSeconds).toBe(0);
        const b = erlangB(agents, trafficErlangs);
        expect(m.serviceLevel).toBeCloseTo(1 - b, 12);
        expect(m.occupancy).toBeCloseTo((trafficErlangs * (1 - b)) / agents, 12);
      }
    },
  );

  it('Westbay manual: 15 lines carry 8.108 erlangs at 1 % blocking, whatever the patience', () => {
    const row = rows.find((r) => r.caseId === 'PUB-Westbay-B')!;
    for (const patience of [30, 600]) {
      const e = solveTraffic({
        model: 'erlang-a-lines',
        agents: 15,
        lines: 15,
        handleTimeSeconds: 180,
        patienceSeconds: patience,
        targets: { maxBlocking: 0.01 },
      });
      expectWithin(row, e.trafficErlangs);
    }
  });
});

interface QueuesimRow {
  caseId: string;
  rate: number;
  aht: number;
  patience: number | undefined;
  agents: number;
  lines: number;
  threshold: number;
  quantity: string;
  value: number;
}

function readQueuesim(): QueuesimRow[] {
  const path = resolve(
    dirname(fileURLToPath(import.meta.url)),
    'fixtures/mmck-impatience-queuesim.csv',
  );
  const records: Record<string, string>[] = parse(readFileSync(path, 'utf8'), { columns: true });
  return records.map((r) => ({
    caseId: r.case_id!,
    rate: Number(r.arrival_rate_per_hour),
    aht: Number(r.aht_seconds),
    patience: r.patience_seconds === '' ? undefined : Number(r.patience_seconds),
    agents: Number(r.agents),
    lines: Number(r.lines_K),
    threshold: Number(r.target_seconds),
    quantity: r.quantity!,
    value: Number(r.value),
  }));
}

const queuesimPick: Record<string, (e: StaffingEvaluation) => number | null> = {
  P_block: (e) => e.probabilityBlocking,
  P_wait: (e) => e.probabilityWait,
  mean_wait_all_offered: (e) => e.meanWaitSeconds,
  occupancy: (e) => e.occupancy,
  P_abandon_all_offered: (e) => e.probabilityAbandon,
  service_level: (e) => e.serviceLevel,
};

describe('finite K against queuesim (A. Herzog, extended Erlang C, M/M/c/K+M)', () => {
  const queuesim = readQueuesim();
  it('reads 45 values, 30 with patience and 15 with ν = 0', () => {
    expect(queuesim.length).toBe(45);
    expect(queuesim.filter((r) => r.patience === undefined).length).toBe(15);
  });
  it.each(queuesim.map((r) => [`${r.caseId} ${r.quantity}`, r] as const))('%s', (_name, r) => {
    const e = evaluateStaffing({
      model: 'erlang-a-lines',
      trafficErlangs: (r.rate * r.aht) / 3600,
      handleTimeSeconds: r.aht,
      agents: r.agents,
      lines: r.lines,
      patienceSeconds: r.patience ?? NO_ABANDON_SECONDS,
      thresholdSeconds: r.threshold,
    });
    const value = queuesimPick[r.quantity]!(e) as number;
    const tolerance = Math.abs(r.value) < 1e-6 ? 1e-12 : 1e-9 * Math.abs(r.value);
    expect(Math.abs(value - r.value), `got ${value}, queuesim ${r.value}`).toBeLessThanOrEqual(
      tolerance,
    );
  });
});
