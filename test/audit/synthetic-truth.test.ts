import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions, syntheticQueueLog } from '../../src/audit/index.js';

// Theory check: a queue_log generated with known parameters (exponential patience of mean
// 120 s, independent exponential offered wait of mean 40 s, talk = 5 s + exponential 30 s,
// 20% blind transfers; times floored to whole seconds as queue_log writes them) is audited,
// and the audit must give the parameters back within 4 standard errors. Patience is only
// recoverable because answered callers censor it: abandoners alone (patience < wait) have a
// mean near 30 s, not 120 s.
const dir = mkdtempSync(join(tmpdir(), 'audit-truth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit of a synthetic queue_log gives back its parameters', async () => {
  const path = join(dir, 'synthetic.queue_log');
  writeFileSync(path, syntheticQueueLog({ lines: 80_000 }, seedrandom('audit-truth')));
  const { report, calibration } = await auditFiles([path], defaultAuditOptions);
  const abandons = report.patience.abandons;

  it('accounts for every line and call', () => {
    expect(report.input[0]!.lines).toBe(report.input[0]!.records);
    expect(report.calls.offered).toBe(report.calls.answered + report.calls.abandoned);
    // P(abandon) = P(patience < wait) = 40 / (40 + 120) for independent exponentials.
    const p = 0.25;
    const se = Math.sqrt((p * (1 - p)) / report.calls.offered);
    expect(Math.abs(report.abandonRate.all! - p)).toBeLessThan(4 * se + 0.01);
  });

  it('recovers the exponential patience mean (MLE from censored waits)', () => {
    // Floored patience is geometric: mean 1/(e^{1/120} − 1) ≈ 119.5 s; SE ≈ mean / √abandons.
    const truth = 1 / (Math.exp(1 / 120) - 1);
    const se = truth / Math.sqrt(abandons);
    expect(Math.abs(calibration.patience.exponentialMeanSeconds! - truth)).toBeLessThan(4 * se + 1);
  });

  it('recovers the patience survival curve by Kaplan–Meier', () => {
    for (const point of report.patience.survival.filter((s) => s.seconds <= 180)) {
      const truth = Math.exp(-(point.seconds + 1) / 120);
      expect(Math.abs(point.survival - truth)).toBeLessThan(4 * point.standardError + 0.01);
    }
    // The median of Exp(120) is 120 ln 2 ≈ 83 s.
    expect(Math.abs(report.patience.medianSeconds! - 120 * Math.LN2)).toBeLessThan(8);
  });

  it('recovers handle time and transfer share', () => {
    const n = report.calls.answered;
    const talkMean = 5 + 1 / (Math.exp(1 / 30) - 1);
    expect(Math.abs(calibration.handleTimeSeconds.mean! - talkMean)).toBeLessThan(
      (4 * 30) / Math.sqrt(n),
    );
    const share = report.calls.blindTransfers / n;
    expect(Math.abs(share - 0.2)).toBeLessThan(4 * Math.sqrt(0.16 / n));
  });
});
