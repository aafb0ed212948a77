import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions } from '../../src/audit/index.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { writeQueueLog } from '../../src/switchboard/queue-log.js';
import { roundTripDocument, type Truth } from '../roundtrip/roundtrip-helpers.js';

// The calibrated arrival profile must carry the day's shape, not the Poisson noise of the
// counts: noise becomes spurious peaks in the model, and peaks cost more waiting than troughs
// save (with raw counts, the calibrated scenario's abandonment came out 0.3–0.6 point above the
// source's on this flat day). Theory: over 3 days of 1,800 calls, a half-hour holds about 112
// calls, so a raw per-weekday share is off by about 1/√112 ≈ 9.4 % (mean absolute deviation
// ≈ 0.8 × that, 7.5 %); pooled over the 21 days, by 1/√790 ≈ 3.6 %, and less once smoothed.
const dir = mkdtempSync(join(tmpdir(), 'sb-calibration-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const truth: Truth = {
  callsPerDay: 1800,
  operators: 5,
  handleMean: 150,
  handleCv: 0.6,
  patience: { distribution: 'exponential', mean: 120 },
  transferProbability: 0,
  bouncedBack: 0,
  redialProbability: 0,
  redialDelayMean: 600,
};
const DAYS = 21;

async function calibrate(document: Record<string, unknown>, name: string) {
  const file = join(dir, `${name}.queue_log`);
  writeQueueLog(parseScenario(document), file, { days: DAYS, seed: name, index: 0 });
  const { calibration } = await auditFiles([file], defaultAuditOptions);
  return calibration;
}

describe('calibrated intraday profile', () => {
  it('a flat day comes back flat: far inside the raw counts’ Poisson noise', async () => {
    const calibration = await calibrate(roundTripDocument(truth), 'flat');
    const expected = truth.callsPerDay / 48;
    const deviations = calibration.arrivals.map((a) => Math.abs(a.callsPerDay / expected - 1));
    expect(deviations).toHaveLength(7 * 48);
    const mean = deviations.reduce((x, y) => x + y, 0) / deviations.length;
    // Raw shares would be off by ≈ 7.5 % on average (see above); require under a third of it.
    expect(mean).toBeLessThan(0.025);
    expect(calibration.arrivalProfile.pool).toBeGreaterThanOrEqual(0.75);
  });

  it('a real peak is kept: 08:00–10:00 at 4 × the rest of the day, on every weekday', async () => {
    const document = roundTripDocument(truth);
    const profile: Record<string, number> = {};
    const weight = (k: number) => (k >= 16 && k < 20 ? 4 : 1);
    const sum = Array.from({ length: 48 }, (_, k) => weight(k)).reduce((x, y) => x + y, 0);
    for (let k = 0; k < 48; k++) {
      const hh = String(Math.floor(k / 2)).padStart(2, '0');
      profile[`${hh}:${k % 2 ? '30' : '00'}`] = weight(k) / sum;
    }
    (document.arrivals as { intradayProfile: unknown }).intradayProfile = { default: profile };
    const calibration = await calibrate(document, 'peak');
    for (let weekday = 0; weekday < 7; weekday++) {
      const rows = calibration.arrivals.filter((a) => a.weekday === weekday);
      const day = rows.reduce((x, a) => x + a.callsPerDay, 0);
      const peak = rows
        .filter((a) => a.intervalStart >= '08:00' && a.intervalStart < '10:00')
        .reduce((x, a) => x + a.callsPerDay, 0);
      // Truth: 16 / 60 of the day in the peak. ±5 % relative is about 3 SE of the peak's
      // share over 3 days (≈ 1,440 calls).
      expect(peak / day / (16 / 60)).toBeGreaterThan(0.95);
      expect(peak / day / (16 / 60)).toBeLessThan(1.05);
    }
  });
});
