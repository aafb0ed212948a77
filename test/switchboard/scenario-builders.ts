import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { Scenario } from '../../src/scenario/scenario-types.js';

/** A flat intraday profile: the same share in each of the 48 half-hours. */
export function flatProfile(): Record<string, number> {
  const profile: Record<string, number> = {};
  for (let k = 0; k < 48; k++) {
    const h = String(Math.floor(k / 2)).padStart(2, '0');
    profile[`${h}:${k % 2 === 0 ? '00' : '30'}`] = 1 / 48;
  }
  return profile;
}

/** Options of {@link stationaryQueueDocument}. */
export interface StationaryQueueOptions {
  arrivalsPerHour: number;
  ahtSeconds: number;
  operators: number;
  /** Mean exponential patience; omit for infinitely patient callers (Erlang C). */
  patienceSeconds?: number;
  targetSeconds?: number;
}

/**
 * A scenario that is an M/M/N (+M) queue: one reason, one queue, constant load and operators
 * around the clock, exponential handling and patience, no IVR, transfers, redials or lines.
 */
export function stationaryQueueDocument(options: StationaryQueueOptions): Record<string, unknown> {
  return {
    name: 'M/M/N check',
    arrivals: {
      callsPerDay: options.arrivalsPerHour * 24,
      intradayProfile: { default: flatProfile() },
    },
    reasons: {
      only: {
        share: 1,
        handleTime: { distribution: 'exponential', mean: options.ahtSeconds },
        patience:
          options.patienceSeconds === undefined
            ? { distribution: 'deterministic', value: 1e9 }
            : { distribution: 'exponential', mean: options.patienceSeconds },
        queue: 'main',
      },
    },
    queues: {
      main: {
        operators: { default: [{ from: '00:00', to: '24:00', operators: options.operators }] },
      },
    },
    measures: { serviceLevelTime: options.targetSeconds ?? 20 },
  };
}

/** {@link stationaryQueueDocument}, parsed. */
export function stationaryQueue(options: StationaryQueueOptions): Scenario {
  return parseScenario(stationaryQueueDocument(options));
}
