/**
 * `switchboard forecast … --report FILE.html` end to end through `main`. Sources of the
 * expected values: the weekly seasonal naive method's definition (Hyndman & Athanasopoulos,
 * FPP3 §5.2: each interval gets the count of the same interval one week earlier), so a 7-day
 * forecast totals the history's last 7 days, summed here from the CSV we wrote; the same run's
 * `--json`; and the Montgomery County 911 series in ../shared/data/forecast (SOURCES.md).
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { formatCount } from '../../src/report/format.js';
import { sharedData } from '../shared-data.js';
import { pageText } from './page-text.js';
import { writeHistory } from './synthetic-history.js';

const dir = mkdtempSync(join(tmpdir(), 'forecast-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('forecast --report (no ../shared needed)', () => {
  const history = join(dir, 'history.csv');
  const { lastWeekCalls } = writeHistory(history);

  it('names the report as typed: a relative --report stays relative', async () => {
    const io = bufferIo(dir);
    const args = [
      'forecast',
      '--history',
      'history.csv',
      '--horizon',
      '7d',
      '--report',
      'rel.html',
    ];
    expect(await main([...args, '--method', 'seasonal-naive', '--out', 'f.csv'], io)).toBe(0);
    expect(io.err).toMatch(/^report: rel\.html \(\d+ bytes\)$/m);
    expect(readFileSync(join(dir, 'rel.html'), 'utf8')).toContain('<html');
  });

  it('seasonal naive over 7 days: the page totals the last week of history', async () => {
    const file = join(dir, 'naive.html');
    const io = bufferIo(dir);
    const code = await main(
      [
        'forecast',
        '--history',
        'history.csv',
        '--horizon',
        '7d',
        '--method',
        'seasonal-naive',
        '--json',
        '--report',
        file,
      ],
      io,
    );
    expect(code, io.err).toBe(0);
    expect(io.err).toContain(`report: ${file} (`);
    const text = pageText(readFileSync(file, 'utf8'));
    expect(text).toContain(
      `the seasonal-naive method forecasts ${formatCount(lastWeekCalls)} calls`,
    );
    expect(text).toContain('+0.0 % compared with the last 7 days of history');
    expect(text).toContain('history from history.csv');
    for (const reason of ['appointments', 'results']) expect(text).toContain(reason);
    const json = JSON.parse(io.out);
    expect(json.method).toBe('seasonal-naive');
  });

  it('with --method auto, the page carries the backtest that chose the method', async () => {
    const file = join(dir, 'auto.html');
    const io = bufferIo(dir);
    expect(
      await main(
        ['forecast', '--history', history, '--horizon', '7d', '--json', '--report', file],
        io,
      ),
    ).toBe(0);
    const json = JSON.parse(io.out);
    const text = pageText(readFileSync(file, 'utf8'));
    expect(text).toContain(`In backtests, ${json.method} had a WAPE of`);
    for (const score of json.backtest.scores as { method: string }[])
      expect(text).toContain(score.method);
  });

  it('refuses --report with --backtest, and a bad path, before reading the history', async () => {
    for (const args of [
      ['--backtest', '--report', 'r.html'],
      ['--report', 'r.txt'],
    ]) {
      const io = bufferIo(dir);
      expect(await main(['forecast', '--history', 'absent.csv', ...args], io)).toBe(2);
      expect(io.err).toMatch(/^switchboard: --report: /);
    }
  });
});

const montco = sharedData('forecast/montco-911-30min-by-reason.csv');

describe.skipIf(!montco)('forecast --report on the Montgomery County 911 series', () => {
  it('draws every reason and the backtest, under 2 MB', async () => {
    const file = join(dir, 'montco.html');
    const io = bufferIo(dir);
    expect(
      await main(
        [
          'forecast',
          '--history',
          montco!,
          '--timezone',
          'America/New_York',
          '--horizon',
          '7d',
          '--json',
          '--report',
          file,
        ],
        io,
      ),
      io.err,
    ).toBe(0);
    const json = JSON.parse(io.out);
    const html = readFileSync(file, 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
    const text = pageText(html);
    for (const reason of json.reasons as string[]) expect(text).toContain(reason);
    expect(text).toContain('Backtest scores per method and reason');
  });
});
