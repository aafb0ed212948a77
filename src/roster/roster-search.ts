import type { RemoteReplications } from '../replications/run-replications.js';
import type { Scenario, ShiftTemplate } from '../scenario/scenario-types.js';
import { type Cover, solveCover, type SolveCoverOptions, type SolveLimits } from './cover-milp.js';
import { type DayMeasures, judgedDay, pooledCells } from './day-measures.js';
import { levelsOfQueue, type TargetLevels } from '../measures/target-verdict.js';
import { erlangRequirement, type RosterTargets } from './erlang-requirement.js';
import { type QueueLoad, queueLoads } from './queue-load.js';
import { rosterDocument } from './roster-document.js';
import { type ShiftPattern, shiftPatterns } from './shift-patterns.js';
import {
  cellOffset,
  handlingOffset,
  RosterCell as C,
  type RosterLayout,
  rosterLayout,
  type RosterReplication,
  simulateRoster,
} from './simulate-roster.js';

/** One rostered queue: its templates, their patterns, and the requirement being covered. */
export interface QueuePlan {
  queue: number;
  templates: ShiftTemplate[];
  patterns: ShiftPattern[];
  load: QueueLoad;
  /** The Erlang plan: Erlang A operators per slot of the week. */
  erlang: Int32Array;
}

/** Options of {@link searchRoster}. */
export interface SearchRosterOptions {
  targets: RosterTargets;
  days: number;
  replications: number;
  seed: number | string;
  threads?: number;
  /** Run the simulations on workers through a job queue (`--redis`). */
  remote?: RemoteReplications;
  /** Most simulate-and-solve rounds (default 8). */
  maxIterations?: number;
  /** The MILP solver's node limit and wall-clock safety net (tests tighten them). */
  solverLimits?: SolveLimits;
  /** Called as replications finish, with the count over the whole search. */
  onProgress?: (done: number, total: number) => void;
}

/** What one round of the search did. */
export interface SearchIteration {
  iteration: number;
  operatorHours: number;
  cost: number;
  /** Weekdays whose targets were met with confidence / simulated. */
  daysMet: number;
  daysSimulated: number;
  /** Lowest daily service level and highest daily abandonment (means). */
  worstServiceLevel: number;
  worstAbandon: number;
  /** Slots whose requirement the round raised / lowered / locked after a failed lowering. */
  raised: number;
  lowered: number;
  locked: number;
}

/** A roster of every planned queue: one cover per queue. */
export interface RosterCandidate {
  covers: Cover[];
  operatorHours: number;
  cost: number;
  /** Required operators per queue and slot when it was solved. */
  required: Int32Array[];
  byDay: { weekday: number; measures: DayMeasures }[];
  allMet: boolean;
}

/** The search's answer: the roster chosen, the Erlang plan's cover, and the rounds. */
export interface RosterSearch {
  plans: QueuePlan[];
  erlangCovers: Cover[];
  best: RosterCandidate;
  iterations: SearchIteration[];
  /** True when the last round met every day with confidence and moved no requirement. */
  converged: boolean;
}

/** Most slots of one met day whose requirement a round lowers. */
const SLOTS_LOWERED_PER_DAY = 4;

/** The weekdays (0 = monday) the horizon simulates, each once. */
export function horizonWeekdays(scenario: Scenario, days: number): number[] {
  const seen = new Set<number>();
  for (let d = 0; d < days; d++) seen.add((scenario.startWeekday + d) % 7);
  return [...seen].sort((a, b) => a - b);
}

/** The plans of the queues that have shift templates. Cost: one Erlang A solve per slot. */
export function queuePlans(scenario: Scenario, targets: RosterTargets, days: number): QueuePlan[] {
  const loads = queueLoads(scenario, days);
  const queues = [...new Set(scenario.shifts.map((t) => t.queue))].sort((a, b) => a - b);
  return queues.map((queue) => {
    const templates = scenario.shifts.filter((t) => t.queue === queue);
    const load = loads[queue]!;
    return {
      queue,
      templates,
      patterns: shiftPatterns(templates, scenario.intervalMinutes),
      load,
      erlang: erlangRequirement(load, scenario.intervalMinutes, levelsOfQueue(targets, queue)),
    };
  });
}

/** Solve every queue's cover of its requirement. */
export async function coverAll(
  plans: readonly QueuePlan[],
  required: readonly Int32Array[],
  options: SolveCoverOptions = {},
): Promise<Cover[]> {
  const covers: Cover[] = [];
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    covers.push(await solveCover(plan.patterns, plan.templates, required[i]!, options));
  }
  return covers;
}

/** The document of a scenario staffed by covers, with the targets it is judged by. */
export function coveredDocument(
  scenario: Scenario,
  plans: readonly QueuePlan[],
  covers: readonly Cover[],
  targets: RosterTargets,
): Record<string, unknown> {
  return rosterDocument(
    scenario,
    plans.map((plan, i) => ({ queue: plan.queue, scheduled: covers[i]!.scheduled })),
    {
      threshold: targets.thresholdSeconds,
      ...(targets.serviceLevel === undefined ? {} : { serviceLevel: targets.serviceLevel }),
      ...(targets.maxAbandon === undefined ? {} : { maxAbandon: targets.maxAbandon }),
      ...ownTargetsDocument(targets),
    },
  );
}

/** `targets.byQueue` as a scenario writes it, when queues have targets of their own. */
export function ownTargetsDocument(targets: RosterTargets): { byQueue?: Record<string, unknown> } {
  if (targets.byQueue === undefined || targets.byQueue.length === 0) return {};
  const byQueue: Record<string, unknown> = {};
  for (const t of targets.byQueue)
    Object.defineProperty(byQueue, t.queue, {
      value: {
        ...(t.serviceLevel === undefined ? {} : { serviceLevel: t.serviceLevel }),
        ...(t.maxAbandon === undefined ? {} : { maxAbandon: t.maxAbandon }),
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return { byQueue };
}

/**
 * Simulate a scenario staffed by covers ({@link coveredDocument}) on the options' seeds: one
 * {@link RosterReplication} per replication. The one place the roster searches and
 * verifications simulate.
 */
export function simulateCovers(
  scenario: Scenario,
  plans: readonly QueuePlan[],
  covers: readonly Cover[],
  options: Pick<
    SearchRosterOptions,
    'targets' | 'days' | 'replications' | 'seed' | 'threads' | 'remote'
  >,
  onProgress?: (done: number) => void,
): Promise<RosterReplication[]> {
  return simulateRoster(coveredDocument(scenario, plans, covers, options.targets), {
    days: options.days,
    replications: options.replications,
    seed: options.seed,
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.remote === undefined ? {} : { remote: options.remote }),
    ...(onProgress === undefined ? {} : { onProgress }),
  });
}

/**
 * Per weekday of the horizon with calls, the measures of its cells judged by every target
 * ({@link judgedDay}); a weekday nobody called (closed) is not a day to judge, as in `compare`.
 */
export function measuresByDay(
  results: readonly RosterReplication[],
  layout: RosterLayout,
  weekdays: readonly number[],
  targets: RosterTargets,
  strictness = 1,
): { weekday: number; measures: DayMeasures }[] {
  const perDay = layout.slots / 7;
  const judged = weekdays.map((weekday) => ({
    weekday,
    measures: judgedDay(
      results,
      layout,
      weekday * perDay,
      (weekday + 1) * perDay,
      targets,
      strictness,
    ),
  }));
  return judged.filter((d) => d.measures.decided > 0);
}

/**
 * The plan answering for each queue's calls: the plan rostering that queue, else the first plan
 * whose operators help it (`helps:`), else -1 (a queue the roster cannot staff).
 */
export function queueOwners(scenario: Scenario, plans: readonly QueuePlan[]): Int32Array {
  const owners = new Int32Array(scenario.queues.length).fill(-1);
  scenario.queues.forEach((_, q) => {
    let owner = plans.findIndex((plan) => plan.queue === q);
    if (owner < 0)
      owner = plans.findIndex((plan) => scenario.queues[plan.queue]!.helps.includes(q));
    owners[q] = owner;
  });
  return owners;
}

/**
 * Pooled cells (see {@link pooledCells}) gathered per plan: for each plan and slot, the decided,
 * in-target and abandoned entries of the queues it answers for ({@link queueOwners}), so that a
 * miss is charged to the queue whose operators can mend it. Cost O(queues × slots).
 */
export function cellsByPlan(
  cells: Float64Array,
  layout: RosterLayout,
  owners: Int32Array,
  plans: number,
): Float64Array[] {
  const byPlan = Array.from({ length: plans }, () => new Float64Array(layout.slots * C.size));
  owners.forEach((p, q) => {
    if (p < 0) return;
    const into = byPlan[p]!;
    const from = cellOffset(layout, q, 0);
    for (let i = 0; i < layout.slots * C.size; i++) into[i]! += cells[from + i]!;
  });
  return byPlan;
}

/**
 * The loads a roster met in simulation, per plan, as an Erlang plan reads them: queue entries
 * per slot of the week (redials, bounce-backs, call-backs and callbacks included, charged by
 * {@link cellsByPlan}; mean over the replications and the horizon's days of each weekday) and
 * the operators' busy seconds per finished call of the plan's queues (warm transfers, messages,
 * wrap-up). Weekdays the horizon does not simulate keep the Erlang plan's load; so does the
 * handling time of a plan whose operators finished no call. Cost O(queues × slots).
 */
export function simulatedLoads(
  results: readonly RosterReplication[],
  layout: RosterLayout,
  owners: Int32Array,
  plans: readonly QueuePlan[],
  scenario: Scenario,
  days: number,
): QueueLoad[] {
  const perDay = layout.slots / 7;
  const dayCount = new Float64Array(7);
  for (let d = 0; d < days; d++) dayCount[(scenario.startWeekday + d) % 7]!++;
  const cells = pooledCells(results);
  const byPlan = cellsByPlan(cells, layout, owners, plans.length);
  return plans.map((plan, p) => {
    let busy = 0;
    let finished = 0;
    owners.forEach((owner, q) => {
      if (owner !== p) return;
      busy += cells[handlingOffset(layout, q)]!;
      finished += cells[handlingOffset(layout, q) + 1]!;
    });
    return {
      ...plan.load,
      calls: Float64Array.from({ length: layout.slots }, (_, s) => {
        const n = dayCount[Math.floor(s / perDay)]!;
        return n > 0
          ? byPlan[p]![s * C.size + C.decided]! / (results.length * n)
          : plan.load.calls[s]!;
      }),
      handleTimeSeconds: finished > 0 ? busy / finished : plan.load.handleTimeSeconds,
    };
  });
}

/** Decided, in-target and abandoned entries of slots `from` ≤ slot < `to`, every queue (or `queues`). */
function dayMeasuresCounts(
  cells: Float64Array,
  layout: RosterLayout,
  from: number,
  to: number,
  queues?: readonly number[],
): { decided: number; inTarget: number; abandoned: number } {
  let decided = 0;
  let inTarget = 0;
  let abandoned = 0;
  for (const q of queues ?? Array.from({ length: layout.queues }, (_, k) => k))
    for (let at = cellOffset(layout, q, from); at < cellOffset(layout, q, to); at += C.size) {
      decided += cells[at + C.decided]!;
      inTarget += cells[at + C.inTarget]!;
      abandoned += cells[at + C.abandoned]!;
    }
  return { decided, inTarget, abandoned };
}

/**
 * A cell's calls to spare when it lies far beyond the levels (service level past halfway from
 * the target to 1, abandonment under half its maximum): by the service level when it is set,
 * else by abandonment; null when it is not far beyond (no level: nothing to spare against).
 */
function slackMargin(
  decided: number,
  inTarget: number,
  abandoned: number,
  t: TargetLevels,
): number | null {
  const sl = inTarget / decided;
  const ab = abandoned / decided;
  const farSL = t.serviceLevel === undefined || sl >= (1 + t.serviceLevel) / 2;
  const farAb = t.maxAbandon === undefined || ab <= t.maxAbandon / 2;
  if (!(farSL && farAb)) return null;
  if (t.serviceLevel !== undefined) return (sl - t.serviceLevel) * decided;
  if (t.maxAbandon !== undefined) return (t.maxAbandon - ab) * decided;
  return Number.POSITIVE_INFINITY;
}

/** Calls short of the targets in a cell (or a day): > 0 misses. */
function deficit(decided: number, inTarget: number, abandoned: number, t: TargetLevels): number {
  let short = Number.NEGATIVE_INFINITY;
  if (t.serviceLevel !== undefined) short = Math.max(short, t.serviceLevel * decided - inTarget);
  if (t.maxAbandon !== undefined) short = Math.max(short, abandoned - t.maxAbandon * decided);
  return short;
}

/**
 * The simulation-optimisation loop. Start from the Erlang plan; each round covers the current
 * requirement by the MILP, simulates the whole scenario with that roster (the same seeds every
 * round: common random numbers, so rounds differ only by their roster), then per simulated
 * weekday:
 * - a day that misses its targets (its 95 % interval, widened twofold, on the wrong side: so that
 *   a roster met here is met on fresh seeds too) gets one operator more than scheduled in
 *   its worst slots — by calls short of the targets, enough of them to make up the day's
 *   shortfall, at least one — or as many as Erlang A asks at the busy time per call the
 *   simulation measured, where that is more (a roster far short gets there in one round); any
 *   slot lowered the round before is restored and locked;
 * - a day that meets them offers its slack: a slot far beyond the targets (service level past
 *   halfway from the target to 1, abandonment under half its maximum), not locked, asks one
 *   operator fewer than scheduled (never below one where calls come) — the four with the most
 *   calls to spare, so that a failure next round is traced to few slots.
 * It stops when a round meets every day and moves nothing. It terminates: a slot is lowered at
 * most until its first failure, then locked; raises are bounded by the templates' `max`, and by
 * `maxIterations`. The roster kept is the cheapest round that met every day (else the round
 * that met most days, then the highest worst-day service level). Cost: rounds × (one MILP +
 * replications × days of simulation).
 */
export async function searchRoster(
  scenario: Scenario,
  plans: readonly QueuePlan[],
  options: SearchRosterOptions,
): Promise<RosterSearch> {
  const { targets, days, replications } = options;
  const maxIterations = options.maxIterations ?? 8;
  const perDay = Math.round(1440 / scenario.intervalMinutes);
  const weekdays = horizonWeekdays(scenario, days);
  const layout = rosterLayout(scenario);
  const owners = queueOwners(scenario, plans);
  const required = plans.map((plan) => Int32Array.from(plan.erlang));
  const locked = plans.map((plan) => new Uint8Array(plan.erlang.length));
  let loweredLast: { plan: number; slot: number; previous: number }[] = [];
  const limits = options.solverLimits ?? {};
  const erlangCovers = await coverAll(plans, required, limits);
  const iterations: SearchIteration[] = [];
  let best: RosterCandidate | undefined;
  let converged = false;
  let done = 0;
  const total = maxIterations * replications;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const covers = iteration === 1 ? erlangCovers : await coverAll(plans, required, limits);
    const results = await simulateCovers(scenario, plans, covers, options, (d) =>
      options.onProgress?.(done + d, total),
    );
    done += replications;
    // Judged with twice the 95 % half-width: a day met here is met on fresh seeds too.
    const byDay = measuresByDay(results, layout, weekdays, targets, 2);
    const candidate: RosterCandidate = {
      covers,
      operatorHours: covers.reduce((s, c) => s + c.paidHours, 0),
      cost: covers.reduce((s, c) => s + c.cost, 0),
      required: required.map((r) => Int32Array.from(r)),
      byDay,
      allMet: byDay.every((d) => d.measures.met),
    };
    if (best === undefined || better(candidate, best)) best = candidate;
    const cells = pooledCells(results);
    const planCells = cellsByPlan(cells, layout, owners, plans.length);
    // Erlang A at the loads this round met: where a missed day's slot falls far short, the
    // requirement jumps there at once instead of one operator a round.
    let atSimulatedLoads: Int32Array[] | undefined;
    const simulatedRequirement = (p: number, slot: number) => {
      atSimulatedLoads ??= simulatedLoads(results, layout, owners, plans, scenario, days).map(
        (load, q) =>
          erlangRequirement(
            { ...plans[q]!.load, handleTimeSeconds: load.handleTimeSeconds },
            scenario.intervalMinutes,
            levelsOfQueue(targets, plans[q]!.queue),
          ),
      );
      return atSimulatedLoads[p]![slot]!;
    };
    let raised = 0;
    let lowered = 0;
    let lockedNow = 0;
    const loweredNow: typeof loweredLast = [];
    for (const { weekday, measures } of byDay) {
      const slots = Array.from({ length: perDay }, (_, k) => weekday * perDay + k);
      if (!measures.met) {
        for (const l of loweredLast) {
          if (Math.floor(l.slot / perDay) !== weekday) continue;
          required[l.plan]![l.slot] = Math.max(required[l.plan]![l.slot]!, l.previous);
          locked[l.plan]![l.slot] = 1;
          lockedNow++;
        }
        // Each target the day missed (the switchboard's over every queue, a queue's own over its
        // entries), its shortfall made up by the slots of the plans answering for those calls.
        const groups: { levels: TargetLevels; queue: number | null }[] = [];
        if (measures.byQueue === undefined || measures.switchboardMet === false)
          groups.push({ levels: targets, queue: null });
        for (const own of measures.byQueue ?? []) {
          if (own.met) continue;
          const index = targets.byQueue!.find((t) => t.queue === own.queue)!.index;
          if (owners[index]! >= 0)
            groups.push({ levels: levelsOfQueue(targets, index), queue: index });
        }
        for (const group of groups) {
          const queues = group.queue === null ? undefined : [group.queue];
          const day = dayMeasuresCounts(
            cells,
            layout,
            weekday * perDay,
            (weekday + 1) * perDay,
            queues,
          );
          const short: { plan: number; slot: number; short: number }[] = [];
          planCells.forEach((pc, p) => {
            if (group.queue !== null && owners[group.queue] !== p) return;
            const from = group.queue === null ? 0 : cellOffset(layout, group.queue, 0);
            const own = group.queue === null ? pc : cells;
            for (const s of slots) {
              const at = from + s * C.size;
              if (own[at + C.decided] === 0 && plans[p]!.load.calls[s] === 0) continue;
              short.push({
                plan: p,
                slot: s,
                short: deficit(
                  own[at + C.decided]!,
                  own[at + C.inTarget]!,
                  own[at + C.abandoned]!,
                  group.levels,
                ),
              });
            }
          });
          const dayShort = Math.max(
            0,
            deficit(day.decided, day.inTarget, day.abandoned, group.levels),
          );
          short.sort((a, b) => b.short - a.short || a.slot - b.slot || a.plan - b.plan);
          let madeUp = 0;
          for (const { plan: p, slot, short: s } of short) {
            if (s <= 0 && madeUp > 0) break;
            const scheduled = covers[p]!.scheduled[slot]!;
            required[p]![slot] = Math.max(
              required[p]![slot]!,
              scheduled + 1,
              simulatedRequirement(p, slot),
            );
            raised++;
            madeUp += Math.max(s, 0);
            if (madeUp >= dayShort) break;
          }
        }
        continue;
      }
      // The slack of a met day, most first; a few slots a round, so that a failure is traced.
      const slack: { plan: number; slot: number; margin: number }[] = [];
      planCells.forEach((pc, p) => {
        for (const slot of slots) {
          const decided = pc[slot * C.size + C.decided]!;
          if (decided === 0) continue;
          let margin = slackMargin(
            decided,
            pc[slot * C.size + C.inTarget]!,
            pc[slot * C.size + C.abandoned]!,
            targets,
          );
          // A queue with targets of its own must be far beyond them too.
          for (const own of targets.byQueue ?? []) {
            if (margin === null) break;
            if (owners[own.index] !== p) continue;
            const at = cellOffset(layout, own.index, slot);
            if (cells[at + C.decided] === 0) continue;
            const m = slackMargin(
              cells[at + C.decided]!,
              cells[at + C.inTarget]!,
              cells[at + C.abandoned]!,
              levelsOfQueue(targets, own.index),
            );
            margin = m === null ? null : Math.min(margin, m);
          }
          if (margin === null) continue;
          if (locked[p]![slot]) continue;
          const floor = plans[p]!.load.calls[slot]! > 0 ? 1 : 0;
          if (Math.max(floor, covers[p]!.scheduled[slot]! - 1) >= required[p]![slot]!) continue;
          slack.push({ plan: p, slot, margin });
        }
      });
      slack.sort((a, b) => b.margin - a.margin || a.slot - b.slot || a.plan - b.plan);
      for (const { plan: p, slot } of slack.slice(0, SLOTS_LOWERED_PER_DAY)) {
        const scheduled = covers[p]!.scheduled[slot]!;
        const floor = plans[p]!.load.calls[slot]! > 0 ? 1 : 0;
        const next = Math.max(floor, scheduled - 1);
        if (next < required[p]![slot]!) {
          loweredNow.push({ plan: p, slot, previous: required[p]![slot]! });
          required[p]![slot] = next;
          lowered++;
        }
      }
    }
    loweredLast = loweredNow;
    iterations.push({
      iteration,
      operatorHours: candidate.operatorHours,
      cost: candidate.cost,
      daysMet: byDay.filter((d) => d.measures.met).length,
      daysSimulated: byDay.length,
      worstServiceLevel: Math.min(...byDay.map((d) => d.measures.serviceLevel.mean)),
      worstAbandon: Math.max(...byDay.map((d) => d.measures.probabilityAbandon.mean)),
      raised,
      lowered,
      locked: lockedNow,
    });
    if (candidate.allMet && raised === 0 && lowered === 0) {
      converged = true;
      break;
    }
  }
  options.onProgress?.(total, total);
  return { plans: [...plans], erlangCovers, best: best!, iterations, converged };
}

/** Cheaper among rosters meeting every day; else more days met, then a better worst day. */
function better(a: RosterCandidate, b: RosterCandidate): boolean {
  if (a.allMet !== b.allMet) return a.allMet;
  if (a.allMet) return a.cost < b.cost - 1e-9;
  const metA = a.byDay.filter((d) => d.measures.met).length;
  const metB = b.byDay.filter((d) => d.measures.met).length;
  if (metA !== metB) return metA > metB;
  const worst = (c: RosterCandidate) =>
    Math.min(...c.byDay.map((d) => d.measures.serviceLevel.mean));
  return worst(a) > worst(b);
}
