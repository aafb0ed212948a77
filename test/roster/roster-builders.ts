import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { Scenario } from '../../src/scenario/scenario-types.js';

/** Shares of a day from 08:00 to 18:00 in half-hours: a morning peak, a lull, an afternoon. */
export const DAY_SHAPE = [4, 7, 9, 8, 7, 6, 6, 5, 4, 4, 5, 6, 6, 5, 5, 4, 3, 3, 2, 2] as const;

/** `HH:MM` of half-hour `k` after midnight. */
export function halfHour(k: number): string {
  return `${String(Math.floor(k / 2)).padStart(2, '0')}:${k % 2 === 0 ? '00' : '30'}`;
}

/**
 * An M/M/c+M switchboard open 08:00–18:00 every day: one reason, one queue, Poisson arrivals
 * shaped by {@link DAY_SHAPE}, exponential handling and patience; no menu, transfers, redials or
 * lines, so that per-interval Erlang A is the model's own law in each interval. Its shift
 * templates are half-hour blocks at every start (the cover can match any requirement exactly)
 * unless `templates` is given.
 */
export function mmcmDocument(options: {
  callsPerDay: number;
  ahtSeconds: number;
  patienceSeconds: number;
  templates?: unknown[];
}): Record<string, unknown> {
  const total = DAY_SHAPE.reduce((a, b) => a + b, 0);
  const profile: Record<string, number> = {};
  DAY_SHAPE.forEach((share, i) => {
    profile[halfHour(16 + i)] = share / total;
  });
  return {
    name: 'M/M/c+M day',
    calendar: { startDate: '2026-01-05', openingHours: { default: ['08:00-18:00'] } },
    arrivals: { callsPerDay: options.callsPerDay, intradayProfile: { default: profile } },
    reasons: {
      only: {
        share: 1,
        handleTime: { distribution: 'exponential', mean: options.ahtSeconds },
        patience: { distribution: 'exponential', mean: options.patienceSeconds },
        queue: 'main',
      },
    },
    queues: { main: {} },
    targets: { serviceLevel: 0.8, threshold: '20s', maxAbandon: 0.05 },
    shifts: {
      main: options.templates ?? [
        {
          name: 'block',
          starts: Array.from({ length: 20 }, (_, i) => halfHour(16 + i)),
          length: '30m',
        },
      ],
    },
  };
}

/** {@link mmcmDocument}, parsed. */
export function mmcmScenario(options: Parameters<typeof mmcmDocument>[0]): Scenario {
  return parseScenario(mmcmDocument(options));
}
