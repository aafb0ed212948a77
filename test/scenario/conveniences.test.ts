/**
 * A scenario written without a script: an intraday profile given as counts, a variant that
 * changes one weekday's roster without re-listing the others (JSON merge patch, RFC 7396:
 * objects merge key by key, lists are replaced whole).
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyVariant, readScenarioDocument } from '../../src/scenario/load-scenario.js';
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
});
