import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions } from '../../src/audit/index.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// Files are named as the user typed them: relative paths stay relative, resolved against the
// command's working directory (io.cwd) only for reading. The cwd here is test/report, so the
// fixture is reached through `..`, the case users hit with ../shared/data/logs/….
const cwd = fileURLToPath(new URL('../report', import.meta.url));
const typed = '../audit/fixtures/small.queue_log';
const typedSurvey = '../audit/fixtures/survey.csv';
const absoluteFixture = fileURLToPath(new URL('./fixtures/small.queue_log', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'audit-display-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit names its input files as given on the command line', () => {
  it('in the terminal summary, for the records and the survey', async () => {
    const io = bufferIo(cwd);
    expect(await main(['audit', typed, '--survey', typedSurvey], io)).toBe(0);
    expect(io.out).toContain(`\n  ${typed}  queue_log: 34 lines`);
    expect(io.out).toContain(`Survey ${typedSurvey}: 11 lines`);
    expect(io.out).not.toContain(cwd);
  });
  it('in --json and in --out report.json and calls.csv', async () => {
    const io = bufferIo(cwd);
    const out = join(dir, 'out');
    expect(await main(['audit', typed, '--survey', typedSurvey, '--json', '--out', out], io)).toBe(
      0,
    );
    const printed = JSON.parse(io.out);
    expect(printed.input.map((f: { path: string }) => f.path)).toEqual([typed]);
    expect(printed.survey.file.path).toBe(typedSurvey);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toEqual(printed);
    const rows = readFileSync(join(out, 'calls.csv'), 'utf8').trim().split('\n');
    const header = rows[0]!.split(',');
    const files = new Set(rows.slice(1).map((row) => row.split(',')[header.indexOf('file')]));
    expect([...files]).toEqual([typed]);
  });
  it('keeps an absolute path absolute', async () => {
    const io = bufferIo(cwd);
    expect(await main(['audit', absoluteFixture, '--json'], io)).toBe(0);
    expect(JSON.parse(io.out).input[0].path).toBe(absoluteFixture);
  });
  it('in errors: a missing file, an unknown format, a missing survey (exit 2, one line)', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'hello\nworld\n');
    const missing = bufferIo(dir);
    expect(await main(['audit', 'nope.log'], missing)).toBe(2);
    expect(missing.err).toBe('switchboard: FILES: expected a readable file, received nope.log\n');
    const unknown = bufferIo(dir);
    expect(await main(['audit', 'notes.txt'], unknown)).toBe(2);
    expect(unknown.err).toMatch(/^switchboard: notes\.txt: --format: expected one of /);
    const survey = bufferIo(cwd);
    expect(await main(['audit', typed, '--survey', 'no-survey.csv'], survey)).toBe(2);
    expect(survey.err).toBe(
      'switchboard: --survey: expected a readable CSV file, received "no-survey.csv"\n',
    );
  });
});

describe('auditFiles with {path, name} inputs', () => {
  it('reads at path and names the file by name; a plain string is both', async () => {
    const named = await auditFiles([{ path: absoluteFixture, name: 'small.queue_log' }], {
      ...defaultAuditOptions,
      survey: { path: join(cwd, typedSurvey), name: 'survey.csv' },
    });
    expect(named.report.input[0]).toMatchObject({ path: 'small.queue_log', lines: 34 });
    expect(named.report.survey?.file.path).toBe('survey.csv');
    const plain = await auditFiles([absoluteFixture], defaultAuditOptions);
    expect(plain.report.input[0]!.path).toBe(absoluteFixture);
    expect({ ...plain.report.input[0], path: '' }).toEqual({ ...named.report.input[0], path: '' });
  });
});
