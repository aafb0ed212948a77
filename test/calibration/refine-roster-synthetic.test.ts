import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, calibrationToScenario, defaultAuditOptions } from '../../src/audit/index.js';
import { refineRoster } from '../../src/calibration/index.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { writeQueueLog } from '../../src/switchboard/queue-log.js';
import { simulateScenario } from '../../src/switchboard/simulate-scenario.js';
import { meanSd, roundTripDocument, type Truth } from '../roundtrip/roundtrip-helpers.js';
import { modelAbandonment } from './model-abandonment.js';

// Synthetic truth (the set-up of test/audit/implied-operators.test.ts): 4 operators on duty,
// each logged under one name in the first half of every hour and another in the second, so 8
// agents answer in every hour. Here Erlang A is biased: talk times are nearly constant (CV 0.1,
// scripted put-through calls) and callers seldom hang up in their first seconds (lognormal
// patience, CV 0.5), where Erlang A takes both exponential, so at 4 operators it expects more
// abandonment than the records show, and writes 5 in many hours. Redials are on (half the
// abandons call again), which feed any excess of abandons back as load. The refinement by
// simulation must give back the records' abandonment and the 4 operators.
const truth: Truth = {
  callsPerDay: 840,
  operators: 4,
  handleMean: 150,
  handleCv: 0.1,
  patience: { distribution: 'lognormal', mean: 120, cv: 0.5 },
  transferProbability: 0,
  bouncedBack: 0,
  redialProbability: 0.5,
  redialDelayMean: 600,
  open: [8, 20],
};
/** Days of records: 12 of each weekday, about 850 queued calls per weekday × hour. */
const DAYS = 84;
const dir = mkdtempSync(join(tmpdir(), 'sb-refine-synthetic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Log each `Agent/x` as `Agent/x-a` or `Agent/x-b` by the half hour of its event. */
function twoNamesAnHour(queueLog: string): string {
  return queueLog.replace(
    /^(\d+)(\|[^|]*\|[^|]*\|Agent\/[^|]*)\|/gm,
    (_all, time: string, rest: string) =>
      `${time}${rest}-${Math.floor(Number(time) / 1800) % 2 === 0 ? 'a' : 'b'}|`,
  );
}

describe('refining the roster by simulation (synthetic truth, Erlang A biased)', async () => {
  const truthScenario = parseScenario(roundTripDocument(truth));
  const records = join(dir, 'records.queue_log');
  writeQueueLog(truthScenario, records, { days: DAYS, seed: 'records', index: 0 });
  writeFileSync(records, twoNamesAnHour(readFileSync(records, 'utf8')));
  const { calibration, report } = await auditFiles([records], defaultAuditOptions);
  const observed = report.abandonRate.all!;
  const refined = await refineRoster(calibration, { seed: 'refine' });
  // How far the records' abandonment strays from the truth's: the spread of the truth itself
  // over independent runs of the records' length.
  const { results: truthRuns } = await simulateScenario(truthScenario, {
    days: DAYS,
    replications: 6,
    seed: 'spread',
  });
  const recordsSd = meanSd(truthRuns.map((r) => r.overall.probabilityAbandon!)).sd;
  const erlangA = await modelAbandonment(calibration, { days: 28, replications: 6 });
  const afterRefinement = await modelAbandonment(refined.calibration, {
    days: 28,
    replications: 6,
  });
  const tolerance = (se: number) => 3 * Math.hypot(recordsSd, se);

  it('sees 8 agents an hour, and Erlang A writes 5 in many hours', () => {
    const cells = calibration.staffingSeen;
    expect(cells).toHaveLength(7 * 12);
    for (const cell of cells) expect(Math.round(cell.agents)).toBe(8);
    const five = cells.filter((c) => c.effective === 5).length;
    expect(five / cells.length).toBeGreaterThan(0.2);
  });

  it('the Erlang A roster misses the records’ abandonment by more than the noise', () => {
    // Independent runs (seed "check", not the refinement's): 3 combined standard errors of the
    // records' spread (the truth's SD over 6 runs of 84 days) and the model's mean over 6 runs.
    expect(observed - erlangA.mean).toBeGreaterThan(tolerance(erlangA.se));
  });

  it('the refined roster gives the records’ abandonment back within the noise', () => {
    expect(Math.abs(afterRefinement.mean - observed)).toBeLessThan(tolerance(afterRefinement.se));
    expect(refined.refinement.hoursCompared).toBe(7 * 12);
    expect(refined.refinement.rounds.length).toBeLessThanOrEqual(8);
  });

  it('the refined operators are the true 4 in most hours, more than Erlang A’s', () => {
    const hours = refined.refinement.hours;
    const four = hours.filter((h) => h.refined === 4).length;
    const fourErlangA = hours.filter((h) => h.erlangA === 4).length;
    expect(four / hours.length).toBeGreaterThan(0.8);
    expect(four).toBeGreaterThan(fourErlangA);
    // The scenario written gets the refined roster, never above the agents seen nor below 1.
    const written = calibrationToScenario(refined.calibration) as {
      queues: Record<string, { operators?: Record<string, { operators: number }[]> }>;
    };
    const roster = Object.values(written.queues)
      .flatMap((q) => Object.values(q.operators ?? {}))
      .flat()
      .map((step) => step.operators);
    expect(roster.sort()).toEqual(hours.map((h) => h.refined).sort());
    for (const h of hours) expect(h.refined).toBeGreaterThanOrEqual(1);
    for (const h of hours) expect(h.refined).toBeLessThanOrEqual(h.agentsSeen);
  });
});
