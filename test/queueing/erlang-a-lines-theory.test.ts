import { describe, expect, it } from 'vitest';
import {
  type QueueMeasuresSample,
  queueMeasures,
} from '../../src/queueing/summarize-queue-replications.js';
import { simulateQueue } from '../../src/queueing/simulate-queue.js';
import { staffingQueueModel } from '../../src/queueing/simulate-staffing.js';
import { replicationSeed } from '../../src/random/random-stream.js';
import { erlangALines, type StaffingQuestion } from '../../src/staffing/index.js';
import { confidenceInterval } from '../../src/stats/confidence-interval.js';

// The engine-based `staff --simulate` path (staffingQueueModel → simulateQueue) for finite lines
// together with patience (M/M/c/K+M), against the exact measures of src/staffing/erlang-a-lines.ts:
// each exact value must lie inside the simulated 99 % Student-t interval over R independent
// replications (Law, Simulation Modeling and Analysis, §9.4.1). The simulator knows nothing of
// the formula (it draws each caller's patience and handling time and runs the line on the event
// kernel), so this checks what the reference table cannot: the service level and ASA with both
// blocking and abandonment. Sizes keep the file to a few seconds on a busy 2-core machine.

const R = 20;

interface Case {
  label: string;
  question: StaffingQuestion & { agents: number; lines: number };
  horizonHours: number;
}

// AHT 60 s throughout: rate = traffic calls per minute.
const CASES: Case[] = [
  {
    label: 'light: A = 2.5 on 4 operators, 8 lines, patience 90 s',
    question: {
      model: 'erlang-a-lines',
      trafficErlangs: 2.5,
      handleTimeSeconds: 60,
      agents: 4,
      lines: 8,
      patienceSeconds: 90,
      thresholdSeconds: 20,
    },
    horizonHours: 40,
  },
  {
    label: 'heavy, K far from c: A = 4.8 on 5 operators, 12 lines, patience 2 min',
    question: {
      model: 'erlang-a-lines',
      trafficErlangs: 4.8,
      handleTimeSeconds: 60,
      agents: 5,
      lines: 12,
      patienceSeconds: 120,
      thresholdSeconds: 20,
    },
    horizonHours: 40,
  },
  {
    label: 'overload, K close to c, patience < AHT: A = 7 on 5 operators, 6 lines, 20 s',
    question: {
      model: 'erlang-a-lines',
      trafficErlangs: 7,
      handleTimeSeconds: 60,
      agents: 5,
      lines: 6,
      patienceSeconds: 20,
      thresholdSeconds: 10,
    },
    horizonHours: 20,
  },
  {
    label: 'overload, K far from c: A = 6 on 4 operators, 16 lines, patience 5 min',
    question: {
      model: 'erlang-a-lines',
      trafficErlangs: 6,
      handleTimeSeconds: 60,
      agents: 4,
      lines: 16,
      patienceSeconds: 300,
      thresholdSeconds: 10,
    },
    horizonHours: 20,
  },
];

const KEYS: (keyof QueueMeasuresSample)[] = [
  'serviceLevel',
  'probabilityWait',
  'asaSeconds',
  'meanWaitSeconds',
  'occupancy',
  'probabilityAbandon',
  'probabilityBlocking',
];

describe('staff --simulate on finite lines with patience: exact M/M/c/K+M inside the 99 % CI', () => {
  it.each(CASES)('$label', ({ label, question, horizonHours }) => {
    const model = staffingQueueModel(question, {
      // An hour: over 10 relaxation times 1/θ of the longest patience (5 min), so no start-up bias.
      warmupSeconds: 3600,
      horizonSeconds: horizonHours * 3600,
    });
    // The staffing question became M/M/c/K+M on the engine: both capacity and patience.
    expect(model.capacity).toBe(question.lines);
    expect(model.patience).toEqual({ distribution: 'exponential', mean: question.patienceSeconds });
    const samples = Array.from({ length: R }, (_, i) =>
      queueMeasures(simulateQueue(model, replicationSeed(`mmckm:${label}`, i))),
    );
    const exact = erlangALines(
      question.agents,
      question.lines,
      question.trafficErlangs,
      question.handleTimeSeconds!,
      question.patienceSeconds!,
      question.thresholdSeconds!,
    );
    for (const key of KEYS) {
      const [lo, hi] = confidenceInterval(
        samples.map((s) => s[key]),
        0.99,
      );
      const value = exact[key] as number;
      expect(lo <= value && value <= hi, `${key}: exact ${value} outside [${lo}, ${hi}]`).toBe(
        true,
      );
      // …and the interval is narrow enough to tell a wrong formula (a few % of the value).
      expect(hi - lo, `${key} interval width`).toBeLessThan(0.1 * value + 0.01);
    }
  });
});
