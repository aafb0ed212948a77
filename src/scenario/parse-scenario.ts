import { isTimeZone, TIME_ZONE_EXPECTED, timeZoneHint } from '../calendar/time-zone.js';
import { mondayFirst, weekdayOfDay } from '../calendar/weekdays.js';
import { dayOfIsoDate } from '../calendar/days.js';
import { InputError } from '../errors.js';
import { Deterministic } from '../random/distributions.js';
import { resolve } from 'node:path';
import { mergePatch } from './merge-patch.js';
import {
  type ForecastArrivals,
  readForecastArrivals,
  receiveForecastArrivals,
  type SentForecastArrivals,
} from './read-forecast-arrivals.js';
import { parseRoutingSections } from './parse-routing.js';
import { parseCallerGroups } from './parse-caller-groups.js';
import { parseShifts } from './parse-shifts.js';
import { parseTargets } from './parse-targets.js';
import { ProblemList } from './problem-list.js';
import { readPerWeekday, readRedials, readTimeRange } from './read-fields.js';
import { parseRosterDay } from './parse-roster-day.js';
import { parseIntradayProfile } from './parse-intraday-profile.js';
import type { DayRange, QueueSpec, RosterStep, Scenario } from './scenario-types.js';
import { weekdays } from './scenario-types.js';
import type { Margin } from '../measures/verdict.js';
import { readMarginOverride } from '../measures/compared-measures.js';
import { validateDocument } from './validate-document.js';

type Doc = Record<string, unknown>;

const REAL_DATE = 'a real date YYYY-MM-DD (a day that exists in the calendar)';

/** Options of {@link parseScenario}. */
export interface ParseScenarioOptions {
  /** The file the document came from, for error messages. */
  file?: string;
  /** The directory a relative `arrivals.forecast` path is read from (default: the current one). */
  baseDir?: string;
  /**
   * The document passed the schema already (a worker thread compiling what this process
   * validated): skip the schema check, whose first use compiles the schema (~250 ms).
   */
  schemaChecked?: boolean;
  /**
   * The arrivals of `arrivals.forecast`, read from the file by the process that sent the
   * document (to a worker thread, or in a job): used instead of the file, which is not read
   * (nor needed) here. Checked against the scenario's reasons and interval.
   */
  forecast?: SentForecastArrivals;
  /**
   * How the scenario writes the forecast CSV the document names ({@link Scenario.forecastFile}),
   * named in messages instead of the document's absolute path (a sweep recompiling a document).
   */
  forecastFile?: string;
}

/**
 * Whether a merge patch writes the value at `path` (`queues.main.operators.default[1].hours`):
 * the patch holds that path, or replaces a list or value on the way to it.
 */
function patchWrites(patch: unknown, path: string): boolean {
  let value = patch;
  for (const key of path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return true;
    if (!Object.hasOwn(value, key)) return false;
    value = (value as Doc)[key];
  }
  return true;
}

function weekdayOf(date: string): number {
  return mondayFirst(weekdayOfDay(dayOfIsoDate(date) ?? 0));
}

/**
 * Turn a scenario document (parsed YAML or JSON) into a {@link Scenario}: validate it against
 * the published schema, then check what a schema cannot (references between sections, shares
 * summing to 1, time ranges) and compile names to indices. Throws an {@link InputError} listing
 * every problem with its path. Cost: linear in the document's size.
 */
export function parseScenario(document: unknown, options: ParseScenarioOptions = {}): Scenario {
  const file = options.file;
  const schemaProblems = options.schemaChecked ? [] : validateDocument(document);
  const p = new ProblemList();
  if (schemaProblems.length > 0) {
    // Report what the semantic checks find too, so every problem comes out at once; they may
    // stumble on the malformed parts, which the schema problems already name.
    try {
      compileScenario(document as Doc, file, p, options);
    } catch {
      /* the schema problems explain it */
    }
    const inside = (a: string, b: string) =>
      a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
    const covered = (path: string) =>
      schemaProblems.some((s) => inside(path, s.path) || inside(s.path, path));
    throw new InputError([...schemaProblems, ...p.problems.filter((q) => !covered(q.path))], file);
  }
  const { variants, ...base } = document as Doc;
  const scenario = compileScenario(base, file, p, options);
  if (variants !== undefined) {
    for (const [name, patch] of Object.entries(variants as Doc)) {
      try {
        parseScenario(mergePatch(base, patch), {
          ...(options.baseDir ? { baseDir: options.baseDir } : {}),
          ...(options.forecast ? { forecast: options.forecast } : {}),
        });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        // A problem the base has too is the base's, unless the variant writes that part itself.
        const fromBase = new Set(p.problems.map((q) => `${q.path}|${q.expected}|${q.received}`));
        for (const problem of error.problems) {
          if (
            fromBase.has(`${problem.path}|${problem.expected}|${problem.received}`) &&
            !patchWrites(patch, problem.path)
          )
            continue;
          p.problems.push({ ...problem, path: `variants.${name} → ${problem.path}` });
        }
      }
    }
  }
  if (p.problems.length > 0) throw new InputError(p.problems, file);
  return scenario;
}

function compileScenario(
  doc: Doc,
  file: string | undefined,
  p: ProblemList,
  options: ParseScenarioOptions,
): Scenario {
  const calendar = (doc.calendar ?? {}) as Doc;
  const intervalMinutes = (calendar.intervalMinutes as number | undefined) ?? 30;
  let startDate = (calendar.startDate as string | undefined) ?? '2026-01-05';
  const timezone = (calendar.timezone as string | undefined) ?? 'UTC';
  if (!isTimeZone(timezone))
    p.add('calendar.timezone', TIME_ZONE_EXPECTED, timezone, timeZoneHint(timezone));
  if (typeof startDate !== 'string' || dayOfIsoDate(startDate) === undefined) {
    p.add('calendar.startDate', REAL_DATE, startDate);
    startDate = '2026-01-05';
  }
  const closedDays = (calendar.closedDays as string[] | undefined) ?? [];
  for (const [i, day] of closedDays.entries())
    if (typeof day !== 'string' || dayOfIsoDate(day) === undefined)
      p.add(`calendar.closedDays[${i}]`, REAL_DATE, day);
  const openingHours = readPerWeekday<DayRange[]>(
    calendar.openingHours as Doc | undefined,
    (v, path) => (v as string[]).map((r, i) => readTimeRange(r, `${path}[${i}]`, p)),
    'calendar.openingHours',
    [[0, 86400]],
  );

  const arrivals = doc.arrivals as Doc;
  let forecast: ForecastArrivals | undefined;
  let forecastFile: string | undefined;
  let document = doc;
  if (arrivals.forecast !== undefined) {
    if (arrivals.callsPerDay !== undefined || arrivals.intradayProfile !== undefined)
      p.add(
        'arrivals.forecast',
        'either a forecast or callsPerDay with intradayProfile, not both',
        arrivals.forecast,
      );
    if (options.forecast !== undefined) {
      forecast = receiveForecastArrivals(
        options.forecast,
        Object.keys(doc.reasons as Doc),
        intervalMinutes,
        'arrivals.forecast (sent with the document)',
        p,
      );
    } else {
      const path = resolve(options.baseDir ?? '.', arrivals.forecast as string);
      forecastFile = options.forecastFile ?? (arrivals.forecast as string);
      forecast = readForecastArrivals(
        path,
        Object.keys(doc.reasons as Doc),
        intervalMinutes,
        'arrivals.forecast',
        p,
        forecastFile,
      );
      document = mergePatch(doc, { arrivals: { forecast: path } }) as Doc;
    }
    if (forecast && calendar.startDate === undefined) startDate = forecast.startDate;
  } else if (arrivals.callsPerDay === undefined || arrivals.intradayProfile === undefined) {
    p.add('arrivals', 'callsPerDay and intradayProfile, or a forecast CSV', 'neither');
  }
  if (arrivals.newCallShare !== undefined && arrivals.forecast === undefined)
    p.add(
      'arrivals.newCallShare',
      'no newCallShare without arrivals.forecast (it scales a forecast of every call down to new calls; callsPerDay already counts new calls)',
      arrivals.newCallShare,
    );
  const newCallShare = (arrivals.newCallShare as number | undefined) ?? 1;
  const callsPerDay =
    typeof arrivals.callsPerDay === 'number'
      ? weekdays.map(() => arrivals.callsPerDay as number)
      : readPerWeekday(
          arrivals.callsPerDay as Doc | undefined,
          (v) => v as number,
          'arrivals.callsPerDay',
          0,
        );
  /**
   * The weights read from CSV files, written into the document in place of the files' names:
   * worker threads and jobs (on other machines) recompile it without the files, and no path
   * travels.
   */
  const paths: Doc = {};
  const readProfile = (raw: unknown, at: string) => {
    const read = parseIntradayProfile(raw, at, intervalMinutes, options.baseDir, p);
    if (read.weights !== undefined) paths[at] = read.weights;
    return read.shares;
  };
  const intradayProfile = readProfile(arrivals.intradayProfile, 'arrivals.intradayProfile');
  weekdays.forEach((day, i) => {
    if (callsPerDay[i]! > 0 && intradayProfile[i]!.every((s) => s === 0))
      p.add(`arrivals.intradayProfile.${day}`, `a profile for ${day} (or a default)`, undefined);
  });

  const queueNames = Object.keys(doc.queues as Doc);
  const queues = queueNames.map((qName) => {
    const raw = (doc.queues as Doc)[qName] as Doc;
    const path = `queues.${qName}`;
    const roster = readPerWeekday<RosterStep[]>(
      raw.operators as Doc | undefined,
      (v, at) => parseRosterDay(v, at, p),
      `${path}.operators`,
      [],
    );
    const callback = raw.callback as Doc | undefined;
    return {
      name: qName,
      roster,
      wrapUp:
        raw.wrapUp !== undefined
          ? p.distribution(raw.wrapUp, `${path}.wrapUp`)
          : new Deterministic(0),
      helps: ((raw.helps as string[] | undefined) ?? []).map((h, i) =>
        p.reference(h, queueNames, `${path}.helps[${i}]`, 'queue'),
      ),
      order: (raw.order as QueueSpec['order'] | undefined) ?? 'own-first',
      callback: callback && {
        offerAfterSeconds: p.duration(callback.offerAfter, `${path}.callback.offerAfter`, 60),
        acceptance: callback.acceptance as number,
        answerProbability: (callback.answerProbability as number | undefined) ?? 0.8,
        retryDelay:
          callback.retryDelay !== undefined
            ? p.distribution(callback.retryDelay, `${path}.callback.retryDelay`)
            : new Deterministic(1800),
        maxAttempts: (callback.maxAttempts as number | undefined) ?? 3,
        noAnswerSeconds: p.duration(callback.noAnswerTime, `${path}.callback.noAnswerTime`, 30),
      },
    };
  });

  // A queue without operators of its own (as the audit writes for a pooled switchboard) is
  // served by every group that has a roster, unless some group already `helps` it.
  const pooled = queueNames.filter((_, q) => {
    const raw = (doc.queues as Doc)[queueNames[q]!] as Doc;
    return raw.operators === undefined && !queues.some((g) => g.helps.includes(q));
  });
  for (const queue of queues) {
    const own = ((doc.queues as Doc)[queue.name] as Doc).operators !== undefined;
    if (!own) continue;
    for (const name of pooled) {
      const q = queueNames.indexOf(name);
      if (!queue.helps.includes(q)) queue.helps.push(q);
    }
  }
  const redials = readRedials(doc.redials as Doc | undefined, 'redials', p);
  const routing = parseRoutingSections(doc, queueNames, redials, p);
  const costs = (doc.costs ?? {}) as Doc;
  const measures = (doc.measures ?? {}) as Doc;
  const reasonNames = routing.reasons.map((r) => r.name);
  // A reason's own intraday profile (its calls of the day spread unlike the whole's).
  for (const reason of routing.reasons) {
    const raw = ((doc.reasons as Doc)[reason.name] as Doc | undefined)?.intradayProfile;
    if (raw === undefined) continue;
    const at = `reasons.${reason.name}.intradayProfile`;
    if (arrivals.forecast !== undefined)
      p.add(at, 'no intradayProfile with arrivals.forecast (the forecast dates every reason)', raw);
    else reason.intradayProfile = readProfile(raw, at);
  }
  if (Object.keys(paths).length > 0) {
    const path = (at: string) => paths[at];
    const reasonPaths = Object.fromEntries(
      Object.keys(doc.reasons as Doc)
        .filter((name) => path(`reasons.${name}.intradayProfile`) !== undefined)
        .map((name) => [name, { intradayProfile: path(`reasons.${name}.intradayProfile`) }]),
    );
    document = mergePatch(document, {
      ...(path('arrivals.intradayProfile') !== undefined
        ? { arrivals: { intradayProfile: path('arrivals.intradayProfile') } }
        : {}),
      reasons: reasonPaths,
    }) as Doc;
  }
  const lostNeed = readLostNeed(costs.lostNeed, reasonNames, p);
  const margins = new Map<string, Margin>();
  for (const [name, value] of Object.entries((measures.margins ?? {}) as Doc)) {
    const read = readMarginOverride(name, value);
    if ('margin' in read) margins.set(name, read.margin);
    else p.problems.push({ path: `measures.margins.${name}`, ...read.problem });
  }
  const { targets, serviceLevelSeconds } = parseTargets(doc, p, queueNames);
  const shifts = parseShifts(
    doc.shifts as Doc | undefined,
    queueNames,
    intervalMinutes,
    (costs.operatorHour as number | undefined) ?? 1,
    p,
  );
  const shortAbandonSeconds = p.duration(measures.shortAbandonTime, 'measures.shortAbandonTime', 5);
  const callerGroups = parseCallerGroups(doc.callerGroups, p);

  return {
    document,
    forecast,
    ...(forecastFile === undefined ? {} : { forecastFile }),
    newCallShare,
    name: doc.name as string,
    description: (doc.description as string | undefined) ?? '',
    file,
    timezone,
    intervalMinutes,
    startWeekday: weekdayOf(startDate),
    startDate,
    openingHours,
    closedDays,
    callsPerDay,
    intradayProfile,
    queues,
    lines: (doc.lines as number | undefined) ?? Number.POSITIVE_INFINITY,
    ...routing,
    costs: {
      currency: (costs.currency as string | undefined) ?? 'EUR',
      operatorHour: (costs.operatorHour as number | undefined) ?? 0,
      lostNeed,
      transfer: (costs.transfer as number | undefined) ?? 0,
      repeatAttempt: (costs.repeatAttempt as number | undefined) ?? 0,
      paidBreakHours: (costs.paidBreakHours as number | undefined) ?? 0,
    },
    margins,
    targets,
    shifts,
    callerGroups,
    serviceLevelSeconds,
    shortAbandonSeconds,
  };
}

/**
 * `costs.lostNeed` as a price per reason index: one number for every reason, or a map of reason
 * names to prices whose `default` prices the reasons not named (0 without a default).
 */
function readLostNeed(value: unknown, reasons: readonly string[], p: ProblemList): number[] {
  if (value === undefined) return reasons.map(() => 0);
  if (typeof value === 'number') return reasons.map(() => value);
  const prices = new Map(Object.entries(value as Record<string, number>));
  for (const name of prices.keys())
    if (name !== 'default') p.reference(name, reasons, `costs.lostNeed.${name}`, 'reason');
  const fallback = prices.get('default') ?? 0;
  return reasons.map((name) => prices.get(name) ?? fallback);
}
