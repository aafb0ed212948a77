import { describe, expect, it } from 'vitest';
import { auditReplication, simulateHourlyAbandonment } from '../../src/calibration/index.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { replicationSeed } from '../../src/random/random-stream.js';
import { roundTripDocument } from '../roundtrip/roundtrip-helpers.js';

const document = roundTripDocument({
  callsPerDay: 300,
  operators: 2,
  handleMean: 150,
  handleCv: 1,
  patience: { distribution: 'exponential', mean: 90 },
  transferProbability: 0,
  bouncedBack: 0,
  redialProbability: 0.3,
  redialDelayMean: 600,
  open: [8, 18],
});
const scenario = parseScenario(document);

describe('the model’s abandonment of queued calls by weekday × hour', () => {
  it('accounts for every call offered to a queue, in the hours it opens', () => {
    // Law: the hourly cells sum to the replication's own totals, which sum over routes, and
    // hold nothing outside the opening hours 08:00–18:00 (UTC, the scenario's zone).
    const run = auditReplication(scenario, 7, replicationSeed('law', 0));
    const cells = run.byHour;
    let abandoned = 0;
    let offered = 0;
    for (let cell = 0; cell < 7 * 24; cell++) {
      abandoned += cells[2 * cell]!;
      offered += cells[2 * cell + 1]!;
      const hour = cell % 24;
      if (hour < 8 || hour >= 18) expect(cells[2 * cell + 1]).toBe(0);
      expect(cells[2 * cell]!).toBeLessThanOrEqual(cells[2 * cell + 1]!);
    }
    expect(abandoned).toBe(run.overall.abandoned);
    expect(offered).toBe(run.overall.offered);
    expect(run.byQueue[0]).toEqual(run.overall);
    expect(offered).toBeGreaterThan(1500);
  });

  it('is the same whatever the threads, and pools its replications', async () => {
    const options = { days: 7, replications: 3, seed: 5 };
    const one = await simulateHourlyAbandonment(scenario, { ...options, threads: 1 });
    const two = await simulateHourlyAbandonment(scenario, { ...options, threads: 2 });
    expect(two).toEqual(one);
    // Monday (weekday 1) 10:00: share = abandoned ÷ offered; the replication error is there.
    const monday10 = one[24 + 10]!;
    expect(monday10.offered).toBeGreaterThan(0);
    expect(monday10.share).toBeCloseTo(monday10.abandoned / monday10.offered, 12);
    expect(monday10.replicationError).not.toBeNull();
    expect(one[24 + 3]!.share).toBeNull();
  });
});
