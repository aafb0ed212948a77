import { weekdayOfDay } from '../calendar/weekdays.js';
import type { CalibrationCheck } from './calibration-check.js';
import { tunedProfiles } from '../forecasting/methods/tuned-profiles.js';
import { erlangA } from '../staffing/erlang-a.js';
import { type AuditStats, PatienceBins } from './audit-stats.js';
import { fitPatience } from './patience-fit.js';
import type { CallSummary } from './records.js';
import { SecondsHistogram } from './seconds-histogram.js';
import { type RouteSkills, RouteSkillsTracker } from './route-skills.js';
import { type RoutePairOrder, ServiceOrder } from './service-order.js';
import { dayIntervalOccurrences, zoneOffsetSeconds } from '../calendar/time-zone.js';
import { clockText } from '../calendar/time-of-day.js';

/**
 * The switchboard model's parameters as seen in the records: what a consultant needs to
 * replay the client's own switchboard. A plain typed object, serialised to the scenario
 * format by {@link calibrationToScenario}.
 */
export interface CalibratedParameters {
  timeZone: string;
  intervalMinutes: number;
  /** Days observed per weekday (0 = Sunday). */
  daysObserved: number[];
  /**
   * Mean NEW calls per observed day, by weekday and interval start (local `HH:MM`): the queue
   * calls seen (calls that hung up in a menu before any queue are left out) × (1 − redial
   * probability × abandoned ÷ offered), since the model adds redials on top of new calls, at
   * that probability after every abandon. Each
   * weekday's total is its mean over the days observed; its spread over the intervals is the
   * intraday profile with Poisson noise smoothed out (see `arrivalProfile`).
   */
  arrivals: { weekday: number; intervalStart: string; callsPerDay: number }[];
  /**
   * New calls ÷ queue calls seen, 1 − redial probability × abandoned ÷ offered: the factor
   * `arrivals` applies. A scenario reading a forecast of `history.csv` (every call) sets it as
   * `arrivals.newCallShare`, so the model's redials are not counted twice.
   */
  newCallShare: number;
  /**
   * How the intraday profile was smoothed: weight of the profile pooled over weekdays and passes
   * of the [1, 2, 1] / 4 kernel, both chosen as the forecaster's profiles are, by predicting each
   * of the last weeks from the weeks before it (every week weighted alike). Raw counts would
   * carry their Poisson noise into the model as extra peaks, and peaks cost more waiting than
   * troughs save: with 3 weeks of a flat day, simulated abandonment came out 0.3–0.6 point high.
   */
  arrivalProfile: { pool: number; passes: number };
  /**
   * Talk time per answered segment (a bounced call answered twice talks twice; the records hold
   * no wrap-up): the handling time the model draws once per answer.
   */
  handleTimeSeconds: { mean: number | null; cv: number | null; answered: number; talks: number };
  patience: {
    medianSeconds: number | null;
    restrictedMeanSeconds: number | null;
    /** Maximum-likelihood mean of an exponential patience: time at risk / abandons. */
    exponentialMeanSeconds: number | null;
    /**
     * The patience written into the scenario (see {@link fitPatience}): exponential when the
     * Kaplan–Meier curve is exponential-like, else empirical quantiles of the curve with an
     * exponential tail beyond `tailFromSeconds`. When the records hold no abandon at all, an
     * exponential whose mean is the one-sided 95 % lower confidence bound given zero events,
     * time at risk / ln 20 (at least 60 s): the most impatient callers the records are
     * compatible with, so the model never assumes callers who cannot abandon (no caller
     * waited at all: the 60 s floor). Null without any queued call.
     */
    distribution: Record<string, unknown> | null;
    /** True when `distribution` is that zero-abandon bound. */
    fromZeroAbandons: boolean;
    exponentialLike: boolean | null;
    tailFromSeconds: number | null;
    tailMeanSeconds: number | null;
  };
  redial: {
    probability: number;
    windowSeconds: number;
    delayMedianSeconds: number | null;
    delayP90Seconds: number | null;
    delayMeanSeconds: number | null;
  };
  /** Shares of transfer events (a call transferred again after a bounce counts twice). */
  transfers: {
    /** Transfers ÷ answered segments: the model's chance an operator transfers after a talk. */
    shareOfAnswered: number | null;
    blindShare: number | null;
    attendedShare: number | null;
    bouncedShare: number | null;
    /** Destinations (extension of `extension@context`; `service` when unknown), share of transfers. */
    targets: { name: string; share: number }[];
  };
  /**
   * Routes: each one's share of NEW calls (its offered calls less redial probability × its
   * abandons), talk time, patience, priority classes.
   */
  queues: {
    name: string;
    share: number;
    meanTalkSeconds: number | null;
    talkCv: number | null;
    /** Transfers ÷ answered segments of this queue. */
    transferProbability: number | null;
    /** Exponential patience MLE of this queue's callers (time at risk / abandons). */
    patienceMeanSeconds: number | null;
    /**
     * Patience fitted on this queue's own Kaplan–Meier curve ({@link fitPatience}) when it has
     * at least 20 abandons, else null (the scenario then uses the overall patience).
     */
    patience: Record<string, unknown> | null;
    /** Queued calls of this route that abandoned ÷ its offered calls (the records' abandonment). */
    abandonRate: number | null;
    /**
     * The route's share of the queue calls that arrived in each local hour (null: none that
     * hour), pooled over the days: routes peak at different hours, so each reason gets its own
     * intraday profile (the whole's, times this share, rescaled).
     */
    hourShare: (number | null)[];
    /**
     * Queue credit of the route relative to the largest one, read from the order in which the
     * records served calls waiting together (see service-order.ts): 0 for the largest route, and
     * for a route whose pairs with the others are too few. Added to its classes' credits in the
     * scenario.
     */
    serviceOrderOffsetSeconds: number;
    /**
     * Priority classes of the route's callers (records with a priority column; empty without):
     * the queue credit of each, its share of the route's calls, counted over the calls that
     * waited in the queue (the priority of a call answered at once may not be recorded, and
     * whether a call waits does not depend on its priority), and its own patience fitted on
     * its Kaplan–Meier curve like the route's (null below 20 abandons: the route's then).
     */
    classes: {
      creditSeconds: number;
      share: number;
      queued: number;
      abandoned: number;
      patience: Record<string, unknown> | null;
      patienceMeanSeconds: number | null;
    }[];
  }[];
  /**
   * Mean distinct agents answering calls, by weekday and hour, over the days observed; and the
   * operators the scenario gets (`effective`, see {@link impliedOperators}) with the queued
   * calls of that hour over all its days (`offered`), their observed abandonment and Erlang A's
   * at `effective`. `refined`, when set (by a simulation refinement of the roster, see
   * `refineRoster`), replaces `effective` in the scenario.
   */
  /**
   * The service order of the records between routes (see service-order.ts): for each pair of
   * routes with enough calls waiting together, the credit difference that agrees with the most
   * of them, and how many it agrees with.
   */
  serviceOrder: { method: string; pairs: RoutePairOrder[] };
  /**
   * Which agent-days served which route, whether each route's calls waited more often than the
   * largest route's in the same minutes, and the operator group the scenario gives a route
   * served by a subset of the agents (see route-skills.ts). Absent: one pooled roster.
   */
  skills?: RouteSkills;
  /** Set by `audit --check-days`: the written scenario simulated against the records. */
  check?: CalibrationCheck;
  staffingSeen: {
    weekday: number;
    hour: number;
    agents: number;
    effective: number;
    offered: number;
    abandonObserved: number | null;
    abandonErlangA: number | null;
    refined?: number;
  }[];
}

/**
 * Collects, call by call, what the calibration needs beyond {@link AuditStats}: arrivals (all
 * calls, queued or not, by arrival time) by local interval and queue (also the history CSV for `switchboard forecast`), days observed,
 * agents answering per hour. Memory: O(intervals × queues + days × hours × agents).
 */
export class CalibrationTracker {
  /** Local-naive interval start (seconds) → queue → calls. */
  readonly history = new Map<number, Map<string, number>>();
  /** Local-naive interval start (seconds) → calls that reached a queue (or were answered). */
  private readonly queueArrivals = new Map<number, number>();
  /** Route → calls that reached its queue, by local hour of arrival. */
  private readonly routeHours = new Map<string, Float64Array>();
  /** Route → queue credit → [queued calls, abandons, time at risk]. */
  private readonly classes = new Map<string, Map<number, [number, number, number]>>();
  private readonly classPatience = new PatienceBins();
  private readonly serviceOrder = new ServiceOrder();
  private readonly skills = new RouteSkillsTracker();
  private readonly days = new Set<number>();
  private readonly agents = new Map<string, Set<string>>();

  constructor(
    readonly timeZone: string,
    readonly intervalMinutes: number,
  ) {}

  /** Count one call (pass as an {@link AuditStats} listener). */
  add = (call: CallSummary): void => {
    const t = call.arrivalTime;
    const local = t + zoneOffsetSeconds(t, this.timeZone);
    const hour = Math.floor((local % 86_400) / 3600);
    const step = this.intervalMinutes * 60;
    const bucket = Math.floor(local / step) * step;
    let row = this.history.get(bucket);
    if (!row) {
      row = new Map();
      this.history.set(bucket, row);
    }
    row.set(call.queue, (row.get(call.queue) ?? 0) + 1);
    if (call.path.length > 0) {
      this.queueArrivals.set(bucket, (this.queueArrivals.get(bucket) ?? 0) + 1);
      let hours = this.routeHours.get(call.queue);
      if (!hours) {
        hours = new Float64Array(24);
        this.routeHours.set(call.queue, hours);
      }
      hours[hour]!++;
      if (!call.neverQueued && !call.openAtEnd) this.addClass(call);
      this.skills.add(call, call.time + zoneOffsetSeconds(call.time, this.timeZone));
      if (!call.openAtEnd)
        this.serviceOrder.add(
          call.time,
          call.neverQueued ? 0 : call.waitSeconds,
          call.queue,
          call.outcome === 'answered' ? call.agent : '',
          call.queueCreditSeconds ?? 0,
        );
    }
    const day = Math.floor(local / 86_400);
    this.days.add(day);
    if (call.agent !== '') {
      const key = `${day}|${hour}`;
      let set = this.agents.get(key);
      if (!set) {
        set = new Set();
        this.agents.set(key, set);
      }
      set.add(call.agent);
    }
  };

  /** Count a queued call in its route's priority class. */
  private addClass(call: CallSummary): void {
    const credit = call.queueCreditSeconds ?? 0;
    let byCredit = this.classes.get(call.queue);
    if (!byCredit) {
      byCredit = new Map();
      this.classes.set(call.queue, byCredit);
    }
    const counts = byCredit.get(credit) ?? [0, 0, 0];
    const abandoned = call.outcome === 'abandoned';
    counts[0]++;
    if (abandoned) counts[1]++;
    counts[2] += call.waitSeconds;
    byCredit.set(credit, counts);
    if (call.outcome === 'abandoned' || call.outcome === 'answered')
      this.classPatience.add(`${call.queue}\u0000${credit}`, call.waitSeconds, abandoned);
  }

  /** The route's share of the queue calls of each local hour (null: no call that hour). */
  private hourShare(route: string): (number | null)[] {
    const mine = this.routeHours.get(route);
    return Array.from({ length: 24 }, (_, h) => {
      let all = 0;
      for (const hours of this.routeHours.values()) all += hours[h]!;
      return all > 0 ? (mine?.[h] ?? 0) / all : null;
    });
  }

  /** The priority classes of `route` (none when every queued call had the same credit, 0). */
  private routeClasses(route: string): CalibratedParameters['queues'][number]['classes'] {
    const byCredit = this.classes.get(route);
    if (!byCredit || (byCredit.size === 1 && byCredit.has(0))) return [];
    let queued = 0;
    for (const [n] of byCredit.values()) queued += n;
    return [...byCredit.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([creditSeconds, [n, abandoned, exposure]]) => ({
        creditSeconds,
        share: n / queued,
        queued: n,
        abandoned,
        patience:
          abandoned >= 20
            ? (fitPatience(this.classPatience.curve(`${route}\u0000${creditSeconds}`))?.spec ??
              null)
            : null,
        patienceMeanSeconds: abandoned > 0 ? exposure / abandoned : null,
      }));
  }

  /**
   * Rows `interval_start,calls,reason` (reason = route) for every interval of every day with
   * at least one call, zeros included; days without any call are left out (missing, not
   * zero: records often have gaps). Local clock times: an interval that a spring-forward day
   * skips has no row (it did not exist), and a fall-back day's repeated hour is one row holding
   * the calls of both (the forecaster counts it as two intervals).
   */
  historyRows(): [string, number, string][] {
    const queues = new Set<string>();
    for (const row of this.history.values()) for (const q of row.keys()) queues.add(q);
    const names = [...queues].sort();
    const step = this.intervalMinutes * 60;
    const slots = 86_400 / step;
    const rows: [string, number, string][] = [];
    for (const day of [...this.days].sort((a, b) => a - b)) {
      const occurrences = dayIntervalOccurrences(
        day * 86_400_000,
        slots,
        step * 1000,
        this.timeZone,
      );
      for (let s = 0; s < slots; s++) {
        if (occurrences?.[s] === 0) continue;
        const t = day * 86_400 + s * step;
        const iso = new Date(t * 1000).toISOString().slice(0, 19);
        const row = this.history.get(t);
        for (const q of names) rows.push([iso, row?.get(q) ?? 0, q]);
      }
    }
    return rows;
  }

  /**
   * Each weekday's intraday profile, from the queue calls per day and interval of every day observed
   * (days without records unknown), smoothed by {@link tunedProfiles} with all weeks weighted
   * alike.
   */
  private intradayProfiles(): ReturnType<typeof tunedProfiles> {
    const slots = (24 * 60) / this.intervalMinutes;
    const step = this.intervalMinutes * 60;
    const days = [...this.days];
    if (days.length === 0) {
      const flat = Array.from({ length: 7 }, () => new Float64Array(slots));
      return { profiles: flat, settings: { decay: 1, pool: 0, passes: 0 } };
    }
    // Days are laid out from the data, not the calendar: a gap of more than two weeks between
    // observed days shrinks to one or two weeks (same weekday), so one stray far-off record
    // costs a day, not an array spanning the years between.
    days.sort((a, b) => a - b);
    const first = days[0]!;
    const index = new Map<number, number>();
    let at = 0;
    days.forEach((day, i) => {
      const gap = i === 0 ? 0 : day - days[i - 1]!;
      at += gap > 14 ? 7 + (gap % 7) : gap;
      index.set(day, at);
    });
    const count = at + 1;
    const total = new Float64Array(count * slots).fill(Number.NaN);
    for (const i of index.values()) total.fill(0, i * slots, (i + 1) * slots);
    // The calls that reached a queue, as the arrivals' totals: calls that hung up in a voice
    // menu come at any hour (the bank's menu answers 24/7, its agents do not) and would put
    // queue calls where the records have none, to wait for operators who are not there.
    for (const [bucket, n] of this.queueArrivals) {
      const day = Math.floor(bucket / 86_400);
      total[index.get(day)! * slots + Math.floor((bucket - day * 86_400) / step)]! += n;
    }
    return tunedProfiles(total, first, count, slots, [1]);
  }

  /** The calibrated parameters. */
  parameters(stats: AuditStats): CalibratedParameters {
    const daysObserved = [0, 0, 0, 0, 0, 0, 0];
    for (const day of this.days) daysObserved[weekdayOfDay(day)]!++;
    const step = this.intervalMinutes * 60;
    const perCell = new Map<string, number>();
    for (const [bucket, n] of this.queueArrivals) {
      const weekday = weekdayOfDay(Math.floor(bucket / 86_400));
      const minute = Math.floor((bucket % 86_400) / 60);
      const key = `${weekday}|${minute}`;
      perCell.set(key, (perCell.get(key) ?? 0) + n);
    }
    // New calls: the queue calls seen (menu hang-ups never reached a queue: not arrivals of
    // it) less the redials the model will add on top, at the redial probability it is given:
    // that probability × the abandons of each route, not only the redials seen (the callers who
    // can be followed are a minority).
    const redialProbability = stats.callersReport().redialProbability;
    const newCalls = new Map<string, number>();
    let offered = 0;
    let fresh = 0;
    for (const [name, g] of stats.byQueue) {
      const n = Math.max(0, g.offered - redialProbability * g.abandoned);
      newCalls.set(name, n);
      offered += g.offered;
      fresh += n;
    }
    const newShare = offered > 0 ? fresh / offered : 1;
    const { profiles, settings } = this.intradayProfiles();
    const arrivals: CalibratedParameters['arrivals'] = [];
    for (let weekday = 0; weekday < 7; weekday++) {
      if (daysObserved[weekday] === 0) continue;
      let dayTotal = 0;
      for (let minute = 0; minute < 1440; minute += step / 60)
        dayTotal += perCell.get(`${weekday}|${minute}`) ?? 0;
      const perDay = (dayTotal * newShare) / daysObserved[weekday]!;
      const profile = profiles[weekday]!;
      for (let minute = 0, slot = 0; minute < 1440; minute += step / 60, slot++) {
        arrivals.push({
          weekday,
          intervalStart: clockText(minute),
          callsPerDay: perDay * profile[slot]!,
        });
      }
    }
    const all = stats.all;
    const mean = all.talks > 0 ? all.talkSeconds / all.talks : null;
    let exposure = 0;
    const e = stats.patienceEvents.counts;
    const c = stats.patienceCensored.counts;
    for (let bin = 0; bin < e.length; bin++)
      exposure += (e[bin]! + c[bin]!) * SecondsHistogram.timeOf(bin);
    const patience = stats.patienceReport();
    const fit = fitPatience(stats.patienceCurve());
    const callers = stats.callersReport();
    const calls = stats.calls;
    let transfers = 0;
    let bounced = 0;
    const byName = new Map<string, number>();
    for (const [target, t] of stats.transferTargets) {
      transfers += t.transfers;
      bounced += t.bouncedBack;
      const name = /^[\w-]+/.exec(target)?.[0] ?? 'service';
      byName.set(name, (byName.get(name) ?? 0) + t.transfers);
    }
    const targets = [...byName]
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => ({ name, share: n / transfers }));
    const agentsByCell = new Map<string, number>();
    for (const [key, set] of this.agents) {
      const [day, hour] = key.split('|').map(Number) as [number, number];
      const cell = `${weekdayOfDay(day)}|${hour}`;
      agentsByCell.set(cell, (agentsByCell.get(cell) ?? 0) + set.size);
    }
    const patienceMean = patience.abandons > 0 ? exposure / patience.abandons : null;
    const staffingSeen = [...agentsByCell.entries()].map(([cell, total]) => {
      const [weekday, hour] = cell.split('|').map(Number) as [number, number];
      const agents = total / Math.max(1, daysObserved[weekday]!);
      const g = stats.byHour[weekday * 24 + hour]!;
      return {
        weekday,
        hour,
        agents,
        offered: g.offered,
        ...impliedOperators(g, daysObserved[weekday]!, Math.round(agents), mean, patienceMean),
      };
    });
    staffingSeen.sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
    const routes = [...stats.byQueue.entries()].sort((a, b) => b[1].offered - a[1].offered);
    const order = this.serviceOrder.estimate(routes.map(([name]) => name));
    return {
      timeZone: this.timeZone,
      intervalMinutes: this.intervalMinutes,
      daysObserved,
      arrivals,
      newCallShare: newShare,
      arrivalProfile: { pool: settings.pool, passes: settings.passes },
      handleTimeSeconds: {
        mean,
        cv: coefficientOfVariation(all.talkSeconds, all.talkSquares, all.talks),
        answered: all.answered,
        talks: all.talks,
      },
      patience: {
        medianSeconds: patience.medianSeconds,
        restrictedMeanSeconds: patience.restrictedMeanSeconds,
        exponentialMeanSeconds: patience.abandons > 0 ? exposure / patience.abandons : null,
        distribution:
          fit?.spec ?? zeroAbandonPatience(patience.abandons, patience.observations, exposure),
        fromZeroAbandons: fit === null && patience.abandons === 0 && patience.observations > 0,
        exponentialLike: fit?.exponentialLike ?? null,
        tailFromSeconds: fit?.tailFromSeconds ?? null,
        tailMeanSeconds: fit?.tailMeanSeconds ?? null,
      },
      redial: {
        probability: callers.redialProbability,
        windowSeconds: callers.redialWindowSeconds,
        delayMedianSeconds: callers.redialDelaySeconds.median,
        delayP90Seconds: callers.redialDelaySeconds.p90,
        delayMeanSeconds: stats.callers.redialDelays().mean() ?? null,
      },
      transfers: {
        shareOfAnswered: all.talks > 0 ? transfers / all.talks : null,
        blindShare: transfers > 0 ? calls.blindTransfers / transfers : null,
        attendedShare: transfers > 0 ? calls.attendedTransfers / transfers : null,
        bouncedShare: transfers > 0 ? bounced / transfers : null,
        targets,
      },
      queues: routes.map(([name, g]) => ({
        name,
        share: fresh > 0 ? newCalls.get(name)! / fresh : 0,
        meanTalkSeconds: g.talks > 0 ? g.talkSeconds / g.talks : null,
        talkCv: coefficientOfVariation(g.talkSeconds, g.talkSquares, g.talks),
        transferProbability: g.talks > 0 ? g.transfers / g.talks : null,
        patienceMeanSeconds:
          g.patienceAbandons > 0 ? g.patienceExposureSeconds / g.patienceAbandons : null,
        patience:
          g.patienceAbandons >= 20
            ? (fitPatience(stats.queuePatienceCurve(name))?.spec ?? null)
            : null,
        abandonRate: g.offered > 0 ? g.abandoned / g.offered : null,
        hourShare: this.hourShare(name),
        classes: this.routeClasses(name),
        serviceOrderOffsetSeconds: order.offsets.get(name) ?? 0,
      })),
      serviceOrder: { method: SERVICE_ORDER_METHOD, pairs: order.pairs },
      skills: this.skills.estimate(routes.map(([name]) => name)),
      staffingSeen,
    };
  }
}

const SERVICE_ORDER_METHOD =
  "pairs of calls waiting together where one was answered first by an agent serving both routes (at least 2 % of the agent's answers of each); under first come, first served with a credit per route (documented priority credits included), the answered call went first when entry − credit ≤ that of the waiting one; per pair of routes (100 pairs or more), the credit difference agreeing with the most pairs; offsets = weighted least squares over the pairs, largest route 0";

/** Sample coefficient of variation from a sum, a sum of squares and a count (null below 2). */
function coefficientOfVariation(sum: number, squares: number, n: number): number | null {
  if (n < 2 || sum <= 0) return null;
  const mean = sum / n;
  return Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1))) / mean;
}

/**
 * The patience to write when no caller abandoned: an exponential with mean = time at risk /
 * ln 20, the one-sided 95 % lower confidence bound of an exponential mean after zero events in
 * that exposure (P(no event) = exp(−T/m) = 0.05), floored at 60 s (also when every caller was
 * answered at once: T = 0 bounds nothing, and the model still needs a patience). Null when no
 * call queued at all, or when there were abandons (the Kaplan–Meier fit applies).
 */
function zeroAbandonPatience(
  abandons: number,
  observations: number,
  exposureSeconds: number,
): Record<string, unknown> | null {
  if (abandons > 0 || !(observations > 0)) return null;
  const mean = Math.max(60, exposureSeconds / Math.log(20));
  return { distribution: 'exponential', mean: `${Math.round(mean)}s` };
}

/**
 * The line to tell the user when the patience written is the zero-abandon bound (the records
 * hold no abandon), else undefined.
 */
export function zeroAbandonNote(p: CalibratedParameters): string | undefined {
  if (!p.patience.fromZeroAbandons) return undefined;
  const mean = String(p.patience.distribution?.mean ?? '');
  return `note: no caller abandoned in the records, so they bound patience only from below: scenario.yaml gives callers an exponential patience of mean ${mean} (the 95 % lower bound after 0 abandons in the time callers waited, at least 60 s); set your own before what-ifs with fewer operators`;
}

/** Fewest queued calls in a weekday × hour cell for its abandonment to set the operators. */
const MIN_CALLS_FOR_IMPLIED = 30;

/**
 * The operators an hour behaved as if it had: the agents seen answering are not all on the
 * phones all hour (breaks, other work, a few calls each), so the roster seen overstates the
 * capacity. Among 1 … `seen` operators, the one whose Erlang A abandonment (the hour's calls per
 * hour, mean talk time of the hour or overall, exponential patience of the overall time-at-risk
 * estimate) is nearest the abandonment observed in that hour over all its days. `seen` when the
 * cell has fewer than {@link MIN_CALLS_FOR_IMPLIED} queued calls or nothing to fit (no
 * abandons anywhere, no talk time). Reference: the "effective staffing" reading of the
 * Erlang A abandonment, Mandelbaum & Zeltyn, "The Palm/Erlang-A queue" (2007); Brown et al.
 * (2005), JASA 100(469), on agents' availability not being visible in call records. Cost:
 * O(seen) Erlang A evaluations.
 */
function impliedOperators(
  g: AuditStats['byHour'][number],
  days: number,
  seen: number,
  talkMean: number | null,
  patienceMean: number | null,
): { effective: number; abandonObserved: number | null; abandonErlangA: number | null } {
  const observed = g.offered > 0 ? g.abandoned / g.offered : null;
  const handle = g.talks >= MIN_CALLS_FOR_IMPLIED ? g.talkSeconds / g.talks : talkMean;
  if (
    observed === null ||
    g.offered < MIN_CALLS_FOR_IMPLIED ||
    days === 0 ||
    seen < 1 ||
    !handle ||
    !patienceMean
  )
    return { effective: seen, abandonObserved: observed, abandonErlangA: null };
  const traffic = ((g.offered / days) * handle) / 3600;
  let best = seen;
  let bestModel = erlangA(seen, traffic, handle, patienceMean, 20).probabilityAbandon ?? 0;
  for (let agents = seen - 1; agents >= 1; agents--) {
    const model = erlangA(agents, traffic, handle, patienceMean, 20).probabilityAbandon ?? 0;
    if (Math.abs(model - observed) < Math.abs(bestModel - observed)) {
      best = agents;
      bestModel = model;
    }
    if (model > observed) break;
  }
  return { effective: best, abandonObserved: observed, abandonErlangA: bestModel };
}
