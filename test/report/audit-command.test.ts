/**
 * `switchboard audit … --report FILE.html` end to end through `main` (and once through the real
 * `bin/switchboard.js`): the page states what the same run's `--json` says, and what the log
 * itself holds. Sources of the expected values: the synthetic queue_log's own lines (counted
 * here with a regular expression, independently of the audit), the audit's `--json` output of
 * the same run, and the real records in ../shared/data/logs (see their SOURCES.md).
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticQueueLog } from '../../src/audit/synthetic-queue-log.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { formatCount, formatPercent } from '../../src/report/format.js';
import { sharedData } from '../shared-data.js';
import { pageText } from './page-text.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const small = fileURLToPath(new URL('../audit/fixtures/small.queue_log', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'audit-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Spaces as the page text has them (non-breaking ones included). */
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Run `audit ARGS --json --report FILE` through main; returns the JSON and the page's text. */
async function auditWithReport(args: string[], name: string) {
  const file = join(dir, name);
  const io = bufferIo(dir);
  const code = await main(['audit', ...args, '--json', '--report', file], io);
  expect(code, io.err).toBe(0);
  expect(io.err).toContain(`report: ${file} (`);
  const html = readFileSync(file, 'utf8');
  return { json: JSON.parse(io.out), html, text: pageText(html) };
}

describe('audit --report on a synthetic queue_log (no ../shared needed)', () => {
  const log = join(dir, 'synthetic.queue_log');
  writeFileSync(log, syntheticQueueLog({ lines: 6_000 }, seedrandom('audit-report')));
  const lines = readFileSync(log, 'utf8').split('\n');
  const count = (event: string) => lines.filter((l) => l.split('|')[4] === event).length;

  it('states the counts the log holds, with every definition of the audit', async () => {
    const { json, html, text } = await auditWithReport([log], 'synthetic.html');
    const offered = count('ENTERQUEUE');
    expect(text).toContain(flat(`The records hold ${formatCount(offered)} queue calls`));
    expect(text).toContain(flat(`${formatPercent(count('ABANDON') / offered)} abandoned`));
    // Transfers: every BLINDTRANSFER line is one transferred call (the log never re-queues).
    expect(text).toContain(
      flat(`${formatCount(count('BLINDTRANSFER'))} calls, 0 came back to a queue`),
    );
    for (const definition of Object.values(json.definitions as Record<string, string>))
      expect(text).toContain(flat(definition));
    // The heatmap of offered calls holds every call once.
    const cells = (json.byHour as { offered: number }[]).reduce((s, h) => s + h.offered, 0);
    expect(cells).toBe(offered);
    expect(html).toContain('data-chart="heatmap"');
    expect(html).toContain('data-chart="survival"');
    expect(text).toContain(
      flat(`half would have given up by ${Math.round(json.patience.medianSeconds)} s`),
    );
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
  });

  it('lists the rejected lines of a messy log with their line numbers', async () => {
    const { json, text } = await auditWithReport([small], 'small.html');
    const file = json.input[0];
    expect(file.rejected).toBeGreaterThan(0);
    expect(text).toContain(flat(`${file.rejected} of ${file.lines} lines`));
    for (const r of file.firstRejected as { line: number; reason: string }[])
      expect(text).toContain(flat(`${r.line} ${r.reason}`));
  });

  it('checks --report before reading anything: a bad path exits 2 at once', async () => {
    for (const report of ['audit.pdf', 'no-such-dir/audit.html']) {
      const io = bufferIo(dir);
      expect(await main(['audit', join(dir, 'missing.queue_log'), '--report', report], io)).toBe(2);
      expect(io.err).toMatch(/^switchboard: --report: /);
      expect(io.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it.skipIf(!existsSync(join(root, 'dist/index.js')))(
    'works through the real bin/switchboard.js',
    () => {
      const file = join(dir, 'bin.html');
      const run = spawnSync(
        process.execPath,
        [join(root, 'bin/switchboard.js'), 'audit', small, '--report', file],
        { timeout: 120_000, cwd: dir, encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/^report: .*bin\.html \(\d+ bytes\)\n$/);
      expect(run.stdout).toContain('Inputs (lines = records + blank + rejected)');
      expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/i);
    },
  );
});

const samples = [
  'pbxware-realtime.csv',
  'malariapbx-realtime.sql',
  'asterisk2slack-fixture.queue_log',
].map((name) => sharedData(`logs/${name}`));

describe.skipIf(samples.some((s) => !s))('audit --report on real queue_log samples', () => {
  it('shows the JSON’s figures, each file’s accounting and the local time zone', async () => {
    const { json, text } = await auditWithReport(
      [...(samples as string[]), '--tz', 'America/Chicago'],
      'samples.html',
    );
    expect(text).toContain(flat(`The records hold ${formatCount(json.calls.offered)} queue calls`));
    expect(text).toContain(
      flat(
        `Service level was ${formatPercent(json.serviceLevel.ofAnsweredAndAbandoned)} within 20`,
      ),
    );
    expect(text).toContain(flat('local time, America/Chicago'));
    // The page shows paths relative to the command's directory (`dir` here).
    for (const f of json.input as { path: string; lines: number; records: number }[])
      expect(text).toContain(flat(relative(dir, f.path)));
    for (const q of json.byQueue as { queue: string }[]) expect(text).toContain(flat(q.queue));
    for (const d of Object.values(json.definitions as Record<string, string>))
      expect(text).toContain(flat(d));
  });
});

const cdrDump = sharedData('logs/freepbx-asteriskcdrdb.sql');

describe.skipIf(!cdrDump)('audit --report on a CDR-only dump (no queue call)', () => {
  it('shows the CDR calls by outcome, from the JSON', async () => {
    const { json, html, text } = await auditWithReport([cdrDump!], 'cdr.html');
    expect(json.calls.offered).toBe(0);
    const cdr = json.calls.cdr;
    expect(text).toContain(
      flat(`the CDR holds ${formatCount(cdr.calls)} calls in ${formatCount(cdr.legs)} legs`),
    );
    expect(text).toContain(flat(`answered ${formatCount(cdr.answered)} (`));
    expect(html).toContain('data-chart="bar"');
    expect(html).not.toContain('data-chart="heatmap"');
  });
});
