import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { measureDecimals, unitDecimals } from '../../src/measures/measure-catalogue.js';
import { pageText } from '../report/page-text.js';

// QA F-fmt-zero: a count printed as `0.00` beside `33388`, `abandoned 170.0` from one
// replication. The rule (measure-catalogue.ts, unitDecimals): decimals by unit and by whether
// the value is a mean, never by its size. Each figure printed is checked against the exact value
// the same run wrote to its CSV (the program's data, not its text), rounded per the rule.

interface Run {
  text: string;
  /** overall.csv: measure → [mean, low, high] as written. */
  overall: Map<string, string[]>;
  cost: Map<string, string[]>;
  page: string;
}

function csv(path: string): Map<string, string[]> {
  const rows = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((r) => [r.split(',')[0]!, r.split(',').slice(1)]));
}

async function simulate(replications: number): Promise<Run> {
  const root = new URL('../..', import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'count-format-'));
  const io = bufferIo(root);
  const argv = ['simulate', 'scenarios/baseline.yaml', '--days', '1'];
  argv.push('--replications', String(replications), '--out', join(dir, 'out'));
  argv.push('--report', join(dir, 'page.html'));
  expect(await main(argv, io)).toBe(0);
  return {
    text: io.out,
    overall: csv(join(dir, 'out', 'overall.csv')),
    cost: csv(join(dir, 'out', 'cost.csv')),
    page: pageText(readFileSync(join(dir, 'page.html'), 'utf8')),
  };
}

/** The value column of a text line `  name   value …`. */
function textValue(text: string, name: string): string {
  const line = new RegExp(`^  ${name} +(.*)$`, 'm').exec(text);
  if (!line) throw new Error(`no line ${name} in the text`);
  return line[1]!;
}

/** The HTML way of writing a number: thousands separators, `digits` decimals. */
function html(value: number, digits: number): string {
  return value.toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

describe('counts print as counts (the catalogue rule)', () => {
  let one: Run;
  let two: Run;
  beforeAll(async () => {
    one = await simulate(1);
    two = await simulate(2);
  }, 120_000);

  it('the rule: counts whole from one run, one decimal as means; by unit, not by size', () => {
    expect(unitDecimals('calls', false)).toBe(0);
    expect(unitDecimals('calls', true)).toBe(1);
    expect(unitDecimals('needs', true)).toBe(1);
    expect(unitDecimals('share', false)).toBe(1);
    expect(unitDecimals('ratio', false)).toBe(2);
    expect(measureDecimals('offeredPerDay', false)).toBe(1); // a per-day count is a mean
    expect(measureDecimals('perAnsweredCall', true)).toBe(2); // money per call in cents
    expect(measureDecimals('total', true)).toBe(0);
  });

  it('a zero count: `0` from one run, `0.0 [0.0, 0.0]` as a mean — in text, CSV and HTML', () => {
    // The baseline has no busy signals (lines: many) and no transfers of `information`.
    expect(one.overall.get('busy')).toEqual(['0', '', '']);
    expect(textValue(one.text, 'busy')).toBe('0');
    expect(textValue(one.text, 'information')).toMatch(/^\d+ +\d+ +[\d.]+ +0 +[\d.]+ %$/);
    expect(one.page).toContain('Busy signals 0 95 % CI 0 to 0 ');
    expect(two.overall.get('busy')).toEqual(['0', '0', '0']);
    expect(textValue(two.text, 'busy')).toBe('0.0 [0.0, 0.0]');
    expect(textValue(two.text, 'information')).toMatch(/^[\d.]+ +[\d.]+ +[\d.]+ +0\.0 +[\d.]+ %$/);
    expect(two.page).toContain('Busy signals 0.0 95 % CI 0.0 to 0.0 ');
  });

  it('a count of one replication is a whole number in text, CSV and HTML', () => {
    for (const name of ['offered', 'abandoned', 'transfers']) {
      const [mean] = one.overall.get(name)!;
      expect(mean).toMatch(/^\d+$/); // the CSV keeps the exact count
      expect(textValue(one.text, name)).toBe(mean);
    }
    const offered = Number(one.overall.get('offered')![0]);
    expect(offered).toBeGreaterThan(1000);
    expect(one.page).toContain(`Calls offered ${html(offered, 0)} 95 % CI`);
  });

  it('a mean of counts keeps one decimal, its interval too, in text and HTML; CSV exact', () => {
    for (const name of ['offered', 'abandoned', 'transfers', 'bouncedBack']) {
      const [mean, low, high] = two.overall.get(name)!.map(Number) as [number, number, number];
      expect(two.overall.get(name)![0]).toBe(String(mean)); // exact, not rounded
      const f = (x: number) => x.toFixed(1);
      expect(textValue(two.text, name)).toBe(`${f(mean)} [${f(low)}, ${f(high)}]`);
    }
    const [mean, low, high] = two.overall.get('offered')!.map(Number) as [number, number, number];
    expect(two.page).toContain(
      `Calls offered ${html(mean, 1)} 95 % CI ${html(low, 1)} to ${html(high, 1)} `,
    );
  });

  it('a rate keeps its own decimals whatever the replications: shares, ratios, money per call', () => {
    for (const run of [one, two]) {
      const [sl] = run.overall.get('serviceLevel')!.map(Number) as [number];
      expect(textValue(run.text, 'serviceLevel')).toMatch(
        new RegExp(`^${(sl * 100).toFixed(1)} %( \\[\\d+\\.\\d, \\d+\\.\\d\\])?$`),
      );
      expect(run.page).toContain(`Service level ${(sl * 100).toFixed(1)} %`);
      expect(textValue(run.text, 'attemptsPerNeed')).toMatch(
        /^\d\.\d\d( \[\d\.\d\d, \d\.\d\d\])?$/,
      );
      const [perCall] = run.cost.get('perAnsweredCall')!.map(Number) as [number];
      expect(textValue(run.text, 'perAnsweredCall')).toMatch(
        new RegExp(`^${perCall.toFixed(2)} EUR`),
      );
      expect(run.page).toContain(`Cost per answered call ${perCall.toFixed(2)} EUR`);
    }
  });
});
