import type { Scenario } from '../scenario/scenario-types.js';
import { ArrivalClock } from '../switchboard/arrival-clock.js';

/** The expected load of one queue in each interval of the week, as an Erlang plan reads it. */
export interface QueueLoad {
  queue: number;
  /** Expected new calls entering the queue, per weekday (0 = monday) × interval of the day. */
  calls: Float64Array;
  /** Call-weighted mean handling time (talk × micro-flow factor, plus the queue's wrap-up), s. */
  handleTimeSeconds: number;
  /** Call-weighted mean patience of the callers reaching it, s. */
  patienceSeconds: number;
}

/**
 * Where a reason's caller ends up when the menu is used as intended: the share of its callers
 * that reach each queue (no wrong options, no hang-ups in the menu; callers who cannot use the
 * menu go to its default queue). Cost: O(menus × options).
 */
export function reasonQueueShares(scenario: Scenario, reason: number): Float64Array {
  const shares = new Float64Array(scenario.queues.length);
  const spec = scenario.reasons[reason]!;
  const micro = scenario.microFlows;
  if (spec.micro && micro?.handling === 'dedicated') {
    shares[micro.dedicatedQueue] = 1;
    return shares;
  }
  const ivr = scenario.ivr;
  if (ivr === undefined) {
    if (spec.queue >= 0) shares[spec.queue] = 1;
    return shares;
  }
  shares[ivr.defaultQueue]! += ivr.cannotUse;
  let weight = 1 - ivr.cannotUse;
  let menu = ivr.menus[0]!;
  for (let depth = 0; depth <= ivr.menus.length; depth++) {
    const option = menu.options.find((o) => o.reasons.includes(reason));
    if (option === undefined) {
      shares[ivr.defaultQueue]! += weight;
      return shares;
    }
    if (option.submenu >= 0) {
      menu = ivr.menus[option.submenu]!;
      continue;
    }
    let previous = 0;
    for (const route of option.routes) {
      const p = route.probability - previous;
      previous = route.probability;
      if (route.target.kind === 'queue') shares[route.target.index]! += weight * p;
    }
    return shares;
  }
  return shares;
}

/**
 * The load of every queue per weekday × interval: expected new calls from the scenario's
 * arrivals (calls per day × intraday profile, or its forecast averaged over the horizon's days of
 * each weekday), routed by {@link reasonQueueShares}, with call-weighted handling time and
 * patience. Redials, bounce-backs, call-backs and transfers are left out, as an Erlang plan
 * leaves them: that is what the simulation adds. Calls outside opening hours count zero.
 * Cost: O(reasons × queues × days × intervals).
 */
export function queueLoads(scenario: Scenario, days: number): QueueLoad[] {
  const intervals = Math.round(1440 / scenario.intervalMinutes);
  const width = scenario.intervalMinutes * 60;
  const clock = new ArrivalClock(scenario, days * 86_400);
  const horizonDays = scenario.forecast ? days : 7;
  const dayCount = new Float64Array(7);
  for (let d = 0; d < horizonDays; d++) dayCount[(scenario.startWeekday + d) % 7]!++;
  const loads = scenario.queues.map((_, q) => ({
    queue: q,
    calls: new Float64Array(7 * intervals),
    work: 0,
    patience: 0,
    total: 0,
  }));
  scenario.reasons.forEach((reason, r) => {
    const shares = reasonQueueShares(scenario, r);
    const factor =
      reason.micro && scenario.microFlows?.handling === 'pool'
        ? scenario.microFlows.handleTimeFactor
        : 1;
    for (let d = 0; d < horizonDays; d++) {
      const weekday = (scenario.startWeekday + d) % 7;
      const open = scenario.openingHours[weekday]!;
      for (let k = 0; k < intervals; k++) {
        const middle = k * width + width / 2;
        if (!open.some(([from, to]) => middle >= from && middle < to)) continue;
        const calls = (clock.rate(r, d * 86_400 + middle) * width) / dayCount[weekday]!;
        if (calls === 0) continue;
        for (const load of loads) {
          const share = shares[load.queue]!;
          if (share === 0) continue;
          load.calls[weekday * intervals + k]! += calls * share;
          load.work += calls * share * reason.handleTime.mean * factor;
          load.patience += calls * share * reason.patience.mean;
          load.total += calls * share;
        }
      }
    }
  });
  return loads.map((load) => ({
    queue: load.queue,
    calls: load.calls,
    handleTimeSeconds:
      (load.total > 0 ? load.work / load.total : 0) + scenario.queues[load.queue]!.wrapUp.mean,
    patienceSeconds: load.total > 0 ? load.patience / load.total : 0,
  }));
}
