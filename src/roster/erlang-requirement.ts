import type { SwitchboardTargets, TargetLevels } from '../measures/target-verdict.js';
import { solveAgents } from '../staffing/solve-agents.js';
import type { QueueLoad } from './queue-load.js';

/**
 * Targets a roster must reach: shares of answered + abandoned queue entries, the whole
 * switchboard's and queues' own (`targets.byQueue`: see src/measures/target-verdict.ts).
 */
export type RosterTargets = SwitchboardTargets;

/**
 * The Erlang plan of one queue: per weekday × interval, the fewest operators for which Erlang A
 * (M/M/N+M: Palm's model with exponential patience) meets the targets at the interval's load —
 * the same question `switchboard staff --plan --model erlang-a` answers row by row, with the
 * same solver. An interval without calls needs nobody. Cost: one {@link solveAgents} per
 * interval with calls.
 *
 * @example erlangRequirement(load, 30, { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: undefined })
 */
export function erlangRequirement(
  load: QueueLoad,
  intervalMinutes: number,
  targets: TargetLevels,
): Int32Array {
  const required = new Int32Array(load.calls.length);
  const seconds = intervalMinutes * 60;
  for (let i = 0; i < load.calls.length; i++) {
    const calls = load.calls[i]!;
    if (!(calls > 0)) continue;
    const evaluation = solveAgents({
      model: 'erlang-a',
      trafficErlangs: (calls * load.handleTimeSeconds) / seconds,
      handleTimeSeconds: load.handleTimeSeconds,
      patienceSeconds: load.patienceSeconds,
      thresholdSeconds: targets.thresholdSeconds,
      targets: {
        ...(targets.serviceLevel === undefined ? {} : { serviceLevel: targets.serviceLevel }),
        ...(targets.maxAbandon === undefined ? {} : { maxAbandon: targets.maxAbandon }),
      },
    });
    required[i] = evaluation.agents;
  }
  return required;
}
