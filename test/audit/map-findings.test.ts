import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions, parseColumnMap } from '../../src/audit/index.js';
import { Pseudonymiser } from '../../src/audit/pseudonymise.js';
import type { CallSummary } from '../../src/audit/records.js';
import { weekdayOfDay } from '../../src/calendar/weekdays.js';
import { InputError } from '../../src/errors.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { sharedData } from '../shared-data.js';

// QA findings on per-call exports read through a column map (--map): F-map-1 (a misspelt
// column read as empty), F-map-dup (the same calls given twice counted twice), F-pseudo-1 (the
// "no agent" placeholder taken for an agent). Each is shown on a small synthetic export (always
// run) and on the Technion SEE "Anonymous Bank" per-call records (Israel, 1999; public,
// ../shared/data/forecast/SOURCES.md), where QA saw it.

const dir = mkdtempSync(join(tmpdir(), 'map-findings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const syntheticMap = `callId: id
caller: caller
queue: queue
agent: agent
noAgent: [NOBODY]
times: { arrival: arrival, queueStart: q_start, answer: answer, end: end }
outcome: { column: outcome, values: { served: answered, hung: abandoned } }
`;
const header = 'id,caller,queue,agent,arrival,q_start,answer,end,outcome';
// Waits: 60 s answered, 90 s abandoned, 5 s answered, 120 s abandoned.
const rows = [
  '1,0611,main,alice,2026-03-02T09:00:00,2026-03-02T09:00:10,2026-03-02T09:01:10,2026-03-02T09:03:00,served',
  '2,0622,main,NOBODY,2026-03-02T09:05:00,2026-03-02T09:05:10,,2026-03-02T09:06:40,hung',
  '3,0633,main,bob,2026-03-02T09:10:00,2026-03-02T09:10:10,2026-03-02T09:10:15,2026-03-02T09:12:00,served',
  '4,0644,main,NOBODY,2026-03-02T10:20:00,2026-03-02T10:20:10,,2026-03-02T10:22:10,hung',
];

describe('F-map-1: every column a map names must be in the header', () => {
  it('a misspelt column stops the audit, naming the map, the key and the nearest column', async () => {
    const csv = write('calls.csv', `${header}\n${rows.join('\n')}\n`);
    const bad = syntheticMap.replace('queueStart: q_start', 'queueStart: q_strat');
    const map = parseColumnMap(bad, 'bad.yaml');
    // The old reader took the absent column as "never queued": SL 100 %, ASA 0 s.
    const error = await auditFiles([csv], { ...defaultAuditOptions, map }).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.file).toBe('bad.yaml');
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem.path).toBe('times.queueStart');
    expect(problem.received).toBe('"q_strat"');
    expect(problem.expected).toMatch(/column of the header of .*calls\.csv \("id", "caller"/);
    expect(problem.hint).toBe('did you mean "q_start"?');
  });

  it('a misspelt key of the map is refused too, with the nearest key', () => {
    const bad = syntheticMap
      .replace('queueStart: q_start', 'queueStrat: q_start')
      .replace('noAgent:', 'noAgnet:');
    let error: unknown;
    try {
      parseColumnMap(bad, 'keys.yaml');
    } catch (e) {
      error = e;
    }
    // Before: both keys were ignored (no queue start read: every call "never queued").
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems.map((p) => [p.path, p.hint]);
    expect(problems).toEqual([
      ['noAgnet', 'did you mean "noAgent"?'],
      ['times.queueStrat', 'did you mean "queueStart"?'],
    ]);
    expect((error as InputError).file).toBe('keys.yaml');
  });

  it('the right map reads the same file', async () => {
    const csv = write('calls-ok.csv', `${header}\n${rows.join('\n')}\n`);
    const map = parseColumnMap(syntheticMap, 'ok.yaml');
    const { report } = await auditFiles([csv], { ...defaultAuditOptions, map });
    expect(report.calls.offered).toBe(4);
    expect(report.asaSeconds).toBe((60 + 5) / 2);
  });
});

describe('F-map-dup: a call given twice is counted once, and said so', () => {
  it('the same export twice, and overlapping exports', async () => {
    const a = write('a.csv', `${header}\n${rows.join('\n')}\n`);
    const b = write('b.csv', `${header}\n${rows.slice(2).join('\n')}\n`);
    const map = parseColumnMap(syntheticMap, 'ok.yaml');
    const once = await auditFiles([a], { ...defaultAuditOptions, map });
    const twice = await auditFiles([a, a], { ...defaultAuditOptions, map });
    expect(twice.report.calls.offered).toBe(once.report.calls.offered);
    expect(twice.report.callers.repeat).toBe(0);
    expect(twice.report.input.map((f) => f.duplicates)).toEqual([undefined, 4]);
    const overlap = await auditFiles([a, b], { ...defaultAuditOptions, map });
    expect(overlap.report.calls.offered).toBe(4);
    expect(overlap.report.input[1]!.duplicates).toBe(2);
    expect(overlap.report.input[1]!.records).toBe(2); // still accounted for as records
  });
});

describe('F-pseudo-1: the "no agent" placeholder is no agent', () => {
  it('unanswered calls keep no agent, pseudonymised or not, and no hour counts it', async () => {
    const csv = write('calls-agents.csv', `${header}\n${rows.join('\n')}\n`);
    const map = parseColumnMap(syntheticMap, 'ok.yaml');
    for (const pseudonymiseKey of [undefined, 'a key of at least sixteen bytes']) {
      const calls: CallSummary[] = [];
      const { calibration } = await auditFiles([csv], {
        ...defaultAuditOptions,
        map,
        pseudonymiseKey,
        onCall: (call) => calls.push(call),
      });
      expect(calls.filter((c) => c.outcome === 'abandoned').map((c) => c.agent)).toEqual(['', '']);
      // 09:00 had alice and bob; 10:00 had only an abandoned call: nobody.
      const seen = calibration.staffingSeen.map((s) => [s.hour, s.agents]);
      expect(seen).toEqual([[9, 2]]);
    }
  });
});

// ------------------------------------------------------------------ the bank records
const bankPath = sharedData('forecast/anonymous-bank-1999-calls.csv');
const bankMapPath = new URL('../../audit-maps/anonymous-bank-1999.yaml', import.meta.url);

describe.skipIf(!bankPath)('the Anonymous Bank records through its map', () => {
  const lines = bankPath ? readFileSync(bankPath, 'utf8').split('\n') : [];
  const bankHeader = lines[0]!;
  const mapText = readFileSync(bankMapPath, 'utf8');
  const slice = (from: number, to: number) => [bankHeader, ...lines.slice(from, to)].join('\n');

  it('F-map-1: misspelt queueStart, caller, agent and queue each exit 2 with a hint', async () => {
    const typos: [string, string, string, string][] = [
      ['  queueStart: q_start', '  queueStart: q_strat', 'times.queueStart', 'q_start'],
      ['caller: customer_id', 'caller: custmer_id', 'caller', 'customer_id'],
      ['agent: server', 'agent: srever', 'agent', 'server'],
      ['queue: type', 'queue: tpye', 'queue', 'type'],
    ];
    for (const [right, wrong, key, column] of typos) {
      expect(mapText).toContain(right);
      const mapFile = write(`bad-${key}.yaml`, mapText.replace(right, wrong));
      const io = bufferIo();
      // Before the fix: rc 0, "Service level (20 s): 100.0%" for the queueStart typo.
      expect(await main(['audit', bankPath!, '--map', mapFile], io)).toBe(2);
      expect(io.err).toContain(`${mapFile}: ${key}: expected a column of the header of`);
      expect(io.err).toContain(`(did you mean "${column}"?)`);
      expect(io.err).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('F-map-dup: overlapping exports give the audit of their union', async () => {
    const map = parseColumnMap(mapText, 'anonymous-bank-1999.yaml');
    const options = { ...defaultAuditOptions, map, timeZone: 'Asia/Jerusalem' };
    const first = write('bank-1.csv', slice(1, 3001));
    const second = write('bank-2.csv', slice(2001, 5001));
    const union = write('bank-union.csv', slice(1, 5001));
    const expected = await auditFiles([union], options);
    const got = await auditFiles([first, second], options);
    // 1,000 rows in both files, less the PHANTOM ones (ignored before any call is made).
    const shared = lines.slice(2001, 3001).filter((l) => !l.includes(',PHANTOM,')).length;
    expect(got.report.input[1]!.duplicates).toBe(shared);
    expect(got.report.calls).toEqual(expected.report.calls);
    expect(got.report.callers).toEqual(expected.report.callers);
    expect(got.report.serviceLevel).toEqual(expected.report.serviceLevel);
    // The same file twice through the CLI: the summary says how many it dropped.
    const io = bufferIo();
    expect(await main(['audit', first, first, '--map', bankMapPath.pathname, '--json'], io)).toBe(
      0,
    );
    const json = JSON.parse(io.out);
    const inFile = lines.slice(1, 3001).filter((l) => l && !l.includes(',PHANTOM,')).length;
    expect(json.input[1].duplicates).toBe(inFile);
    expect(json.calls.offered).toBe((await auditFiles([first], options)).report.calls.offered);
    const text = bufferIo();
    expect(await main(['audit', first, first, '--map', bankMapPath.pathname], text)).toBe(0);
    expect(text.out).toContain(`; ${inFile} duplicates (records seen before: counted once)`);
  });

  it('F-pseudo-1: with noAgent: [NO_SERVER], NO_SERVER is nobody: no pseudonym, no agent in any hour', async () => {
    const withNoAgent = mapText.includes('noAgent:')
      ? mapText
      : mapText.replace('agent: server\n', 'agent: server\nnoAgent: [NO_SERVER]\n');
    const map = parseColumnMap(withNoAgent, 'anonymous-bank-1999.yaml');
    const key = 'a key of at least sixteen bytes';
    const calls: CallSummary[] = [];
    const file = write('bank-agents.csv', slice(1, 8001));
    const { calibration } = await auditFiles([file], {
      ...defaultAuditOptions,
      map,
      timeZone: 'Asia/Jerusalem',
      pseudonymiseKey: key,
      onCall: (call) => calls.push(call),
    });
    const noServer = new Pseudonymiser(key).agent('NO_SERVER');
    expect(calls.some((c) => c.agent === noServer)).toBe(false);
    expect(calls.filter((c) => c.outcome !== 'answered' && c.agent !== '')).toHaveLength(1); // 1 HANG row has a server
    // Agents seen per weekday × hour, counted here from the raw rows: distinct servers other
    // than NO_SERVER per date and hour of VRU entry, over the dates of that weekday.
    type Row = Record<string, string>;
    const raw = (parse(slice(1, 8001), { columns: true }) as Row[]).filter(
      (r) => r.outcome !== 'PHANTOM',
    );
    const dayOf = (d: string) =>
      Date.UTC(1900 + Number(d.slice(0, 2)), Number(d.slice(2, 4)) - 1, Number(d.slice(4))) /
      86_400_000;
    const dates = new Map<number, Set<number>>();
    const servers = new Map<string, Set<string>>();
    for (const r of raw) {
      const day = dayOf(r.date!);
      const weekday = weekdayOfDay(day);
      if (!dates.has(weekday)) dates.set(weekday, new Set());
      dates.get(weekday)!.add(day);
      if (r.server === 'NO_SERVER') continue;
      const cell = `${day}|${Number(r.vru_entry!.split(':')[0])}`;
      if (!servers.has(cell)) servers.set(cell, new Set());
      servers.get(cell)!.add(r.server!);
    }
    const expected = new Map<string, number>();
    for (const [cell, set] of servers) {
      const [day, hour] = cell.split('|').map(Number) as [number, number];
      const k = `${weekdayOfDay(day)}|${hour}`;
      expected.set(k, (expected.get(k) ?? 0) + set.size);
    }
    const got = new Map(calibration.staffingSeen.map((s) => [`${s.weekday}|${s.hour}`, s.agents]));
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [k, total] of expected) {
      const weekday = Number(k.split('|')[0]);
      expect(got.get(k)).toBeCloseTo(total / dates.get(weekday)!.size, 9);
    }
  });
});
