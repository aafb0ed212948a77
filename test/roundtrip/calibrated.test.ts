import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions } from '../../src/audit/index.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { writeQueueLog } from '../../src/switchboard/queue-log.js';
import { meanSd, roundTripDocument, type Truth } from './roundtrip-helpers.js';

// Issue 7's round trip, part 2 — the consultant's three commands: `simulate --queue-log`
// (standing in for a client's records), `audit --out`, then `simulate` of the scenario.yaml the
// audit wrote. That file must load with the model's parser, and simulating it must reproduce
// the audited KPIs. KPIs are compared like with like: each replication of the calibrated
// scenario is itself written as a queue_log and audited with the same definitions.
const dir = mkdtempSync(join(tmpdir(), 'sb-roundtrip-cal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAYS = 21;
const REPLICATIONS = 8;
const truth: Truth = {
  callsPerDay: 1800,
  operators: 4,
  handleMean: 150,
  handleCv: 0.6,
  patience: { distribution: 'exponential', mean: 120 },
  transferProbability: 0.3,
  bouncedBack: 0.2,
  redialProbability: 0.5,
  redialDelayMean: 600,
};

describe('round trip: audit → scenario.yaml → simulate reproduces the audited KPIs', async () => {
  const source = join(dir, 'truth.json');
  writeFileSync(source, JSON.stringify(roundTripDocument(truth)));
  const records = join(dir, 'queue_log');
  const out = join(dir, 'audit');
  const root = new URL('../..', import.meta.url).pathname;
  const simulate = await main(
    ['simulate', source, '--days', String(DAYS), '--replications', '1', '--queue-log', records],
    bufferIo(root),
  );
  const auditIo = bufferIo(root);
  const audited = await main(['audit', records, '--json', '--out', out], auditIo);
  const report = JSON.parse(auditIo.out);

  it('runs the first two commands and writes a scenario.yaml the model parser loads', () => {
    expect(simulate).toBe(0);
    expect(audited).toBe(0);
    const scenario = loadScenario(join(out, 'scenario.yaml'));
    expect(scenario.reasons.map((r) => r.name)).toEqual(['switchboard']);
    expect(scenario.queues.map((q) => q.name)).toEqual(['switchboard']);
    expect(scenario.transfers.mode).toBe('wild');
    expect(scenario.reasons[0]!.transfer.services.length).toBe(1);
    expect(scenario.reasons[0]!.redials.probability).toBeGreaterThan(0);
  });

  it('simulating the calibrated scenario gives the audited abandonment and service level', async () => {
    const scenario = loadScenario(join(out, 'scenario.yaml'));
    const abandon: number[] = [];
    const level: number[] = [];
    for (let index = 0; index < REPLICATIONS; index++) {
      const file = join(dir, `calibrated-${index}.queue_log`);
      writeQueueLog(scenario, file, { days: DAYS, seed: 'calibrated', index });
      const { report: r } = await auditFiles([file], defaultAuditOptions);
      abandon.push(r.abandonRate.all!);
      level.push(r.serviceLevel.ofAnswered!);
    }
    // The audited KPI X0 is one run of the true switchboard; the replications X_i are runs of
    // the calibrated one. X0 − mean(X_i) has variance σ²(1 + 1/R) from the two runs' noise,
    // plus the error of the calibrated parameters propagated to the KPI, which are estimated
    // from the same records, so of the order of σ² again: SE = s·√(2 + 1/R), s the SD between
    // replications; 4 SE, with a t-quantile floor for R − 1 = 7 degrees of freedom (t ≈ 5.4 at
    // the 99.99 % level), gives the band.
    const t = 5.4;
    for (const [name, xs, x0] of [
      ['abandonment', abandon, report.abandonRate.all],
      ['service level', level, report.serviceLevel.ofAnswered],
    ] as const) {
      const { mean, sd } = meanSd(xs);
      const se = sd * Math.sqrt(2 + 1 / REPLICATIONS);
      expect(Math.abs(x0 - mean), name).toBeLessThan(t * se);
    }
  });
});
