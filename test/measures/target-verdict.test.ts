/**
 * The one judgement of targets (src/measures/target-verdict.ts): a level is met or missed only
 * when its whole 95 % interval is on one side of the target.
 */
import { describe, expect, it } from 'vitest';
import {
  judgeSpan,
  levelStatus,
  targetGroups,
  targetText,
} from '../../src/measures/target-verdict.js';

describe('target verdicts', () => {
  it('met, missed or uncertain by the interval, inclusive at the target', () => {
    expect(levelStatus([0.8, 0.9], 'at least', 0.8)).toBe('met');
    expect(levelStatus([0.7, 0.79], 'at least', 0.8)).toBe('missed');
    expect(levelStatus([0.75, 0.85], 'at least', 0.8)).toBe('uncertain');
    expect(levelStatus([0.01, 0.05], 'at most', 0.05)).toBe('met');
    expect(levelStatus([0.06, 0.07], 'at most', 0.05)).toBe('missed');
    expect(levelStatus([null, null], 'at most', 0.05)).toBe('uncertain');
    expect(levelStatus([Number.NaN, Number.NaN], 'at least', 0.8)).toBe('uncertain');
  });

  it('a span: Student-t interval of per-replication shares; every level met, one missed, else uncertain', () => {
    const levels = { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 };
    // Shares 0.85, 0.87, 0.86: mean 0.86, s = 0.01, t(0.975, 2) = 4.303 → ± 0.0248.
    const counts = [85, 87, 86].map((inTarget) => ({ decided: 100, inTarget, abandoned: 2 }));
    const v = judgeSpan(counts, levels);
    expect(v.serviceLevel.mean).toBeCloseTo(0.86, 12);
    expect(v.serviceLevel.ci95[0]).toBeCloseTo(0.86 - (4.302653 * 0.01) / Math.sqrt(3), 5);
    expect(v.levels).toEqual({ serviceLevel: 'met', probabilityAbandon: 'met' });
    expect(v.status).toBe('met');
    // Twice the half-width: 0.86 − 0.0497 = 0.810, below a target of 0.82: uncertain.
    expect(judgeSpan(counts, { ...levels, serviceLevel: 0.82 }, 2).levels.serviceLevel).toBe(
      'uncertain',
    );
    expect(judgeSpan(counts, { ...levels, maxAbandon: 0.01 }).status).toBe('missed');
    // One replication: no interval, so uncertain.
    expect(judgeSpan(counts.slice(0, 1), levels).status).toBe('uncertain');
    // Nobody waited: the targets are met.
    const empty = judgeSpan(
      [0, 0, 0].map(() => ({ decided: 0, inTarget: 0, abandoned: 0 })),
      levels,
    );
    expect(empty.status).toBe('met');
    expect(empty.decided).toBe(0);
  });

  it("groups: the switchboard's levels, then each queue's own with the switchboard's where it sets none", () => {
    const groups = targetGroups(
      {
        serviceLevel: 0.8,
        thresholdSeconds: 20,
        maxAbandon: 0.05,
        byQueue: [{ queue: 'urgent', index: 1, serviceLevel: 0.9, maxAbandon: undefined }],
      },
      3,
    );
    expect(groups).toEqual([
      {
        queue: null,
        queues: [0, 1, 2],
        levels: { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 },
      },
      {
        queue: 'urgent',
        queues: [1],
        levels: { serviceLevel: 0.9, thresholdSeconds: 20, maxAbandon: 0.05 },
      },
    ]);
    expect(targetText(groups[1]!.levels)).toBe(
      'service level ≥ 90.0 % within 20 s, abandonment ≤ 5.0 %',
    );
    // Only queues' own targets: no switchboard group.
    expect(
      targetGroups(
        {
          serviceLevel: undefined,
          thresholdSeconds: 20,
          maxAbandon: undefined,
          byQueue: [{ queue: 'a', index: 0, serviceLevel: 0.7, maxAbandon: undefined }],
        },
        2,
      ).map((g) => g.queue),
    ).toEqual(['a']);
  });
});
