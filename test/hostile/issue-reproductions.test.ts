import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLineBatches } from '../../src/audit/line-reader.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { withCpuMsAsync } from '../cpu-time.js';

// Each case is one reproduction from issue 15 ("hostile and broken input"): before the fix it
// crashed (exit 1), hung, allocated gigabytes or lost records silently. Now each ends with exit
// 0 or 2 and one message that names the flag, file or line and quotes what was received.

const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(argv: string[]) {
  const io = bufferIo(dir);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** One clear error: exit 2, a single `switchboard:` line, no stack trace, no "--verbose" hint. */
function expectClearError(result: { code: number; err: string }, ...fragments: string[]) {
  expect(result.code).toBe(2);
  expect(result.err).toMatch(/^switchboard: /);
  expect(result.err).not.toContain('--verbose');
  expect(result.err).not.toMatch(/\n\s+at /);
  for (const fragment of fragments) expect(result.err).toContain(fragment);
}

const smallScenario = (reason = 'only', queue = 'main', handleTime = 'exponential, mean: 60') =>
  `name: small
arrivals:
  callsPerDay: 480
  intradayProfile: { default: { '00:00': 1 } }
reasons:
  ${reason}:
    share: 1
    handleTime: { distribution: ${handleTime} }
    patience: { distribution: exponential, mean: 120 }
    queue: ${queue}
queues:
  ${queue}:
    operators: { default: [{ from: '00:00', to: '24:00', operators: 2 }] }
`;

describe('unbounded memory', () => {
  it('one far-future timestamp in a three-line queue_log is rejected with its line, not sized into an array', async () => {
    const log = file(
      'far.log',
      '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1\n' +
        '1704700810|c1|main|SIP/bob|CONNECT|10|x|1\n' +
        '99999999999999|c2|main|NONE|ENTERQUEUE||0611111111|1\n',
    );
    const before = process.memoryUsage().rss;
    const result = await run(['audit', log, '--json']);
    expect(result.code).toBe(0);
    const input = JSON.parse(result.out).input[0];
    expect(input).toMatchObject({ lines: 3, records: 2, rejected: 1 });
    expect(input.firstRejected[0]).toMatchObject({ line: 3 });
    expect(input.firstRejected[0].reason).toContain('from 1971 to 2099');
    expect(process.memoryUsage().rss - before).toBeLessThan(300e6);
  });

  it('calls years apart (both in range) cost the days observed, not the years between', async () => {
    const log = file(
      'apart.log',
      '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1\n' +
        '1704700810|c1|main|SIP/bob|CONNECT|10|x|1\n' +
        '1704700870|c1|main|SIP/bob|COMPLETECALLER|10|60|1\n' +
        '4000000000|c2|main|NONE|ENTERQUEUE||0622222222|1\n' +
        '4000000010|c2|main|NONE|ABANDON|1|1|10\n',
    );
    const out = join(dir, 'apart-out');
    const before = process.memoryUsage().rss;
    const result = await run(['audit', log, '--out', out, '--interval', '5m']);
    expect(result.code).toBe(0);
    expect(process.memoryUsage().rss - before).toBeLessThan(300e6);
  });

  it('a talk time of 1e300 in a record is not a duration', async () => {
    const log = file(
      'talk.log',
      '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1\n' +
        '1704700870|c1|main|SIP/bob|COMPLETECALLER|10|1e300|1\n',
    );
    const result = await run(['audit', log, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(Number.isFinite(report.asaSeconds ?? 0)).toBe(true);
    expect(JSON.stringify(report)).not.toContain('e+');
  });
});

describe('crashes become clear errors (exit 2)', () => {
  it('a normal handling time whose sd exceeds its mean (negative draws)', async () => {
    const path = file('normal.yaml', smallScenario('only', 'main', 'normal, mean: 60, sd: 1000'));
    expectClearError(
      await run(['simulate', path, '--days', '1', '--replications', '1']),
      'reasons.only.handleTime.sd',
      'received 1000',
    );
  });

  it('a gamma cv so small its shape overflows (NaN draws)', async () => {
    const path = file('gamma.yaml', smallScenario('only', 'main', 'gamma, mean: 60, cv: 1e-200'));
    expectClearError(
      await run(['simulate', path, '--days', '1', '--replications', '1']),
      'reasons.only.handleTime.cv',
      '1e-200',
    );
  });

  it('reasons, queues and variants named like JavaScript object keys are ordinary names', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const text = `${smallScenario(name, name)}variants:\n  ${name}:\n    queues: { ${name}: { operators: { default: [{ from: '00:00', to: '24:00', operators: 3 }] } } }\n`;
      const path = file(`${name}.yaml`, text);
      const simulate = await run([
        'simulate',
        path,
        '--days',
        '1',
        '--replications',
        '1',
        '--json',
      ]);
      expect(simulate.err).toBe('');
      expect(simulate.code).toBe(0);
      expect(JSON.parse(simulate.out).byQueue[0].queue).toBe(name);
      const compare = await run([
        'compare',
        path,
        '--variant',
        name,
        '--days',
        '1',
        '--replications',
        '2',
      ]);
      expect(compare.code).toBe(0);
    }
  });

  it('a YAML alias bomb as a scenario is refused like one as a --map', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const bomb = file('bomb.yaml', `${lines.join('\n')}\n`);
    expectClearError(await run(['simulate', bomb, '--days', '1']), 'bomb.yaml', 'alias');
    const log = file('one.log', '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1\n');
    expectClearError(await run(['audit', log, '--map', bomb]), 'bomb.yaml');
  });

  it('staff --aht and --rate so large the load is infinite', async () => {
    expectClearError(
      await run(['staff', '--aht', '1e308', '--rate', '1e308', '--agents', '10']),
      '--aht',
      '"1e308"',
    );
    expectClearError(
      await run(['staff', '--aht', '1h', '--rate', '1e300', '--agents', '10']),
      '--rate',
      'at most 100,000 erlangs',
      '"1e300"',
    );
  });

  it('a count in a forecast history too large for the interval arithmetic', async () => {
    const rows = ['interval_start,calls'];
    for (let d = 0; d < 28; d++)
      for (let h = 0; h < 24; h++)
        rows.push(
          `${new Date(Date.UTC(2025, 0, 6 + d, h)).toISOString().slice(0, 16)},${d === 3 && h === 9 ? '1e300' : h % 7}`,
        );
    const history = file('big-count.csv', `${rows.join('\n')}\n`);
    const result = await run(['forecast', '--history', history, '--horizon', '2d']);
    expect(result.code).toBe(0);
    expect(result.err).toContain('line 83: expected calls as a whole number from 0 to 1,000,000');
    expect(result.err).toContain('"1e300"');
  });

  it('a malformed --special-days file', async () => {
    const rows = ['interval_start,calls'];
    for (let d = 0; d < 21; d++)
      rows.push(`${new Date(Date.UTC(2025, 0, 6 + d, 9)).toISOString().slice(0, 16)},${d % 7}`);
    const history = file('history.csv', `${rows.join('\n')}\n`);
    const special = file('special.csv', 'date,label\n"2025-01-10,unterminated\n');
    expectClearError(
      await run(['forecast', '--history', history, '--special-days', special]),
      'special.csv',
      'Quote Not Closed',
    );
  });
});

describe('names like object keys in records (found by the fuzz suite, session 2)', () => {
  it('a route named __proto__ is written to scenario.yaml, which simulate reads back', async () => {
    const events = (queue: string, id: string, t: number) => [
      `${t}|${id}|${queue}|NONE|ENTERQUEUE||0611111111|1`,
      `${t + 10}|${id}|${queue}|SIP/a|CONNECT|10|x|1`,
      `${t + 70}|${id}|${queue}|SIP/a|COMPLETECALLER|10|60|1`,
    ];
    const log = file(
      'proto-routes.log',
      `${[...events('__proto__', 'c1', 1704700800), ...events('constructor', 'c2', 1704700900)].join('\n')}\n`,
    );
    const out = join(dir, 'proto-routes');
    expect((await run(['audit', log, '--out', out])).code).toBe(0);
    // Before: reasons.__proto__ swapped the object's prototype, the route vanished and the
    // scenario's shares summed to 0.5 (simulate refused it).
    const simulated = await run([
      'simulate',
      join(out, 'scenario.yaml'),
      '--days',
      '1',
      '--replications',
      '1',
      '--json',
    ]);
    expect(simulated.err).toBe('');
    const queues = JSON.parse(simulated.out).byQueue.map((q: { queue: string }) => q.queue);
    expect(queues.sort()).toEqual(['__proto__', 'constructor']);
  });

  it('survey reasons, mapped outcomes and SQL table names named like object keys', async () => {
    const log = file('proto-survey.log', '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1\n');
    const survey = file(
      'proto-survey.csv',
      'date,score,reason\n2024-01-08,9,constructor\n2024-01-08,3,__proto__\n',
    );
    const nps = JSON.parse((await run(['audit', log, '--survey', survey, '--json'])).out).survey;
    expect(Object.keys(nps.byReason).sort()).toEqual(['__proto__', 'constructor']);

    // An outcome value the map does not list is rejected with its line — before, `constructor`
    // found Object's constructor in the map's values and became an outcome of its own.
    const map = file(
      'proto-map.yaml',
      'callId: id\ncaller: caller\ntimes: { arrival: start }\noutcome: { column: outcome, values: { answered: answered } }\n',
    );
    const calls = file(
      'proto-calls.csv',
      'id,caller,start,outcome\n1,0611111111,2024-01-08 10:00:00,constructor\n2,0622222222,2024-01-08 10:05:00,answered\n',
    );
    const mapped = JSON.parse((await run(['audit', calls, '--map', map, '--json'])).out);
    expect(mapped.input[0]).toMatchObject({ records: 1, rejected: 1 });
    expect(mapped.input[0].firstRejected[0]).toMatchObject({ line: 2 });
    expect(mapped.calls.offered).toBe(1);

    const dump = file(
      'proto.sql',
      "INSERT INTO `__proto__` VALUES (1,'a'),(2,'b');\nINSERT INTO `constructor` VALUES (1);\n",
    );
    const sql = JSON.parse((await run(['audit', dump, '--json'])).out).input[0];
    expect(Object.entries(sql.ignoredTables)).toEqual([
      ['__proto__', 2],
      ['constructor', 1],
    ]);
  });
});

describe('inputs that are not text files (found session 2)', () => {
  it('a device, a pipe or a directory given as a file is refused at once, not read until memory runs out', async () => {
    const scenario = file('plain.yaml', smallScenario());
    const log = file('plain.log', '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1\n');
    // Before: each of these read /dev/zero until the process died (std::bad_alloc, exit 134).
    const cases: [string[], string][] = [
      [['simulate', '/dev/zero'], 'scenario: expected a readable scenario file'],
      [['compare', '/dev/zero', scenario], 'scenario: expected a readable scenario file'],
      [['forecast', '--history', '/dev/zero', '--horizon', '1d'], '--history: expected'],
      [['audit', log, '--map', '/dev/zero'], '--map: expected'],
      [['staff', '--plan', '/dev/zero', '--aht', '3m', '--service-level', '0.8'], '--plan'],
      [['forecast', '--history', dir, '--horizon', '1d'], 'a directory, not a regular file'],
    ];
    for (const [argv, fragment] of cases) {
      const result = await run(argv);
      expectClearError(result, fragment);
      if (argv.includes('/dev/zero')) expect(result.err).toContain('a device, not a regular file');
    }
    const fifo = join(dir, 'fifo.yaml');
    try {
      execFileSync('mkfifo', [fifo], { timeout: 120_000 });
    } catch {
      return; // no mkfifo here: the device cases above stand for it
    }
    expectClearError(await run(['simulate', fifo]), 'a pipe, not a regular file');
  });

  it('a record file holding a run longer than the longest line is refused with its line number', async () => {
    const path = file(
      'one-long-line.log',
      `1704700800|c1|main|NONE|ENTERQUEUE||1|1\n${'x'.repeat(5000)}`,
    );
    const read = async () => {
      for await (const _ of readLineBatches(path, 1024, { maxLineChars: 4000, name: 'long.log' }));
    };
    await expect(read()).rejects.toThrow(
      'long.log: line 2: expected a line of at most 4,000 characters, received a longer run without a line break',
    );
  });
});

describe('charts of names holding a line separator (found by the property tests, session 2)', () => {
  it('forecast --report draws a reason whose name holds U+2028', async () => {
    const rows = ['interval_start,calls,reason'];
    for (let d = 0; d < 21; d++) {
      const t = new Date(Date.UTC(2025, 0, 6 + d, 9)).toISOString().slice(0, 16);
      rows.push(`${t},${3 + (d % 4)},"a\u2028b"`, `${t},${2 + (d % 3)},other`);
    }
    const history = file('separator-history.csv', `${rows.join('\n')}\n`);
    // Before: "switchboard: Unexpected token ILLEGAL", exit 1 (Vega-Lite copies the facet's
    // sort list into an expression, where a raw U+2028 ends the string literal).
    const page = join(dir, 'separator.html');
    const result = await run([
      'forecast',
      '--history',
      history,
      '--horizon',
      '2d',
      '--report',
      page,
    ]);
    expect(result.err).not.toContain('switchboard:');
    expect(result.code).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('a\\u2028b');
  });
});

describe('no hangs', () => {
  it('staff --patience near the largest double is refused at once', async () => {
    // "At once": within 5 s of CPU time, not wall-clock time, which a loaded machine stretches
    // (test/cpu-time.ts); the refusal itself takes milliseconds.
    const { value: result, cpuMs } = await withCpuMsAsync(() =>
      run(['staff', '--patience', '1.7e308', '--aht', '60', '--rate', '100', '--agents', '3']),
    );
    expectClearError(result, '--patience', 'at most 1e9 s');
    expect(cpuMs).toBeLessThan(5000);
  });

  it('staff --lines is bounded', async () => {
    expectClearError(
      await run(['staff', '--lines', '100000000', '--aht', '60', '--rate', '100', '--agents', '3']),
      '--lines',
      'from 1 to 100,000',
    );
  });
});

describe('SQL dumps lose nothing silently', () => {
  const rows = (statements: string[]) => `${statements.join('\n')}\n`;
  const tuple = (id: number, time: string, call: string, event: string, data = "'','','',''") =>
    `(${id},'2024-01-08 ${time}','${call}','main','NONE','${event}',${data},'')`;

  it('an unterminated string is reported with its line; the INSERTs after it are still read', async () => {
    const dump = file(
      'unterminated.sql',
      rows([
        `INSERT INTO \`queue_log\` VALUES ${tuple(1, '10:00:00', 'c1', 'ENTERQUEUE', "'','0611','1','x'")};`,
        "INSERT INTO `queue_log` VALUES (2,'2024-01-08 10:00:05','c1','main','SIP/a','CONNECT','5','x,'1','','');",
        `INSERT INTO \`queue_log\` VALUES ${tuple(3, '10:01:00', 'c1', 'COMPLETECALLER', "'5','55','1',''")};`,
        `INSERT INTO \`queue_log\` VALUES ${tuple(4, '10:02:00', 'c2', 'ENTERQUEUE', "'','0622','1',''")};`,
      ]),
    );
    const result = await run(['audit', dump, '--json']);
    expect(result.code).toBe(0);
    const input = JSON.parse(result.out).input[0];
    expect(input).toMatchObject({ lines: 4, records: 3, rejected: 1 });
    expect(input.firstRejected[0].line).toBe(2);
  });

  it('a quote left open up to the end of the file is reported, not dropped', async () => {
    const dump = file(
      'open-at-end.sql',
      rows([
        `INSERT INTO \`queue_log\` VALUES ${tuple(1, '10:00:00', 'c1', 'ENTERQUEUE', "'','0611','1','x'")};`,
        "INSERT INTO `queue_log` VALUES (2,'2024-01-08 10:00:05','c1','main','SIP/a','CONNECT','5,'x','1','','');",
        'UNLOCK TABLES;',
      ]),
    );
    const input = JSON.parse((await run(['audit', dump, '--json'])).out).input[0];
    expect(input.rejected).toBe(1);
    expect(input.firstRejected[0].reason).toContain('statement of lines 2–3');
    expect(input.lines).toBe(input.records + input.blank + input.rejected);
  });

  it('REPLACE INTO rows are read like INSERT rows', async () => {
    const dump = file(
      'replace.sql',
      rows([
        `INSERT INTO \`queue_log\` VALUES ${tuple(1, '10:00:00', 'c1', 'ENTERQUEUE', "'','0611','1','x'")};`,
        `REPLACE INTO \`queue_log\` VALUES ${tuple(2, '10:00:30', 'c1', 'ABANDON', "'1','1','30',''")};`,
      ]),
    );
    const report = JSON.parse((await run(['audit', dump, '--json'])).out);
    expect(report.input[0]).toMatchObject({ lines: 2, records: 2, blank: 0, rejected: 0 });
    expect(report.calls.abandoned).toBe(1);
  });
});

describe('small lies', () => {
  it("--seed '' and --seed abc are refused, quoting what was typed", async () => {
    const path = file('seed.yaml', smallScenario());
    expectClearError(
      await run(['simulate', path, '--days', '1', '--seed', '']),
      '--seed',
      'received ""',
    );
    expectClearError(
      await run(['simulate', path, '--days', '1', '--seed', 'abc']),
      '--seed',
      'received "abc"',
    );
    const log = file('seed.log', '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1\n');
    expectClearError(
      await run(['audit', log, '--out', join(dir, 'seed-out'), '--refine-roster', '--seed', 'x1']),
      '--seed',
      'received "x1"',
    );
  });
});

describe('Latin-1 input', () => {
  it('is detected and decoded, not turned into replacement characters', async () => {
    const path = join(dir, 'latin1.log');
    writeFileSync(
      path,
      Buffer.from(
        '1704700800|c1|Cardiologie-\u00e9t\u00e9|NONE|ENTERQUEUE||0611111111|1\n' +
          '1704700830|c1|Cardiologie-\u00e9t\u00e9|NONE|ABANDON|1|1|30\n',
        'latin1',
      ),
    );
    const json = JSON.parse((await run(['audit', path, '--json'])).out);
    expect(json.byQueue[0].queue).toBe('Cardiologie-\u00e9t\u00e9');
    expect(json.input[0].latin1FromLine).toBe(1);
    expect((await run(['audit', path])).out).toContain('not UTF-8: read as Latin-1 from line 1');
  });
});
