import type { Scenario } from '../scenario/scenario-types.js';
import { erlangA } from '../staffing/erlang-a.js';
import { replicationEstimate } from '../stats/confidence-interval.js';
import { concaveIncrements, type Cover, type SolveLimits, solveValueCover } from './cover-milp.js';
import { dayMeasures } from './day-measures.js';
import type { RosterTargets } from './erlang-requirement.js';
import {
  coverAll,
  horizonWeekdays,
  measuresByDay,
  type QueuePlan,
  queueOwners,
  type SearchRosterOptions,
  simulateCovers,
  simulatedLoads,
} from './roster-search.js';
import {
  cellOffset,
  RosterCell as C,
  type RosterLayout,
  rosterLayout,
  type RosterReplication,
} from './simulate-roster.js';

/** What a budget buys the most of: calls answered within the threshold, or calls not lost. */
export type BudgetMeasure = 'serviceLevel' | 'probabilityAbandon';

/** Options of {@link searchBudget}: the search's, and the paid hours a week to place. */
export interface SearchBudgetOptions extends SearchRosterOptions {
  budgetHours: number;
}

/** One round of the budget search, simulated on the search's seeds. */
export interface BudgetRound {
  iteration: number;
  operatorHours: number;
  cost: number;
  /** Over the horizon, mean of the replications (the search's seeds). */
  serviceLevel: number;
  probabilityAbandon: number;
  /** Weekdays whose targets were met with 95 % confidence / simulated. */
  daysMet: number;
  daysSimulated: number;
  /** Operator-intervals that moved from the previous round's roster (added + removed). */
  moved: number;
  /** The budget's score ({@link budgetScore}), mean of the replications. */
  score: number;
  /** Whether this round became the roster kept (better than the one kept, paired, 95 %). */
  kept: boolean;
}

/** The budget search's answer. */
export interface BudgetSearch {
  measure: BudgetMeasure;
  /** The Erlang A placement of the budget: the first round. */
  erlangCovers: Cover[];
  /** The round with the best measure on the search's seeds. */
  best: Cover[];
  rounds: BudgetRound[];
  /** True when a round's roster repeated an earlier round's (the loads settled). */
  converged: boolean;
}

/** An operator adding less than this share of a slot's calls is worth nothing more. */
const MIN_STEP = 1e-3;

/** Weight of a share beyond the target: a tenth of a share below it. */
const BEYOND_TARGET = 0.1;

/**
 * A share (service level, or calls not abandoned) counted in full up to the target and at a
 * tenth beyond it: what the budget is spent on. Concave and increasing, so hours go first to
 * where the target is missed, and only then to service beyond it.
 */
export function cappedShare(share: number, target: number): number {
  return Math.min(share, target) + BEYOND_TARGET * Math.max(0, share - target);
}

/** The share a budget buys and its target: service level, else calls not abandoned. */
export function budgetTarget(targets: RosterTargets): { measure: BudgetMeasure; target: number } {
  return targets.serviceLevel !== undefined
    ? { measure: 'serviceLevel', target: targets.serviceLevel }
    : { measure: 'probabilityAbandon', target: 1 - targets.maxAbandon! };
}

/**
 * The budget's score of one replication: each simulated weekday's share (service level, or
 * calls not abandoned) through {@link cappedShare}, weighted by the day's decided entries.
 */
export function budgetScore(
  result: RosterReplication,
  layout: RosterLayout,
  weekdays: readonly number[],
  targets: RosterTargets,
): number {
  const { measure, target } = budgetTarget(targets);
  const perDay = layout.slots / 7;
  let weighted = 0;
  let total = 0;
  for (const weekday of weekdays) {
    const m = dayMeasures([result], layout, weekday * perDay, (weekday + 1) * perDay, targets);
    const decided = dayDecided(result, layout, weekday * perDay, (weekday + 1) * perDay);
    const share = measure === 'serviceLevel' ? m.serviceLevel.mean : 1 - m.probabilityAbandon.mean;
    weighted += decided * cappedShare(share, target);
    total += decided;
  }
  return total > 0 ? weighted / total : cappedShare(1, target);
}

function dayDecided(r: RosterReplication, layout: RosterLayout, from: number, to: number): number {
  let n = 0;
  for (let q = 0; q < layout.queues; q++)
    for (let s = from; s < to; s++) n += r[cellOffset(layout, q, s) + C.decided]!;
  return n;
}

/** Fewest operators of each plan's slots: one wherever calls come. */
export function leastOperators(plans: readonly QueuePlan[]): Int32Array[] {
  return plans.map((p) => Int32Array.from(p.load.calls, (c) => (c > 0 ? 1 : 0)));
}

/**
 * What each operator adds to a slot by Erlang A (M/M/N+M) at `calls` an interval, handling
 * `handleSeconds` and patience `patienceSeconds`: calls answered within the threshold (or calls
 * not abandoned) with k + 1 operators less with k, from none (nobody answered) upwards until an
 * operator adds less than a thousandth of the slot's calls; made non-increasing by
 * {@link concaveIncrements}. Cost: one Erlang A evaluation per operator.
 */
export function slotIncrements(
  calls: number,
  handleSeconds: number,
  patienceSeconds: number,
  thresholdSeconds: number,
  intervalSeconds: number,
  measure: BudgetMeasure,
  target: number,
): SlotValue {
  if (!(calls > 0) || !(handleSeconds > 0)) return { steps: [], knee: 0 };
  const traffic = (calls * handleSeconds) / intervalSeconds;
  const patience = Math.max(patienceSeconds, 1);
  const values = [0];
  const most = Math.min(1000, Math.ceil(2 * traffic) + 20);
  for (let k = 1; k <= most; k++) {
    const m = erlangA(k, traffic, handleSeconds, patience, thresholdSeconds);
    const share = measure === 'serviceLevel' ? m.serviceLevel : 1 - (m.probabilityAbandon ?? 0);
    const v = calls * cappedShare(share, target);
    values.push(v);
    if (k > traffic && v - values[k - 1]! < MIN_STEP * calls) break;
  }
  const all = concaveIncrements(values);
  const kept = all.findIndex((w) => !(w >= MIN_STEP * calls));
  const steps = kept < 0 ? all : all.slice(0, kept);
  let knee = steps.length;
  for (let k = 1; k < steps.length; k++)
    if (steps[k]! < steps[k - 1]! - 1e-12) {
      knee = k;
      break;
    }
  return { steps, knee };
}

/**
 * What operators are worth in a slot: `steps[k]`, what the (k+1)-th adds (non-increasing); and
 * the knee, the operators from which the steps are Erlang A's own (below it they are the chord
 * of an overloaded queue, where the first operators are worth almost nothing alone).
 */
export interface SlotValue {
  steps: number[];
  knee: number;
}

/** Per plan, the increments of every slot at the given loads. */
function incrementsOf(
  plans: readonly QueuePlan[],
  calls: readonly Float64Array[],
  handleSeconds: readonly number[],
  scenario: Scenario,
  targets: RosterTargets,
): SlotValue[][] {
  const { measure, target } = budgetTarget(targets);
  return plans.map((plan, p) =>
    Array.from(calls[p]!, (c) =>
      slotIncrements(
        c,
        handleSeconds[p]!,
        plan.load.patienceSeconds,
        targets.thresholdSeconds,
        scenario.intervalMinutes * 60,
        measure,
        target,
      ),
    ),
  );
}

/**
 * The budget split between the plans (queues) and placed in each. Erlang A's value of a slot is
 * S-shaped in its operators (an overloaded queue answers almost nobody in time), which a
 * programme crediting the first operators first cannot see: every slot is first given the
 * largest common fraction f of its knee ({@link SlotValue}) whose least-cost cover fits the
 * budget (bisection; at least one operator wherever calls come), so that no interval is left
 * overloaded while another has operators to spare; the rest of the budget goes where operators
 * add most ({@link solveValueCover}). With several plans, the hours beyond those floors are
 * shared in proportion to each plan's value at stake. Without `balanced`, no floor but one
 * operator wherever calls come (better when the budget is far below the need: then whole
 * intervals are better left short than every interval overloaded). Cost: a few cover MILPs and
 * one value cover per plan.
 */
async function placeBudget(
  plans: readonly QueuePlan[],
  least: readonly Int32Array[],
  values: readonly SlotValue[][],
  budgetHours: number,
  balanced: boolean,
  limits: SolveLimits,
): Promise<Cover[]> {
  const floorsAt = (f: number) =>
    plans.map((_, p) =>
      Int32Array.from(least[p]!, (l, s) => Math.max(l, Math.ceil(f * values[p]![s]!.knee - 1e-9))),
    );
  const hoursOf = (covers: readonly Cover[]) => covers.map((c) => c.paidHours);
  const fits = (covers: readonly Cover[]) =>
    covers.every((c) => c.shortfall.every((n) => n === 0)) &&
    covers.reduce((h, c) => h + c.paidHours, 0) <= budgetHours + 1e-9;
  let floors: readonly Int32Array[] = balanced ? floorsAt(1) : least;
  let floorCovers = await coverAll(plans, floors, limits);
  if (balanced && !fits(floorCovers)) {
    let low = 0;
    let high = 1;
    floors = least;
    floorCovers = await coverAll(plans, least, limits);
    for (let step = 0; step < 6; step++) {
      const f = (low + high) / 2;
      const tried = floorsAt(f);
      const covers = await coverAll(plans, tried, limits);
      if (fits(covers)) {
        low = f;
        floors = tried;
        floorCovers = covers;
      } else high = f;
    }
  }
  const floorHours = hoursOf(floorCovers);
  const stake = values.map((slots) =>
    slots.reduce((s, v) => s + v.steps.reduce((a, b) => a + b, 0), 0),
  );
  const totalStake = stake.reduce((a, b) => a + b, 0);
  const spare = budgetHours - floorHours.reduce((a, b) => a + b, 0);
  const covers: Cover[] = [];
  for (const [p, plan] of plans.entries()) {
    const share = totalStake > 0 ? stake[p]! / totalStake : 1 / plans.length;
    covers.push(
      await solveValueCover(
        plan.patterns,
        plan.templates,
        floors[p]!,
        values[p]!.map((v) => v.steps),
        floorHours[p]! + spare * share,
        limits,
      ),
    );
  }
  return covers;
}

function sameCovers(a: readonly Cover[], b: readonly Cover[]): boolean {
  return a.every((c, p) => c.counts.every((n, i) => n === b[p]!.counts[i]));
}

/**
 * The best service a budget of paid hours buys on the whole switchboard, and where to put them.
 * What is bought: each simulated day's share (service level, else calls not abandoned) counted
 * up to its target in full and beyond it at a tenth ({@link budgetScore}). Rounds 1 and 2 are
 * Erlang A's placements at the Erlang plan's loads ({@link placeBudget}, balanced and plain);
 * the better on the search's seeds is the Erlang A placement. Every round is simulated on the
 * same seeds (common random numbers); the next round places the same budget the same way at
 * the loads the simulation saw — per queue and interval, the queue entries (redials,
 * bounce-backs, call-backs included) and the operators' busy time per call (warm transfers,
 * messages, wrap-up) — so the hours move to where the simulated calls wait. A round replaces
 * the roster kept only when it beats it on the seeds with 95 % confidence, paired. It stops
 * when a placement repeats (converged) or after `maxIterations` rounds.
 * Cost: rounds × (MILPs + replications × days of simulation).
 */
export async function searchBudget(
  scenario: Scenario,
  plans: readonly QueuePlan[],
  options: SearchBudgetOptions,
): Promise<BudgetSearch> {
  const { targets, days, replications, budgetHours } = options;
  const { measure } = budgetTarget(targets);
  const maxIterations = options.maxIterations ?? 8;
  const layout = rosterLayout(scenario);
  const owners = queueOwners(scenario, plans);
  const weekdays = horizonWeekdays(scenario, days);
  const least = leastOperators(plans);
  const place = (calls: readonly Float64Array[], handle: readonly number[], balanced: boolean) =>
    placeBudget(
      plans,
      least,
      incrementsOf(plans, calls, handle, scenario, targets),
      budgetHours,
      balanced,
      options.solverLimits ?? {},
    );
  const rounds: BudgetRound[] = [];
  const tried: Cover[][] = [];
  let done = 0;
  const total = maxIterations * replications;
  const simulate = async (covers: Cover[]) => {
    const previous = tried.at(-1);
    tried.push(covers);
    const results = await simulateCovers(scenario, plans, covers, options, (d) =>
      options.onProgress?.(done + d, total),
    );
    done += replications;
    const week = dayMeasures(results, layout, 0, layout.slots, targets);
    const byDay = measuresByDay(results, layout, weekdays, targets);
    const scores = results.map((r) => budgetScore(r, layout, weekdays, targets));
    const round: BudgetRound = {
      iteration: rounds.length + 1,
      operatorHours: covers.reduce((s, c) => s + c.paidHours, 0),
      cost: covers.reduce((s, c) => s + c.cost, 0),
      serviceLevel: week.serviceLevel.mean,
      probabilityAbandon: week.probabilityAbandon.mean,
      daysMet: byDay.filter((d) => d.measures.met).length,
      daysSimulated: byDay.length,
      score: mean(scores),
      kept: false,
      moved:
        previous === undefined
          ? 0
          : covers.reduce(
              (s, c, p) =>
                s +
                c.scheduled.reduce((m, n, k) => m + Math.abs(n - previous[p]!.scheduled[k]!), 0),
              0,
            ),
    };
    rounds.push(round);
    return { covers, results, scores, round };
  };
  // Round 1 (and 2): Erlang A's placement, balanced and not; the better on the seeds is it.
  const erlangCalls = plans.map((p) => p.load.calls);
  const erlangHandle = plans.map((p) => p.load.handleTimeSeconds);
  let current = await simulate(await place(erlangCalls, erlangHandle, true));
  let balanced = true;
  if (maxIterations > 1) {
    const plain = await place(erlangCalls, erlangHandle, false);
    if (!sameCovers(plain, current.covers)) {
      const other = await simulate(plain);
      if (other.round.score > current.round.score) {
        current = other;
        balanced = false;
      }
    }
  }
  current.round.kept = true;
  const erlangCovers = current.covers;
  let best = current;
  let converged = false;
  while (rounds.length < maxIterations) {
    const loads = simulatedLoads(current.results, layout, owners, plans, scenario, days);
    const next = await place(
      loads.map((l) => l.calls),
      loads.map((l) => l.handleTimeSeconds),
      balanced,
    );
    if (tried.some((t) => sameCovers(t, next))) {
      converged = true;
      break;
    }
    current = await simulate(next);
    // A round replaces the roster kept only when it scores better on the same seeds with 95 %
    // confidence (paired): the best of noisy rounds would otherwise flatter the seeds it won on.
    const gain = replicationEstimate(current.scores.map((x, i) => x - best.scores[i]!));
    if (gain.mean > 0 && gain.ci95[0] > 0) {
      best = current;
      current.round.kept = true;
    }
  }
  options.onProgress?.(total, total);
  return { measure, erlangCovers, best: best.covers, rounds, converged };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}
