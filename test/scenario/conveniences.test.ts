/**
 * A scenario written without a script: an intraday profile given as counts (inline or in a CSV),
 * one time-range syntax for every range of the format, a variant that
 * changes one weekday's roster without re-listing the others (JSON merge patch, RFC 7396:
 * objects merge key by key, lists are replaced whole).
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputError } from '../../src/errors.js';
import {
  applyVariant,
  loadScenario,
  readScenarioDocument,
} from '../../src/scenario/load-scenario.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { stationaryQueueDocument } from '../switchboard/scenario-builders.js';

const weights = { '08:00': 120, '08:30': 300, '09:00': 180 };

describe('intraday profile as counts', () => {
  it('counts and the shares they make give the same profile', () => {
    const withProfile = (profile: Record<string, number>) => {
      const doc = stationaryQueueDocument({ arrivalsPerHour: 10, ahtSeconds: 60, operators: 2 });
      (doc.arrivals as Record<string, unknown>).intradayProfile = { default: profile };
      return parseScenario(doc).intradayProfile[0]!;
    };
    const counts = withProfile(weights);
    const shares = withProfile({ '08:00': 0.2, '08:30': 0.5, '09:00': 0.3 });
    expect([...counts]).toEqual([...shares]);
    expect(counts[17]).toBeCloseTo(0.5, 12); // 08:30 is interval 17 of 48
  });

  it('a profile with nothing in it is refused with its path', () => {
    const doc = stationaryQueueDocument({ arrivalsPerHour: 10, ahtSeconds: 60, operators: 2 });
    (doc.arrivals as Record<string, unknown>).intradayProfile = { default: { '08:00': 0 } };
    expect(() => parseScenario(doc)).toThrow(/arrivals\.intradayProfile\.default.*positive total/);
  });
});

describe('intraday profile from a CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profile-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** The weekday profiles of a scenario whose profile is the CSV `text` beside it. */
  const fromCsv = (text: string, name = 'profile.csv') => {
    writeFileSync(join(dir, name), text);
    const doc = stationaryQueueDocument({ arrivalsPerHour: 10, ahtSeconds: 60, operators: 2 });
    (doc.arrivals as Record<string, unknown>).intradayProfile = name;
    return parseScenario(doc, { baseDir: dir });
  };
  const problemsOf = (text: string) => {
    try {
      fromCsv(text);
    } catch (error) {
      return (error as InputError).problems.map((q) => `${q.path}: ${q.expected} | ${q.received}`);
    }
    return [];
  };

  it('gives the profile the same counts give inline, per weekday or default', () => {
    const csv = fromCsv(
      'weekday,interval_start,calls\ndefault,08:00,120\ndefault,08:30,300\n' +
        'default,09:00,180\nsunday,10:00,7\n',
    );
    const doc = stationaryQueueDocument({ arrivalsPerHour: 10, ahtSeconds: 60, operators: 2 });
    (doc.arrivals as Record<string, unknown>).intradayProfile = {
      default: weights,
      sunday: { '10:00': 7 },
    };
    const inline = parseScenario(doc);
    expect(csv.intradayProfile.map((d) => [...d])).toEqual(
      inline.intradayProfile.map((d) => [...d]),
    );
    expect(csv.intradayProfile[6]![20]).toBe(1); // sunday: all at 10:00
    // The document carries the weights read, not the path: worker threads and jobs on other
    // machines compile the same shares without the file.
    const sent = (csv.document.arrivals as Record<string, unknown>).intradayProfile;
    expect(sent).toEqual({ default: weights, sunday: { '10:00': 7 } });
    expect(JSON.stringify(csv.document)).not.toContain(dir);
    expect(parseScenario(JSON.parse(JSON.stringify(csv.document))).intradayProfile).toEqual(
      csv.intradayProfile,
    );
  });

  it('the starter scenario reads its CSV: the same shares as the counts written inline', () => {
    const file = new URL('../../scenarios/small-hospital.yaml', import.meta.url).pathname;
    const fromFile = loadScenario(file);
    const csvText = readFileSync(
      new URL('../../scenarios/small-hospital-profile.csv', import.meta.url),
      'utf8',
    );
    const counts = Object.fromEntries(
      csvText
        .trim()
        .split('\n')
        .slice(1)
        .map((row) => row.split(','))
        .map(([start, calls]) => [start!, Number(calls)]),
    );
    const document = readScenarioDocument(readFileSync(file, 'utf8'), file);
    (document.arrivals as Record<string, unknown>).intradayProfile = { default: counts };
    const { variants: _v, ...base } = document;
    expect([...fromFile.intradayProfile[0]!]).toEqual([...parseScenario(base).intradayProfile[0]!]);
  });

  it('reports each bad row with the file, its line and its column', () => {
    const problems = problemsOf(
      'interval_start,weekday,calls\n08:00,default,5\n\n08:15,default,1\n08:30,mondy,1\n' +
        '08:00,default,2\n09:00,default,-1\n09:30,default,lots\n',
    );
    const file = join(dir, 'profile.csv');
    expect(problems).toEqual([
      `arrivals.intradayProfile (${file}) line 4, column 1 (interval_start): an interval start HH:MM on the 30-minute grid | "08:15"`,
      `arrivals.intradayProfile (${file}) line 5, column 2 (weekday): a weekday (default, monday, tuesday, wednesday, thursday, friday, saturday, sunday) | "mondy"`,
      `arrivals.intradayProfile (${file}) line 6, column 1 (interval_start): each interval once per weekday (default 08:00 is on line 2) | "08:00"`,
      `arrivals.intradayProfile (${file}) line 7, column 3 (calls): calls counted in the interval: a number from 0 to 1e9 | "-1"`,
      `arrivals.intradayProfile (${file}) line 8, column 3 (calls): calls counted in the interval: a number from 0 to 1e9 | "lots"`,
    ]);
    expect(problemsOf('start,calls\n08:00,5\n')[0]).toMatch(/line 1: a header with the columns/);
    expect(problemsOf('interval_start,calls\n08:00,"5\n')[0]).toMatch(/line 2: a readable CSV/);
    expect(problemsOf('interval_start,calls\n08:00,0\n')[0]).toMatch(/positive total/);
  });

  it('is bounded: a file over 1 MB or 10,000 rows is refused, not read', () => {
    expect(problemsOf(`interval_start,calls\n${'08:00,1\n'.repeat(150_000)}`)[0]).toMatch(
      /at most 1 MB/,
    );
    expect(problemsOf(`interval_start,calls\n${'08:00,1\n'.repeat(10_001)}`)[0]).toMatch(
      /at most 10000 rows/,
    );
  });

  it('a missing file is an input error naming it', () => {
    const doc = stationaryQueueDocument({ arrivalsPerHour: 10, ahtSeconds: 60, operators: 2 });
    (doc.arrivals as Record<string, unknown>).intradayProfile = 'nowhere.csv';
    expect(() => parseScenario(doc, { baseDir: dir })).toThrow(/nowhere\.csv.*readable CSV/);
  });
});

describe('a variant that changes one weekday’s roster', () => {
  it('patches Tuesday and keeps the default and Monday lists', () => {
    const file = new URL('../../scenarios/baseline.yaml', import.meta.url).pathname;
    const document = readScenarioDocument(readFileSync(file, 'utf8'), file);
    document.variants = {
      'busy-tuesday': {
        queues: {
          main: { operators: { tuesday: [{ from: '00:00', to: '24:00', operators: 4 }] } },
        },
      },
    };
    const { variants: _variants, ...baseDocument } = document;
    const base = parseScenario(baseDocument);
    const variant = parseScenario(applyVariant(document, 'busy-tuesday'));
    const roster = (s: typeof base, day: number) => s.queues[0]!.roster[day];
    expect(roster(variant, 1)).toMatchObject([{ fromSeconds: 0, operators: 4 }]); // tuesday
    expect(roster(variant, 1)).toHaveLength(1);
    expect(roster(variant, 0)).toEqual(roster(base, 0)); // monday: its own list, kept
    for (const day of [2, 3, 4, 5, 6]) expect(roster(variant, day)).toEqual(roster(base, day));
    expect(roster(base, 1)).toEqual(roster(base, 2)); // tuesday was the default before
  });
});

describe('one time-range syntax, to the minute', () => {
  it('services’ availability takes HH:MM-HH:MM ranges, later ranges winning', () => {
    const doc = stationaryQueueDocument({ arrivalsPerHour: 10, ahtSeconds: 60, operators: 2 });
    const reason = (doc.reasons as Record<string, Record<string, unknown>>).only!;
    reason.transfer = { probability: 1, to: { ward: 1 } };
    doc.services = {
      ward: { availability: { default: 0.7, '12:15-13:45': 0.4, '13:30-14:00': 0 } },
    };
    const minutes = parseScenario(doc).services[0]!.availability;
    expect(minutes).toHaveLength(1440);
    expect(minutes[12 * 60 + 14]).toBe(0.7);
    expect(minutes[12 * 60 + 15]).toBe(0.4);
    expect(minutes[13 * 60 + 29]).toBe(0.4);
    expect(minutes[13 * 60 + 30]).toBe(0);
    expect(minutes[14 * 60]).toBe(0.7);
    doc.services = { ward: { availability: { '14:00-13:00': 0.5 } } };
    expect(() => parseScenario(doc)).toThrow(/services\.ward\.availability\.14:00-13:00/);
  });

  it('roster steps take the same syntax, and the older from/to form reads as the same step', () => {
    const roster = (steps: unknown[]) => {
      const doc = stationaryQueueDocument({ arrivalsPerHour: 10, ahtSeconds: 60, operators: 2 });
      (doc.queues as Record<string, Record<string, unknown>>).main!.operators = {
        default: steps,
      };
      return parseScenario(doc).queues[0]!.roster;
    };
    const ranges = roster([
      { hours: '12:45-24:00', operators: 3 },
      { hours: '00:00-07:30', operators: 1 },
      { hours: '07:30-12:45', operators: 4 },
    ]);
    const older = roster([
      { from: '12:45', to: '24:00', operators: 3 },
      { from: '00:00', to: '07:30', operators: 1 },
      { from: '07:30', to: '12:45', operators: 4 },
    ]);
    expect(ranges).toEqual(older);
    expect(ranges[0]).toEqual([
      { fromSeconds: 0, toSeconds: 27000, operators: 1 },
      { fromSeconds: 27000, toSeconds: 45900, operators: 4 },
      { fromSeconds: 45900, toSeconds: 86400, operators: 3 },
    ]);
    // Each day may use either form.
    expect(roster([{ hours: '00:00-24:00', operators: 2 }])[3]).toEqual([
      { fromSeconds: 0, toSeconds: 86400, operators: 2 },
    ]);
  });

  it('a bad roster range is reported with its path, whatever the form', () => {
    const problems = (steps: unknown[]) => {
      const doc = stationaryQueueDocument({ arrivalsPerHour: 10, ahtSeconds: 60, operators: 2 });
      (doc.queues as Record<string, Record<string, unknown>>).main!.operators = {
        monday: steps,
      };
      try {
        parseScenario(doc);
      } catch (error) {
        return String((error as Error).message);
      }
      return '';
    };
    expect(problems([{ hours: '12:00-08:00', operators: 1 }])).toMatch(
      /queues\.main\.operators\.monday\[0\]\.hours.*ends after it starts/,
    );
    expect(problems([{ hours: '8-12', operators: 1 }])).toMatch(
      /queues\.main\.operators\.monday\[0\]\.hours.*HH:MM-HH:MM/,
    );
    expect(problems([{ operators: 1 }])).toMatch(/monday\[0\]\.hours.*a time range/);
    expect(problems([{ hours: '08:00-12:00', from: '08:00', to: '12:00', operators: 1 }])).toMatch(
      /monday\[0\].*not both/,
    );
    expect(
      problems([
        { hours: '08:00-12:00', operators: 1 },
        { from: '11:00', to: '13:00', operators: 1 },
      ]),
    ).toMatch(
      /monday\[0\]\.hours: expected a step ending by 11:00, when monday\[1\] 11:00-13:00.*must not overlap/,
    );
  });

  it('every scenario shipped in scenarios/ writes its ranges one way: no from/to steps left', () => {
    for (const name of ['baseline.yaml', 'small-hospital.yaml']) {
      const text = readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8');
      expect(text, name).not.toMatch(/\bfrom:\s*'\d/);
      expect(text, name).toMatch(/hours: '\d\d:\d\d-\d\d:\d\d'/);
    }
  });
});
