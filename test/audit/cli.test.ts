import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const fixture = fileURLToPath(new URL('./fixtures/small.queue_log', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('switchboard audit (end to end through main)', () => {
  it('prints a summary with the definitions', async () => {
    const io = bufferIo();
    expect(await main(['audit', fixture], io)).toBe(0);
    expect(io.out).toMatch(/34 lines = 30 records \+ 2 blank \+ 2 rejected/);
    expect(io.out).toMatch(
      /Service level \(20 s\): 66\.7% of answered, 50\.0% of answered \+ abandoned/,
    );
    expect(io.out).toMatch(/Definitions/);
  });
  it('--json gives one object with the issue’s keys; flags change the definitions', async () => {
    const io = bufferIo();
    expect(
      await main(
        ['audit', fixture, '--json', '--service-level', '30s', '--short-abandon', '2s'],
        io,
      ),
    ).toBe(0);
    const report = JSON.parse(io.out);
    expect(Object.keys(report)).toEqual([
      'input',
      'calls',
      'callers',
      'serviceLevel',
      'asaSeconds',
      'abandonRate',
      'patience',
      'byHour',
      'byQueue',
      'definitions',
    ]);
    expect(report.serviceLevel.thresholdSeconds).toBe(30);
    expect(report.calls.shortAbandoned).toBe(0);
  });
  it('--out writes every file whole, and --pseudonymise hides caller numbers', async () => {
    const out = join(dir, 'out');
    const keyFile = join(dir, 'key');
    writeFileSync(keyFile, 'a secret key of at least 16 bytes\n');
    const io = bufferIo();
    expect(
      await main(
        ['audit', fixture, '--out', out, '--pseudonymise', '--pseudonymise-key-file', keyFile],
        io,
      ),
    ).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'calibration.json',
      'calls.csv',
      'history.csv',
      'report.json',
      'scenario.yaml',
    ]);
    const calls = readFileSync(join(out, 'calls.csv'), 'utf8');
    expect(calls).not.toMatch(/06\d{8}/);
    expect(calls.trim().split('\n')).toHaveLength(11);
    // The three calls of 0622222222 share one pseudonym.
    const pseudonyms = calls
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[1])
      .filter(Boolean);
    expect(new Set(pseudonyms).size).toBe(6);
    expect(readFileSync(join(out, 'history.csv'), 'utf8').split('\n')[0]).toBe(
      'interval_start,calls,reason',
    );
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    // Rejected lines quoted in the report are masked (letters x, digits 0): any field of a
    // line that could not be read may be a number or a name.
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const rejected = report.input[0].firstRejected[1];
    expect(rejected.line).toBeGreaterThan(0);
    expect(rejected.text).toMatch(/^[x0\W_]+$/);
    expect(rejected.text).toMatch(/0{6,}/);
  });
  it('--check-days runs with the default seed and records the check in calibration.json', async () => {
    // `--seed` is read as typed (a string); the check used to take it for a number and refuse
    // the default "1" (exit 2, "--seed: expected a number").
    const out = join(dir, 'checked');
    const io = bufferIo();
    const args = ['audit', fixture, '--out', out, '--check-days', '7', '--check-replications', '2'];
    expect(await main(args, io)).toBe(0);
    expect(io.err).toMatch(
      /calibration check: the written scenario simulated 7 days × 2 replications \(seed 1\)/,
    );
    const calibration = JSON.parse(readFileSync(join(out, 'calibration.json'), 'utf8'));
    expect(calibration.check).toMatchObject({ days: 7, replications: 2, seed: 1 });
  });
  it('leaves nothing behind when the audit fails', async () => {
    const out = join(dir, 'never');
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'hello\nworld\n');
    const io = bufferIo();
    expect(await main(['audit', bad, '--out', out], io)).toBe(2);
    expect(io.err).toMatch(/could not be detected/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });
  it('--survey adds NPS by reason, with the survey file accounted for', async () => {
    const survey = fileURLToPath(new URL('./fixtures/survey.csv', import.meta.url));
    const io = bufferIo();
    expect(await main(['audit', fixture, '--survey', survey, '--json'], io)).toBe(0);
    const report = JSON.parse(io.out);
    // 9 valid scores: promoters 10, 9, 10, 9; detractors 3, 6, 2, 5 → NPS 0.
    expect(report.survey.overall).toMatchObject({
      responses: 9,
      promoters: 4,
      detractors: 4,
      nps: 0,
    });
    expect(report.survey.file).toMatchObject({ lines: 11, records: 9, rejected: 1 });
    expect(Object.keys(report.survey.byReason).sort()).toEqual([
      'appointments',
      'results',
      'wards',
    ]);
  });
  it('exits 1 when --out cannot be written', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const io = bufferIo();
    expect(await main(['audit', fixture, '--out', join(blocker, 'out')], io)).toBe(1);
    expect(io.err).toMatch(/^switchboard: cannot write to /);
  });
  it('reports bad flags as one line with exit code 2', async () => {
    const io = bufferIo();
    expect(await main(['audit', fixture, '--format', 'queuelog'], io)).toBe(2);
    expect(io.err).toBe(
      'switchboard: --format: expected one of queue_log, queue_log-csv, sql, cdr-csv, freeswitch-csv, mapped-csv, received "queuelog" (did you mean "queue_log"?)\n',
    );
    const io2 = bufferIo();
    expect(await main(['audit', fixture, '--tz', 'Mars/Olympus'], io2)).toBe(2);
    const io4 = bufferIo();
    expect(await main(['audit', fixture, '--format', 'mapped-csv'], io4)).toBe(2);
    expect(io4.err).toMatch(/--map: expected a column map/);
    const io3 = bufferIo();
    expect(await main(['audit', join(dir, 'missing.log')], io3)).toBe(2);
  });
  it('runs through the real bin/switchboard.js', () => {
    const out = execFileSync(
      process.execPath,
      [join(root, 'bin/switchboard.js'), 'audit', fixture, '--json'],
      { timeout: 120_000, encoding: 'utf8' },
    );
    expect(JSON.parse(out).calls.offered).toBe(10);
  });
});
