import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// QA finding F-dst-1: README's planner pipeline (simulate → audit --out → forecast) warned on
// its own output, because audit --out wrote history rows for local times that do not exist
// (the grid itself: test/audit/history-dst.test.ts; this is the README's commands end to end).
// Reference for the dates: EU Directive 2000/84/EC — summer time begins and ends at 01:00 UTC
// on the last Sunday of March and of October. In Europe/Paris (UTC+1 in winter) the clock goes
// 02:00 → 03:00 on 2026-03-29 (02:00 and 02:30 never happen: a day of 46 half-hours) and
// 03:00 → 02:00 on 2026-10-25 (02:00 and 02:30 happen twice: 50 half-hours).

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dst-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** simulate (2 days from `startDate`) → audit --out → forecast, as README "Forecast calls". */
async function pipeline(startDate: string, name: string) {
  const scenario = readFileSync(join(root, 'scenarios/small-hospital.yaml'), 'utf8');
  expect(scenario).toContain("startDate: '2026-03-02'");
  copyFileSync(
    join(root, 'scenarios/small-hospital-profile.csv'),
    join(dir, 'small-hospital-profile.csv'),
  );
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, scenario.replace("startDate: '2026-03-02'", `startDate: '${startDate}'`));
  const log = join(dir, `${name}.queue_log`);
  const run = async (argv: string[]) => {
    const io = bufferIo();
    const rc = await main(argv, io);
    expect(rc, io.err).toBe(0);
    return io;
  };
  await run(['simulate', file, '--days', '2', '--replications', '1', '--queue-log', log]);
  const out = join(dir, `${name}-audit`);
  await run(['audit', log, '--timezone', 'Europe/Paris', '--out', out]);
  const history = readFileSync(join(out, 'history.csv'), 'utf8').trim().split('\n').slice(1);
  const forecast = await run([
    'forecast',
    '--history',
    join(out, 'history.csv'),
    '--timezone',
    'Europe/Paris',
    '--horizon',
    '1d',
    '--method',
    'weekday-mean',
  ]);
  return { history, forecastErr: forecast.err };
}

describe('README pipeline across daylight saving: no row for a time that does not exist', () => {
  it('spring forward (2026-03-29): 46 rows that day, forecast reads them without warning', async () => {
    const { history, forecastErr } = await pipeline('2026-03-28', 'spring');
    const reasons = new Set(history.map((r) => r.split(',')[2]));
    const onDay = history.filter((r) => r.startsWith('2026-03-29T'));
    expect(onDay.length).toBe(46 * reasons.size);
    expect(onDay.some((r) => r.startsWith('2026-03-29T02:'))).toBe(false);
    expect(history.filter((r) => r.startsWith('2026-03-28T')).length).toBe(48 * reasons.size);
    expect(forecastErr).not.toMatch(/does not exist|daylight|duplicate/);
  });

  it('fall back (2026-10-25): one row per local time, forecast reads it without warning', async () => {
    const { history, forecastErr } = await pipeline('2026-10-24', 'autumn');
    const reasons = new Set(history.map((r) => r.split(',')[2]));
    const onDay = history.filter((r) => r.startsWith('2026-10-25T'));
    // The forecaster's history reader takes one row per local time; for 02:00 and 02:30, lived
    // twice, the row holds the calls of both and the reader halves it per interval.
    expect(onDay.length).toBe(48 * reasons.size);
    expect(forecastErr).not.toMatch(/does not exist|daylight|duplicate/);
  });
});
