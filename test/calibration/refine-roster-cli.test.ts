import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { writeQueueLog } from '../../src/switchboard/queue-log.js';
import { roundTripScenario } from '../roundtrip/roundtrip-helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sb-refine-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Records of a small switchboard (3 operators 08:00–18:00, 14 days): enough queued calls in
// each weekday × hour (about 110) for the calibration to fit operators and the refinement to
// compare them.
const records = join(dir, 'records.queue_log');
writeQueueLog(
  roundTripScenario({
    callsPerDay: 550,
    operators: 3,
    handleMean: 150,
    handleCv: 1.5,
    patience: { distribution: 'exponential', mean: 100 },
    transferProbability: 0,
    bouncedBack: 0,
    redialProbability: 0.4,
    redialDelayMean: 600,
    open: [8, 18],
  }),
  records,
  { days: 14, seed: 'cli', index: 0 },
);

const read = (out: string, name: string) => readFileSync(join(out, name), 'utf8');

/** The operators of every roster step of a scenario.yaml, by weekday and hour. */
function rosterOf(yamlText: string): Map<string, number> {
  const doc = parse(yamlText) as {
    queues: Record<string, { operators?: Record<string, { hours: string; operators: number }[]> }>;
  };
  const roster = new Map<string, number>();
  for (const queue of Object.values(doc.queues))
    for (const [weekday, steps] of Object.entries(queue.operators ?? {}))
      for (const step of steps) roster.set(`${weekday} ${step.hours.slice(0, 5)}`, step.operators);
  return roster;
}

describe('switchboard audit --refine-roster', () => {
  it('needs --out: one line, exit 2, nothing written', async () => {
    const io = bufferIo();
    expect(await main(['audit', records, '--refine-roster'], io)).toBe(2);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(io.err).toMatch(/--refine-roster.*--out/);
    expect(io.out).toBe('');
  });

  it('needs hours made of whole intervals', async () => {
    const io = bufferIo();
    const out = join(dir, 'odd');
    expect(
      await main(['audit', records, '--out', out, '--refine-roster', '--interval', '45m'], io),
    ).toBe(2);
    expect(io.err).toMatch(/--interval/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the refined roster and its record, the same whatever --threads', async () => {
    const one = join(dir, 'one');
    const two = join(dir, 'two');
    const plain = join(dir, 'plain');
    const io1 = bufferIo();
    const io2 = bufferIo();
    expect(
      await main(['audit', records, '--out', one, '--refine-roster', '--seed', '7'], io1),
    ).toBe(0);
    expect(
      await main(
        ['audit', records, '--out', two, '--refine-roster', '--seed', '7', '--threads', '2'],
        io2,
      ),
    ).toBe(0);
    expect(await main(['audit', records, '--out', plain], bufferIo())).toBe(0);
    expect(read(two, 'scenario.yaml')).toBe(read(one, 'scenario.yaml'));
    expect(read(two, 'calibration.json')).toBe(read(one, 'calibration.json'));
    const summary = io1.err.split('\n').filter((l) => l.startsWith('roster refined'));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatch(
      /^roster refined by simulation: \d+ of \d+ hours changed \([+-]\d+ operator-hours a week\), \d round\(s\)/,
    );
    expect(summary[0]).toMatch(/\(14 days × 4 replications, seed 7\)$/);

    const calibration = JSON.parse(read(one, 'calibration.json'));
    const refinement = calibration.rosterRefinement;
    expect(refinement).toMatchObject({ days: 14, replications: 4, seed: 7, threshold: 2 });
    expect(refinement.hoursCompared).toBe(70);
    expect(refinement.rounds.length).toBeGreaterThanOrEqual(1);
    const roster = rosterOf(read(one, 'scenario.yaml'));
    const plainRoster = rosterOf(read(plain, 'scenario.yaml'));
    const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
    for (const h of refinement.hours) {
      const key = `${[...weekdays, 'saturday'][h.weekday]} ${String(h.hour).padStart(2, '0')}:00`;
      expect(roster.get(key)).toBe(h.refined);
      expect(plainRoster.get(key)).toBe(h.erlangA);
      expect(h.path[0]).toBe(h.erlangA);
      expect(h.refined).toBeLessThanOrEqual(h.agentsSeen);
      expect(typeof h.abandonObserved).toBe('number');
      expect(typeof h.abandonSimulated).toBe('number');
    }
    // Without the flag nothing of it is written.
    const plainCalibration = JSON.parse(read(plain, 'calibration.json'));
    expect(plainCalibration.rosterRefinement).toBeUndefined();
    expect(plainCalibration.staffingSeen.some((s: object) => 'refined' in s)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('runs through the real bin/switchboard.js', () => {
    const out = join(dir, 'bin');
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'bin/switchboard.js'),
        'audit',
        records,
        '--out',
        out,
        '--refine-roster',
        '--refine-replications',
        '2',
      ],
      { timeout: 120_000, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^roster refined by simulation: .*\(14 days × 2 replications, seed 1\)$/m,
    );
    expect(existsSync(join(out, 'scenario.yaml'))).toBe(true);
    const calibration = JSON.parse(read(out, 'calibration.json'));
    expect(calibration.rosterRefinement.replications).toBe(2);
    expect(calibration.rosterRefinement.seed).toBe(1);
  });
});
