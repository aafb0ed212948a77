import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// Issue 15: under --pseudonymise no output holds a digit run of a caller number (formatted or
// not, in a caller field, a transfer target or a rejected line); and what audit --out and
// --queue-log write, simulate and audit read back.

const dir = mkdtempSync(join(tmpdir(), 'hostile-private-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = join(dir, 'key');
writeFileSync(key, '0123456789abcdef0123456789abcdef\n');

async function run(argv: string[]) {
  const io = bufferIo(dir);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** Every file under `path`, as text. */
const texts = (path: string) => readdirSync(path).map((n) => readFileSync(join(path, n), 'utf8'));

/** A phone number written as people and switches write them. */
const formatted = fc
  .record({
    digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 11 }),
    style: fc.constantFrom('plain', 'spaced', 'dotted', 'plus'),
  })
  .map(({ digits, style }) => {
    const d = `6${digits.join('')}`;
    if (style === 'plain') return `0${d}`;
    if (style === 'spaced') return `+33 ${d.match(/.{1,2}/g)!.join(' ')}`;
    if (style === 'dotted') return `0${d.match(/.{1,2}/g)!.join('.')}`;
    return `+33${d}`;
  });

let runs = 0;
describe('--pseudonymise', () => {
  it('leaves no digit run of a caller number in any output, terminal or page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(formatted, { minLength: 1, maxLength: 4 }), async (numbers) => {
        const n = ++runs;
        const lines: string[] = [];
        numbers.forEach((number, i) => {
          const t = 1704700800 + 100 * i;
          lines.push(`${t}|c${i}|main|NONE|ENTERQUEUE||${number}|1`);
          lines.push(`${t + 5}|c${i}|main|SIP/bob|CONNECT|5|x|1`);
          lines.push(`${t + 50}|c${i}|main|SIP/bob|BLINDTRANSFER|${number}|outbound|5|45|1`);
          lines.push(`junk ${number} not a record`);
        });
        const log = join(dir, `p${n}.log`);
        writeFileSync(log, `${lines.join('\n')}\n`);
        const out = join(dir, `p${n}-out`);
        const page = join(dir, `p${n}.html`);
        const result = await run([
          'audit',
          log,
          '--pseudonymise',
          '--pseudonymise-key-file',
          key,
          '--out',
          out,
          '--report',
          page,
          '--json',
        ]);
        expect(result.code).toBe(0);
        const outputs = [result.out, result.err, readFileSync(page, 'utf8'), ...texts(out)];
        for (const number of numbers) {
          const digits = number.replace(/\D/g, '');
          for (const text of outputs) {
            expect(text).not.toContain(number);
            expect(text.replace(/[^\d]/g, ' ')).not.toContain(digits.slice(-8));
          }
        }
      }),
      { numRuns: 6 },
    );
  });

  it('the same number, formatted two ways, is one caller', async () => {
    const log = join(dir, 'two-ways.log');
    writeFileSync(
      log,
      '1704700800|c1|main|NONE|ENTERQUEUE||+33 6 12 34 56 78|1\n' +
        '1704700830|c1|main|NONE|ABANDON|1|1|30\n' +
        '1704700900|c2|main|NONE|ENTERQUEUE||+33612345678|1\n' +
        '1704700930|c2|main|NONE|ABANDON|1|1|30\n',
    );
    const report = JSON.parse(
      (await run(['audit', log, '--pseudonymise', '--pseudonymise-key-file', key, '--json'])).out,
    );
    expect(report.calls.offered).toBe(2);
    expect(report.callers.distinct).toBe(1);
  });

  it('refuses a key shorter than 16 bytes', async () => {
    const short = join(dir, 'short-key');
    writeFileSync(short, 'x');
    const log = join(dir, 'two-ways.log');
    const result = await run(['audit', log, '--pseudonymise', '--pseudonymise-key-file', short]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('a key of at least 16 bytes, received 1 bytes');
  });
});

describe('round trips close', () => {
  const queueLog = (events: string[]) => {
    const path = join(dir, `rt-${++runs}.log`);
    writeFileSync(path, `${events.join('\n')}\n`);
    return path;
  };
  const simulateBack = async (log: string, expectScenario = true) => {
    const out = join(dir, `rt-out-${runs}`);
    const audited = await run(['audit', log, '--out', out]);
    expect(audited.code).toBe(0);
    if (!expectScenario) {
      expect(existsSync(join(out, 'scenario.yaml'))).toBe(false);
      expect(audited.err).toContain('no scenario.yaml');
      return;
    }
    const simulated = await run([
      'simulate',
      join(out, 'scenario.yaml'),
      '--days',
      '1',
      '--replications',
      '1',
    ]);
    expect(simulated.err).toBe('');
    expect(simulated.code).toBe(0);
    const history = join(out, 'history.csv');
    expect(readFileSync(history, 'utf8')).toMatch(/^interval_start,calls,reason\n/);
  };

  it('a queue where no call was answered', async () => {
    await simulateBack(
      queueLog([
        '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1',
        '1704700810|c1|main|SIP/bob|CONNECT|10|x|1',
        '1704700870|c1|main|SIP/bob|COMPLETECALLER|10|60|1',
        '1704700900|c2|night|NONE|ENTERQUEUE||0622222222|1',
        '1704700930|c2|night|NONE|ABANDON|1|1|30',
      ]),
    );
  });

  it('records whose times are all equal (zero durations)', async () => {
    await simulateBack(
      queueLog([
        '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1',
        '1704700800|c1|main|SIP/bob|CONNECT|0|x|1',
        '1704700800|c1|main|SIP/bob|COMPLETECALLER|0|0|1',
        '1704700800|c2|main|NONE|ENTERQUEUE||0622222222|1',
        '1704700800|c2|main|NONE|ABANDON|1|1|0',
      ]),
    );
  });

  it('a CDR-only audit writes no scenario it cannot back, and says so', async () => {
    const cdr = join(dir, 'Master.csv');
    writeFileSync(
      cdr,
      '"","0611111111","200","ctx","""A"" <0611111111>","SIP/1","SIP/2","Dial","x,y","2024-01-08 10:00:00","2024-01-08 10:00:05","2024-01-08 10:01:00",60,55,"ANSWERED","DOCUMENTATION"\n',
    );
    runs++;
    await simulateBack(cdr, false);
  });

  it('a variant whose name holds "#" can be selected', async () => {
    const scenario = join(dir, 'hash.yaml');
    writeFileSync(
      scenario,
      `name: hash
arrivals: { callsPerDay: 100, intradayProfile: { default: { '00:00': 1 } } }
reasons:
  only: { share: 1, handleTime: { distribution: exponential, mean: 60 }, patience: { distribution: exponential, mean: 90 }, queue: main }
queues:
  main: { operators: { default: [{ from: '00:00', to: '24:00', operators: 2 }] } }
variants:
  "plan #2": { queues: { main: { operators: { default: [{ from: '00:00', to: '24:00', operators: 3 }] } } } }
`,
    );
    const result = await run([
      'compare',
      scenario,
      '--variant',
      'plan #2',
      '--days',
      '1',
      '--replications',
      '2',
      '--json',
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const direct = await run([
      'simulate',
      `${scenario}#plan #2`,
      '--days',
      '1',
      '--replications',
      '1',
    ]);
    expect(direct.code).toBe(0);
    expect(direct.out).toContain('plan #2');
  });
});
