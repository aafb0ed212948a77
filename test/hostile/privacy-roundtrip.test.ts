import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// Issue 15: under --pseudonymise one number formatted two ways is one caller (what no output
// holds: pseudonymise-properties.test.ts); and what audit --out and --queue-log write, simulate
// and audit read back.

const dir = mkdtempSync(join(tmpdir(), 'hostile-private-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = join(dir, 'key');
writeFileSync(key, '0123456789abcdef0123456789abcdef\n');

async function run(argv: string[]) {
  const io = bufferIo(dir);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('--pseudonymise', () => {
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
});

let runs = 0;
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
