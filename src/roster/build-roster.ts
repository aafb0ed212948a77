import {
  levelStatus,
  levelsOfQueue,
  type TargetLevels,
  targetText,
} from '../measures/target-verdict.js';
import type { RemoteReplications } from '../replications/run-replications.js';
import type { InputProblem } from '../errors.js';
import { type Scenario, type Weekday, weekdays } from '../scenario/scenario-types.js';
import { type ReplicationEstimate, replicationEstimate } from '../stats/confidence-interval.js';
import { intervalLabel } from '../switchboard/replication-measures.js';
import type { Cover, SolveLimits } from './cover-milp.js';
import type { RosterTargets } from './erlang-requirement.js';
import {
  coverAll,
  horizonWeekdays,
  measuresByDay,
  simulateCovers,
  type QueuePlan,
  queuePlans,
  type SearchIteration,
  searchRoster,
} from './roster-search.js';
import { dayMeasures, type QueueDayMeasures } from './day-measures.js';
import { type RosterLayout, rosterLayout, type RosterReplication } from './simulate-roster.js';
import {
  budgetScore,
  type BudgetMeasure,
  type BudgetRound,
  leastOperators,
  searchBudget,
} from './budget-search.js';
import { percentText } from '../units/fixed.js';
import { clockText } from '../calendar/time-of-day.js';

/** Options of {@link buildRoster}. */
export interface BuildRosterOptions {
  targets: RosterTargets;
  /** Days simulated per replication (default 7). */
  days?: number;
  /** Replications per simulation of the search (default 6). */
  replications?: number;
  /** Replications of each verification on fresh seeds (default twice `replications`). */
  verifyReplications?: number;
  seed?: number | string;
  threads?: number;
  /** Run the simulations on workers through a job queue (`--redis`). */
  remote?: RemoteReplications;
  /** Most simulate-and-solve rounds (default 8). */
  maxIterations?: number;
  /** Paid hours to spend: the best service level they buy, instead of the targets' roster. */
  budgetHours?: number;
  /** The MILP solver's node limit and wall-clock safety net (defaults: see cover-milp.ts). */
  solverLimits?: SolveLimits;
  onProgress?: (done: number, total: number) => void;
}

/** A group of identical shifts: `count` operators on a template from `start` on `days`. */
export interface RosterShift {
  queue: string;
  template: string;
  start: string;
  /** `HH:MM-HH:MM` of each break, in the template's order. */
  breaks: string[];
  days: Weekday[];
  count: number;
}

/** One slot of the week of a rostered queue. */
export interface RosterInterval {
  queue: string;
  weekday: Weekday;
  interval: string;
  /** Operators the final requirement asks for, and the Erlang plan's. */
  required: number;
  erlang: number;
  /** Operators on the phones in the roster (breaks deducted). */
  scheduled: number;
}

/** A roster simulated on fresh seeds: the measures over the horizon and by day. */
export interface RosterVerification {
  /** The base seed of the verification's replications (not the search's). */
  seed: string;
  replications: number;
  serviceLevel: ReplicationEstimate;
  probabilityAbandon: ReplicationEstimate;
  byDay: {
    weekday: Weekday;
    serviceLevel: ReplicationEstimate;
    probabilityAbandon: ReplicationEstimate;
    met: boolean;
    /** Queues with targets of their own (`targets.byQueue`), each judged on its entries. */
    byQueue?: QueueDayMeasures[];
  }[];
  /** Every day met with 95 % confidence. */
  met: boolean;
}

/** What `switchboard roster` reports (its `--json`). */
export interface RosterResult {
  scenario: string;
  file: string | null;
  days: number;
  /** Replications per round of the search (each verification runs its own count). */
  replications: number;
  seed: number | string;
  targets: RosterTargets;
  intervalMinutes: number;
  /** First simulated day and its weekday. */
  startDate: string;
  startWeekday: Weekday;
  /** The templates rostered, with their lengths (hours, breaks included). */
  templates: { queue: string; name: string; lengthHours: number }[];
  /** Paid hours of the roster over the horizon's week, and their cost (in {@link currency}). */
  operatorHours: number;
  cost: number;
  /** The scenario's currency (`costs.currency`). */
  currency: string;
  shifts: RosterShift[];
  perInterval: RosterInterval[];
  verification: RosterVerification;
  /** The Erlang plan covered by the same templates, verified on the same fresh seeds. */
  erlangPlan: { operatorHours: number; cost: number; verification: RosterVerification };
  /** The simulation-optimisation rounds (empty with a budget: see `budget.rounds`). */
  search: { iterations: SearchIteration[]; converged: boolean };
  /**
   * With a budget: the hours given, the measure they buy the most of, the Erlang A placement of
   * the same hours verified on the same fresh seeds, the roster's gain over it there (paired by
   * seed, shares: +0.01 is one point), and the search's rounds.
   */
  budget: {
    hours: number;
    measure: BudgetMeasure;
    erlangPlacement: {
      operatorHours: number;
      cost: number;
      verification: RosterVerification;
    } | null;
    gain: BudgetGain | null;
    rounds: BudgetRound[];
    converged: boolean;
  } | null;
  /** What keeps the roster from being a full answer (uncovered slots, missed days): exit 2. */
  problems: InputProblem[];
  /**
   * The roster's cover solves that stopped at HiGHS's node limit before proving their gap, per
   * queue (`node limit (…)`): the roster is the best found, the same on every machine, but not
   * proven the cheapest. Empty when every solve was proven optimal.
   */
  unproven: { queue: string; status: string }[];
}

function clockRange(from: number, to: number): string {
  const t = (s: number) => clockText(Math.floor((s % 86400) / 60));
  return `${t(from)}-${to % 86400 === 0 && to > from ? '24:00' : t(to)}`;
}

/** Shifts of a cover, grouped across weekdays with the same template, start, breaks, count. */
function shiftsOf(scenario: Scenario, plan: QueuePlan, cover: Cover): RosterShift[] {
  const groups = new Map<string, RosterShift>();
  plan.patterns.forEach((p, i) => {
    const count = cover.counts[i]!;
    if (count === 0) return;
    const template = plan.templates[p.template]!;
    const breaks = p.breakStartsSeconds.map((b, j) =>
      clockRange(b, b + template.breaks[j]!.lengthSeconds),
    );
    const start = clockRange(p.startSeconds, p.startSeconds).slice(0, 5);
    const key = JSON.stringify([p.template, start, breaks, count]);
    const group = groups.get(key);
    if (group) group.days.push(weekdays[p.weekday]!);
    else
      groups.set(key, {
        queue: scenario.queues[plan.queue]!.name,
        template: template.name,
        start,
        breaks,
        days: [weekdays[p.weekday]!],
        count,
      });
  });
  return [...groups.values()];
}

/** Slots of a weekday as `monday 03:00-05:00` ranges. */
function slotRanges(slots: readonly number[], perDay: number, minutes: number): string[] {
  const ranges: string[] = [];
  let i = 0;
  while (i < slots.length) {
    let j = i;
    while (j + 1 < slots.length && slots[j + 1] === slots[j]! + 1 && slots[j + 1]! % perDay !== 0)
      j++;
    const day = weekdays[Math.floor(slots[i]! / perDay)]!;
    ranges.push(
      `${day} ${clockRange((slots[i]! % perDay) * minutes * 60, ((slots[j]! % perDay) + 1) * minutes * 60)}`,
    );
    i = j + 1;
  }
  return ranges;
}

async function verify(
  scenario: Scenario,
  plans: readonly QueuePlan[],
  covers: readonly Cover[],
  options: Required<Pick<BuildRosterOptions, 'days' | 'replications' | 'seed' | 'targets'>> &
    Pick<BuildRosterOptions, 'threads' | 'remote'>,
  onProgress: (done: number) => void,
): Promise<[RosterVerification, RosterReplication[]]> {
  const seed = `${options.seed}:verify`;
  const results = await simulateCovers(scenario, plans, covers, { ...options, seed }, onProgress);
  const layout = rosterLayout(scenario);
  const byDay = measuresByDay(
    results,
    layout,
    horizonWeekdays(scenario, options.days),
    options.targets,
  );
  const all = dayMeasures(results, layout, 0, layout.slots, options.targets);
  const verification: RosterVerification = {
    seed,
    replications: options.replications,
    serviceLevel: all.serviceLevel,
    probabilityAbandon: all.probabilityAbandon,
    byDay: byDay.map(({ weekday, measures }) => ({
      weekday: weekdays[weekday]!,
      serviceLevel: measures.serviceLevel,
      probabilityAbandon: measures.probabilityAbandon,
      met: measures.met,
      ...(measures.byQueue === undefined ? {} : { byQueue: measures.byQueue }),
    })),
    met: byDay.every((d) => d.measures.met),
  };
  return [verification, results];
}

/**
 * The roster's gain over another roster, replication by replication on the same seeds (common
 * random numbers), each with its Student-t 95 % interval: service level over the horizon
 * (roster less other), abandonment avoided (other less roster), and the budget's score
 * ({@link budgetScore}, roster less other). Positive: the roster does better.
 */
function pairedGain(
  roster: readonly RosterReplication[],
  other: readonly RosterReplication[],
  layout: RosterLayout,
  weekdays: readonly number[],
  targets: RosterTargets,
): BudgetGain {
  const week = (r: RosterReplication) => dayMeasures([r], layout, 0, layout.slots, ANY_TARGETS);
  const paired = (f: (r: RosterReplication) => number) =>
    replicationEstimate(roster.map((r, i) => f(r) - f(other[i]!)));
  return {
    serviceLevel: paired((r) => week(r).serviceLevel.mean),
    abandonAvoided: paired((r) => -week(r).probabilityAbandon.mean),
    score: paired((r) => budgetScore(r, layout, weekdays, targets)),
  };
}

/** A roster's gain over another on the same seeds (see `pairedGain`). */
export interface BudgetGain {
  serviceLevel: ReplicationEstimate;
  abandonAvoided: ReplicationEstimate;
  score: ReplicationEstimate;
}

const ANY_TARGETS: RosterTargets = {
  serviceLevel: undefined,
  thresholdSeconds: 0,
  maxAbandon: undefined,
};

/**
 * From a scenario with shift templates to a verified roster: the Erlang plan per queue and slot,
 * its cover by the templates (MILP), the simulation-optimisation search on the whole scenario
 * ({@link searchRoster}), and both the roster found and the Erlang plan's cover simulated again
 * on fresh seeds. With `budgetHours`, the roster is instead the best placement of those hours
 * ({@link searchBudget}), verified beside the Erlang A placement of the same hours.
 * Problems that leave the answer short (slots no template covers, days that miss the targets
 * on verification, a budget below the least cover) are returned in `problems` beside the best
 * roster found. Cost: see {@link searchRoster}, plus two verifications.
 */
export async function buildRoster(
  scenario: Scenario,
  options: BuildRosterOptions,
): Promise<RosterResult> {
  const days = options.days ?? 7;
  const replications = options.replications ?? 6;
  const seed = options.seed ?? 1;
  const targets = options.targets;
  const minutes = scenario.intervalMinutes;
  const perDay = Math.round(1440 / minutes);
  const problems: InputProblem[] = [];
  if (scenario.shifts.length === 0) {
    problems.push({
      path: 'shifts',
      expected: 'shift templates for at least one queue (see docs/scenario-format.md)',
      received: 'nothing',
    });
  }
  const plans = queuePlans(scenario, targets, days);
  for (const plan of plans) {
    const covered = new Uint8Array(plan.erlang.length);
    for (const p of plan.patterns) for (const s of p.slots) covered[s] = 1;
    const open: number[] = [];
    plan.erlang.forEach((need, s) => {
      if (need > 0 && !covered[s]) open.push(s);
    });
    if (open.length > 0)
      problems.push({
        path: `shifts.${scenario.queues[plan.queue]!.name}`,
        expected: 'templates covering every interval with calls',
        received: `no template covers ${slotRanges(open, perDay, minutes).join(', ')}`,
      });
  }
  const maxIterations = options.maxIterations ?? 8;
  const budget = options.budgetHours;
  const total =
    maxIterations * replications +
    (budget === undefined ? 2 : 3) * (options.verifyReplications ?? 2 * replications);
  let done = 0;
  const progress = (d: number) => options.onProgress?.(Math.min(total, done + d), total);
  const verifyReplications = options.verifyReplications ?? 2 * replications;
  const limits = options.solverLimits ?? {};
  const searchOptions = {
    solverLimits: limits,
    days,
    replications,
    seed,
    targets,
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.remote === undefined ? {} : { remote: options.remote }),
  };
  const verifyOptions = {
    days,
    replications: verifyReplications,
    seed,
    targets,
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.remote === undefined ? {} : { remote: options.remote }),
  };
  const verified = new Map<Cover[], ReturnType<typeof verify>>();
  const verifyOnce = (c: Cover[]) => {
    let run = verified.get(c);
    if (run === undefined) {
      run = verify(scenario, plans, c, verifyOptions, progress);
      verified.set(c, run);
    }
    return run;
  };
  let covers: Cover[];
  let erlangCovers: Cover[];
  let required: Int32Array[];
  let search: RosterResult['search'] = { iterations: [], converged: false };
  let budgetInfo: RosterResult['budget'] = null;
  let placedForDifference: RosterReplication[] | undefined;
  if (budget === undefined) {
    const found = await searchRoster(scenario, plans, {
      ...searchOptions,
      maxIterations,
      onProgress: (d) => options.onProgress?.(d, total),
    });
    done = found.iterations.length * replications;
    covers = found.best.covers;
    required = found.best.required;
    erlangCovers = found.erlangCovers;
    search = { iterations: found.iterations, converged: found.converged };
  } else {
    erlangCovers = await coverAll(
      plans,
      plans.map((p) => p.erlang),
      limits,
    );
    const least = leastOperators(plans);
    const leastCovers = await coverAll(plans, least, limits);
    const leastHours = leastCovers.reduce((s, c) => s + c.paidHours, 0);
    required = least;
    const measure = targets.serviceLevel !== undefined ? 'serviceLevel' : 'probabilityAbandon';
    if (leastHours > budget + 1e-9) {
      problems.push({
        path: '--budget',
        expected: `at least ${round1(leastHours)} paid hours (the least roster putting one operator in every interval with calls, within the templates' min)`,
        received: `${budget} h`,
      });
      covers = leastCovers;
      budgetInfo = {
        hours: budget,
        measure,
        erlangPlacement: null,
        gain: null,
        rounds: [],
        converged: false,
      };
    } else {
      const found = await searchBudget(scenario, plans, {
        ...searchOptions,
        budgetHours: budget,
        maxIterations,
        onProgress: (d) => options.onProgress?.(d, total),
      });
      done = maxIterations * replications;
      covers = found.best;
      // The search may keep the Erlang A placement itself: then it is verified once.
      const [placed, placedResults] =
        found.best === found.erlangCovers
          ? await verifyOnce(found.best)
          : await verify(scenario, plans, found.erlangCovers, verifyOptions, progress);
      done += verifyReplications;
      budgetInfo = {
        hours: budget,
        measure,
        erlangPlacement: {
          operatorHours: found.erlangCovers.reduce((s, c) => s + c.paidHours, 0),
          cost: found.erlangCovers.reduce((s, c) => s + c.cost, 0),
          verification: placed,
        },
        gain: null,
        rounds: found.rounds,
        converged: found.converged,
      };
      placedForDifference = placedResults;
    }
  }
  const [verification, verifiedResults] = await verifyOnce(covers);
  done += verifyReplications;
  const [erlangVerification] = await verify(scenario, plans, erlangCovers, verifyOptions, progress);
  if (budgetInfo !== null && placedForDifference !== undefined)
    budgetInfo.gain = pairedGain(
      verifiedResults,
      placedForDifference,
      rosterLayout(scenario),
      horizonWeekdays(scenario, days),
      targets,
    );
  options.onProgress?.(total, total);
  if (budget === undefined) {
    for (const [i, plan] of plans.entries()) {
      const short: number[] = [];
      covers[i]!.shortfall.forEach((n, s) => {
        if (n > 0) short.push(s);
      });
      const uncovered = new Set(problems.map((p) => p.path));
      if (short.length > 0 && !uncovered.has(`shifts.${scenario.queues[plan.queue]!.name}`))
        problems.push({
          path: `shifts.${scenario.queues[plan.queue]!.name}`,
          expected: 'templates whose max allows the operators the targets need',
          received: `too few operators in ${slotRanges(short, perDay, minutes).join(', ')}`,
        });
    }
    const missed = verification.byDay.filter((d) => !d.met);
    if (missed.length > 0) {
      const short = problems.some((p) => p.path.startsWith('shifts.'));
      problems.push({
        path: 'targets',
        expected: `every day to meet the targets with 95 % confidence on fresh seeds (${targetText(targets)})`,
        // Short templates explain the misses: the days are named, their figures are above.
        received: short
          ? `missed on ${missed.map((d) => d.weekday).join(', ')}`
          : `missed on ${missed.map((d) => `${d.weekday} (${missText(d, targets)})`).join(', ')}`,
        hint: short
          ? 'figures in the summary; the templates leave intervals short, see above: more templates, starts or a higher max'
          : !search.converged
            ? `the search stopped at its round limit (--iterations ${maxIterations}) before a round met every day and settled: more --iterations`
            : "the roster met every day on the search's seeds, not on fresh ones: more --replications",
      });
    }
  }
  const perInterval: RosterInterval[] = plans.flatMap((plan, i) =>
    Array.from(plan.erlang, (erlang, s) => ({
      queue: scenario.queues[plan.queue]!.name,
      weekday: weekdays[Math.floor(s / perDay)]!,
      interval: intervalLabel(s % perDay, minutes),
      required: required[i]![s]!,
      erlang,
      scheduled: covers[i]!.scheduled[s]!,
    })),
  );
  return {
    scenario: scenario.name,
    file: scenario.file ?? null,
    days,
    replications,
    seed,
    targets,
    intervalMinutes: minutes,
    startDate: scenario.startDate,
    startWeekday: weekdays[scenario.startWeekday]!,
    templates: scenario.shifts.map((t) => ({
      queue: scenario.queues[t.queue]!.name,
      name: t.name,
      lengthHours: t.lengthSeconds / 3600,
    })),
    operatorHours: covers.reduce((s, c) => s + c.paidHours, 0),
    cost: covers.reduce((s, c) => s + c.cost, 0),
    currency: scenario.costs.currency,
    shifts: plans.flatMap((plan, i) => shiftsOf(scenario, plan, covers[i]!)),
    perInterval,
    verification,
    erlangPlan: {
      operatorHours: erlangCovers.reduce((s, c) => s + c.paidHours, 0),
      cost: erlangCovers.reduce((s, c) => s + c.cost, 0),
      verification: erlangVerification,
    },
    search,
    budget: budgetInfo,
    problems,
    unproven: plans.flatMap((plan, i) =>
      covers[i]!.status === 'Optimal'
        ? []
        : [{ queue: scenario.queues[plan.queue]!.name, status: covers[i]!.status }],
    ),
  };
}

/** The targets as the summary words them (one wording: src/measures/target-verdict.ts). */
export { targetText };

/**
 * Which targets a day missed: each level not met (by {@link levelStatus}, the one rule), its 95 %
 * interval and the side it should lie on; then each queue's own, named.
 */
function missText(day: RosterVerification['byDay'][number], targets: RosterTargets): string {
  const interval = (e: ReplicationEstimate) =>
    `${percentText(e.mean)} [${percentText(e.ci95[0])}, ${percentText(e.ci95[1])}]`;
  const levelMisses = (
    measures: { serviceLevel: ReplicationEstimate; probabilityAbandon: ReplicationEstimate },
    levels: TargetLevels,
  ): string[] => {
    const misses: string[] = [];
    const { serviceLevel: sl, probabilityAbandon: ab } = measures;
    if (
      levels.serviceLevel !== undefined &&
      levelStatus(sl.ci95, 'at least', levels.serviceLevel) !== 'met'
    )
      misses.push(
        `service level ${interval(sl)}, not wholly ≥ ${percentText(levels.serviceLevel)}`,
      );
    if (
      levels.maxAbandon !== undefined &&
      levelStatus(ab.ci95, 'at most', levels.maxAbandon) !== 'met'
    )
      misses.push(`abandonment ${interval(ab)}, not wholly ≤ ${percentText(levels.maxAbandon)}`);
    return misses;
  };
  const misses = levelMisses(day, targets);
  for (const own of day.byQueue ?? []) {
    if (own.met) continue;
    const index = targets.byQueue!.find((t) => t.queue === own.queue)!.index;
    misses.push(
      `queue ${own.queue}: ${levelMisses(own, levelsOfQueue(targets, index)).join(', ')}`,
    );
  }
  return misses.join('; ');
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
