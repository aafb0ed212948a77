import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { planStaffing, readLoadCsv, solveAgents } from '../../src/staffing/index.js';

const question = {
  model: 'erlang-c' as const,
  targets: { serviceLevel: 0.8 },
  handleTimeSeconds: 180,
};

describe('readLoadCsv', () => {
  it('reads interval_start,calls[,aht_seconds][,reason] with line numbers', () => {
    const rows = readLoadCsv(
      'interval_start,calls,aht_seconds\n2026-01-05T08:00,40,150\n\n2026-01-05T08:15,50,150\n',
      'load.csv',
    );
    expect(rows.map((r) => [r.line, r.calls, r.handleTimeSeconds, r.reason])).toEqual([
      [2, 40, 150, null],
      [4, 50, 150, null],
    ]);
  });

  it('names an unknown column with a suggestion', () => {
    expect(() => readLoadCsv('interval_start,cals\n2026-01-05T08:00,40\n', 'load.csv')).toThrow(
      /load\.csv: 2 problems\n {2}line 1: column "cals": expected one of .*did you mean "calls"/,
    );
  });

  it('rejects a duplicated interval and reason, naming both lines', () => {
    const text = 'interval_start,calls,reason\n2026-01-05T08:00,4,a\n2026-01-05T08:00,5,a\n';
    expect(() => readLoadCsv(text, 'f.csv')).toThrow(
      /line 3: interval_start: expected one row per interval and reason \(also on line 2\)/,
    );
  });

  it('rejects an empty file and a header alone', () => {
    expect(() => readLoadCsv('', 'f.csv')).toThrow(InputError);
    expect(() => readLoadCsv('interval_start,calls\n', 'f.csv')).toThrow(/at least one interval/);
  });
});

describe('planStaffing', () => {
  it('infers 15-minute intervals and solves each one as solveAgents would', () => {
    const rows = readLoadCsv(
      'interval_start,calls\n2026-01-05T08:00,40\n2026-01-05T08:15,50\n2026-01-05T09:00,10\n',
      'f.csv',
    );
    const plan = planStaffing(rows, { question });
    expect(plan.intervalMinutes).toBe(15);
    const expected = solveAgents({ ...question, trafficErlangs: (50 * 180) / 900 }).agents;
    expect(plan.rows[1]!.evaluation!.agents).toBe(expected);
    expect(plan.totals).toEqual([
      expect.objectContaining({
        reason: 'sum',
        team: 'single',
        calls: 100,
        agentHours: plan.rows.reduce((s, r) => s + r.agentHours, 0),
      }),
    ]);
  });

  it('staffs several reasons as one pooled team unless told to keep separate teams', () => {
    const rows = readLoadCsv(
      'interval_start,calls,aht_seconds,reason\n' +
        '2026-01-05T08:00,40,150,a\n2026-01-05T08:00,20,240,b\n' +
        '2026-01-05T08:30,0,150,a\n2026-01-05T08:30,0,240,b\n',
      'f.csv',
    );
    const plan = planStaffing(rows, { question });
    // The pooled team takes every call: 60 calls of calls-weighted mean AHT 180 s = 6 erlangs
    // in 30 min, solved as one Erlang C queue.
    expect(plan.pooled.map((r) => [r.reason, r.calls, r.handleTimeSeconds])).toEqual([
      ['all', 60, 180],
      ['all', 0, 195],
    ]);
    const pooledAgents = solveAgents({ ...question, trafficErlangs: 6 }).agents;
    expect(plan.pooled[0]!.evaluation!.agents).toBe(pooledAgents);
    const separateAgents =
      solveAgents({ ...question, handleTimeSeconds: 150, trafficErlangs: 40 / 12 }).agents +
      solveAgents({ ...question, handleTimeSeconds: 240, trafficErlangs: 20 / 7.5 }).agents;
    expect(plan.totals.map((t) => [t.reason, t.team, t.agentHours])).toEqual([
      ['a', 'separate', expect.any(Number)],
      ['b', 'separate', expect.any(Number)],
      ['sum', 'separate', separateAgents / 2],
      ['all', 'pooled', pooledAgents / 2],
    ]);
    expect(pooledAgents).toBeLessThan(separateAgents);
    expect(plan.staffed).toBe(plan.totals.at(-1));
    const separate = planStaffing(rows, { question, teams: 'separate' });
    expect(separate.staffed).toMatchObject({ reason: 'sum', team: 'separate' });
  });

  it('plans a forecast of one reason and its `all` rows as one team, each call once', () => {
    // A forecast of one reason writes, per interval, the reason's row and the `all` total,
    // equal to it (src/forecasting/forecast-calls.ts). Counting `all` as a second team doubled
    // the headline (QA F-plan-1). Reference: each interval solved alone by solveAgents.
    const text =
      'interval_start,reason,forecast\n' +
      '2026-01-05T08:00,main,65.5\n2026-01-05T08:00,all,65.5\n' +
      '2026-01-05T08:30,main,180\n2026-01-05T08:30,all,180\n';
    const plan = planStaffing(readLoadCsv(text, 'f.csv'), { question });
    const agents = [65.5, 180].map(
      (calls) => solveAgents({ ...question, trafficErlangs: (calls * 180) / 1800 }).agents,
    );
    expect(plan.rows.map((r) => [r.reason, r.calls, r.evaluation!.agents])).toEqual([
      ['main', 65.5, agents[0]],
      ['main', 180, agents[1]],
    ]);
    expect(plan.pooled).toEqual([]);
    expect(plan.totals).toEqual([plan.staffed]);
    expect(plan.staffed).toEqual({
      reason: 'sum',
      team: 'single',
      calls: 245.5,
      agentHours: (agents[0]! + agents[1]!) / 2,
      positionHours: (agents[0]! + agents[1]!) / 2,
    });
  });

  it('refuses `all` rows that are not the total of the one reason, naming the line', () => {
    const text =
      'interval_start,reason,calls\n' +
      '2026-01-05T08:00,main,60\n2026-01-05T08:00,all,70\n' +
      '2026-01-05T08:30,all,10\n';
    expect(() => planStaffing(readLoadCsv(text, 'f.csv'), { question, file: 'f.csv' })).toThrow(
      /f\.csv: 2 problems\n {2}line 3: reason all: expected the total of the file's one reason, "main" \(line 2 for 2026-01-05T08:00\), received 70 calls\n {2}line 4: reason all: .*no row of that reason/,
    );
  });

  it('asks for --interval when the file has a single start, and uses it when given', () => {
    const rows = readLoadCsv('interval_start,calls\n2026-01-05T08:00,40\n', 'f.csv');
    expect(() => planStaffing(rows, { question, file: 'f.csv' })).toThrow(
      /f\.csv: --interval: expected an interval length/,
    );
    expect(
      planStaffing(rows, { question, intervalMinutes: 60 }).rows[0]!.agentHours,
    ).toBeGreaterThan(0);
  });

  it('needs a handling time for every row, naming the lines without one', () => {
    const rows = readLoadCsv(
      'interval_start,calls\n2026-01-05T08:00,40\n2026-01-05T08:30,40\n',
      'f.csv',
    );
    const { handleTimeSeconds: _unused, ...withoutAht } = question;
    expect(() => planStaffing(rows, { question: withoutAht, file: 'f.csv' })).toThrow(
      /f\.csv: 2 problems\n {2}line 2: aht_seconds: expected a handling time/,
    );
  });
});
