import { erlangB } from './erlang-b.js';
import type { QueueMeasures } from './queue-measures.js';

/**
 * Every measure of the Erlang C queue (M/M/c, callers never abandon): probability of waiting,
 * service level P(W ≤ T) = 1 − C·e^(−(c−A)T/AHT), mean wait C·AHT/(c−A) (every call is
 * answered, so the ASA of answered calls equals the mean wait of all calls), occupancy A/c.
 *
 * Overload (A ≥ c): every call waits, the service level is 0 and the waits are unbounded
 * (`Infinity`); occupancy is 1.
 *
 * Reference: Cooper (1981) §3.4; Gans, Koole & Mandelbaum, "Telephone call centers", M&SOM 5
 * (2003) eq. (2). Cost O(agents), or O(1) when `erlangBValue` (B(agents, traffic), e.g. from a
 * solver's running recurrence) is given.
 */
export function erlangCMeasures(
  agents: number,
  trafficErlangs: number,
  handleTimeSeconds: number,
  thresholdSeconds: number,
  erlangBValue?: number,
): QueueMeasures {
  if (trafficErlangs >= agents) {
    return {
      probabilityWait: 1,
      serviceLevel: 0,
      asaSeconds: Number.POSITIVE_INFINITY,
      meanWaitSeconds: Number.POSITIVE_INFINITY,
      occupancy: 1,
      probabilityAbandon: null,
      probabilityBlocking: null,
    };
  }
  const b = erlangBValue ?? erlangB(agents, trafficErlangs);
  const c = b / (1 - (trafficErlangs / agents) * (1 - b));
  const spare = agents - trafficErlangs;
  const wait = (c * handleTimeSeconds) / spare;
  return {
    probabilityWait: c,
    serviceLevel: 1 - c * Math.exp((-spare * thresholdSeconds) / handleTimeSeconds),
    asaSeconds: wait,
    meanWaitSeconds: wait,
    occupancy: trafficErlangs / agents,
    probabilityAbandon: null,
    probabilityBlocking: null,
  };
}
