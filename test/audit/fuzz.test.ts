import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type AuditFormat, auditFiles, defaultAuditOptions } from '../../src/audit/index.js';
import { InputError } from '../../src/errors.js';

// Fuzzed inputs: valid lines mixed with truncated lines, binary junk, wrong column counts,
// out-of-order timestamps and unknown events. The audit must never crash and must account for
// every physical line (lines = records + blank + rejected = the file's line count).

const dir = mkdtempSync(join(tmpdir(), 'audit-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const events = [
  'ENTERQUEUE',
  'CONNECT',
  'COMPLETECALLER',
  'ABANDON',
  'BLINDTRANSFER',
  'EXITWITHKEY',
  'RINGNOANSWER',
  'ZZUNKNOWN',
  'FULL',
  'JOINEMPTY',
];
const nativeLine = fc
  .record({
    time: fc.integer({ min: 1_700_000_000, max: 1_700_100_000 }),
    call: fc.integer({ min: 1, max: 8 }),
    event: fc.constantFrom(...events),
    data: fc.array(fc.stringMatching(/^[0-9a-z ]{0,6}$/), { maxLength: 6 }),
  })
  .map((r) => [r.time, `c${r.call}`, 'main', 'SIP/a', r.event, ...r.data].join('|'));
const csvLine = fc
  .record({
    time: fc.integer({ min: 1_700_000_000, max: 1_700_100_000 }),
    call: fc.integer({ min: 1, max: 8 }),
    event: fc.constantFrom(...events),
  })
  .map((r) => `${r.time},c${r.call},main,SIP/a,${r.event},1,"0611,x",3,,`);
const cdrLine = fc
  .record({
    start: fc.integer({ min: 0, max: 86_399 }),
    disp: fc.constantFrom('ANSWERED', 'NO ANSWER', 'BUSY', 'JUNK', ''),
  })
  .map((r) => {
    const t = new Date((1_700_000_000 + r.start) * 1000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    return `"","100","200","ctx","""A"" <100>","SIP/1","SIP/2","Dial","x,y","${t}","${t}","${t}",5,4,"${r.disp}","DOCUMENTATION"`;
  });
const sqlLine = fc
  .array(fc.record({ t: fc.integer({ min: 0, max: 99_999 }), e: fc.constantFrom(...events) }), {
    minLength: 1,
    maxLength: 4,
  })
  .map(
    (rows) =>
      `INSERT INTO \`queue_log\` VALUES ${rows.map((r, i) => `(${i},'2024-01-0${1 + (r.t % 9)} 10:00:00','c${r.t % 5}','main','NONE','${r.e}','a,b','(x)','it''s','','')`).join(',')};`,
  );
const junk = fc
  .uint8Array({ maxLength: 40 })
  .map((bytes) => Buffer.from(bytes.filter((b) => b !== 10)).toString('latin1'));

function noisy(valid: fc.Arbitrary<string>) {
  return fc.array(
    fc.oneof(
      { weight: 6, arbitrary: valid },
      {
        weight: 1,
        arbitrary: valid.chain((l) =>
          fc.integer({ min: 0, max: l.length }).map((n) => l.slice(0, n)),
        ),
      },
      { weight: 1, arbitrary: junk },
      { weight: 1, arbitrary: valid.map((l) => `${l},extra|field`) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', '\r') },
    ),
    { maxLength: 40 },
  );
}

let counter = 0;
async function check(format: AuditFormat, lines: string[], binary: boolean, crlf: boolean) {
  const path = join(dir, `f${counter++}`);
  const text = lines.join(crlf ? '\r\n' : '\n') + (lines.length && counter % 2 ? '\n' : '');
  writeFileSync(path, binary ? Buffer.from(text, 'latin1') : text);
  const expectedLines =
    text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const { report } = await auditFiles([path], { ...defaultAuditOptions, format });
  const f = report.input[0]!;
  expect(f.lines).toBe(f.records + f.blank + f.rejected);
  if (format !== 'sql') expect(f.lines).toBe(expectedLines);
  const c = report.calls;
  expect(c.offered).toBe(
    c.answered + c.abandoned + c.timeout + c.exitKey + c.exitEmpty + c.busy + c.other,
  );
}

describe('fuzzed records never crash and never lose a line', () => {
  const cases: [AuditFormat, fc.Arbitrary<string>][] = [
    ['queue_log', nativeLine],
    ['queue_log-csv', csvLine],
    ['cdr-csv', cdrLine],
    ['sql', sqlLine],
  ];
  for (const [format, valid] of cases)
    it(`${format}`, async () => {
      await fc.assert(
        fc.asyncProperty(noisy(valid), fc.boolean(), fc.boolean(), async (lines, binary, crlf) => {
          await check(format, lines, binary, crlf);
        }),
        { numRuns: 60 },
      );
    });

  it('format detection either finds a format or says so as an input error', async () => {
    await fc.assert(
      fc.asyncProperty(noisy(fc.oneof(nativeLine, csvLine, cdrLine)), async (lines) => {
        const path = join(dir, `d${counter++}`);
        writeFileSync(path, lines.join('\n'));
        try {
          const { report } = await auditFiles([path], defaultAuditOptions);
          const f = report.input[0]!;
          expect(f.lines).toBe(f.records + f.blank + f.rejected);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 60 },
    );
  });
});
