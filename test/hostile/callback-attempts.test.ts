import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { runReplication } from '../../src/switchboard/run-replication.js';
import { withCpuMs } from '../cpu-time.js';

// Found by the valid-extremes fuzz (fuzz-valid-scenarios.test.ts): a queue's callback with
// `maxAttempts` above 255 retried for ever, because a task's tries were counted in one byte
// (256 wrapped to 0). With a zero retry delay the run never ended (time stood still); with a
// delay, every task was retried until the horizon and its need never failed. The format puts
// no upper bound on `maxAttempts` (docs/scenario-format.md, queues.callback).

function scenario(maxAttempts: number, retrySeconds: number) {
  return parseScenario({
    name: 'callbacks that are never answered',
    arrivals: { callsPerDay: 48, intradayProfile: { default: { '00:00': 1 } } },
    reasons: {
      a: {
        share: 1,
        handleTime: { distribution: 'deterministic', value: 60 },
        patience: { distribution: 'deterministic', value: 1e6 },
        queue: 'q',
      },
    },
    queues: {
      q: {
        operators: { default: [{ hours: '00:00-24:00', operators: 1 }] },
        callback: {
          offerAfter: 0,
          acceptance: 1,
          answerProbability: 0,
          noAnswerTime: 1,
          retryDelay: { distribution: 'deterministic', value: retrySeconds },
          maxAttempts,
        },
      },
    },
  });
}

describe('callback attempts above 255', () => {
  it('each task is tried exactly maxAttempts times, then its need fails', () => {
    // 300 attempts of 1 s + 10 s apart: a task lasts under an hour of the one-day run.
    const { value: r, cpuMs } = withCpuMs(() =>
      runReplication(scenario(300, 10), { days: 1, seed: 1, index: 0 }),
    );
    const accepted = r.overall.callbackAccepted!;
    expect(accepted).toBeGreaterThan(0);
    expect(r.overall.callbacksMade).toBe(accepted * 300);
    expect(r.overall.callbacksAnswered).toBe(0);
    // Every accepted task ended unresolved (patience is a million seconds: nobody abandons).
    expect(r.needs.unresolved).toBe(accepted);
    expect(cpuMs).toBeLessThan(20_000);
  });

  it('a zero retry delay ends too (time does not advance between tries)', () => {
    const { value: r, cpuMs } = withCpuMs(() =>
      runReplication(scenario(1000, 0), { days: 1, seed: 1, index: 0 }),
    );
    expect(r.overall.callbacksMade).toBe(r.overall.callbackAccepted! * 1000);
    expect(cpuMs).toBeLessThan(20_000);
  });
});
