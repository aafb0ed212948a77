import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions } from '../../src/audit/index.js';

// A synthetic native queue_log written for these tests (fixtures/small.queue_log): ten calls
// whose truth is known by construction — see the comments below for each call.
const fixture = fileURLToPath(new URL('./fixtures/small.queue_log', import.meta.url));

describe('audit of a queue_log whose truth is known', async () => {
  const { report } = await auditFiles([fixture], defaultAuditOptions);
  it('accounts for every line', () => {
    const f = report.input[0]!;
    expect(f).toMatchObject({ format: 'queue_log', lines: 34, records: 30, blank: 2, rejected: 2 });
    expect(f.firstRejected.map((r) => r.line)).toEqual([25, 31]);
  });
  it('reconstructs each call and its end', () => {
    // A answered (wait 10), B short abandon (3 s), C abandon (60 s), D blind transfer then back
    // in the queue and answered, E timeout, F exit by key, G JOINEMPTY, H attended transfer,
    // I FULL (busy), J EXITEMPTY.
    expect(report.calls).toMatchObject({
      offered: 10,
      answered: 3,
      abandoned: 2,
      shortAbandoned: 1,
      timeout: 1,
      exitKey: 1,
      exitEmpty: 2,
      busy: 1,
      other: 0,
      transferred: 2,
      blindTransfers: 1,
      attendedTransfers: 1,
      bounced: 1,
      unknownEvents: { FOOBAR: 1 },
    });
    // D was blind-transferred to 2001@wards and came back; H went by attended transfer.
    expect(report.calls.transferTargets).toEqual([
      { target: '2001@wards', transfers: 1, bouncedBack: 1 },
      { target: '(attended)', transfers: 1, bouncedBack: 0 },
    ]);
  });
  it('states service level with both denominators, ASA and abandonment', () => {
    // Answered within 20 s: A (10 s) and H (5 s); D waited 30 s.
    expect(report.serviceLevel.ofAnswered).toBeCloseTo(2 / 3, 12);
    expect(report.serviceLevel.ofAnsweredAndAbandoned).toBeCloseTo(2 / 4, 12);
    expect(report.asaSeconds).toBeCloseTo(15, 12);
    expect(report.abandonRate.all).toBeCloseTo(2 / 10, 12);
    expect(report.abandonRate.excludingShort).toBeCloseTo(1 / 9, 12);
  });
  it('links callers and redials', () => {
    // 0622… called three times (B, C, H); FULL and JOINEMPTY carry no number.
    expect(report.callers).toMatchObject({
      distinct: 6,
      repeat: 1,
      unidentifiedCalls: 2,
      redials: 2,
    });
    expect(report.callers.neverGotThrough).toBeCloseTo(3 / 6, 12);
    expect(report.callers.redialProbability).toBeCloseTo(2 / 5, 12);
    expect(report.callers.redialDelaySeconds.median).toBe(92);
    // First call answered: 0611… (A) and 0633… (D). Waits summed per caller: A 10; B 3 + C 60 +
    // H 5; D 30 + 5; E 60; F 20; J 10 → 203 s over 6 callers.
    expect(report.callers.firstCallAnswered).toBeCloseTo(2 / 6, 12);
    expect(report.callers.waitPerCallerSeconds).toBeCloseTo(203 / 6, 9);
  });
  it('estimates patience by Kaplan–Meier with answers censoring', () => {
    // Events at 3 s and 60 s; censored at 0, 5, 10, 10, 20, 30, 60 s: S(3) = 7/8, S(60) = 7/16.
    expect(report.patience).toMatchObject({ abandons: 2, censored: 7, medianSeconds: 60 });
    const at = (t: number) => report.patience.survival.find((s) => s.seconds === t)!.survival;
    expect(at(5)).toBeCloseTo(7 / 8, 12);
    expect(at(60)).toBeCloseTo(7 / 16, 12);
  });
  it('splits by queue and flags micro-flows, by local hour and weekday', async () => {
    expect(report.byQueue.map((q) => [q.queue, q.offered, q.microFlow])).toEqual([
      ['main', 7, false],
      ['results', 2, true],
      ['night', 1, true],
    ]);
    // Patience in `main`: abandons at 3 s and 60 s; censored at 5, 10, 20 (key exit), 30 s:
    // time at risk 128 s / 2 abandons; KM reaches 0 at 60 s (the last one at risk abandons).
    expect(report.byQueue[0]).toMatchObject({ patienceMeanSeconds: 64, patienceMedianSeconds: 60 });
    expect(report.byHour).toHaveLength(1);
    expect(report.byHour[0]).toMatchObject({ weekday: 1, hour: 8, offered: 10 });
    const paris = await auditFiles([fixture], { ...defaultAuditOptions, timeZone: 'Europe/Paris' });
    expect(paris.report.byHour[0]).toMatchObject({ weekday: 1, hour: 9 });
  });
  it('keys the JSON exactly as the issue asks', () => {
    expect(Object.keys(report)).toEqual([
      'input',
      'calls',
      'callers',
      'serviceLevel',
      'asaSeconds',
      'abandonRate',
      'patience',
      'byHour',
      'byQueue',
      'definitions',
    ]);
    for (const key of [
      'offered',
      'answered',
      'abandoned',
      'shortAbandoned',
      'timeout',
      'exitKey',
      'exitEmpty',
      'transferred',
    ])
      expect(report.calls).toHaveProperty(key);
    for (const key of ['distinct', 'repeat', 'attemptsPerCaller'])
      expect(report.callers).toHaveProperty(key);
  });
});
