/**
 * One price for one lost need: a need that ends unresolved costs its reason's `costs.lostNeed`
 * whatever its path, so warm and wild transfers that nobody answers are priced alike, and a
 * variant that leaves more needs unresolved costs more.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyVariant, readScenarioDocument } from '../../src/scenario/load-scenario.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { compareScenarios } from '../../src/switchboard/compare-scenarios.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';
import { stationaryQueueDocument } from './scenario-builders.js';

/** Every call is put through to a service that never answers; nobody redials. */
function neverAnswered(
  mode: 'warm' | 'wild',
  message: { share: number; time?: string } = { share: 0 },
) {
  const doc = stationaryQueueDocument({ arrivalsPerHour: 60, ahtSeconds: 30, operators: 20 });
  const reason = (doc.reasons as Record<string, Record<string, unknown>>).only!;
  reason.transfer = { probability: 1, to: { ward: 1 } };
  reason.redials = { probability: 0, maxAttempts: 1 };
  doc.services = { ward: { availability: 0, voicemail: 'none' } };
  doc.transfers = {
    mode,
    outcomes: { answered: 0, ringOut: 1, voicemail: 0, bouncedBack: 0 },
    ringTime: { distribution: 'deterministic', value: 20 },
    warmTimeout: '30s',
    warmMessage: message.share,
    ...(message.time === undefined ? {} : { messageTime: message.time }),
  };
  doc.costs = { lostNeed: 7, currency: 'CHF' };
  return parseScenario(doc);
}

describe('lost needs', () => {
  it('warm and wild transfers nobody answers: every need lost and priced once, in both modes', async () => {
    const run = async (mode: 'warm' | 'wild') =>
      (await simulateScenario(neverAnswered(mode), { days: 1, replications: 2, seed: 5 })).summary;
    const [warm, wild] = [await run('warm'), await run('wild')];
    for (const s of [warm, wild]) {
      const needs = s.needs.needs!.mean!;
      expect(needs).toBeGreaterThan(1000);
      // Patient callers, 20 operators: every need is answered, put through, and lost (minus
      // the few still in progress at the end of the day).
      expect(s.needs.resolved!.mean).toBe(0);
      expect(s.cost.lostNeeds!.mean).toBe(s.needs.unresolved!.mean);
      expect(s.cost.lostNeeds!.mean!).toBeGreaterThan(needs - 5);
      expect(s.cost.lostNeedCost!.mean).toBeCloseTo(7 * s.cost.lostNeeds!.mean!, 9);
      expect(s.definitions.currency).toBe('CHF');
    }
    // Same callers (common random numbers): the same needs lost, whatever the mode.
    expect(warm.needs.needs!.mean).toBe(wild.needs.needs!.mean);
    expect(Math.abs(warm.cost.lostNeeds!.mean! - wild.cost.lostNeeds!.mean!)).toBeLessThanOrEqual(
      2,
    );
    expect(warm.overall.failedTransfers!.mean).toBeCloseTo(wild.overall.failedTransfers!.mean!, -1);
  });

  it('a message taken occupies the operator for transfers.messageTime and resolves the need', async () => {
    const run = async (time: string) =>
      (
        await simulateScenario(neverAnswered('warm', { share: 1, time }), {
          days: 1,
          replications: 1,
          seed: 5,
        })
      ).summary;
    const busyHours = (s: Awaited<ReturnType<typeof run>>) =>
      s.overall.occupancy!.mean! * (s.cost.operatorHours!.mean! + s.overall.overtimeHours!.mean!);
    const [none, minute] = [await run('0s'), await run('60s')];
    const takenBack = minute.paths.warmTakenBack!.mean!;
    expect(takenBack).toBeGreaterThan(1000);
    expect(minute.cost.lostNeeds!.mean).toBe(0);
    expect(minute.needs.resolved!.mean).toBe(
      minute.needs.needs!.mean! - minute.needs.openAtEnd!.mean!,
    );
    // Twenty operators, no queue: the same callers, each message adds exactly its minute.
    expect(busyHours(minute) - busyHours(none)).toBeCloseTo((takenBack * 60) / 3600, 1);
  });

  it('baseline with warm transfers and no message: every cost of lost or unresolved needs rises', async () => {
    const file = new URL('../../scenarios/baseline.yaml', import.meta.url).pathname;
    const document = readScenarioDocument(readFileSync(file, 'utf8'), file);
    document.variants = { warm0: { transfers: { mode: 'warm', warmMessage: 0 } } };
    const { variants: _omit, ...baseDocument } = document;
    const report = await compareScenarios(
      parseScenario(baseDocument),
      [parseScenario(applyVariant(document, 'warm0'))],
      { days: 1, replications: 3, seed: 2 },
    );
    const comparison = report.comparisons[0]!;
    for (const name of ['cost.lostNeeds', 'cost.lostNeedCost', 'needs.unresolved']) {
      const m = comparison.measures.find((x) => x.name === name)!;
      expect(m.verdict, name).toBe('worse');
      expect(m.difference.ci95[0]!, name).toBeGreaterThan(0);
    }
    // And per reason, for every reason whose callers are put through to services.
    for (const reason of ['appointments', 'reachWard', 'results', 'admin']) {
      const row = comparison.byReason.find((r) => r.reason === reason)!;
      const cost = row.measures.find((m) => m.name === 'byReason.lostNeedCost')!;
      expect(cost.difference.ci95[0]!, reason).toBeGreaterThan(0);
    }
  });

  it('a variant priced in another currency is refused: money is compared in one currency', async () => {
    const base = neverAnswered('wild');
    const doc = stationaryQueueDocument({ arrivalsPerHour: 60, ahtSeconds: 30, operators: 20 });
    doc.costs = { lostNeed: 7, currency: 'EUR' };
    await expect(
      compareScenarios(base, [parseScenario(doc)], { days: 1, replications: 2, seed: 1 }),
    ).rejects.toThrow(/costs\.currency: expected the base's currency, CHF .*received "EUR"/);
  });
});
