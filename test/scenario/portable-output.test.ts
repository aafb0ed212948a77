/**
 * Written scenarios are portable: `roster --out DIR` writes no path of the author's machine, and
 * DIR runs as is after it has been moved and the files the scenario was read from are gone
 * (an intraday profile from a CSV travels inline, a forecast CSV as DIR/forecast.csv).
 */

import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { mmcmDocument } from '../roster/roster-builders.js';

const quick = ['--days', '1', '--replications', '2', '--iterations', '2'];

async function run(dir: string, ...args: string[]) {
  const io = bufferIo(dir);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

/** roster --out in `source`, then move DIR elsewhere, remove `source`, simulate the moved DIR. */
async function rosterMovedAndRun(source: string, expectedFiles: string[]) {
  const { code, err } = await run(source, 'roster', 'scenario.yaml', ...quick, '--out', 'out');
  expect(code, err).toBe(0);
  const written = readFileSync(join(source, 'out', 'scenario.yaml'), 'utf8');
  expect(written).not.toContain(source);
  expect(written).not.toMatch(/(^|\s)\/\w/m); // no absolute path of any kind
  expect(readdirSync(join(source, 'out')).sort()).toEqual(expectedFiles.sort());
  const elsewhere = mkdtempSync(join(tmpdir(), 'sb-moved-'));
  renameSync(join(source, 'out'), join(elsewhere, 'moved'));
  rmSync(source, { recursive: true });
  const simulated = await run(
    elsewhere,
    'simulate',
    join('moved', 'scenario.yaml'),
    ...['--days', '1', '--replications', '2', '--json'],
  );
  expect(simulated.code, simulated.err).toBe(0);
  return { written, summary: JSON.parse(simulated.out) };
}

const ROSTER_FILES = ['per-interval.csv', 'roster.csv', 'roster.json', 'scenario.yaml'];

describe('portable written scenarios', () => {
  it('roster --out with an intraday profile from a CSV: the profile travels inline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-profile-'));
    const document = mmcmDocument({ callsPerDay: 400, ahtSeconds: 150, patienceSeconds: 240 });
    const profile = (document.arrivals as { intradayProfile: { default: Record<string, number> } })
      .intradayProfile.default;
    writeFileSync(
      join(dir, 'profile.csv'),
      `interval_start,calls\n${Object.entries(profile)
        .map(([start, share]) => `${start},${Math.round(share * 400)}`)
        .join('\n')}\n`,
    );
    (document.arrivals as Record<string, unknown>).intradayProfile = 'profile.csv';
    writeFileSync(join(dir, 'scenario.yaml'), stringify(document));
    const { written, summary } = await rosterMovedAndRun(dir, ROSTER_FILES);
    expect(written).not.toContain('profile.csv');
    expect(summary.overall.offered.mean).toBeGreaterThan(0);
  });

  it('roster --out with a forecast: DIR/forecast.csv, named relative to the scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-forecast-'));
    const document = mmcmDocument({ callsPerDay: 400, ahtSeconds: 150, patienceSeconds: 240 });
    const rows = ['interval_start,reason,forecast,lower,upper'];
    for (let k = 16; k < 36; k++) {
      const start = `${String(Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '30' : '00'}`;
      rows.push(`2026-01-05T${start}:00+01:00,only,20,14,26`);
    }
    const csv = `${rows.join('\n')}\n`;
    writeFileSync(join(dir, 'forecast.csv'), csv);
    document.arrivals = { forecast: 'forecast.csv' };
    writeFileSync(join(dir, 'scenario.yaml'), stringify(document));
    const { written, summary } = await rosterMovedAndRun(dir, [...ROSTER_FILES, 'forecast.csv']);
    expect(written).toMatch(/^ {2}forecast: forecast\.csv$/m);
    // 20 intervals × 20 calls: the moved copy still gives the forecast's 400 calls (Poisson).
    const [lo, hi] = summary.overall.offered.ci95;
    expect(summary.overall.offered.mean).toBeGreaterThan(300);
    expect(summary.overall.offered.mean).toBeLessThan(500);
    expect(lo).toBeLessThan(hi);
  });

  it('compare --json names the scenario files as typed, not as paths of this machine', async () => {
    const root = new URL('../..', import.meta.url).pathname;
    const { code, out, err } = await run(
      root,
      'compare',
      'scenarios/small-hospital.yaml',
      ...['--variant', 'monday-extra-operator', '--days', '1', '--replications', '2', '--json'],
    );
    expect(code, err).toBe(0);
    const report = JSON.parse(out);
    expect(report.file).toBe('scenarios/small-hospital.yaml');
    expect(report.comparisons[0].file).toBe('scenarios/small-hospital.yaml#monday-extra-operator');
    expect(out).not.toContain(root);
  });
});
