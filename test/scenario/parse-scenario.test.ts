import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  applyVariant,
  loadScenario,
  readScenarioDocument,
  variantNames,
} from '../../src/scenario/load-scenario.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { runReplication } from '../../src/switchboard/run-replication.js';
import { stationaryQueueDocument } from '../switchboard/scenario-builders.js';

const baselinePath = new URL('../../scenarios/baseline.yaml', import.meta.url).pathname;
// Tests edit arbitrary YAML trees: a loose type for them.
type Tree = any;

const baseline = (): Tree => readScenarioDocument(readFileSync(baselinePath, 'utf8'), baselinePath);

function problemsOf(document: unknown): string {
  try {
    parseScenario(document, { file: 'x.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('parseScenario', () => {
  it('reads the baseline and each of its variants', () => {
    const scenario = loadScenario(baselinePath);
    expect(scenario.reasons.map((r) => r.name)).toContain('appointments');
    expect(scenario.startWeekday).toBe(0); // 2026-03-02 is a Monday
    for (const name of variantNames(baseline()))
      expect(loadScenario(`${baselinePath}#${name}`).name).toContain(name);
  });

  it('names the path, the expectation and what was received, for every problem at once', () => {
    const doc = baseline() as Tree;
    doc.ivr.options[1].routes = [{ to: 'main', probability: 1.5 }];
    doc.queues.main.operators.default[0].operators = -1;
    doc.reasons.results.patience.distribution = 'exponentail';
    const message = problemsOf(doc);
    expect(message).toMatch(/^x\.yaml: 3 problems/);
    expect(message).toContain('ivr.options[1].routes[0].probability: expected a number ≤ 1');
    expect(message).toContain('received 1.5');
    expect(message).toContain(
      'queues.main.operators.default[0].operators: expected a number ≥ 0, received -1',
    );
    expect(message).toContain('reasons.results.patience.distribution');
    expect(message).toContain('did you mean "exponential"?');
  });

  it('suggests the field meant for a misspelt one', () => {
    const doc = baseline() as Tree;
    doc.transfers.mdoe = 'warm';
    expect(problemsOf(doc)).toContain(
      'transfers.mdoe: expected no such field here (known: mode, outcomes',
    );
    expect(problemsOf(doc)).toContain('did you mean "mode"?');
  });

  it('names a misspelt weekday key in every per-weekday map, with a suggestion', () => {
    const doc = baseline();
    const { saturday, ...others } = doc.arrivals.callsPerDay;
    doc.arrivals.callsPerDay = { ...others, saturdy: saturday };
    doc.outbound.callsPerDay = { default: 350, saturday: 0, sundya: 0 };
    doc.calendar.openingHours = { defualt: ['07:00-20:00'] };
    doc.queues.main.operators.tuseday = [];
    doc.arrivals.intradayProfile.wednesdy = { '08:00': 1 };
    const message = problemsOf(doc);
    expect(message).toMatch(/^x\.yaml: 5 problems/);
    const weekdayKeys = 'default, monday, tuesday, wednesday, thursday, friday, saturday, sunday';
    for (const [path, received, meant] of [
      ['arrivals.callsPerDay.saturdy', '2900', 'saturday'],
      ['outbound.callsPerDay.sundya', '0', 'sunday'],
      ['calendar.openingHours.defualt', 'a list of 1', 'default'],
      ['queues.main.operators.tuseday', 'a list of 0', 'tuesday'],
      ['arrivals.intradayProfile.wednesdy', 'an object', 'wednesday'],
    ])
      expect(message).toContain(
        `${path}: expected no such field here (known: ${weekdayKeys}), received ${received} (did you mean "${meant}"?)`,
      );
  });

  it('names a bad key of a keyed map (service availability, profile, caller group), with a suggestion', () => {
    const doc = baseline();
    doc.services.wards.availability = { defualt: 0.75, '12:00-14:00': 0.6 };
    doc.services.laboratory.availability = { default: 0.7, '18:00-2400': 0.3 };
    doc.arrivals.intradayProfile.default = { ...doc.arrivals.intradayProfile.default, '8:30': 1 };
    doc.callerGroups = { ['g'.repeat(70)]: { share: 1 } };
    const message = problemsOf(doc);
    expect(message).toContain(
      'services.wards.availability.defualt: expected a key: "default" or a time range HH:MM-HH:MM, received "defualt" (did you mean "default"?)',
    );
    expect(message).toContain(
      'services.laboratory.availability.18:00-2400: expected a key: "default" or a time range HH:MM-HH:MM, received "18:00-2400"\n',
    );
    expect(message).toContain(
      'arrivals.intradayProfile.default.8:30: expected a key: a time of day HH:MM, received "8:30"',
    );
    expect(message).toContain(
      `callerGroups: expected a key: a name of 1 to 64 characters, received "${'g'.repeat(70)}"`,
    );
    // The map is named once, at its key, not again as "a value of one of the allowed forms".
    expect(message).not.toContain('allowed forms');
    expect(message).toMatch(/^x\.yaml: 4 problems/);
  });

  it('reports a bad number of calls per weekday at its own path; a value of neither form as before', () => {
    const doc = baseline();
    doc.arrivals.callsPerDay.monday = -4;
    expect(problemsOf(doc)).toContain(
      'arrivals.callsPerDay.monday: expected a number ≥ 0, received -4',
    );
    doc.arrivals.callsPerDay = 'many';
    expect(problemsOf(doc)).toContain(
      'arrivals.callsPerDay: expected calls per day: a number from 0 to 1,000,000, or one per weekday, received "many"',
    );
  });

  it('suggests the value meant for a misspelt choice (shift days, transfer mode)', () => {
    const doc = baseline();
    doc.shifts.main[0].days = ['mondya', 'friday'];
    doc.transfers.mode = 'wram';
    const message = problemsOf(doc);
    expect(message).toContain('shifts.main[0].days[0]: expected one of "monday"');
    expect(message).toContain('received "mondya" (did you mean "monday"?)');
    expect(message).toContain(
      'transfers.mode: expected one of "warm", "wild", received "wram" (did you mean "warm"?)',
    );
  });

  it('checks references and sums the schema cannot', () => {
    const doc = baseline() as Tree;
    doc.reasons.admin.transfer.to = { admisions: 1 };
    doc.ivr.defaultQueue = 'mian';
    doc.reasons.information.share = 0.5;
    const message = problemsOf(doc);
    expect(message).toContain(
      'reasons.admin.transfer.to.admisions: expected the name of a defined service',
    );
    expect(message).toContain('did you mean "admissions"?');
    expect(message).toContain(
      'ivr.defaultQueue: expected the name of a defined queue (defined: "main"), received "mian" (did you mean "main"?)',
    );
    expect(message).toContain('reasons: expected shares of arrivals summing to 1');
  });

  it('reads a menu tree, and names the path of a problem inside a sub-menu', async () => {
    const doc = baseline();
    doc.ivr.options[1] = {
      label: 'everything else',
      message: '6s',
      options: [
        { label: 'wards', reasons: ['reachWard'], queue: 'main' },
        {
          label: 'other',
          reasons: [
            'admin',
            'information',
            'results',
            'buildingWorks',
            'interpreter',
            'medicalRecords',
          ],
          queue: 'main',
        },
      ],
    };
    const scenario = parseScenario(doc);
    expect(scenario.ivr!.menus.map((m) => [m.path, m.messageSeconds, m.options.length])).toEqual([
      ['ivr', 25, 2],
      ['ivr.options[1]', 6, 2],
    ]);
    expect(scenario.ivr!.options[1]!.submenu).toBe(1);
    doc.ivr.options[1].options[0].routes = [{ to: 'main', probability: 2 }];
    doc.ivr.options[1].options[1].reasons.push('appointments');
    const message = problemsOf(doc);
    expect(message).toContain(
      'ivr.options[1].options[0].routes[0].probability: expected a number ≤ 1',
    );
    expect(message).toContain(
      'ivr.options[1].options[1].reasons[6]: expected a reason in one option only (already in ivr.options[0])',
    );
  });

  it('lets the operator groups with a roster serve a queue without operators (a pooled roster, as the audit writes)', () => {
    const doc: Tree = stationaryQueueDocument({
      arrivalsPerHour: 60,
      ahtSeconds: 60,
      operators: 3,
    });
    doc.queues.second = {};
    doc.reasons.other = { ...doc.reasons.only, queue: 'second' };
    doc.reasons.only.share = 0.5;
    doc.reasons.other.share = 0.5;
    const scenario = parseScenario(doc);
    expect(scenario.queues.map((q) => [q.name, q.helps])).toEqual([
      ['main', [1]],
      ['second', []],
    ]);
    const r = runReplication(scenario, { days: 1, seed: 1, index: 0 });
    expect(r.byQueue[1]!.answered).toBeGreaterThan(0.9 * r.byQueue[1]!.entries!);
  });

  it('checks the time zone, with a suggestion', () => {
    const doc = baseline();
    doc.calendar.timezone = 'Europe/Pariss';
    expect(problemsOf(doc)).toContain(
      'calendar.timezone: expected an IANA time zone such as Europe/Paris or UTC, received "Europe/Pariss" (did you mean "Europe/Paris"?)',
    );
  });

  it('refuses a start date or closed day that is not in the calendar (2026-02-31 is not 3 March)', () => {
    // Reference: the Gregorian calendar — February 2026 has 28 days, April 30.
    const doc = baseline();
    doc.calendar.startDate = '2026-02-31';
    doc.calendar.closedDays = ['2026-03-04', '2026-04-31'];
    const message = problemsOf(doc);
    expect(message).toMatch(/^x\.yaml: 2 problems/);
    expect(message).toContain(
      'calendar.startDate: expected a real date YYYY-MM-DD (a day that exists in the calendar), received "2026-02-31"',
    );
    expect(message).toContain('calendar.closedDays[1]: expected a real date');
    expect(message).toContain('received "2026-04-31"');
    doc.calendar.startDate = '2024-02-29';
    doc.calendar.closedDays = [];
    const leapDay = parseScenario(doc);
    expect(leapDay.startDate).toBe('2024-02-29');
    expect(leapDay.startWeekday).toBe(3); // 29 February 2024 was a Thursday (Monday = 0)
  });

  it('reports YAML syntax errors with their line', () => {
    expect(() => readScenarioDocument('name: x\n  bad: [', 'bad.yaml')).toThrow(
      /bad\.yaml:[\s\S]*line 2, column 9: expected valid YAML or JSON, received Flow sequence/,
    );
  });

  it('applies variants as JSON merge patches and rejects an unknown variant with a suggestion', () => {
    const doc = baseline();
    const warm = applyVariant(doc, 'warm-transfers') as Tree;
    expect(warm.transfers.mode).toBe('warm');
    expect(warm.transfers.outcomes).toEqual((doc as Tree).transfers.outcomes);
    expect(() => applyVariant(doc, 'warm-transfer')).toThrow(/did you mean "warm-transfers"/);
  });
});

const junk = fc.oneof(
  fc.constant(null),
  fc.constant(-1),
  fc.constant(1.5),
  fc.constant(''),
  fc.constant('abc'),
  fc.constant('25:99'),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ distribution: 'nope' }),
  fc.double(),
  fc.string(),
);

function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = Array.isArray(value) ? Number(k) : k;
      out.push([...prefix, key]);
      paths(v, [...prefix, key], out);
    }
  }
  return out;
}

function setAt(doc: Tree, path: (string | number)[], value: unknown): Tree {
  const copy = structuredClone(doc);
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return copy;
    node = node[key];
  }
  if (node !== null && typeof node === 'object') node[path[path.length - 1]!] = value;
  return copy;
}

describe('fuzzed scenarios', () => {
  const docs = [
    baseline(),
    stationaryQueueDocument({ arrivalsPerHour: 100, ahtSeconds: 60, operators: 3 }),
  ];

  it('a scenario with junk put anywhere is either valid or rejected with an InputError naming paths', () => {
    const all = docs.map((d) => paths(d));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: docs.length - 1 }),
        fc.nat(),
        fc.array(junk, { minLength: 1, maxLength: 3 }),
        (which, pick, values) => {
          let doc = docs[which]!;
          values.forEach((value, i) => {
            const list = all[which]!;
            doc = setAt(doc, list[(pick + i * 7919) % list.length]!, value);
          });
          try {
            const scenario = parseScenario(doc, { file: 'fuzz.yaml' });
            // Odd but valid values must simulate without crashing.
            if (which === 1 && scenario.callsPerDay.every((n) => n <= 5000))
              runReplication(scenario, { days: 1, seed: 1, index: 0 });
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
            const e = error as InputError;
            expect(e.problems.length).toBeGreaterThan(0);
            for (const p of e.problems) {
              expect(p.path.length).toBeGreaterThan(0);
              expect(p.expected.length).toBeGreaterThan(0);
            }
            expect(e.message.startsWith('fuzz.yaml: ')).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a probability pushed out of [0, 1] anywhere is always rejected, at its path', () => {
    const doc = baseline();
    const probabilityPaths = paths(doc).filter((p) => {
      const last = String(p[p.length - 1]);
      return [
        'probability',
        'acceptance',
        'cannotUse',
        'wrongOption',
        'answerProbability',
        'warmMessage',
      ].includes(last);
    });
    expect(probabilityPaths.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(
        fc.constantFrom(...probabilityPaths),
        fc.oneof(fc.double({ min: 1.0001, max: 1e6 }), fc.double({ min: -1e6, max: -0.0001 })),
        (path, value) => {
          let dotted = path
            .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
            .join('')
            .slice(1);
          // A problem inside a variant's patch is reported in the patched document, with the variant named.
          if (path[0] === 'variants')
            dotted = `variants.${path[1]} → ${dotted.split('.').slice(2).join('.')}`;
          expect(() => parseScenario(setAt(doc, path, value))).toThrow(dotted);
        },
      ),
      { numRuns: 100 },
    );
  });
});
