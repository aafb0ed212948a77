import { mondayFirst, WEEKDAY_KEYS } from '../calendar/weekdays.js';
import { nameKeyed } from '../io/name-keyed.js';
import type { CalibratedParameters } from './calibration-tracker.js';
import { groupOperators, STAFFED_GROUP_SHARE } from './route-skills.js';
import { fixed } from '../units/fixed.js';
import { clockMinutes, clockText } from '../calendar/time-of-day.js';

/** The scenario key of a Sunday = 0 weekday. */
const keyOf = (sundayFirst: number) => WEEKDAY_KEYS[mondayFirst(sundayFirst)]!;

const seconds = (x: number | null | undefined) =>
  x === null || x === undefined ? undefined : `${Number(fixed(x, 1))}s`;
const round = (x: number | null | undefined, digits = 4) =>
  x === null || x === undefined ? undefined : Number(fixed(x, digits));
const hhmm = (hour: number) => clockText(hour * 60);

/**
 * A route's intraday profile per weekday: the whole's arrivals of each interval times the
 * route's share of that hour's calls, rescaled to sum 1 (a weekday where the route has no
 * share anywhere keeps the whole's profile).
 */
function routeProfile(
  p: CalibratedParameters,
  hourShare: readonly (number | null)[],
): Record<string, Record<string, number>> {
  const profile: Record<string, Record<string, number>> = {};
  for (let weekday = 0; weekday < 7; weekday++) {
    if (p.daysObserved[weekday] === 0) continue;
    const rows = p.arrivals.filter((a) => a.weekday === weekday && a.callsPerDay > 0);
    const weights = rows.map(
      (a) => a.callsPerDay * (hourShare[Math.floor(clockMinutes(a.intervalStart) / 60)] ?? 0),
    );
    let total = weights.reduce((sum, w) => sum + w, 0);
    const use = total > 0 ? weights : rows.map((a) => a.callsPerDay);
    if (total <= 0) total = use.reduce((sum, w) => sum + w, 0);
    if (total <= 0) continue;
    const day: Record<string, number> = {};
    rows.forEach((a, i) => {
      if (use[i]! > 0) day[a.intervalStart] = round(use[i]! / total, 6)!;
    });
    profile[keyOf(weekday)] = day;
  }
  return profile;
}

/** Options of {@link calibrationToScenario}. */
export interface CalibrationToScenarioOptions {
  name?: string;
  description?: string;
}

/**
 * Serialise calibrated parameters into the stable sections of the scenario format
 * (`docs/scenario-format.md`: name, description, calendar, arrivals, reasons, redials, queues,
 * transfers), so `switchboard simulate` can replay the audited switchboard. Routes become
 * reasons (one queue each); the operators become a roster per weekday and hour (the effective
 * operators of each hour, at most the agents seen answering, see `impliedOperators` in
 * calibration-tracker.ts, or the `refined` ones when set; pooled over queues, written on the busiest queue); opening hours are the intervals with arrivals in the records; what the records cannot show
 * (ring-outs, voicemail, lines) is left out rather than invented. Cost: O(parameters).
 */
export function calibrationToScenario(
  p: CalibratedParameters,
  options: CalibrationToScenarioOptions = {},
): Record<string, unknown> {
  const callsPerDay: Record<string, number> = {};
  const intradayProfile: Record<string, Record<string, number>> = {};
  for (let weekday = 0; weekday < 7; weekday++) {
    if (p.daysObserved[weekday] === 0) continue;
    const rows = p.arrivals.filter((a) => a.weekday === weekday);
    const total = rows.reduce((sum, a) => sum + a.callsPerDay, 0);
    const name = keyOf(weekday);
    callsPerDay[name] = round(total, 1)!;
    if (total > 0)
      intradayProfile[name] = Object.fromEntries(
        rows
          .filter((a) => a.callsPerDay > 0)
          .map((a) => [a.intervalStart, round(a.callsPerDay / total, 5)!]),
      );
  }
  const openingHours: Record<string, string[]> = {};
  const roster: Record<string, { hours: string; operators: number }[]> = {};
  for (const s of p.staffingSeen) {
    const name = keyOf(s.weekday);
    const operators = s.refined ?? s.effective;
    if (operators === 0) continue;
    (roster[name] ??= []).push({ hours: `${hhmm(s.hour)}-${hhmm(s.hour + 1)}`, operators });
  }
  // Open = the intervals where the records show arrivals (every interval of the profile), not
  // the hours with operators answering: calls that came in while nobody answered waited and
  // abandoned in the records, and must do so in the model, not be refused as closed.
  for (let weekday = 0; weekday < 7; weekday++) {
    const starts = p.arrivals
      .filter((a) => a.weekday === weekday && a.callsPerDay > 0)
      .map((a) => clockMinutes(a.intervalStart))
      .sort((a, b) => a - b);
    if (starts.length === 0) continue;
    const merged: string[] = [];
    let from = starts[0]!;
    let to = from + p.intervalMinutes;
    for (const start of starts.slice(1)) {
      if (start === to) to += p.intervalMinutes;
      else {
        merged.push(`${clockText(from)}-${clockText(to)}`);
        from = start;
        to = start + p.intervalMinutes;
      }
    }
    merged.push(`${clockText(from)}-${clockText(to)}`);
    openingHours[keyOf(weekday)] = merged;
  }
  const patience = p.patience.distribution ?? undefined;
  const reasons = nameKeyed<unknown>();
  // A route with no answered call has no talk time of its own: it takes the mean over the
  // routes that have one (weighted by share), so the scenario stays one `simulate` reads.
  const talked = p.queues.filter((q) => q.meanTalkSeconds !== null);
  const talkedShare = talked.reduce((sum, q) => sum + q.share, 0);
  const pooledTalk =
    talked.length === 0
      ? null
      : talkedShare > 0
        ? talked.reduce((sum, q) => sum + q.share * q.meanTalkSeconds!, 0) / talkedShare
        : talked.reduce((sum, q) => sum + q.meanTalkSeconds!, 0) / talked.length;
  // Queue credits: each class's documented credit plus its route's offset from the records'
  // service order, shifted so that the lowest is 0 (the model takes credits of 0 s or more;
  // only their differences order the waiting calls).
  const creditOf = (q: CalibratedParameters['queues'][number], classCredit: number) =>
    classCredit + (q.serviceOrderOffsetSeconds ?? 0);
  let lowestCredit = Number.POSITIVE_INFINITY;
  for (const q of p.queues)
    for (const c of q.classes.length > 0 ? q.classes : [{ creditSeconds: 0 }])
      lowestCredit = Math.min(lowestCredit, creditOf(q, c.creditSeconds));
  for (const q of p.queues) {
    const handleTime =
      q.meanTalkSeconds === null
        ? { distribution: 'deterministic', value: seconds(pooledTalk ?? 0) }
        : q.talkCv === null
          ? { distribution: 'deterministic', value: seconds(q.meanTalkSeconds) }
          : { distribution: 'lognormal', mean: seconds(q.meanTalkSeconds), cv: round(q.talkCv, 3) };
    const routePatience =
      q.patience ??
      (q.patienceMeanSeconds === null
        ? patience
        : { distribution: 'exponential', mean: seconds(q.patienceMeanSeconds) });
    const reason = (share: number, reasonPatience: unknown, creditSeconds: number) => ({
      share: round(share, 5),
      intradayProfile: p.queues.length > 1 ? routeProfile(p, q.hourShare) : undefined,
      handleTime,
      patience: reasonPatience,
      queueCredit: creditSeconds > 0 ? seconds(creditSeconds) : undefined,
      queue: q.name,
      transfer:
        q.transferProbability && p.transfers.targets.length > 0
          ? {
              probability: round(q.transferProbability, 4),
              to: Object.fromEntries(p.transfers.targets.map((t) => [t.name, round(t.share, 4)])),
            }
          : undefined,
    });
    if (q.classes.length === 0) {
      reasons[q.name] = reason(q.share, routePatience, creditOf(q, 0) - lowestCredit);
      continue;
    }
    // One reason per priority class, all waiting in the route's queue: the class's share of
    // the route, its own patience (the route's when it has too few abandons), its credit.
    const credited = q.classes.filter((c) => c.creditSeconds > 0).length;
    for (const c of q.classes) {
      const name =
        c.creditSeconds === 0
          ? q.name
          : credited === 1
            ? `${q.name}-priority`
            : `${q.name}-priority-${c.creditSeconds}s`;
      const own =
        c.patience ??
        (c.patienceMeanSeconds === null
          ? routePatience
          : { distribution: 'exponential', mean: seconds(c.patienceMeanSeconds) });
      reasons[name] = reason(q.share * c.share, own, creditOf(q, c.creditSeconds) - lowestCredit);
    }
  }
  const busiest = p.queues[0]?.name;
  const queues = nameKeyed<unknown>();
  for (const q of p.queues)
    // The pooled operators take the call that has waited longest, whatever its route, as a
    // pooled switchboard does (not the busiest route first).
    queues[q.name] =
      q.name === busiest && Object.keys(roster).length
        ? { operators: roster, ...(p.queues.length > 1 ? { order: 'oldest' } : {}) }
        : {};
  // Routes served by a subset of the agents (route-skills.ts): each group takes its route and
  // helps every other route; the rest of each hour's operators take every route without a
  // group. Groups are staffed largest route first from each hour's operators; a group that
  // gets no operator in any hour is dropped (its route stays with the rest).
  let groups = (p.skills?.groups ?? []).filter((g) => g.route !== busiest);
  if (busiest !== undefined && Object.keys(roster).length && groups.length > 0) {
    const split = (chosen: typeof groups) => {
      const own = chosen.map(() => ({}) as Record<string, { hours: string; operators: number }[]>);
      const rest: Record<string, { hours: string; operators: number }[]> = {};
      const shares = chosen.map(
        (g) => new Map(g.byHour.map((c) => [c.weekday * 24 + c.hour, c.share])),
      );
      for (const s of p.staffingSeen) {
        const operators = s.refined ?? s.effective;
        if (operators === 0) continue;
        const hours = `${hhmm(s.hour)}-${hhmm(s.hour + 1)}`;
        let left = operators;
        chosen.forEach((g, i) => {
          const share = shares[i]!.get(s.weekday * 24 + s.hour) ?? g.share;
          const k = Math.max(
            0,
            Math.min(
              groupOperators(operators, share, g.share >= STAFFED_GROUP_SHARE),
              operators <= 1 ? left : left - 1,
            ),
          );
          if (k > 0) (own[i]![keyOf(s.weekday)] ??= []).push({ hours, operators: k });
          left -= k;
        });
        if (left > 0) (rest[keyOf(s.weekday)] ??= []).push({ hours, operators: left });
      }
      return { own, rest };
    };
    groups = groups.filter((_, i) => Object.keys(split(groups).own[i]!).length > 0);
    if (groups.length > 0) {
      const { own, rest } = split(groups);
      const grouped = new Set(groups.map((g) => g.route));
      const others = p.queues.map((q) => q.name).filter((n) => n !== busiest);
      queues[busiest] = {
        operators: rest,
        order: 'oldest',
        helps: others.filter((n) => !grouped.has(n)),
      };
      groups.forEach((g, i) => {
        queues[g.route] = {
          operators: own[i],
          order: 'oldest',
          helps: [busiest, ...others.filter((n) => n !== g.route)],
        };
      });
    }
  }
  const t = p.transfers;
  const document: Record<string, unknown> = {
    name: options.name ?? 'Calibrated from records',
    description:
      options.description ??
      'Written by switchboard audit: arrivals, handle times, patience, redials, transfers and operators seen in the records.',
    calendar: { timezone: p.timeZone, intervalMinutes: p.intervalMinutes, openingHours },
    arrivals: { callsPerDay, intradayProfile },
    reasons,
    redials: {
      probability: round(p.redial.probability),
      delay:
        p.redial.delayMeanSeconds === null
          ? undefined
          : { distribution: 'exponential', mean: seconds(p.redial.delayMeanSeconds) },
    },
    queues,
  };
  if (t.shareOfAnswered)
    document.transfers = {
      mode: (t.blindShare ?? 0) >= (t.attendedShare ?? 0) ? 'wild' : 'warm',
      outcomes: {
        answered: round(1 - (t.bouncedShare ?? 0)),
        bouncedBack: round(t.bouncedShare ?? 0),
      },
    };
  return closeRoundTrip(JSON.parse(JSON.stringify(document)));
}

/**
 * Durations of 0 s (records whose times are all equal) written as a deterministic 0, the one
 * form of a zero duration the scenario format accepts (a mean must be positive).
 */
function closeRoundTrip<T>(node: T): T {
  if (Array.isArray(node)) return node.map(closeRoundTrip) as T;
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const mean = record.mean;
  if (
    typeof record.distribution === 'string' &&
    record.distribution !== 'deterministic' &&
    (mean === '0s' || mean === 0)
  )
    return { distribution: 'deterministic', value: '0s' } as T;
  for (const key of Object.keys(record)) record[key] = closeRoundTrip(record[key]);
  return node;
}
