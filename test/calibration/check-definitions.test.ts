import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { studentTQuantile } from '../../src/stats/student-t.js';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions } from '../../src/audit/index.js';
import {
  auditReplication,
  checkCalibration,
  simulateAudited,
} from '../../src/calibration/index.js';
import { replicationSeed } from '../../src/random/random-stream.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { readScenarioDocument, readScenarioText } from '../../src/scenario/load-scenario.js';
import { writeQueueLog } from '../../src/switchboard/queue-log.js';
import { runReplication } from '../../src/switchboard/run-replication.js';

// QA-REPORT-5 G-check-denominators: the calibration check must measure the model as the audit
// measures records — abandoned calls never answered ÷ calls offered to a queue, a call on the
// route of its first queue — on the "all" row and on every route alike. The model is docs/
// audit.md's round-trip truth (docs/examples/audit-truth.yaml: one queue, 30 % of answered calls
// transferred blind, 20 % of those bouncing back), whose callers can abandon after a bounce-back:
// such a call is answered for the audit but was one more abandon event for `simulate`.
const truthFile = fileURLToPath(new URL('../../docs/examples/audit-truth.yaml', import.meta.url));
const truthDocument = readScenarioDocument(readScenarioText(truthFile), truthFile);
const truth = parseScenario(truthDocument);
const dir = mkdtempSync(join(tmpdir(), 'check-definitions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Audit a replication of `scenario` written to a queue_log file, as `audit FILE` would. */
async function auditedFile(days: number, seed: string) {
  const file = join(dir, `${seed}.queue_log`);
  writeQueueLog(truth, file, { days, seed, index: 0 });
  return auditFiles([file], { ...defaultAuditOptions, timeZone: 'Europe/Paris' });
}

describe('the calibration check measures the model as the audit measures records', () => {
  it('counts a simulated replication exactly as the audit of its queue_log file', async () => {
    const { report } = await auditedFile(7, 'records');
    const model = auditReplication(truth, 7, replicationSeed('records', 0));
    expect(model.overall.offered).toBe(report.calls.offered);
    expect(model.overall.abandoned).toBe(report.calls.abandoned);
    expect(model.overall.answered).toBe(report.calls.answered);
    const route = report.byQueue.find((q) => q.queue === 'switchboard')!;
    expect(model.byQueue[0]!.offered).toBe(route.offered);
    expect(model.byQueue[0]!.abandoned).toBe(route.abandoned);
    // The case is one where the definitions differ: `simulate` counts more abandon events
    // (abandons after a bounce-back) than the audit counts abandoned calls.
    const events = runReplication(truth, { days: 7, seed: 'records', index: 0 }).overall;
    expect(events.abandoned as number).toBeGreaterThan(report.calls.abandoned);
  });

  it('gives one figure for a one-queue switchboard on the "all" row and on its route', async () => {
    const { report, calibration } = await auditedFile(7, 'one-queue');
    const check = await checkCalibration(report, calibration, { days: 7, replications: 2 });
    expect(check.routes).toHaveLength(1);
    expect(check.routes[0]!.simulated).toEqual(check.overall.simulated);
    expect(check.routes[0]!.recorded).toEqual(check.overall.recorded);
    expect(check.definitions).toContain('the same for records and model');
  });

  it('shows no gap between the true model and its own records; the old definition did', async () => {
    // Heavy bounce-backs (half the answered calls transferred, 80 % of those bouncing back) so
    // a definition that counts abandon events stands out of the noise.
    const document = structuredClone(truthDocument) as Record<string, any>;
    document.reasons.main.transfer.probability = 0.5;
    document.transfers.outcomes = { answered: 0.2, bouncedBack: 0.8 };
    const bouncing = parseScenario(document);
    const days = 10;
    // The records: one replication of the truth, as the audit measures it (the first test shows
    // this equals the audit of its queue_log file). The model: R further replications.
    const records = auditReplication(bouncing, days, replicationSeed('the records', 0)).overall;
    const recorded = records.abandoned / records.offered;
    const R = 5;
    const runs = await simulateAudited(bouncing, { days, replications: R, seed: 'the model' });
    const audited = runs.map((r) => r.overall.abandoned / r.overall.offered);
    // Derivation of the tolerance: the records are one more replication of the same model
    // over the same days, so recorded − mean(model) has variance σ²(1 + 1/R), σ² estimated by
    // the model's own variance between replications s² (R − 1 degrees of freedom): the 95 %
    // prediction interval is mean ± t(R − 1, 0.975) · s · √(1 + 1/R) (e.g. Montgomery &
    // Runger, "Applied Statistics and Probability for Engineers", prediction interval of a
    // future observation). One draw, one seed: a 5 % chance of a false alarm, fixed by the seeds.
    const interval = (values: number[]) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const s = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
      const half =
        studentTQuantile(0.975, values.length - 1) * s * Math.sqrt(1 + 1 / values.length);
      return { mean, half };
    };
    const model = interval(audited);
    expect(Math.abs(recorded - model.mean)).toBeLessThan(model.half);
    // The same runs by the old "all" row: abandon events ÷ (calls answered + abandon events).
    const old = Array.from({ length: R }, (_, i) => {
      const o = runReplication(bouncing, { days, seed: 'the model', index: i }).overall;
      return (o.abandoned as number) / ((o.abandoned as number) + (o.answered as number));
    });
    const biased = interval(old);
    expect(biased.mean - recorded).toBeGreaterThan(biased.half);
    // Replication by replication the old measure is above the audit's: a bias, not noise.
    old.forEach((v, i) => expect(v).toBeGreaterThan(audited[i]!));
  });
});
