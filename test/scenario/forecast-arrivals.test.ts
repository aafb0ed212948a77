import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';

// The forecast CSV shape is the one `switchboard forecast` writes (docs/forecast.md, "Output"):
// interval_start,reason,forecast,lower,upper, one row per reason, then a row for reason `all`.
function files(csv: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-fc-'));
  writeFileSync(join(dir, 'forecast.csv'), csv);
  writeFileSync(
    join(dir, 'scenario.yaml'),
    `name: from a forecast
arrivals: { forecast: forecast.csv }
reasons:
  results: { handleTime: { distribution: exponential, mean: 30s }, patience: { distribution: exponential, mean: 2m }, queue: main }
  wards: { handleTime: { distribution: exponential, mean: 30s }, patience: { distribution: exponential, mean: 2m }, queue: main }
queues:
  main: { operators: { default: [{ from: '00:00', to: '24:00', operators: 20 }] } }
`,
  );
  return join(dir, 'scenario.yaml');
}

const csv = `interval_start,reason,forecast,lower,upper
2026-03-02T08:00:00+01:00,results,60,45,75
2026-03-02T08:00:00+01:00,wards,40,28,52
2026-03-02T08:00:00+01:00,all,100,80,120
2026-03-03T09:30:00+01:00,results,50.5,37,64
2026-03-03T09:30:00+01:00,wards,0,0,0
2026-03-03T09:30:00+01:00,all,50.5,37,64
`;

describe('arrivals from a forecast CSV', () => {
  it('puts the forecast calls in their dated intervals and nowhere else, starting on its first day', async () => {
    const scenario = loadScenario(files(csv));
    expect(scenario.startDate).toBe('2026-03-02');
    const { summary } = await simulateScenario(scenario, { days: 2, replications: 100, seed: 3 });
    const offered = summary.overall.offered!;
    // Poisson with mean 60 + 40 + 50.5 = 150.5 calls over the two days (no redials here).
    expect(offered.ci95[0]!).toBeLessThanOrEqual(150.5);
    expect(offered.ci95[1]!).toBeGreaterThanOrEqual(150.5);
    for (const row of summary.byInterval) {
      const perDay = (row.offeredPerDay as { mean: number }).mean;
      if (row.interval === '08:00' || row.interval === '09:30') expect(perDay).toBeGreaterThan(0);
      else expect(perDay).toBe(0);
    }
    const wards = summary.byReason.find((r) => r.reason === 'wards')!;
    const wardsOffered = (wards.offered as { ci95: [number, number] }).ci95;
    expect(wardsOffered[0]).toBeLessThanOrEqual(40);
    expect(wardsOffered[1]).toBeGreaterThanOrEqual(40);
  });

  it('names the line of a bad row, with a suggestion for a misspelt reason', () => {
    const bad = csv.replace(
      '2026-03-03T09:30:00+01:00,wards,0',
      '2026-03-03T09:30:00+01:00,wrads,0',
    );
    expect(() => loadScenario(files(bad))).toThrow(
      /arrivals\.forecast \(.*forecast\.csv\) line 6: expected a reason defined in reasons \(results, wards\), received "wrads" \(did you mean "wards"\?\)/,
    );
    expect(() => loadScenario(files(csv.replace('T09:30', 'T09:40')))).toThrow(
      /line 5: expected an interval start on the 30-minute grid/,
    );
    // February 2026 has 28 days: the 31st is refused, not read as 3 March.
    expect(() => loadScenario(files(csv.replaceAll('2026-03-03T', '2026-02-31T')))).toThrow(
      /line 5: expected an ISO interval start on a real date, such as 2026-03-02T08:30:00\+01:00, received "2026-02-31T09:30:00\+01:00"/,
    );
  });
});
