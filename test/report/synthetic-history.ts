/**
 * A seeded synthetic call history for the forecast command's tests: four weeks of half-hour
 * Poisson counts for two reasons (weekdays busier than weekends, quiet nights), written as the
 * `interval_start,calls,reason` CSV `switchboard forecast --history` reads.
 */

import { writeFileSync } from 'node:fs';
import seedrandom from 'seedrandom';

/** Write the history to `path`; returns the calls of its last 7 days. */
export function writeHistory(path: string): { lastWeekCalls: number } {
  const random = seedrandom('forecast-report');
  const poisson = (mean: number) => {
    let k = 0;
    let p = Math.exp(-mean);
    let cdf = p;
    const u = random();
    while (u > cdf) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  };
  const lines = ['interval_start,calls,reason'];
  let lastWeekCalls = 0;
  const days = 28;
  for (let d = 0; d < days; d++)
    for (let h = 0; h < 48; h++) {
      const start = new Date(Date.UTC(2026, 1, 2 + d, 0, h * 30)).toISOString().slice(0, 19);
      const open = h >= 16 && h < 38;
      for (const [reason, scale] of [
        ['appointments', 6],
        ['results', 2],
      ] as const) {
        const calls = poisson(open ? scale * (d % 7 < 5 ? 1 : 0.3) : 0.05);
        if (d >= days - 7) lastWeekCalls += calls;
        lines.push(`${start},${calls},${reason}`);
      }
    }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { lastWeekCalls };
}
