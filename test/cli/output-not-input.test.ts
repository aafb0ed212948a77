import {
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { filesNamedByScenario } from '../../src/scenario/named-files.js';
import { loadScenario, readScenarioDocument } from '../../src/scenario/load-scenario.js';

// README: "Files are written whole or not at all … Every output path of a command is checked
// before the work starts". An output that is the command's own input would be replaced by the
// results: refused, exit 2, the input untouched.
const root = new URL('../..', import.meta.url).pathname;

async function run(dir: string, argv: string[]) {
  const io = bufferIo(dir);
  const code = await main(argv, io);
  return { code, err: io.err };
}

describe('an output path that is an input', () => {
  it('is refused for every command and output flag, naming the input; the input is untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-clobber-'));
    copyFileSync(join(root, 'scenarios/baseline.yaml'), join(dir, 's.yaml'));
    const history = 'interval_start,calls\n2024-01-01T08:00,4\n2024-01-01T08:30,5\n';
    writeFileSync(join(dir, 'h.csv'), history);
    writeFileSync(join(dir, 'l.csv'), 'interval_start,calls\n2026-01-05T08:00,40\n');
    linkSync(join(dir, 'h.csv'), join(dir, 'h-link.csv'));
    const scenario = readFileSync(join(dir, 's.yaml'), 'utf8');
    const cases: [string[], RegExp][] = [
      [
        ['simulate', 's.yaml', '--days', '1', '--queue-log', './s.yaml'],
        /^switchboard: --queue-log: expected a file other than the command's inputs, received "\.\/s\.yaml" \(it is the input "s\.yaml", which the write would replace\)\n$/,
      ],
      [
        ['compare', 's.yaml#warm-transfers', '--days', '1', '--report', 's.yaml'],
        /--report: .*\(it is the input "s\.yaml#warm-transfers"/,
      ],
      [
        ['forecast', '--history', 'h.csv', '--horizon', '1d', '--out', 'h.csv'],
        /^switchboard: --out: expected a file other than the command's inputs, received "h\.csv" \(it is the --history file, which the write would replace\)\n$/,
      ],
      // Another name of the same file (a hard link) is the same file.
      [['forecast', '--history', 'h.csv', '--horizon', '1d', '--out', 'h-link.csv'], /--history/],
      [
        ['staff', '--plan', 'l.csv', '--aht', '3m', '--service-level', '0.8', '--out', 'l.csv'],
        /--out: .*\(it is the --plan file/,
      ],
    ];
    for (const [argv, message] of cases) {
      const { code, err } = await run(dir, argv);
      expect(err, argv.join(' ')).toMatch(message);
      expect(code).toBe(2);
    }
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(scenario);
    expect(readFileSync(join(dir, 'h.csv'), 'utf8')).toBe(history);
  });

  it('leaves other outputs alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-clobber-'));
    writeFileSync(join(dir, 'h.csv'), 'interval_start,calls\n2024-01-01T08:00,4\n');
    const { code, err } = await run(dir, [
      'forecast',
      '--history',
      'h.csv',
      '--horizon',
      '1d',
      '--out',
      'f.csv',
    ]);
    expect(err).not.toMatch(/other than the command's inputs/);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'f.csv'), 'utf8')).toMatch(/^interval_start,reason,forecast/);
  });

  /**
   * sub/s.yaml: the starter scenario naming three CSVs beside it — its arrivals' profile, a
   * reason's profile (`reason.htm`, a name a --report may take) and a variant's profile.
   */
  function scenarioWithFiles(): { dir: string; files: Record<string, string> } {
    const dir = mkdtempSync(join(tmpdir(), 'sb-clobber-named-'));
    mkdirSync(join(dir, 'sub'));
    const profile = readFileSync(join(root, 'scenarios/small-hospital-profile.csv'), 'utf8');
    const doc = readScenarioDocument(
      readFileSync(join(root, 'scenarios/small-hospital.yaml'), 'utf8'),
    ) as any;
    doc.arrivals.intradayProfile = 'profile.csv';
    doc.reasons.appointments.intradayProfile = 'reason.htm';
    doc.variants = { v: { arrivals: { intradayProfile: 'other.csv' } } };
    const files: Record<string, string> = {
      's.yaml': JSON.stringify(doc),
      'profile.csv': profile,
      'reason.htm': profile,
      'other.csv': profile,
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'sub', name), text);
    return { dir, files };
  }

  it('counts the files a scenario names (its variants’ too) as inputs: refused, exit 2, untouched', async () => {
    const { dir, files } = scenarioWithFiles();
    // The scenario and its variant read as they are: the refusals below are for the outputs.
    loadScenario(join(dir, 'sub/s.yaml'));
    loadScenario(join(dir, 'sub/s.yaml#v'));
    const cases: [string[], RegExp][] = [
      [
        ['simulate', 'sub/s.yaml', '--days', '1', '--queue-log', 'sub/profile.csv'],
        /^switchboard: --queue-log: expected a file other than the command's inputs, received "sub\/profile\.csv" \(it is "profile\.csv" \(arrivals\.intradayProfile of "sub\/s\.yaml"\), which the write would replace\)\n$/,
      ],
      [
        ['simulate', 'sub/s.yaml#v', '--days', '1', '--queue-log', './sub/../sub/other.csv'],
        /--queue-log: .*\(it is "other\.csv" \(variants\.v → arrivals\.intradayProfile of "sub\/s\.yaml#v"\)/,
      ],
      [
        ['compare', 'sub/s.yaml', '--variant', 'v', '--days', '1', '--report', 'sub/reason.htm'],
        /--report: .*\(it is "reason\.htm" \(reasons\.appointments\.intradayProfile of "sub\/s\.yaml"\)/,
      ],
      [
        ['sweep', 'sub/s.yaml', '--vary', 'transfers.mode=wild,warm', '--report', 'sub/reason.htm'],
        /--report: .*reasons\.appointments\.intradayProfile/,
      ],
    ];
    for (const [argv, message] of cases) {
      const { code, err } = await run(dir, argv);
      expect(err, argv.join(' ')).toMatch(message);
      expect(code).toBe(2);
    }
    for (const [name, text] of Object.entries(files))
      expect(readFileSync(join(dir, 'sub', name), 'utf8')).toBe(text);
  });

  it('lists exactly the files the scenario reader reads: each one missing is a problem at its field', () => {
    const { dir } = scenarioWithFiles();
    const named = filesNamedByScenario(join(dir, 'sub/s.yaml'));
    expect(named.map((f) => [f.text, f.at])).toEqual([
      ['profile.csv', 'arrivals.intradayProfile'],
      ['reason.htm', 'reasons.appointments.intradayProfile'],
      ['other.csv', 'variants.v → arrivals.intradayProfile'],
    ]);
    for (const file of named) {
      renameSync(file.path, `${file.path}.away`);
      expect(() => loadScenario(join(dir, 'sub/s.yaml')), file.at).toThrow(`${file.at} (`);
      renameSync(`${file.path}.away`, file.path);
    }
  });
});
