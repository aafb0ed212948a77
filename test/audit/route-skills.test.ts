import { describe, expect, it } from 'vitest';
import type { CallSummary } from '../../src/audit/records.js';
import { groupOperators, RouteSkillsTracker } from '../../src/audit/route-skills.js';

// A switchboard whose truth is set here: agents A1–A3 answer `big`, `sub` and `pooled`; agents
// B1–B3 answer `big` and `pooled`, never `sub`. So `sub` calls wait more often than `big` calls in
// the same minutes, and `pooled` calls (taken by anyone) as often.
function call(queue: string, local: number, wait: number, agent: string, talk = 100): CallSummary {
  return {
    kind: 'call',
    callId: `${queue}${local}${agent}`,
    caller: '',
    queue,
    path: [queue],
    time: local,
    arrivalTime: local,
    endTime: local + wait + talk,
    outcome: agent === '' ? 'abandoned' : 'answered',
    waitSeconds: wait,
    totalWaitSeconds: wait,
    talkSeconds: agent === '' ? 0 : talk,
    agent,
    transfers: 0,
    transferTargets: [],
    bouncedFrom: [],
    blindTransfers: 0,
    attendedTransfers: 0,
    bounces: 0,
    ringNoAnswer: 0,
    source: 0,
    line: 0,
  };
}

describe('route skills from agent-days', () => {
  const tracker = new RouteSkillsTracker();
  for (let day = 0; day < 14; day++)
    for (let slot = 0; slot < 40; slot++) {
      const t = day * 86_400 + 8 * 3600 + slot * 600;
      // big: 6 calls a slot, half wait, answered by everyone.
      for (let i = 0; i < 6; i++)
        tracker.add(call('big', t + i, i % 2 ? 20 : 0, i < 3 ? `A${i + 1}` : `B${i - 2}`), t + i);
      // sub: 1 call a slot, always waits, answered by the A agents only.
      tracker.add(call('sub', t + 10, 40, `A${(slot % 3) + 1}`), t + 10);
      // pooled: 1 call a slot, waits every other slot, answered by anyone.
      tracker.add(
        call('pooled', t + 20, slot % 2 ? 20 : 0, slot % 2 ? `B${(slot % 3) + 1}` : `A1`),
        t + 20,
      );
    }
  const skills = tracker.estimate(['big', 'sub', 'pooled']);

  it('gives a group to the route served by a subset whose calls wait more often', () => {
    const sub = skills.routes.find((r) => r.route === 'sub')!;
    expect(sub.waited).toBe(1);
    expect(sub.waitedLargest).toBeCloseTo(0.5, 12);
    expect(sub.z).toBeGreaterThan(3);
    // A1–A3 hold 3 of 6 big answers, all sub answers and half the pooled ones a slot:
    // (3 + 1 + 0.5) × 100 s of (6 + 1 + 1) × 100 s.
    expect(sub.servingShare).toBeCloseTo(4.5 / 8, 12);
    expect(sub.answersCovered).toBe(1);
    expect(skills.groups.map((g) => g.route)).toEqual(['sub']);
    expect(skills.groups[0]!.share).toBeCloseTo(4.5 / 8, 12);
    expect(skills.groups[0]!.byHour.length).toBeGreaterThan(0);
    for (const cell of skills.groups[0]!.byHour) expect(cell.share).toBeCloseTo(4.5 / 8, 12);
  });

  it('leaves a route pooled when its calls wait as often as the largest route’s', () => {
    const pooled = skills.routes.find((r) => r.route === 'pooled')!;
    expect(pooled.waited).toBeCloseTo(0.5, 12);
    expect(Math.abs(pooled.z!)).toBeLessThan(3);
  });

  it('writes the group in whole operators, both groups staffed from two operators on', () => {
    expect(groupOperators(1, 0.61)).toBe(1);
    expect(groupOperators(2, 0.95)).toBe(1);
    expect(groupOperators(3, 0.05)).toBe(1);
    expect(groupOperators(5, 0.61)).toBe(3);
    expect(groupOperators(8, 0.61)).toBe(5);
    expect(groupOperators(0, 0.61)).toBe(0);
  });

  it('writes a small team (under 25 % of the talk time) as its share rounded, none below half an operator', () => {
    expect(groupOperators(3, 0.1, false)).toBe(0);
    expect(groupOperators(4, 0.12, false)).toBe(0);
    expect(groupOperators(5, 0.1, false)).toBe(1);
    expect(groupOperators(8, 0.22, false)).toBe(2);
    expect(groupOperators(2, 0.2, false)).toBe(0);
    expect(groupOperators(1, 0.1, false)).toBe(1);
  });
});
