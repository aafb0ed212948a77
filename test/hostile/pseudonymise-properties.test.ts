import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditFormats } from '../../src/audit/records.js';
import { expectSafe, fieldName, filesUnder, scratch } from './output-checks.js';

// Issue 15, "private by default when asked": under --pseudonymise no output — the terminal
// text, --json, the --out files (calls.csv, history.csv, report.json, calibration.json,
// scenario.yaml) and the --report page — holds a caller's number (as a digit run, however it
// was formatted), a caller's name (the display name of a caller id, `"Ann Lee" <0612…>`, a CDR
// clid, FreeSWITCH's caller_id_name, a per-call export's name column) or an agent's name, for
// records in every format the audit reads (src/audit/records.ts auditFormats), broken lines
// among them. Pseudonyms are keyed: the same key gives the same pseudonyms, another key others.
// Record layouts: Asterisk queue_log (docs.asterisk.org, "Queue Logs"), its database export,
// a mysqldump of the queue_log and cdr tables, Asterisk Master.csv (cdr_csv's 16 columns),
// FreeSWITCH mod_cdr_csv's default template (15 columns).

const { fresh, run } = scratch('hostile-private');
const KEY = '0123456789abcdef0123456789abcdef';
const keyFile = fresh('key');
writeFileSync(keyFile, `${KEY}\n`);
const OTHER_KEY = 'another key of 16+ bytes';

/**
 * A word of a person's name: a capital and 5–8 letters drawn apart from the generated queue
 * names' letters and from hexadecimal (a pseudonym's digits), so finding it in an output means
 * it leaked, not that a pseudonym or a queue name happened to spell it.
 */
const personWord = fc
  .tuple(
    fc.constantFrom(...'BCDGHJKLMNPRSTVW'),
    fc.array(fc.constantFrom(...'ghijklmnopqrstuvwé'), { minLength: 5, maxLength: 8 }),
  )
  .map(([first, rest]) => first + rest.join(''));
const personName = fc.array(personWord, { minLength: 1, maxLength: 2 }).map((w) => w.join(' '));

/** How a switch writes an agent: a channel, a queue member, a plain name. */
const agentForms = [
  (n: string) => n,
  (n: string) => `SIP/${n.replaceAll(' ', '')}`,
  (n: string) => `Agent/${n.replaceAll(' ', '')}`,
  (n: string) => `PJSIP/${n.replaceAll(' ', '')}`,
  (n: string) => `Local/${n.replaceAll(' ', '')}@from-queue/n`,
  (n: string) => `SIP/${n.replaceAll(' ', '')}-0000001f`,
];

/** One call as the records hold it. */
const call = fc
  .record({
    digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 12 }),
    style: fc.constantFrom('plain', 'plus', 'spaced', 'dotted', 'dashed', 'named', 'formula'),
    name: personName,
    agentName: personName,
    agentForm: fc.integer({ min: 0, max: agentForms.length - 1 }),
    queue: fieldName,
    outcome: fc.constantFrom('answered', 'abandoned', 'transferred'),
  })
  .map((c) => {
    const d = `7${c.digits.join('')}`;
    const pairs = d.match(/.{1,2}/g)!;
    const caller = {
      plain: d,
      plus: `+${d}`,
      spaced: `+${pairs.join(' ')}`,
      dotted: pairs.join('.'),
      dashed: `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
      named: `"${c.name}" <${d}>`,
      formula: `=${d}`,
    }[c.style];
    return { ...c, caller, agent: agentForms[c.agentForm]!(c.agentName) };
  });
type Call = ReturnType<(typeof call)['generate']>['value'];

/** The digit runs a caller field gives away: each run of 6+ digits, and all its digits. */
function callerDigits(field: string): string[] {
  const runs = field.match(/\d{6,}/g) ?? [];
  const all = field.replace(/\D/g, '');
  return all.length >= 6 ? [...runs, all] : runs;
}

/** `text` with the formatting between digits removed (`+33 6 12` → `+33612`). */
const joinDigits = (text: string) => text.replace(/(?<=\d)[ .\-/()\u00a0]{1,2}(?=\d)/g, '');

const BASE = 1_704_700_800; // Monday 2024-01-08 08:00 UTC
const when = (t: number) => new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ');
const csv = (values: (string | number)[]) =>
  values.map((v) => (typeof v === 'number' ? v : `"${v.replaceAll('"', '""')}"`)).join(',');
const sql = (v: string) => `'${v.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
/** A line no reader accepts, quoting every private field of the call. */
const broken = (c: Call) => `broken ${c.caller} ${c.agent} ${c.name}`;

/** The same calls in the five formats the audit tells apart by itself, each with a broken line. */
function detectedFiles(calls: Call[]): string[] {
  const log: string[] = [];
  const exported = ['time,callid,queuename,agent,event,data1,data2,data3,data4,data5'];
  const dump: string[] = [];
  const master: string[] = [];
  const freeswitch: string[] = [];
  calls.forEach((c, i) => {
    const t = BASE + 300 * i;
    // queue_log events: [time, event, agent, data…]; an agent session around the call.
    const events: [number, string, string, ...string[]][] = [
      [t - 20, 'ADDMEMBER', c.agent],
      [t, 'ENTERQUEUE', 'NONE', '', c.caller, '1'],
    ];
    if (c.outcome === 'abandoned') events.push([t + 30, 'ABANDON', 'NONE', '1', '1', '30']);
    else {
      events.push([t + 10, 'CONNECT', c.agent, '10', 'x', '1']);
      events.push(
        c.outcome === 'transferred'
          ? [t + 70, 'BLINDTRANSFER', c.agent, c.caller, 'out', '10', '60', '1']
          : [t + 70, 'COMPLETECALLER', c.agent, '10', '60', '1'],
      );
    }
    events.push([t + 200, 'REMOVEMEMBER', c.agent]);
    for (const [time, event, agent, ...data] of events) {
      const id = event.endsWith('MEMBER') ? 'NONE' : null;
      log.push([time, id ?? `q${i}`, c.queue, agent, event, ...data].join('|'));
      const five = [...data, '', '', '', '', ''].slice(0, 5);
      exported.push(csv([when(time), id ?? `k${i}`, c.queue, agent, event, ...five]));
      if (!id)
        dump.push(
          `INSERT INTO \`queue_log\` VALUES (${dump.length + 1},'${when(time)}','s${i}',${[c.queue, agent, event, ...five].map(sql).join(',')});`,
        );
    }
    log.push(`${t + 99}|q${i}|${broken(c)}`);
    exported.push(csv([when(t + 99), `k${i}`, broken(c)]));
    dump.push(`INSERT INTO \`queue_log\` VALUES (99,'${when(t + 99)}',${sql(broken(c))});`);
    const answered = c.outcome !== 'abandoned';
    const channel = `SIP/${c.agentName.replaceAll(' ', '')}`;
    dump.push(
      `INSERT INTO \`cdr\` VALUES ('${when(t)}',${[`"${c.name}" <${c.caller}>`, c.caller, '200', 'ctx', `${channel}-00000001`, `${channel}-00000002`, 'Dial', channel].map(sql).join(',')},60,55,'${answered ? 'ANSWERED' : 'NO ANSWER'}',3,'','u${i}','');`,
    );
    master.push(
      csv([
        '',
        c.caller,
        '200',
        'ctx',
        `"${c.name}" <${c.caller}>`,
        `${channel}-00000001`,
        `${channel}-00000002`,
        'Dial',
        `${channel},30`,
        when(t),
        answered ? when(t + 5) : '',
        when(t + 60),
        60,
        answered ? 55 : 0,
        answered ? 'ANSWERED' : 'NO ANSWER',
        'DOCUMENTATION',
      ]),
    );
    freeswitch.push(
      csv([
        c.name,
        c.caller,
        '1002',
        'default',
        when(t),
        answered ? when(t + 5) : '',
        when(t + 60),
        60,
        answered ? 55 : 0,
        answered ? 'NORMAL_CLEARING' : 'NO_ANSWER',
        `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        '',
        '',
        'PCMU',
        'PCMU',
      ]),
    );
  });
  // Broken lines after the first record (a CSV's first record sets its layout).
  master.push(csv(['broken', calls[0]!.name, calls[0]!.caller, calls[0]!.agent]));
  freeswitch.push(csv([calls[0]!.name, calls[0]!.caller, 'broken']));
  const files: [string, string[]][] = [
    ['calls.log', log],
    ['queue_log.csv', exported],
    ['dump.sql', dump],
    ['Master.csv', master],
    ['freeswitch.csv', freeswitch],
  ];
  return files.map(([name, lines]) => {
    const path = fresh(name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  });
}

const MAP = `# a per-call export with the caller's name beside the number
callId: call_id
caller: caller
queue: queue
agent: agent
times: { arrival: arrival, answer: answer, end: end }
outcome:
  column: outcome
  values: { answered: answered, abandoned: abandoned, transferred: answered }
`;

/** The calls as a per-call CSV export read through a column map (`--map`). */
function mappedFile(calls: Call[]): { file: string; map: string } {
  const rows = ['call_id,caller,caller_name,queue,agent,arrival,answer,end,outcome'];
  calls.forEach((c, i) => {
    const t = BASE + 300 * i;
    const answered = c.outcome !== 'abandoned';
    rows.push(
      csv([
        `m${i}`,
        c.caller,
        c.name,
        c.queue,
        answered ? c.agent : '',
        when(t),
        answered ? when(t + 10) : '',
        when(t + 70),
        c.outcome,
      ]),
    );
    rows.push(csv([`m${i}x`, c.caller, c.name, c.queue, c.agent, broken(c), '', '', 'answered']));
  });
  const file = fresh('export.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  const map = fresh('map.yaml');
  writeFileSync(map, MAP);
  return { file, map };
}

/** No output holds a caller's digits, a caller's name or an agent's name. */
function expectNothingPrivate(calls: Call[], outputs: string[]) {
  const joined = outputs.map(joinDigits);
  for (const c of calls) {
    for (const digits of callerDigits(c.caller))
      for (let i = 0; i < outputs.length; i++) {
        expect(outputs[i], `caller digits ${digits}`).not.toContain(digits);
        expect(joined[i], `caller digits ${digits}`).not.toContain(digits);
      }
    for (const word of [...c.name.split(' '), ...c.agentName.split(' ')])
      for (const output of outputs) expect(output, `name ${word}`).not.toContain(word);
  }
}

/** The caller and agent columns of a calls.csv. */
function pseudonymsOf(out: string) {
  const rows = parseCsv(readFileSync(join(out, 'calls.csv'), 'utf8'), {
    columns: true,
  }) as Record<string, string>[];
  return {
    callers: rows.map((r) => r.caller!).filter(Boolean),
    agents: rows.map((r) => r.agent!).filter(Boolean),
  };
}

/** {@link fresh}'s `--report PAGE` on a property's first run only (a page costs ½–2 s). */
function firstRunReport(): (name: string) => string[] {
  let drawn = false;
  return (name) => (drawn ? [] : ((drawn = true), ['--report', fresh(name)]));
}

describe('--pseudonymise: no caller number, caller name or agent name in any output', () => {
  const privately = ['--pseudonymise', '--pseudonymise-key-file', keyFile];

  it('the five detected formats at once: text, --json, --out files, --report', async () => {
    const report = firstRunReport();
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 2, maxLength: 6 }), async (calls) => {
        const files = detectedFiles(calls);
        const out = fresh('audit-out');
        const page = report('audit.html');
        const audited = await run([
          'audit',
          ...files,
          ...privately,
          '--out',
          out,
          '--json',
          ...page,
        ]);
        expect(audited.code, audited.err).toBe(0);
        const json = JSON.parse(audited.out);
        // Every file was read as the format it was written in, and its broken line rejected.
        expect(json.input.map((f: { format: string }) => f.format)).toEqual([
          'queue_log',
          'queue_log-csv',
          'sql',
          'cdr-csv',
          'freeswitch-csv',
        ]);
        for (const account of json.input) {
          expect(account.records).toBeGreaterThan(0);
          expect(account.rejected).toBeGreaterThan(0);
        }
        // Agents' sessions (ADDMEMBER … REMOVEMEMBER) give occupancy rows, under pseudonyms.
        expect(json.occupancy.byAgent.length).toBeGreaterThan(0);
        for (const row of json.occupancy.byAgent) expect(row.agent).toMatch(/^a:[0-9a-f]{16}/);
        const text = await run(['audit', ...files, ...privately]);
        expect(text.code, text.err).toBe(0);
        const streams = [audited.out, audited.err, text.out, text.err];
        const paths = [out, ...page.slice(1)];
        expectSafe(streams, paths);
        expectNothingPrivate(calls, [...streams, ...paths.flatMap(filesUnder).map((f) => f.text)]);
        const { callers, agents } = pseudonymsOf(out);
        for (const p of callers) expect(p).toMatch(/^p:[0-9a-f]{16}$/);
        for (const a of agents) expect(a).toMatch(/^a:[0-9a-f]{16}$/);
        expect(callers.length).toBeGreaterThan(0);
        if (calls.some((c) => c.outcome !== 'abandoned')) expect(agents.length).toBeGreaterThan(0);
        // One agent however the switch wrote its channel (`SIP/Ann-0000001f`, `Agent/Ann`).
        const names = calls
          .filter((c) => c.outcome !== 'abandoned')
          .map((c) => (c.agentForm === 0 ? c.agentName : c.agentName.replaceAll(' ', '')));
        expect(new Set(agents).size).toBe(new Set(names).size);
      }),
      // 4 runs × 2–6 calls × 5 formats (+ one broken line each): ~80 records a property run.
      { numRuns: 4 },
    );
  });

  it('a per-call export read through --map: text, --json, --out files, --report', async () => {
    const report = firstRunReport();
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 2, maxLength: 6 }), async (calls) => {
        const { file, map } = mappedFile(calls);
        const out = fresh('mapped-out');
        const page = report('mapped.html');
        const flags = ['--map', map, ...privately];
        const audited = await run(['audit', file, ...flags, '--out', out, '--json', ...page]);
        expect(audited.code, audited.err).toBe(0);
        const json = JSON.parse(audited.out);
        expect(json.input[0].format).toBe('mapped-csv');
        expect(json.input[0].records).toBe(calls.length);
        expect(json.input[0].rejected).toBe(calls.length);
        const text = await run(['audit', file, ...flags]);
        expect(text.code, text.err).toBe(0);
        const streams = [audited.out, audited.err, text.out, text.err];
        const paths = [out, ...page.slice(1)];
        expectSafe(streams, paths);
        expectNothingPrivate(calls, [...streams, ...paths.flatMap(filesUnder).map((f) => f.text)]);
        expect(pseudonymsOf(out).callers).toHaveLength(calls.length);
      }),
      { numRuns: 4 },
    );
  });

  it('the same key gives the same pseudonyms; another key, other pseudonyms', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 2, maxLength: 6 }), async (calls) => {
        const files = detectedFiles(calls);
        const once = fresh('once');
        const again = fresh('again');
        const other = fresh('other');
        expect((await run(['audit', ...files, ...privately, '--out', once])).code).toBe(0);
        expect((await run(['audit', ...files, ...privately, '--out', again])).code).toBe(0);
        // The key from the environment, this time: another key.
        const env = { SWITCHBOARD_PSEUDONYMISE_KEY: OTHER_KEY };
        expect((await run(['audit', ...files, '--pseudonymise', '--out', other], env)).code).toBe(
          0,
        );
        const calls1 = readFileSync(join(once, 'calls.csv'), 'utf8');
        expect(readFileSync(join(again, 'calls.csv'), 'utf8')).toBe(calls1);
        const a = pseudonymsOf(once);
        const b = pseudonymsOf(other);
        // Same structure (who called twice, who answered what), no pseudonym in common.
        expect(b.callers.length).toBe(a.callers.length);
        expect(new Set(b.callers).size).toBe(new Set(a.callers).size);
        expect(new Set(b.agents).size).toBe(new Set(a.agents).size);
        for (const p of b.callers) expect(a.callers).not.toContain(p);
        for (const p of b.agents) expect(a.agents).not.toContain(p);
      }),
      { numRuns: 3 },
    );
  });
});

describe('--pseudonymise keys', () => {
  const log = fresh('one.log');
  writeFileSync(log, '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1\n');
  it('refuses a key shorter than 16 bytes, from a file or the environment; takes 16', async () => {
    const short = fresh('short-key');
    writeFileSync(short, '0123456789abcde\n');
    const fromFile = await run(['audit', log, '--pseudonymise', '--pseudonymise-key-file', short]);
    expect(fromFile.code).toBe(2);
    expect(fromFile.err).toContain('a key of at least 16 bytes, received 15 bytes');
    const env = (key: string) => ({ SWITCHBOARD_PSEUDONYMISE_KEY: key });
    const fromEnv = await run(['audit', log, '--pseudonymise'], env('0123456789abcde'));
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.err).toContain('$SWITCHBOARD_PSEUDONYMISE_KEY');
    // 16 bytes, counted as bytes: 8 two-byte characters are enough.
    const ok = await run(['audit', log, '--pseudonymise', '--json'], env('éééééééé'));
    expect(ok.code, ok.err).toBe(0);
  });

  it('covers every format the audit reads', () => {
    // The properties above write each of these; a new format must be added to them.
    expect([...auditFormats].sort()).toEqual(
      ['cdr-csv', 'freeswitch-csv', 'mapped-csv', 'queue_log', 'queue_log-csv', 'sql'].sort(),
    );
  });
});
