import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  patienceSurvival,
  roundTripScenario,
  simulateAndAudit,
  type Truth,
} from './roundtrip-helpers.js';

// Issue 7's round trip, part 1: a scenario of known parameters is simulated, written as an
// Asterisk queue_log (`simulate --queue-log`), audited, and every parameter the audit estimates
// must hold the truth within its confidence interval (z = 4: a dozen checks per scenario, each
// failing by chance with p < 1e-4). Standard errors are the textbook ones (binomial p(1−p)/n,
// exponential mean/√n, sample-SD delta method), stated at each check; n is the audit's own
// sample size. queue_log timestamps are whole seconds: a duration between two floored times is
// unbiased (uniform fractional parts) and off by less than 1 s, so 1 s is added to tolerances.
const dir = mkdtempSync(join(tmpdir(), 'sb-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const Z = 4;
const DAYS = 21;

const truths: { label: string; truth: Truth }[] = [
  {
    label: 'exponential patience',
    truth: {
      callsPerDay: 1800,
      operators: 4,
      handleMean: 150,
      handleCv: 0.6,
      patience: { distribution: 'exponential', mean: 90 },
      transferProbability: 0.3,
      bouncedBack: 0.2,
      redialProbability: 0.5,
      redialDelayMean: 600,
    },
  },
  {
    label: 'lognormal (non-exponential) patience',
    truth: {
      callsPerDay: 1800,
      operators: 4,
      handleMean: 150,
      handleCv: 1.0,
      patience: { distribution: 'lognormal', mean: 120, cv: 1.2 },
      transferProbability: 0.15,
      bouncedBack: 0.35,
      redialProbability: 0.7,
      redialDelayMean: 300,
    },
  },
];

describe.each(truths)('round trip: $label', async ({ label, truth }) => {
  const scenario = roundTripScenario(truth);
  const { audit, sim } = await simulateAndAudit(
    scenario,
    join(dir, `${label.split(' ')[0]}.queue_log`),
    DAYS,
    `roundtrip-${label}`,
  );
  const { report, calibration } = audit;
  const o = sim.overall;

  it('conserves calls: the audit counts what the simulation counted', () => {
    const input = report.input[0]!;
    expect(input.rejected).toBe(0);
    expect(input.lines).toBe(input.records);
    // Calls still waiting when the run stops have no end event: the audit counts them open at
    // the end, apart from the offered calls; the model counts them offered.
    expect(report.calls.offered + report.calls.openAtEnd).toBe(o.offered);
    expect(report.calls.openAtEnd).toBeLessThanOrEqual(o.inSystemAtEnd!);
    expect(report.calls.answered).toBe(o.answered);
    // The model counts abandon EVENTS (a call answered, bounced back and then abandoned counts
    // both as answered and abandoned); the audit classifies CALLS (answered if ever answered).
    expect(input.events.ABANDON).toBe(o.abandoned);
    expect(report.calls.abandoned).toBeLessThanOrEqual(o.abandoned!);
    expect(report.calls.other).toBe(0);
    expect(report.calls.offered).toBe(
      report.calls.answered + report.calls.abandoned + report.calls.other,
    );
    const targets = report.calls.transferTargets;
    expect(targets.reduce((a, t) => a + t.transfers, 0)).toBe(o.wildTransfers);
    expect(targets.reduce((a, t) => a + t.bouncedBack, 0)).toBe(o.bouncedBack);
    expect(report.callers.unidentifiedCalls).toBe(0);
  });

  it('gives back the handling time mean and CV (per answered segment)', () => {
    const h = calibration.handleTimeSeconds;
    const n = h.talks;
    // A bounced-back call is answered again: one handling time drawn per answer.
    // (Calls still talking when the run stops have no talk time yet.)
    const connects = report.input[0]!.events.CONNECT!;
    expect(n).toBeLessThanOrEqual(connects);
    expect(n).toBeGreaterThanOrEqual(connects - o.inSystemAtEnd!);
    // Mean: SE = σ/√n with σ = cv·mean.
    const se = (truth.handleCv * truth.handleMean) / Math.sqrt(n);
    expect(Math.abs(h.mean! - truth.handleMean)).toBeLessThan(Z * se + 1);
    // CV: SE(s) ≈ σ·√((κ − 1)/n)/2 (delta method on Var(s²) = (μ4 − σ⁴)/n), κ the lognormal
    // kurtosis ω⁴ + 2ω³ + 3ω² − 3 with ω = 1 + cv² (Johnson, Kotz & Balakrishnan, ch. 14).
    const w = 1 + truth.handleCv ** 2;
    const kurtosis = w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3;
    const seCv = (truth.handleCv * Math.sqrt((kurtosis - 1) / n)) / 2;
    expect(Math.abs(h.cv! - truth.handleCv)).toBeLessThan(Z * seCv + 0.01);
  });

  it('gives back the transfer probability and the bounced-back share (binomial CIs)', () => {
    const t = calibration.transfers;
    const talks = calibration.handleTimeSeconds.talks;
    const p = truth.transferProbability;
    expect(Math.abs(t.shareOfAnswered! - p)).toBeLessThan(Z * Math.sqrt((p * (1 - p)) / talks));
    const transfers = o.wildTransfers!;
    const b = truth.bouncedBack;
    // A 4th bounce ends the call instead (maxBounces 3): chance (p·b)³ < 1e-3, far below SE.
    expect(Math.abs(t.bouncedShare! - b)).toBeLessThan(Z * Math.sqrt((b * (1 - b)) / transfers));
    expect(t.blindShare).toBe(1);
    expect(t.targets).toEqual([{ name: 'ward', share: 1 }]);
  });

  it('gives back the redial probability and delay', () => {
    const r = calibration.redial;
    const callers = report.callers;
    const unanswered = report.calls.abandoned;
    const p = truth.redialProbability;
    // P(redial | abandoned), binomial over the abandoned calls.
    expect(Math.abs(r.probability - p)).toBeLessThan(Z * Math.sqrt((p * (1 - p)) / unanswered));
    // Exponential delay: SE of the mean = mean/√n.
    const se = truth.redialDelayMean / Math.sqrt(callers.redials);
    expect(Math.abs(r.delayMeanSeconds! - truth.redialDelayMean)).toBeLessThan(Z * se + 1);
  });

  it('gives back the new-call arrival rate (Poisson CI), redials excluded', () => {
    const days = calibration.daysObserved.reduce((a, b) => a + b, 0);
    expect(days).toBe(DAYS);
    const perDay = calibration.arrivals.reduce((a, x) => a + x.callsPerDay, 0) / 7;
    // Total new calls over DAYS days ~ Poisson(callsPerDay·DAYS): SE per day = √(λ·DAYS)/DAYS.
    const se = Math.sqrt(truth.callsPerDay * DAYS) / DAYS;
    expect(Math.abs(perDay - truth.callsPerDay)).toBeLessThan(Z * se);
    // calibration.json's newCallShare (what a scenario reading a forecast of history.csv sets as
    // arrivals.newCallShare) × the queue calls seen: the same Poisson(callsPerDay·DAYS) new calls.
    expect(calibration.newCallShare).toBeLessThan(1);
    const newCalls = calibration.newCallShare * report.calls.offered;
    expect(Math.abs(newCalls / DAYS - truth.callsPerDay)).toBeLessThan(Z * se);
  });

  it('recovers the patience survival curve by Kaplan–Meier within a band around the truth', () => {
    // queue_log waits are differences of floored times: observed wait = ⌊W + U⌋, U ~ U(0,1),
    // so P(observed > s) lies between S(s + 1) and S(s). Band: that interval ± Z Greenwood SE
    // at every grid point where the curve is still estimated (risk set > 0).
    const points = report.patience.survival.filter((p) => p.standardError > 0);
    expect(points.length).toBeGreaterThan(5);
    for (const p of points) {
      const hi = patienceSurvival(truth, p.seconds);
      const lo = patienceSurvival(truth, p.seconds + 1);
      expect(p.survival).toBeGreaterThan(lo - Z * p.standardError);
      expect(p.survival).toBeLessThan(hi + Z * p.standardError);
    }
    if (truth.patience.distribution === 'exponential') {
      // MLE of an exponential mean from censored data: time at risk ÷ events, SE = mean/√events.
      const se = truth.patience.mean / Math.sqrt(report.patience.abandons);
      const mle = calibration.patience.exponentialMeanSeconds!;
      expect(Math.abs(mle - truth.patience.mean)).toBeLessThan(Z * se + 1);
    }
  });
});
