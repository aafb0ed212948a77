import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** Four weeks of hourly counts for two reasons, with one bad row and one duplicate. */
function writeHistory(dir: string): string {
  const lines = ['interval_start,reason,calls'];
  for (let d = 0; d < 28; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    for (let h = 8; h < 18; h++) {
      const hh = String(h).padStart(2, '0');
      lines.push(`${date}T${hh}:00,results,${(d % 7) + (h === 9 ? 5 : 1)}`);
      lines.push(`${date}T${hh}:00,wards,${h % 3}`);
    }
  }
  lines.splice(5, 0, '2024-01-01T08:00,results,1', 'not-a-time,wards,3');
  const path = join(dir, 'history.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('switchboard forecast (end to end through main)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forecast-cli-'));
  const history = writeHistory(dir);

  it('writes the forecast CSV with the exact header, reasons and all', async () => {
    const io = bufferIo(dir);
    const code = await main(
      [
        'forecast',
        '--history',
        history,
        '--horizon',
        '7d',
        '--out',
        'f.csv',
        '--timezone',
        'Europe/Paris',
      ],
      io,
    );
    expect(code).toBe(0);
    const lines = readFileSync(join(dir, 'f.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('interval_start,reason,forecast,lower,upper');
    expect(lines).toHaveLength(1 + 7 * 24 * 3);
    expect(lines[1]).toMatch(/^2024-01-29T00:00:00\+01:00,results,/);
    expect(io.err).toMatch(/warning: line 6: duplicate of line 2/);
    expect(io.err).toMatch(/warning: line 7: expected an ISO timestamp/);
    expect(io.err).toMatch(/method \w[\w-]* \(auto\), backtest WAPE/);
  });

  it('--json gives rows, the method chosen and its backtest scores', async () => {
    const io = bufferIo(dir);
    expect(await main(['forecast', '--history', history, '--horizon', '2d', '--json'], io)).toBe(0);
    const json = JSON.parse(io.out);
    expect(json.rows).toHaveLength(2 * 24 * 3);
    expect(json.backtest.scores.some((s: { best: boolean }) => s.best)).toBe(true);
    expect(json.method).toBe(json.backtest.best);
  });

  it('--backtest prints WAPE, MASE and coverage per method and reason, best marked', async () => {
    const io = bufferIo(dir);
    expect(
      await main(
        ['forecast', '--backtest', '--history', history, '--folds', '2', '--horizon', '7d'],
        io,
      ),
    ).toBe(0);
    expect(io.out).toMatch(/^backtest: 2 folds × 7 days/);
    expect(io.out).toMatch(/coverage\s+fair cov\.\s+cov\. ≥10\s+best$/m);
    expect(io.out).toMatch(/results\s+weekday-mean\s+[\d.]+ %/);
    expect(io.out.match(/\*$/gm)).toHaveLength(3);
  });

  it('--step 1d gives overlapping folds one day apart; without --backtest it is refused', async () => {
    const io = bufferIo(dir);
    const args = ['forecast', '--backtest', '--history', history, '--horizon', '7d'];
    expect(await main([...args, '--folds', '3', '--step', '1d'], io)).toBe(0);
    expect(io.out).toMatch(
      /^backtest: 3 folds × 7 days \(origins 1 day apart\) from 2024-01-20, 2024-01-21, 2024-01-22;/,
    );
    const refused = bufferIo(dir);
    expect(await main(['forecast', '--history', history, '--step', '1d'], refused)).toBe(2);
    expect(refused.err).toMatch(/--step.*--backtest/);
    const partial = bufferIo(dir);
    expect(await main([...args, '--step', '36h'], partial)).toBe(2);
    expect(partial.err).toMatch(/--step.*whole days/);
  });

  it('bad input is one line and exit 2', async () => {
    const io = bufferIo(dir);
    expect(await main(['forecast', '--history', history, '--timezone', 'Mars/Olympus'], io)).toBe(
      2,
    );
    expect(io.err).toBe(
      'switchboard: --timezone: expected an IANA time zone such as Europe/Paris or UTC, received "Mars/Olympus"\n',
    );
    const io2 = bufferIo(dir);
    expect(await main(['forecast', '--history', 'nope.csv'], io2)).toBe(2);
    expect(io2.err).toMatch(/--history: expected a readable file/);
  });

  it('runs through the real bin/switchboard.js (built dist/)', () => {
    const bin = resolve('bin/switchboard.js');
    if (!existsSync(resolve('dist/index.js'))) throw new Error('run npm run build first');
    const out = join(dir, 'bin.csv');
    execFileSync('node', [bin, 'forecast', '--history', history, '--horizon', '1d', '--out', out], {
      timeout: 120_000,
      stdio: 'pipe',
    });
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(
      'interval_start,reason,forecast,lower,upper',
    );
  });
});
