import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  auditFiles,
  calibrationToScenario,
  defaultAuditOptions,
  parseColumnMap,
} from '../../src/audit/index.js';
import { sharedData } from '../shared-data.js';

const fixture = fileURLToPath(new URL('./fixtures/small.queue_log', import.meta.url));

describe('calibration from the synthetic queue_log (truth by construction)', async () => {
  const { calibration } = await auditFiles([fixture], defaultAuditOptions);
  it('recovers handle time, patience, redials and transfers', () => {
    // Talk times of the answered segments: A 60 s, D 30 s then 60 s (answered again after a
    // bounce: the model draws one handling time per answer), H 95 s.
    expect(calibration.handleTimeSeconds.mean).toBeCloseTo((60 + 30 + 60 + 95) / 4, 9);
    // Exponential patience MLE: time at risk (all waits, 198 s) / abandons (2).
    expect(calibration.patience.exponentialMeanSeconds).toBeCloseTo(99, 9);
    expect(calibration.redial.probability).toBeCloseTo(2 / 5, 12);
    expect(calibration.transfers).toMatchObject({
      blindShare: 0.5,
      attendedShare: 0.5,
      bouncedShare: 0.5,
    });
    expect(calibration.queues.map((q) => q.name)).toEqual(['main', 'results', 'night']);
    expect(calibration.daysObserved).toEqual([0, 1, 0, 0, 0, 0, 0]);
  });
  it('writes the stable sections of docs/scenario-format.md', () => {
    const text = JSON.stringify(calibrationToScenario(calibration));
    const scenario = parse(text);
    for (const key of [
      'name',
      'description',
      'calendar',
      'arrivals',
      'reasons',
      'redials',
      'queues',
      'transfers',
    ])
      expect(scenario).toHaveProperty(key);
    // 10 queue calls, 2 abandons, redial probability 2/5: the model adds 0.4 × 2 redials on
    // top of 9.2 new calls.
    expect(scenario.arrivals.callsPerDay).toEqual({ monday: 9.2 });
    const shares = Object.values(
      scenario.arrivals.intradayProfile.monday as Record<string, number>,
    );
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // main: 7 calls, its 2 abandons → 6.2 new calls of 9.2.
    expect(scenario.reasons.main).toMatchObject({ share: 0.67391, queue: 'main' });
    expect(scenario.reasons.main.handleTime.mean).toBe('61.3s');
    // Agents seen answering on Monday 08:00–09:00: bob, alice, carol.
    expect(scenario.queues.main.operators.monday).toEqual([{ hours: '08:00-09:00', operators: 3 }]);
  });
});

const bankPath = sharedData('forecast/anonymous-bank-1999-calls.csv');
describe.skipIf(!bankPath)('calibration from the Anonymous Bank records', () => {
  it('gives the mean service time of the source’s own ser_time field', async () => {
    const mapUrl = new URL('../../audit-maps/anonymous-bank-1999.yaml', import.meta.url);
    const map = parseColumnMap(readFileSync(mapUrl, 'utf8'), 'map');
    const { calibration } = await auditFiles([bankPath!], {
      ...defaultAuditOptions,
      map,
      timeZone: 'Asia/Jerusalem',
    });
    // ser_time (field 16) of the AGENT rows, as recorded by the source (not recomputed).
    const rows = readFileSync(bankPath!, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const served = rows.filter((r) => r[12] === 'AGENT').map((r) => Number(r[15]));
    const mean = served.reduce((a, b) => a + b, 0) / served.length;
    expect(calibration.handleTimeSeconds.answered).toBe(served.length);
    expect(Math.abs(calibration.handleTimeSeconds.mean! / mean - 1)).toBeLessThan(0.005);
  });
});
