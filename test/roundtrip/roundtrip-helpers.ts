import { errorFunction } from 'simple-statistics';
import { type AuditResult, auditFiles, defaultAuditOptions } from '../../src/audit/index.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { Scenario } from '../../src/scenario/scenario-types.js';
import { writeQueueLog } from '../../src/switchboard/queue-log.js';
import { runReplication } from '../../src/switchboard/run-replication.js';
import type { ReplicationResult } from '../../src/switchboard/tallies.js';

/** Truth of a round-trip scenario: every parameter the audit should give back. */
export interface Truth {
  callsPerDay: number;
  operators: number;
  handleMean: number;
  handleCv: number;
  patience:
    | { distribution: 'exponential'; mean: number }
    | { distribution: 'lognormal'; mean: number; cv: number };
  transferProbability: number;
  bouncedBack: number;
  redialProbability: number;
  redialDelayMean: number;
  /** Opening hours `HH:00`–`HH:00` (whole hours) with the arrivals and operators; default 24 h. */
  open?: [number, number];
}

/** A flat profile over the half-hours from hour `from` to `to` (no intraday shape). */
function flat(from = 0, to = 24): Record<string, number> {
  const profile: Record<string, number> = {};
  for (let k = 2 * from; k < 2 * to; k++)
    profile[`${String(Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '30' : '00'}`] =
      1 / (2 * (to - from));
  return profile;
}

const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * A scenario with one reason and one queue, open 24 h, no IVR, lines, outbound or callbacks:
 * lognormal handling, the given patience, wild transfers answered or bounced back (no ring-outs,
 * which the queue_log cannot tell from an answer), redials after an abandon (maxAttempts 20,
 * so the cap does not bias P(redial | abandon)).
 */
export function roundTripDocument(t: Truth): Record<string, unknown> {
  const [from, to] = t.open ?? [0, 24];
  return {
    name: 'round trip',
    calendar: {
      timezone: 'UTC',
      startDate: '2026-01-05',
      openingHours: { default: [`${hour(from)}-${hour(to)}`] },
    },
    arrivals: { callsPerDay: t.callsPerDay, intradayProfile: { default: flat(from, to) } },
    reasons: {
      main: {
        share: 1,
        handleTime: { distribution: 'lognormal', mean: t.handleMean, cv: t.handleCv },
        patience: t.patience,
        queue: 'switchboard',
        transfer: { probability: t.transferProbability, to: { ward: 1 } },
      },
    },
    redials: {
      probability: t.redialProbability,
      delay: { distribution: 'exponential', mean: t.redialDelayMean },
      maxAttempts: 20,
    },
    transfers: {
      mode: 'wild',
      outcomes: { answered: 1 - t.bouncedBack, bouncedBack: t.bouncedBack },
    },
    queues: {
      switchboard: {
        operators: { default: [{ from: hour(from), to: hour(to), operators: t.operators }] },
      },
    },
  };
}

/** {@link roundTripDocument}, parsed. */
export function roundTripScenario(t: Truth): Scenario {
  return parseScenario(roundTripDocument(t));
}

/** Simulate replication `index`, write its queue_log to `file`, audit it; and its own counts. */
export async function simulateAndAudit(
  scenario: Scenario,
  file: string,
  days: number,
  seed: string,
  index = 0,
): Promise<{ audit: AuditResult; sim: ReplicationResult }> {
  writeQueueLog(scenario, file, { days, seed, index });
  const audit = await auditFiles([file], defaultAuditOptions);
  // Same seed and index: the same run the queue_log was written from (the writer draws nothing).
  const sim = runReplication(scenario, { days, seed, index });
  return { audit, sim };
}

/** Standard normal distribution function Φ (via the error function). */
export function normalCdf(x: number): number {
  return 0.5 * (1 + errorFunction(x / Math.SQRT2));
}

/** Survival function P(T > t) of the truth's patience. */
export function patienceSurvival(t: Truth, seconds: number): number {
  const p = t.patience;
  if (p.distribution === 'exponential') return Math.exp(-seconds / p.mean);
  if (seconds <= 0) return 1;
  const s2 = Math.log(1 + p.cv * p.cv);
  const mu = Math.log(p.mean) - s2 / 2;
  return 1 - normalCdf((Math.log(seconds) - mu) / Math.sqrt(s2));
}

/** Sample mean and standard deviation. */
export function meanSd(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, sd: Math.sqrt(v) };
}
