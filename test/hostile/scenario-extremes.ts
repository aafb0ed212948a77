import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { yamlText } from '../../src/io/yaml-text.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { hostileName } from './output-checks.js';

// Generators for fuzz-valid-scenarios.test.ts: the shipped scenarios changed WITHIN the format
// (docs/scenario-format.md and the schema, src/scenario/scenario-schema.ts): hostile names,
// numbers at their documented bounds and just inside, and every feature at its extreme. Each
// change keeps the file valid by construction, so a refusal of a generated file is a finding
// (or a gap in this generator), not noise. A second generator breaks a valid file in exactly
// one place, and says which path the error must name.

export type Doc = Record<string, unknown>;

/** The shipped scenarios, as documents (small-hospital reads small-hospital-profile.csv). */
export const shippedScenarios = (): Doc[] =>
  ['scenarios/baseline.yaml', 'scenarios/small-hospital.yaml'].map(
    (path) => parse(readFileSync(path, 'utf8')) as Doc,
  );

/** The text of a scenario file: YAML (as the tool writes it) or JSON, a YAML subset. */
export const scenarioText = (doc: Doc, json: boolean) =>
  json ? JSON.stringify(doc) : yamlText(doc, { lineWidth: 0, version: '1.1' });

/** Whether the scenario compiles (the check simulate makes before it runs), CSVs read from `dir`. */
export function compiles(doc: Doc, dir: string): boolean {
  try {
    parseScenario(doc, { baseDir: dir });
    return true;
  } catch {
    return false;
  }
}

const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Names the format gives a meaning of its own (a name equal to one is not a plain name). */
const RESERVED = new Set(['default', 'selfService', 'others', 'all', '__proto__']);

/** Names as people paste them: markup, formulas, bidi marks, combining and wide characters. */
const PASTED = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://example.invalid","x")',
  '+SUM(1,1)',
  '-2+3',
  '@SUM(A1:A9)',
  '\u202eevil\u202c',
  'a\u200fb\u200e',
  'ﬁ𝔘ñíçødé 😀\u200d👩',
  'e\u0301\u0301\u0301',
  '\u3000全角',
  '١٢٣ عربي',
  '"quoted", and; more|pipes',
  'line\u2028separator',
  '${x} {{y}} %s',
];

/** A name of up to 64 characters (the limit of caller-group names and price keys). */
export const shortName = fc
  .oneof(
    { weight: 4, arbitrary: hostileName },
    { weight: 2, arbitrary: fc.constantFrom(...PASTED) },
  )
  .filter((n) => !RESERVED.has(n) && [...n].length <= 64);

/** A name of 10,000 characters: a hostile start, then one character repeated. */
export const longName = fc
  .tuple(shortName, fc.constantFrom('x', 'é', '😀', '<&>', '\u202e', '='))
  .map(([start, c]) => [...(start + c.repeat(10_000))].slice(0, 10_000).join(''));

/** Any name: mostly short, sometimes 10,000 characters. */
export const anyName = fc.oneof(
  { weight: 5, arbitrary: shortName },
  { weight: 1, arbitrary: longName },
);

/** Every object key and string equal to `from`, anywhere in `value`, renamed to `to`. */
export function renamed(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value === from ? to : value;
  if (Array.isArray(value)) return value.map((v) => renamed(v, from, to));
  if (!isObject(value)) return value;
  const out: Doc = {};
  for (const [k, v] of Object.entries(value)) out[k === from ? to : k] = renamed(v, from, to);
  return out;
}

/** Every `[parent, key]` under `value` whose key is one of `keys` (skipping `skip` subtrees). */
function fieldsNamed(value: unknown, keys: Set<string>, skip = new Set<string>()): [Doc, string][] {
  const found: [Doc, string][] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v))
      for (const [k, child] of Object.entries(v)) {
        if (skip.has(k)) continue;
        if (keys.has(k)) found.push([v, k]);
        visit(child);
      }
  };
  visit(value);
  return found;
}

const keysOf = (doc: Doc, section: string) => Object.keys((doc[section] as Doc | undefined) ?? {});
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

const PROBABILITY_KEYS = new Set([
  'acceptance',
  'answerProbability',
  'answeringMachine',
  'hangUpPerMinute',
  'cannotUse',
  'wrongOption',
  'warmMessage',
  'extraTransferProbability',
  'errorProbability',
  'cannotUseMenu',
  'probability',
  'serviceLevel',
  'maxAbandon',
]);
const PROBABILITIES = [0, 1, 1e-12, 1 - 1e-12, 5e-324, 0.5];
const DURATION_KEYS = new Set([
  'message',
  'perOption',
  'warmTimeout',
  'messageTime',
  'offerAfter',
  'noAnswerTime',
  'threshold',
  'shortAbandonTime',
]);
const DURATIONS: unknown[] = [0, '1ms', '0.001s', 1, 1e9, '277777h', ' 3 m '];
const DISTRIBUTION_KEYS = new Set([
  'handleTime',
  'patience',
  'wrapUp',
  'ringTime',
  'delay',
  'retryDelay',
]);
/** Distributions at the bounds src/random/distribution-spec.ts documents. */
const DISTRIBUTIONS: Doc[] = [
  { distribution: 'deterministic', value: 0 },
  { distribution: 'deterministic', value: 1e9 },
  { distribution: 'deterministic', value: '1ms' },
  { distribution: 'exponential', mean: 0.001 },
  { distribution: 'exponential', mean: '1e9' },
  { distribution: 'lognormal', mean: 60, cv: 100 },
  { distribution: 'lognormal', mean: 60, cv: 0 },
  { distribution: 'gamma', mean: 60, cv: 0.001 },
  { distribution: 'gamma', mean: '2m', cv: 100 },
  { distribution: 'weibull', shape: 0.1, scale: 60 },
  { distribution: 'weibull', shape: 100, scale: 1e9 },
  { distribution: 'uniform', min: 0, max: 0 },
  { distribution: 'uniform', min: 0, max: 1e9 },
  { distribution: 'normal', mean: 60, sd: 60 },
  { distribution: 'empirical', values: [0, 1e9] },
  { distribution: 'empirical', values: [0] },
  {
    distribution: 'mixture',
    components: [
      { weight: 1e-9, distribution: 'deterministic', value: 0 },
      { weight: 1e9, distribution: 'exponential', mean: 30 },
    ],
  },
];

/** The parameters one change draws from. */
export interface ChangeDraw {
  kind: string;
  n: number;
  m: number;
  name: string;
  short: string;
}

/** The steps of every roster of `doc` (base only). */
function rosterSteps(doc: Doc): Doc[] {
  return Object.values((doc.queues as Doc) ?? {}).flatMap((q) =>
    Object.values(((q as Doc).operators as Doc | undefined) ?? {}).flatMap((day) => day as Doc[]),
  );
}

/** Scale every calls-per-day figure to at most `most` (keeping the weekday pattern). */
function scaleCalls(value: unknown, most: number): unknown {
  if (typeof value === 'number') return Math.min(value, most);
  if (!isObject(value)) return value;
  const top = Math.max(...Object.values(value).map(Number), 1);
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, Math.round((Number(v) * most) / top)]),
  );
}

/** A reason with share 0 (reachable through the menu or as a call-back reason). */
const quietReason = (queue: string) => ({
  share: 0,
  handleTime: { distribution: 'exponential', mean: 30 },
  patience: { distribution: 'exponential', mean: 60 },
  queue,
});

/**
 * The changes, each valid by construction. `n` and `m` choose among the documented bounds;
 * `name` (any length) and `short` (≤ 64 characters) are hostile names.
 */
export const CHANGES: Record<string, (doc: Doc, d: ChangeDraw) => Doc> = {
  /** A queue, reason, service, variant, caller group or the scenario renamed everywhere. */
  rename(doc, d) {
    const kind = pick(['queues', 'reasons', 'services', 'variants', 'callerGroups', 'name'], d.m);
    if (kind === 'name') return { ...doc, name: d.name, description: d.short };
    const names = keysOf(doc, kind);
    if (names.length === 0) return doc;
    const old = pick(names, d.n);
    // Caller-group names and per-reason prices are keys of at most 64 characters.
    const priced =
      isObject((doc.costs as Doc | undefined)?.lostNeed) &&
      Object.hasOwn((doc.costs as Doc).lostNeed as Doc, old);
    const to = kind === 'callerGroups' || (kind === 'reasons' && priced) ? d.short : d.name;
    const all = new Set([
      ...keysOf(doc, 'queues'),
      ...keysOf(doc, 'reasons'),
      ...keysOf(doc, 'services'),
      ...keysOf(doc, 'variants'),
      ...keysOf(doc, 'callerGroups'),
    ]);
    if (all.has(to)) return doc;
    return renamed(doc, old, to) as Doc;
  },
  zeroOperators(doc) {
    for (const step of rosterSteps(doc)) step.operators = 0;
    return doc;
  },
  mostOperators(doc, d) {
    const steps = rosterSteps(doc);
    if (steps.length > 0) pick(steps, d.n).operators = pick([100_000, 99_999], d.m);
    return doc;
  },
  zeroCalls(doc, d) {
    (doc.arrivals as Doc).callsPerDay = d.m % 2 === 0 ? 0 : { default: 0, monday: 1 };
    if (isObject(doc.outbound)) doc.outbound.callsPerDay = 0;
    return doc;
  },
  lines(doc, d) {
    return { ...doc, lines: pick([1, 2, 10_000_000, 9_999_999], d.n) };
  },
  probabilityBound(doc, d) {
    // Route probabilities and transfer shares must sum to 1: not touched here.
    const fields = fieldsNamed(doc, PROBABILITY_KEYS, new Set(['routes', 'to', 'outcomes']));
    for (const k of [d.n, d.m]) {
      if (fields.length === 0) break;
      const [parent, key] = pick(fields, k);
      parent[key] = pick(PROBABILITIES, k + d.m);
    }
    return doc;
  },
  durationBound(doc, d) {
    const fields = fieldsNamed(doc, DURATION_KEYS);
    if (fields.length > 0) {
      const [parent, key] = pick(fields, d.n);
      parent[key] = pick(DURATIONS, d.m);
    }
    for (const [parent] of fieldsNamed(doc, new Set(['queueCredit']))) parent.queueCredit = '24h';
    return doc;
  },
  distributionBound(doc, d) {
    const fields = fieldsNamed(doc, DISTRIBUTION_KEYS, new Set(['variants']));
    for (const k of [d.n, d.n + d.m]) {
      if (fields.length === 0) break;
      const [parent, key] = pick(fields, k);
      parent[key] = structuredClone(pick(DISTRIBUTIONS, k * 7 + d.m));
    }
    return doc;
  },
  endlessPatience(doc, d) {
    for (const reason of Object.values(doc.reasons as Doc))
      (reason as Doc).patience = { distribution: 'deterministic', value: pick([1e9, 0], d.m) };
    return doc;
  },
  /** Every reason put through, the service never answering, every transfer bouncing back. */
  transferLoop(doc, d) {
    const service = d.name;
    if (keysOf(doc, 'queues').includes(service) || keysOf(doc, 'reasons').includes(service))
      return doc;
    for (const reason of Object.values(doc.reasons as Doc))
      (reason as Doc).transfer = { probability: 1, to: { [service]: 1 } };
    doc.services = {
      ...((doc.services as Doc | undefined) ?? {}),
      [service]: { availability: 0, voicemail: 'none' },
    };
    doc.transfers = {
      ...((doc.transfers as Doc | undefined) ?? {}),
      mode: 'wild',
      outcomes: { answered: 0, ringOut: 0, voicemail: 0, bouncedBack: 1 },
      maxBounces: pick([50, 49, 0], d.m),
      ringTime: { distribution: 'deterministic', value: 0 },
    };
    return doc;
  },
  /** Callbacks on every queue, accepted by everyone at once. */
  callbacks(doc, d) {
    for (const queue of Object.values(doc.queues as Doc))
      (queue as Doc).callback = {
        offerAfter: pick([0, '1s', 1e9], d.n),
        acceptance: 1,
        answerProbability: pick([0, 1, 0.5], d.m),
        maxAttempts: pick([1, 255, 256, 300], d.n + d.m),
        retryDelay: { distribution: 'deterministic', value: pick([0, 60], d.m) },
        noAnswerTime: pick([0, 30], d.n),
      };
    return doc;
  },
  redials(doc, d) {
    doc.redials = {
      probability: pick([1, 1 - 1e-12, 0], d.m),
      maxAttempts: pick([1, 256, 300], d.n),
      delay: { distribution: 'deterministic', value: pick([0, 1], d.n + d.m) },
    };
    return doc;
  },
  /**
   * A front menu as deep and wide as asked: one option per reason (and `extra` share-0
   * reasons), the first reason at the end of a chain of sub-menus; some options route to
   * self-service or straight to a service.
   */
  menu(doc, d) {
    const queues = keysOf(doc, 'queues');
    const queue = queues[0]!;
    const depth = pick([1, 2, 16, 64], d.n);
    const extra = pick([0, 0, 40], d.m);
    const reasons = doc.reasons as Doc;
    for (let i = 0; i < extra; i++) reasons[`${d.short}#${i}`] = quietReason(queue);
    const names = Object.keys(reasons);
    const services = keysOf(doc, 'services');
    const leaf = (reason: string, i: number): Doc => {
      const label = `${d.short} ${i}`;
      if (i % 5 === 1)
        return { label, reasons: [reason], routes: [{ to: 'selfService', probability: 1 }] };
      if (i % 5 === 2 && services.length > 0)
        return {
          label,
          reasons: [reason],
          routes: [
            { to: pick(services, i), probability: 0.5 },
            { to: pick(queues, i), probability: 0.5 },
          ],
        };
      return { label, reasons: [reason], queue: pick(queues, i) };
    };
    let chain: Doc = leaf(names[0]!, 0);
    for (let level = 0; level < depth; level++)
      chain = {
        label: `${d.name.slice(0, 100)} ${level}`,
        message: pick([0, '1ms', 1e9], level),
        options: [chain],
      };
    doc.ivr = {
      message: pick([0, '1ms', 25], d.m),
      perOption: pick([0, '1ms', 4], d.n),
      hangUpPerMinute: pick([0, 1, 0.04], d.n + d.m),
      cannotUse: pick([0, 1, 0.08], d.m),
      wrongOption: pick([0, 1, 0.05], d.n),
      defaultQueue: queue,
      options: [chain, ...names.slice(1).map((reason, i) => leaf(reason, i + 1))],
    };
    // Variants that rewrite the menu list the shipped reasons; they stay valid.
    return doc;
  },
  calendar(doc, d) {
    const calendar = (doc.calendar as Doc | undefined) ?? {};
    calendar.timezone = pick(
      [
        'Pacific/Chatham',
        'Asia/Kathmandu',
        'America/St_Johns',
        'Pacific/Kiritimati',
        'Etc/GMT+12',
        'UTC',
      ],
      d.n,
    );
    // Profiles are on the 30-minute grid: every finer grid that divides it keeps them on it.
    calendar.intervalMinutes = pick([5, 10, 15, 30], d.m);
    const start = pick(
      ['2026-03-29', '2026-10-25', '2026-04-05', '2024-02-29', '2026-12-31'],
      d.n + d.m,
    );
    calendar.startDate = start;
    calendar.openingHours = {
      default: pick(
        [['12:00-12:01'], [], ['00:00-24:00'], ['23:59-24:00'], ['00:00-00:01', '23:59-24:00']],
        d.m,
      ),
    };
    calendar.closedDays = d.n % 3 === 0 ? [start] : [];
    doc.calendar = calendar;
    // Shifts on a 5/10/15-minute grid stay on it (their times are on the half hour).
    return doc;
  },
  /** Twenty caller groups (the most), their factors at both bounds. */
  callerGroups(doc, d) {
    const groups: Doc = {};
    for (let i = 0; i < 20; i++)
      groups[`${d.short.slice(0, 40)}·${i}`] = {
        share: i === 0 && d.m % 2 === 1 ? 0 : 0.05,
        cannotUseMenu: pick([0, 1], i + d.n),
        patienceFactor: pick([0.01, 100], i),
        handleTimeFactor: pick([100, 0.01, 1], i + d.m),
      };
    return { ...doc, callerGroups: groups };
  },
  warmTransfers(doc, d) {
    doc.transfers = {
      ...((doc.transfers as Doc | undefined) ?? {}),
      mode: 'warm',
      warmTimeout: pick([0, 1e9, '1ms'], d.n),
      warmMessage: pick([0, 1], d.m),
      messageTime: pick([0, 1e9], d.n + d.m),
    };
    return doc;
  },
  microFlows(doc, d) {
    const reasons = Object.values(doc.reasons as Doc) as Doc[];
    pick(reasons, d.n).micro = true;
    if (d.m % 3 === 2) {
      const queue = d.name;
      if (keysOf(doc, 'queues').includes(queue) || keysOf(doc, 'reasons').includes(queue))
        return doc;
      (doc.queues as Doc)[queue] = {
        operators: { default: [{ hours: '00:00-24:00', operators: pick([0, 1], d.n) }] },
      };
      doc.microFlows = { handling: 'dedicated', dedicatedQueue: queue };
    } else
      doc.microFlows = {
        handling: 'pool',
        handleTimeFactor: pick([0, 1e6, 1], d.m),
        extraTransferProbability: pick([1, 0], d.n),
        errorProbability: pick([1, 0], d.n + d.m),
      };
    return doc;
  },
  /** Every queue helps every other, oldest call first (a second queue added if needed). */
  helpEachOther(doc, d) {
    const queues = doc.queues as Doc;
    if (
      Object.keys(queues).length < 2 &&
      !Object.hasOwn(queues, d.name) &&
      !Object.hasOwn(doc.reasons as Doc, d.name)
    )
      queues[d.name] = { operators: { default: [{ hours: '00:00-24:00', operators: 1 }] } };
    const names = Object.keys(queues);
    for (const name of names) {
      const q = queues[name] as Doc;
      q.helps = names.filter((other) => other !== name);
      q.order = pick(['oldest', 'own-first'], d.m);
    }
    return doc;
  },
  costs(doc, d) {
    const most = pick([1e6, 0, 999_999.99], d.m);
    doc.costs = {
      currency: pick(['XXX', 'EUR', 'JPY'], d.n),
      operatorHour: most,
      lostNeed: most,
      transfer: most,
      repeatAttempt: most,
    };
    return doc;
  },
  targets(doc, d) {
    doc.targets = {
      serviceLevel: pick([0, 1], d.n),
      threshold: pick([0, 1e9, '1ms'], d.m),
      maxAbandon: pick([0, 1], d.m),
    };
    return doc;
  },
  outbound(doc, d) {
    const reason = pick(keysOf(doc, 'reasons'), d.n);
    doc.outbound = {
      callsPerDay: pick([50, 0, { default: 50, sunday: 0 }], d.m),
      hours: pick(['09:00-17:00', '12:00-12:01', '00:00-24:00'], d.n),
      answerProbability: pick([0, 1], d.m),
      answeringMachine: pick([1, 0], d.n),
      voicemailPolicy: pick(['retry', 'leaveMessage'], d.n + d.m),
      retryDelay: { distribution: 'deterministic', value: pick([0, 60], d.m) },
      maxAttempts: pick([1, 256], d.n),
      callBack: { probability: 1, delay: { distribution: 'deterministic', value: 0 }, reason },
    };
    return doc;
  },
  /** Hundreds of reasons with share 0 and hostile names, each with its own queue. */
  manyReasons(doc, d) {
    const count = pick([60, 200], d.m);
    for (let i = 0; i < count; i++) {
      const queue = `${d.short}·q${i}`;
      (doc.reasons as Doc)[`${d.short}·r${i}`] = quietReason(queue);
      (doc.queues as Doc)[queue] =
        i % 2 === 0 ? {} : { operators: { default: [{ hours: '00:00-24:00', operators: 1 }] } };
    }
    return doc;
  },
  /** One reason's calls all in the day's last interval, or on one weekday only. */
  reasonProfile(doc, d) {
    const reason = pick(Object.values(doc.reasons as Doc), d.n) as Doc;
    reason.intradayProfile = pick(
      [{ default: { '23:30': 1 } }, { sunday: { '00:00': 1e9 } }, { default: { '12:00': 5e-324 } }],
      d.m,
    );
    return doc;
  },
  /** Every unanswered transfer ends one way; services answer by the minute at the day's ends. */
  transferOutcomes(doc, d) {
    const outcome = pick(['answered', 'ringOut', 'voicemail', 'bouncedBack'], d.n);
    doc.transfers = {
      ...((doc.transfers as Doc | undefined) ?? {}),
      outcomes: { answered: 0, ringOut: 0, voicemail: 0, bouncedBack: 0, [outcome]: 1 },
    };
    for (const service of Object.values((doc.services as Doc | undefined) ?? {}))
      Object.assign(service as Doc, {
        availability: pick(
          [{ default: 0, '00:00-00:01': 1, '23:59-24:00': 1 }, 0, 1, { default: 1e-12 }],
          d.m,
        ),
        voicemail: pick(['available', 'full', 'none'], d.n + d.m),
      });
    for (const reason of Object.values(doc.reasons as Doc)) {
      const transfer = (reason as Doc).transfer as Doc | undefined;
      if (transfer) transfer.mode = pick(['warm', 'wild'], d.m);
    }
    return doc;
  },
  /** One reason's own redials: every failed attempt redialled at once, 300 attempts. */
  reasonRedials(doc, d) {
    const reason = pick(Object.values(doc.reasons as Doc), d.n) as Doc;
    reason.redials = {
      probability: 1,
      maxAttempts: pick([300, 1], d.m),
      delay: { distribution: 'deterministic', value: 0 },
    };
    return doc;
  },
  /** Closed on every day of the first week (calls still arrive, and hear the closed message). */
  closedWeek(doc) {
    const calendar = (doc.calendar as Doc | undefined) ?? {};
    const start = Date.parse(`${String(calendar.startDate ?? '2026-01-05')}T00:00:00Z`);
    calendar.closedDays = Array.from({ length: 7 }, (_, i) =>
      new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    );
    doc.calendar = calendar;
    return doc;
  },
  /** Priority callers credited the most (24 h) in pooled oldest-first queues. */
  queueCredit(doc, d) {
    Object.values(doc.reasons as Doc).forEach((reason, i) => {
      (reason as Doc).queueCredit = pick(['24h', 0, '1ms', 86_400], i + d.n);
    });
    for (const queue of Object.values(doc.queues as Doc)) (queue as Doc).order = 'oldest';
    return doc;
  },
};

export const CHANGE_KINDS = Object.keys(CHANGES);

export const changeDraw: fc.Arbitrary<ChangeDraw> = fc.record({
  kind: fc.constantFrom(...CHANGE_KINDS),
  n: fc.nat(1000),
  m: fc.nat(1000),
  name: anyName,
  short: shortName,
});

/**
 * A valid extreme scenario: one of the shipped files (calls scaled to at most `most` a day so
 * that a case runs in milliseconds), with `changes` applied in order (those that keep the file
 * under 1 MB).
 */
export function extremeScenario(base: Doc, changes: ChangeDraw[], most = 150): Doc {
  let doc = structuredClone(base);
  const arrivals = doc.arrivals as Doc;
  arrivals.callsPerDay = scaleCalls(arrivals.callsPerDay, most);
  if (isObject(doc.outbound))
    doc.outbound.callsPerDay = scaleCalls(doc.outbound.callsPerDay, most / 10);
  for (const change of changes) {
    // A change that would make the file larger than 1 MB (a 10,000-character name repeated
    // in hundreds of places) is left out: such a file is valid, but costs seconds to run.
    const changed = CHANGES[change.kind]!(structuredClone(doc), change);
    if (JSON.stringify(changed).length <= 1_000_000) doc = changed;
  }
  return doc;
}

/**
 * Breaks of a valid document in exactly one place: each returns the path its one error must
 * name (as the message shows it), or undefined when the document has no such place.
 */
export const BREAKS: Record<string, (doc: Doc, n: number) => string | undefined> = {
  linesZero(doc) {
    doc.lines = 0;
    return 'lines';
  },
  linesFraction(doc) {
    doc.lines = 1.5;
    return 'lines';
  },
  linesTooMany(doc) {
    doc.lines = 10_000_001;
    return 'lines';
  },
  interval(doc) {
    doc.calendar = { ...((doc.calendar as Doc | undefined) ?? {}), intervalMinutes: 7 };
    return 'calendar.intervalMinutes';
  },
  timezone(doc) {
    doc.calendar = { ...((doc.calendar as Doc | undefined) ?? {}), timezone: 'Mars/Olympus' };
    return 'calendar.timezone';
  },
  startDate(doc) {
    doc.calendar = { ...((doc.calendar as Doc | undefined) ?? {}), startDate: '2026-02-30' };
    return 'calendar.startDate';
  },
  callsPerDay(doc) {
    (doc.arrivals as Doc).callsPerDay = 1_000_001;
    return 'arrivals.callsPerDay';
  },
  distributionName(doc, n) {
    const reason = pick(keysOf(doc, 'reasons'), n);
    ((doc.reasons as Doc)[reason] as Doc).patience = { distribution: 'exponentail', mean: 60 };
    return `reasons.${reason}.patience.distribution`;
  },
  negativeMean(doc, n) {
    const reason = pick(keysOf(doc, 'reasons'), n);
    ((doc.reasons as Doc)[reason] as Doc).handleTime = { distribution: 'exponential', mean: '-5s' };
    return `reasons.${reason}.handleTime.mean`;
  },
  unknownQueue(doc, n) {
    const reason = pick(keysOf(doc, 'reasons'), n);
    ((doc.reasons as Doc)[reason] as Doc).queue = 'no such queue';
    return `reasons.${reason}.queue`;
  },
  negativeOperators(doc, n) {
    const queues = keysOf(doc, 'queues').filter((q) =>
      isObject(((doc.queues as Doc)[q] as Doc).operators),
    );
    if (queues.length === 0) return undefined;
    const queue = pick(queues, n);
    const days = ((doc.queues as Doc)[queue] as Doc).operators as Doc;
    const day = Object.keys(days).find((k) => (days[k] as Doc[]).length > 0);
    if (day === undefined) return undefined;
    (days[day] as Doc[])[0]!.operators = -1;
    return `queues.${queue}.operators.${day}[0].operators`;
  },
  maxBounces(doc) {
    doc.transfers = { ...((doc.transfers as Doc | undefined) ?? {}), maxBounces: 51 };
    return 'transfers.maxBounces';
  },
  redialProbability(doc) {
    doc.redials = { ...((doc.redials as Doc | undefined) ?? {}), probability: 1.5 };
    return 'redials.probability';
  },
  currency(doc) {
    doc.costs = { ...((doc.costs as Doc | undefined) ?? {}), currency: 'eur' };
    return 'costs.currency';
  },
  targetLevel(doc) {
    doc.targets = { ...((doc.targets as Doc | undefined) ?? {}), serviceLevel: 2 };
    return 'targets.serviceLevel';
  },
  unknownKey(doc) {
    doc.colour = 'red';
    return 'colour';
  },
  voicemail(doc, n) {
    const services = keysOf(doc, 'services');
    if (services.length === 0) return undefined;
    const service = pick(services, n);
    ((doc.services as Doc)[service] as Doc).voicemail = 'maybe';
    return `services.${service}.voicemail`;
  },
  groupFactor(doc, n) {
    const groups = keysOf(doc, 'callerGroups');
    if (groups.length === 0) return undefined;
    const group = pick(groups, n);
    ((doc.callerGroups as Doc)[group] as Doc).patienceFactor = 0;
    return `callerGroups.${group}.patienceFactor`;
  },
  missingProfile(doc) {
    delete (doc.arrivals as Doc).intradayProfile;
    return 'arrivals';
  },
  share(doc, n) {
    const reason = pick(keysOf(doc, 'reasons'), n);
    ((doc.reasons as Doc)[reason] as Doc).share = 1.5;
    return `reasons.${reason}.share`;
  },
};

export const BREAK_KINDS = Object.keys(BREAKS);

/**
 * Breaks that give more than one error today (written under "Findings for the lead" in
 * /work/COORD.md, session 5): an interval of 7 minutes also refuses every profile time and
 * shift on the half-hour grid (114 problems on the baseline); a queue unknown to a reason is
 * reported again under a variant whose queues differ (the expected text names other queues);
 * a missing intraday profile gives one problem per weekday besides the section's. The fuzz
 * checks what holds (exit 2, the path named first) until they are fixed.
 */
export const KNOWN_CASCADES = new Set(['interval', 'unknownQueue', 'missingProfile']);
