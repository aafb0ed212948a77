import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';

// A forecast CSV as `switchboard forecast` writes it (docs/forecast.md, "Output"): one row per
// reason and interval, then the `all` row (skipped by the scenario). 2,000 calls in one day.
const rows: string[] = ['interval_start,reason,forecast,lower,upper'];
for (let hour = 8; hour < 18; hour++) {
  const start = `2026-03-02T${String(hour).padStart(2, '0')}:00:00+01:00`;
  rows.push(`${start},results,120,100,140`, `${start},wards,80,64,96`, `${start},all,200,170,230`);
}
const FORECAST_CALLS = 2000;

// Few operators and impatient callers: many abandon, and half of those redial (up to 3
// attempts), so the model adds redials on top of the new calls.
function scenarioFile(arrivals: string, extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-share-'));
  writeFileSync(join(dir, 'forecast.csv'), `${rows.join('\n')}\n`);
  writeFileSync(
    join(dir, 'scenario.yaml'),
    `name: new-call share
arrivals: ${arrivals}
redials: { probability: 0.5, delay: { distribution: exponential, mean: 5m }, maxAttempts: 3 }
reasons:
  results: { handleTime: { distribution: exponential, mean: 2m }, patience: { distribution: exponential, mean: 1m }, queue: main }
  wards: { handleTime: { distribution: exponential, mean: 2m }, patience: { distribution: exponential, mean: 1m }, queue: main }
queues:
  main: { operators: { default: [{ from: '00:00', to: '24:00', operators: 5 }] } }
${extra}`,
  );
  return join(dir, 'scenario.yaml');
}

function refusal(arrivals: string): string {
  try {
    loadScenario(scenarioFile(arrivals));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the scenario to be refused');
}

describe('arrivals.newCallShare', () => {
  it('is a share above 0 and at most 1, written only with a forecast', () => {
    expect(loadScenario(scenarioFile('{ forecast: forecast.csv }')).newCallShare).toBe(1);
    expect(
      loadScenario(scenarioFile('{ forecast: forecast.csv, newCallShare: 0.85 }')).newCallShare,
    ).toBe(0.85);
    expect(
      loadScenario(scenarioFile('{ forecast: forecast.csv, newCallShare: 1 }')).newCallShare,
    ).toBe(1);
    const expected =
      /arrivals\.newCallShare: expected a share of the forecast's calls that are first attempts: a number above 0, at most 1, received/;
    for (const bad of ['0', '-0.2', '1.01'])
      expect(refusal(`{ forecast: forecast.csv, newCallShare: ${bad} }`)).toMatch(expected);
    expect(refusal('{ forecast: forecast.csv, newCallShare: "85%" }')).toMatch(
      /arrivals\.newCallShare: expected a value of type number, received "85%"/,
    );
    expect(
      refusal(`{ callsPerDay: 100, intradayProfile: { '08:00-18:00': 1 }, newCallShare: 0.85 }`),
    ).toMatch(/arrivals\.newCallShare: expected no newCallShare without arrivals\.forecast/);
  });

  it('scales every forecast row: the new calls offered are the share × the forecast, redials on top', async () => {
    const share = 0.85;
    const replications = 4;
    const { summary, results } = await simulateScenario(
      loadScenario(scenarioFile(`{ forecast: forecast.csv, newCallShare: ${share} }`)),
      { days: 1, replications, seed: 11 },
    );
    // Each replication's new calls (needs) are a non-homogeneous Poisson process whose mean is
    // the sum of its interval rates, share × 2,000 (redials open no need); independent
    // replications add up, so the total is Poisson with mean replications × share × 2,000
    // (6,800), sd √6,800 ≈ 82. Four sd either side: a correct model fails 6 in 100,000 seeds.
    const total = results.reduce((sum, r) => sum + r.needs.needs!, 0);
    const mean = replications * share * FORECAST_CALLS;
    expect(Math.abs(total - mean)).toBeLessThanOrEqual(4 * Math.sqrt(mean));
    // The unscaled forecast (8,000) lies 1,200 calls away, about 13 sd: the test sees the share.
    const unscaled = replications * FORECAST_CALLS;
    expect(Math.abs(total - unscaled)).toBeGreaterThan(4 * Math.sqrt(unscaled));
    // Every reason is scaled alike: wards' new calls are share × 800 per day, same reasoning.
    const wards = summary.byReason.find((r) => r.reason === 'wards')!;
    const wardsMean = share * 800;
    const wardsNeeds = (wards.needs as { mean: number }).mean * replications;
    expect(Math.abs(wardsNeeds - replications * wardsMean)).toBeLessThanOrEqual(
      4 * Math.sqrt(replications * wardsMean),
    );
    // The model adds its redials on top of the new calls.
    expect(summary.overall.redials!.mean!).toBeGreaterThan(0);
    expect(summary.overall.offered!.mean!).toBeGreaterThan(total / replications);
  });

  it('leaves a scenario without it unchanged (1 is the same run, draw for draw)', async () => {
    const run = async (arrivals: string) =>
      (
        await simulateScenario(loadScenario(scenarioFile(arrivals)), {
          days: 1,
          replications: 2,
          seed: 5,
        })
      ).results;
    const absent = await run('{ forecast: forecast.csv }');
    const one = await run('{ forecast: forecast.csv, newCallShare: 1 }');
    expect(one).toEqual(absent);
  });
});
