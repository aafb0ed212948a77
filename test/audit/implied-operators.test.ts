import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, calibrationToScenario, defaultAuditOptions } from '../../src/audit/index.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { writeQueueLog } from '../../src/switchboard/queue-log.js';
import { roundTripDocument, type Truth } from '../roundtrip/roundtrip-helpers.js';

// Real records show which agents answered, not how long each was on the phones: at a bank, a
// dozen agents answer in an hour that behaves like six. Here the truth has 4 operators on duty
// all day, but each operator's calls are logged under one name in the first half of every hour
// and another in the second (as when agents hand over a shared position), so 8 distinct agents
// answer in every hour. The calibration must give the scenario the capacity the hour behaved as
// if it had (Erlang A matched to the hour's abandonment), not the 8 names seen.
const dir = mkdtempSync(join(tmpdir(), 'sb-implied-operators-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const truth: Truth = {
  callsPerDay: 2000,
  operators: 4,
  handleMean: 150,
  handleCv: 1,
  patience: { distribution: 'exponential', mean: 120 },
  transferProbability: 0,
  bouncedBack: 0,
  redialProbability: 0,
  redialDelayMean: 600,
};
const DAYS = 21;

/** Rename `Agent/q-k` to `Agent/q-k-a` or `-b` by the half of the hour its event falls in. */
function splitNamesByHalfHour(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const fields = line.split('|');
      if (fields.length < 4 || !fields[3]!.startsWith('Agent/')) return line;
      const half = Math.floor(Number(fields[0]) / 1800) % 2 === 0 ? 'a' : 'b';
      fields[3] = `${fields[3]}-${half}`;
      return fields.join('|');
    })
    .join('\n');
}

async function auditAbandonment(file: string): Promise<number> {
  const { report } = await auditFiles([file], defaultAuditOptions);
  return report.abandonRate.all!;
}

describe('operators the hours behaved as if they had', async () => {
  const truthScenario = parseScenario(roundTripDocument(truth));
  const source = join(dir, 'source.queue_log');
  writeQueueLog(truthScenario, source, { days: DAYS, seed: 'implied', index: 0 });
  writeFileSync(source, splitNamesByHalfHour(readFileSync(source, 'utf8')));
  const { calibration, report } = await auditFiles([source], defaultAuditOptions);

  it('sees 8 agents an hour but writes the 4 on duty', () => {
    const cells = calibration.staffingSeen;
    expect(cells).toHaveLength(7 * 24);
    for (const cell of cells) expect(Math.round(cell.agents)).toBe(8);
    const effective = cells.map((c) => c.effective);
    const four = effective.filter((n) => n === 4).length;
    // Each hour's abandonment over 3 days (~250 calls, ~40 abandons) is a noisy target: a few
    // hours may land on 3 or 5, none on the 8 seen.
    expect(four / cells.length).toBeGreaterThan(0.8);
    expect(Math.min(...effective)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...effective)).toBeLessThanOrEqual(5);
  });

  it('the calibrated scenario gives back the abandonment of the records', async () => {
    const scenario = parseScenario(calibrationToScenario(calibration));
    const rates: number[] = [];
    for (let index = 0; index < 3; index++) {
      const file = join(dir, `calibrated-${index}.queue_log`);
      writeQueueLog(scenario, file, { days: DAYS, seed: 'calibrated', index });
      rates.push(await auditAbandonment(file));
    }
    const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
    expect(Math.abs(mean / report.abandonRate.all! - 1)).toBeLessThan(0.1);
  });
});
