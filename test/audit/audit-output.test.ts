import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditResult, auditFiles, defaultAuditOptions } from '../../src/audit/audit-files.js';
import { AuditOutput } from '../../src/audit/audit-output.js';
import type { CallSummary } from '../../src/audit/records.js';
import { RunError } from '../../src/errors.js';

// `audit --out` streams calls.csv while the audit runs and writes the rest at the end, all
// through a staging directory (its doc comment is the specification tested here): a failure
// leaves no partial output, and what the directory held before stays as it was.
const fixture = fileURLToPath(new URL('./fixtures/small.queue_log', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'audit-output-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let result: AuditResult;
const calls: CallSummary[] = [];
beforeAll(async () => {
  result = await auditFiles([fixture], { ...defaultAuditOptions, onCall: (c) => calls.push(c) });
});

let count = 0;
/** A parent folder holding `out/` with a previous report and a file of the user's. */
function previousOutput(): { at: string; out: string } {
  const at = join(root, `case-${++count}`);
  const out = join(at, 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'report.json'), 'previous\n');
  writeFileSync(join(out, 'notes.txt'), 'mine\n');
  return { at, out };
}
const entries = (dir: string) => readdirSync(dir).sort();

describe('AuditOutput', () => {
  it('writes calls.csv (one row a call) and the other files into a new directory', () => {
    const at = join(root, `case-${++count}`);
    const output = new AuditOutput(join(at, 'out'), [fixture]);
    for (const call of calls) output.addCall(call);
    expect(entries(at)).toHaveLength(1);
    expect(entries(at)[0]).toMatch(/^\./);
    expect(output.commit(result)).toEqual([
      'calibration.json',
      'calls.csv',
      'history.csv',
      'report.json',
      'scenario.yaml',
    ]);
    expect(entries(at)).toEqual(['out']);
    const rows = readFileSync(join(at, 'out', 'calls.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(rows).toHaveLength(calls.length + 1);
  });

  it('refuses a directory that holds files unless forced', () => {
    const { out } = previousOutput();
    expect(() => new AuditOutput(out, [fixture])).toThrow(
      /--out: expected a new or empty directory/,
    );
  });

  it('with force, replaces its own files in an existing directory and keeps the others', () => {
    const { at, out } = previousOutput();
    const output = new AuditOutput(out, [fixture], { force: true });
    for (const call of calls) output.addCall(call);
    output.commit(result);
    expect(entries(at)).toEqual(['out']);
    expect(entries(out)).toEqual([
      'calibration.json',
      'calls.csv',
      'history.csv',
      'notes.txt',
      'report.json',
      'scenario.yaml',
    ]);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).calls.offered).toBe(
      result.report.calls.offered,
    );
  });

  it('a failure half-way through the writing leaves the previous content intact', () => {
    const { at, out } = previousOutput();
    const output = new AuditOutput(out, [fixture], { force: true });
    for (const call of calls) output.addCall(call);
    // calls.csv is written, then report.json cannot be serialised (a BigInt): the commit fails.
    const broken = { ...result, report: { ...result.report, bad: 1n } } as unknown as AuditResult;
    expect(() => output.commit(broken)).toThrow(RunError);
    expect(entries(at)).toEqual(['out']);
    expect(entries(out)).toEqual(['notes.txt', 'report.json']);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('previous\n');
  });

  it('abort after a failed audit leaves nothing, not even a new directory', () => {
    const at = join(root, `case-${++count}`);
    const output = new AuditOutput(join(at, 'out'), [fixture]);
    for (const call of calls.slice(0, 3)) output.addCall(call);
    output.abort();
    expect(entries(at)).toEqual([]);
  });
});
