import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions } from '../../src/audit/audit-files.js';
import { parseColumnMap } from '../../src/audit/column-map.js';
import type { AuditFormat, FileAccount } from '../../src/audit/records.js';
import { InputError } from '../../src/errors.js';
import { withCpuMsAsync } from '../cpu-time.js';

// Issue 15's fuzz suite over every record format the audit reads (queue_log, its CSV export,
// SQL dumps of the queue_log and cdr tables, Asterisk Master.csv CDR, FreeSWITCH CDR, a
// per-call CSV read through a column map): plausible lines whose fields are swapped for
// hostile values — far-past and far-future times, huge and negative durations, wrong field
// counts, unclosed quotes, control characters, binary junk, CRLF, a byte-order mark, Latin-1.
// Every case is read (or refused with an InputError) within bounded time and memory, and
// every line is accounted for: lines = records + blank + rejected = the lines of the file
// (SQL: its units, a line outside INSERTs or one VALUES tuple), each rejection carrying the
// number of a line of the file. Library API, so hundreds of cases run in seconds.
// Formats: Asterisk queue_log and cdr_csv documentation, FreeSWITCH mod_cdr_csv default
// template, the Technion "Anonymous Bank" call records (audit-maps/anonymous-bank-1999.yaml).

const dir = mkdtempSync(join(tmpdir(), 'hostile-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let count = 0;

/** An epoch second, mostly in range, sometimes far outside it. */
const epoch = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1_704_700_000, max: 1_704_900_000 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -1, 1, 4_102_444_800, 99_999_999_999, 2 ** 31, 2 ** 53, 1e21),
  },
);
const iso = (t: number) => {
  const d = new Date(t * 1000);
  return Number.isNaN(d.getTime()) ? String(t) : d.toISOString().slice(0, 19).replace('T', ' ');
};
/** A field value: mostly ordinary, sometimes hostile. */
const field = (ordinary: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 14, arbitrary: ordinary },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '-1',
        '1e308',
        'NaN',
        '99999999999',
        '0000-00-00 00:00:00',
        '9999-12-31 23:59:59',
        '\u001b[2J',
        '"',
        "'",
        '__proto__',
        'constructor',
        '=1+1',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
const seconds = field(fc.integer({ min: 0, max: 900 }).map(String));
const caller = field(fc.integer({ min: 600_000_000, max: 699_999_999 }).map((n) => `0${n}`));
const queue = field(fc.constantFrom('main', 'night', 'x|y', 'toString'));
const agent = field(fc.constantFrom('SIP/ann', 'SIP/bob', 'Local/100@agents'));
const event = field(
  fc.constantFrom(
    'ENTERQUEUE',
    'CONNECT',
    'COMPLETECALLER',
    'COMPLETEAGENT',
    'ABANDON',
    'EXITWITHTIMEOUT',
    'EXITWITHKEY',
    'BLINDTRANSFER',
    'ATTENDEDTRANSFER',
    'RINGNOANSWER',
    'EXITEMPTY',
    'QUEUESTART',
  ),
);

/** A native queue_log line: time|callid|queue|agent|event|data… */
const queueLogLine = fc
  .tuple(
    epoch,
    fc.integer({ min: 1, max: 6 }),
    queue,
    agent,
    event,
    fc.array(seconds, { maxLength: 5 }),
  )
  .map(([t, c, q, a, e, data]) => [t, `c${c}`, q, a, e, ...data].join('|'));

/** CSV cells, quoted when needed. */
const csv = (cells: (string | number)[]) =>
  cells
    .map((c) => (typeof c === 'string' && /[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c))
    .join(',');

/** A row of a queue_log database export (`time,callid,queuename,agent,event,data1..5`). */
const queueLogCsvLine = fc
  .tuple(
    epoch,
    fc.integer({ min: 1, max: 6 }),
    queue,
    agent,
    event,
    fc.array(seconds, { minLength: 5, maxLength: 5 }),
  )
  .map(([t, c, q, a, e, data]) => csv([iso(t), `c${c}`, q, a, e, ...data]));

const disposition = field(fc.constantFrom('ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION'));
/** A Master.csv line (16-column classic template). */
const cdrLine = fc
  .tuple(caller, epoch, seconds, seconds, disposition)
  .map(([src, t, duration, billsec, disp]) =>
    csv([
      '',
      src,
      '200',
      'ctx',
      `"A" <${src}>`,
      'SIP/1',
      'SIP/2',
      'Dial',
      'x,y',
      iso(t),
      iso(t),
      iso(t),
      duration,
      billsec,
      disp,
      'DOCUMENTATION',
    ]),
  );

const cause = field(
  fc.constantFrom('NORMAL_CLEARING', 'USER_BUSY', 'NO_ANSWER', 'ORIGINATOR_CANCEL'),
);
/** A FreeSWITCH mod_cdr_csv line (default 15-column template). */
const freeswitchLine = fc
  .tuple(caller, epoch, seconds, seconds, cause, fc.uuid())
  .map(([src, t, duration, billsec, c, uuid]) =>
    csv([
      '',
      src,
      '1002',
      'default',
      iso(t),
      iso(t),
      iso(t),
      duration,
      billsec,
      c,
      uuid,
      '',
      '',
      'PCMU',
      'PCMU',
    ]),
  );

/** A `queue_log` or `cdr` INSERT, one to three tuples, on one line. */
const sqlLine = fc.oneof(
  fc
    .array(fc.tuple(epoch, fc.integer({ min: 1, max: 6 }), queue, event, caller), {
      minLength: 1,
      maxLength: 3,
    })
    .map(
      (rows) =>
        `INSERT INTO \`queue_log\` VALUES ${rows.map(([t, c, q, e, who], i) => `(${i},'${iso(t)}','c${c}','${q.replaceAll("'", "''")}','NONE','${e.replaceAll("'", "''")}','','${who.replaceAll("'", "''")}','1','','')`).join(',')};`,
    ),
  fc
    .array(fc.tuple(epoch, caller, seconds, disposition), { minLength: 1, maxLength: 3 })
    .map(
      (rows) =>
        `INSERT INTO \`cdr\` VALUES ${rows.map(([t, who, s, d]) => `('${iso(t)}','"A" <${who}>','${who}','200','ctx','SIP/1','SIP/2','Dial','x','${s}','${s}','${d}',3,'','u1','')`).join(',')};`,
    ),
  fc.constantFrom(
    '-- MySQL dump 10.13',
    'CREATE TABLE `cel` (',
    ') ENGINE=InnoDB;',
    "INSERT INTO `cel` VALUES (1,'x');",
    "INSERT INTO `queue_log` VALUES (1,'2024-01-08 10:00:00','c1','main','NONE','ENTERQUEUE','','0611',",
    "REPLACE INTO `queue_log` VALUES (2,'2024-01-08 10:00:00','c2','main','NONE','ABANDON','1','1','9','','');",
    'LOCK TABLES `queue_log` WRITE;',
  ),
);

const bankHeader =
  'vru+line,call_id,customer_id,priority,type,date,vru_entry,vru_exit,vru_time,q_start,q_exit,q_time,outcome,ser_start,ser_exit,ser_time,server';
const clock = field(
  fc
    .tuple(
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 }),
    )
    .map(([h, m, s]) => `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`),
);
/** A row of the Anonymous Bank export, read through its column map. */
const bankLine = fc
  .tuple(
    fc.integer({ min: 1, max: 99_999 }),
    caller,
    clock,
    clock,
    clock,
    seconds,
    field(fc.constantFrom('AGENT', 'HANG', 'PHANTOM')),
    field(fc.constantFrom('990101', '990102', '991231')),
  )
  .map(([id, who, entry, start, end, wait, outcome, date]) =>
    csv([
      'AA0101',
      id,
      who,
      '2',
      'PS',
      date,
      entry,
      entry,
      '5',
      start,
      end,
      wait,
      outcome,
      start,
      end,
      '54',
      'MICHAL',
    ]),
  );
const bankMap = parseColumnMap(
  readFileSync('audit-maps/anonymous-bank-1999.yaml', 'utf8'),
  'bank.yaml',
);

/** Lines of one format, with broken ones mixed in. */
function noisy(valid: fc.Arbitrary<string>) {
  return fc.array(
    fc.oneof(
      { weight: 8, arbitrary: valid },
      {
        weight: 1,
        arbitrary: valid.chain((l) =>
          fc.integer({ min: 0, max: l.length }).map((n) => l.slice(0, n)),
        ),
      },
      { weight: 1, arbitrary: valid.map((l) => `${l},extra|"field`) },
      {
        weight: 1,
        arbitrary: fc
          .uint8Array({ maxLength: 40 })
          .map((b) => Buffer.from(b.filter((x) => x !== 10 && x !== 13)).toString('latin1')),
      },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t', '#', '"') },
    ),
    { minLength: 1, maxLength: 40 },
  );
}

/** The accounting of `account` holds for a file of `physical` lines. */
function expectAccounted(account: FileAccount, physical: number, sql: boolean) {
  expect(account.lines).toBe(account.records + account.blank + account.rejected);
  if (!sql) expect(account.lines).toBe(physical);
  let previous = 0;
  for (const rejected of account.firstRejected) {
    expect(rejected.line).toBeGreaterThanOrEqual(1);
    expect(rejected.line).toBeLessThanOrEqual(physical);
    expect(rejected.line).toBeGreaterThanOrEqual(previous);
    expect(rejected.reason.length).toBeGreaterThan(0);
    previous = rejected.line;
  }
  expect(account.firstRejected.length).toBe(Math.min(20, account.rejected));
}

const cases: [AuditFormat, fc.Arbitrary<string>, string][] = [
  ['queue_log', queueLogLine, ''],
  [
    'queue_log-csv',
    queueLogCsvLine,
    'time,callid,queuename,agent,event,data1,data2,data3,data4,data5',
  ],
  ['sql', sqlLine, ''],
  ['cdr-csv', cdrLine, ''],
  ['freeswitch-csv', freeswitchLine, ''],
  ['mapped-csv', bankLine, bankHeader],
];

describe('every record format: read or refused, every line accounted for, bounded', () => {
  for (const [format, valid, header] of cases)
    it(format, async () => {
      await fc.assert(
        fc.asyncProperty(
          noisy(valid),
          fc.constantFrom('\n', '\r\n'),
          fc.constantFrom('utf8', 'bom', 'latin1'),
          fc.boolean(),
          async (lines, eol, encoding, detect) => {
            const all = header ? [header, ...lines] : lines;
            const text = `${encoding === 'bom' ? '\ufeff' : ''}${all.join(eol)}${eol}`;
            const path = join(dir, `r${++count}`);
            writeFileSync(path, encoding === 'latin1' ? Buffer.from(text, 'latin1') : text);
            const heap = process.memoryUsage().heapUsed;
            const { cpuMs } = await withCpuMsAsync(async () => {
              try {
                const { report } = await auditFiles([{ path, name: `r${count}` }], {
                  ...defaultAuditOptions,
                  format: detect && format !== 'mapped-csv' ? undefined : format,
                  ...(format === 'mapped-csv' ? { map: bankMap } : {}),
                });
                expectAccounted(report.input[0]!, all.length, report.input[0]!.format === 'sql');
                const c = report.calls;
                expect(c.offered).toBe(
                  c.answered + c.abandoned + c.timeout + c.exitKey + c.exitEmpty + c.busy + c.other,
                );
              } catch (error) {
                // Only a file whose format cannot be told (or a map that does not fit) is refused.
                expect(error).toBeInstanceOf(InputError);
              }
            });
            // Bounded: CPU time (a loaded machine stretches wall-clock time, not the work:
            // test/cpu-time.ts) and heap. A case costs ~30 ms of CPU at most.
            expect(cpuMs).toBeLessThan(5_000);
            expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200e6);
          },
        ),
        { numRuns: 60 },
      );
    });
});
