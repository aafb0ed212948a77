import type { CalibratedParameters } from '../audit/calibration-tracker.js';
import { calibrationToScenario } from '../audit/scenario-writer.js';
import { parseScenario } from '../scenario/parse-scenario.js';
import { type OperatorSearch, operatorSearch, stepOperatorSearch } from './operator-search.js';
import {
  designEffect,
  type HourMeasures,
  hourMeasures,
  pooledObserved,
  pooledSimulated,
  type StaffingCell,
} from './hour-measures.js';
import { type SimulatedHour, simulateHourlyAbandonment } from './simulate-hourly-abandonment.js';

/** Options of {@link refineRoster}. */
export interface RefineRosterOptions {
  /** Days simulated per replication (default {@link rosterRefinementDays}). */
  days?: number;
  /** Replications per round (default 4). */
  replications?: number;
  /** Seed of every round (common random numbers: rounds differ only by their roster). */
  seed?: number | string;
  /** Worker threads; the result does not depend on it. */
  threads?: number;
  /** Most simulations (rounds) in all (default 8). */
  maxRounds?: number;
  /** Combined standard errors beyond which an hour moves (default 2). */
  threshold?: number;
  /** Called after each round with its number and the hours it moves. */
  onRound?: (round: number, moved: number) => void;
}

/** What the refinement did in one weekday × hour (weekday 0 = Sunday). */
export interface RefinedHour {
  weekday: number;
  hour: number;
  /** Agents seen answering (rounded): the most operators allowed. */
  agentsSeen: number;
  /** Operators from Erlang A (`effective`). */
  erlangA: number;
  /** Operators written into the scenario. */
  refined: number;
  /**
   * Queued calls of the hour in the records, all days; their abandonment and its standard error
   * (binomial × √design effect).
   */
  offered: number;
  abandonObserved: number;
  observedStandardError: number;
  /**
   * The model's abandonment with the Erlang A roster (first round) and with the refined
   * operators (the last round that simulated them), and the standard error of the latter
   * (binomial × √design effect).
   */
  abandonSimulatedErlangA: number | null;
  abandonSimulated: number | null;
  simulatedStandardError: number | null;
  /** (simulated − observed) ÷ √(SE² + SE²) at the refined operators. */
  z: number | null;
  /** Operators simulated in each round. */
  path: number[];
}

/** One round: a simulation of the roster, and the hours it then moved. */
export interface RosterRefinementRound {
  round: number;
  /** Abandonment of queued calls over the compared hours, simulated. */
  abandonSimulated: number | null;
  /** The variance of an hour's share ÷ its binomial variance (see `designEffect`). */
  designEffect: number;
  /** Hours beyond the threshold after this round. */
  beyondNoise: number;
  moved: number;
}

/** The record of a roster refinement (written as `rosterRefinement` in calibration.json). */
export interface RosterRefinement {
  method: string;
  days: number;
  replications: number;
  seed: number | string;
  threshold: number;
  maxRounds: number;
  /** True when the last round found nothing to move (false: the round cap stopped it). */
  converged: boolean;
  /** Hours compared (those Erlang A calibrated), and those whose operators changed. */
  hoursCompared: number;
  hoursChanged: number;
  /** Operator-hours a week over the compared hours (one of each weekday). */
  operatorHours: { erlangA: number; refined: number };
  /** Abandonment of queued calls over the compared hours: records, model with each roster. */
  abandonObserved: number | null;
  abandonSimulatedErlangA: number | null;
  abandonSimulated: number | null;
  rounds: RosterRefinementRound[];
  hours: RefinedHour[];
}

/** A calibration with its refined roster, and the record of the refinement. */
export interface RefinedCalibration {
  calibration: CalibratedParameters & { rosterRefinement: RosterRefinement };
  refinement: RosterRefinement;
}

/**
 * Days each round simulates: the days the records cover, in whole weeks (so every weekday
 * counts alike), from 7 to 28.
 */
export function rosterRefinementDays(p: Pick<CalibratedParameters, 'daysObserved'>): number {
  const observed = p.daysObserved.reduce((a, b) => a + b, 0);
  return Math.min(28, Math.max(7, 7 * Math.ceil(observed / 7)));
}

const METHOD =
  'Each round simulates the calibrated scenario (same seed every round) and compares, per weekday × local hour of first queue entry, the model’s abandonment with the records’, both measured by the audit (the model’s runs written as a queue_log and read back by the audit’s reader): abandoned calls never answered ÷ calls offered to a queue. An hour whose difference exceeds `threshold` combined standard errors (each binomial × √designEffect, the design effect being the model’s variance between replications ÷ its binomial variance, summed over the hours, at least 1) moves one operator towards the records (an hour found within the threshold once is settled and never moves again), never above the agents seen nor below 1; a number ruled out from the other side is not gone back to (the nearer of the two neighbours is kept). Rounds repeat until nothing moves, at most `maxRounds` simulations; when that cap stops the search, an hour that would still move keeps the number of operators of smallest |z| simulated for it.';

/**
 * Refine the Erlang A roster of a calibration (`staffingSeen[].effective`) by simulating the
 * calibrated scenario itself, which has what Erlang A leaves out: talk times more variable than
 * exponential, redials fed by abandons, queues carried over from one hour to the next. Rounds
 * as `rosterRefinement.method` says; returns a copy of the calibration whose
 * `staffingSeen[].refined` hold the operators to write, with `rosterRefinement` recording every
 * hour and round. Hours Erlang A did not calibrate (fewer than 30 queued calls, no abandons) are
 * left as they are. Reference:
 * simulation-based staffing search, Atlason, Epelman & Henderson, "Call center staffing with
 * simulation and cutting plane methods", Annals of OR 127 (2004). Same calibration and seed ⇒
 * the same result, whatever `threads`. Cost: rounds × replications × days × calls a day.
 */
export async function refineRoster(
  p: CalibratedParameters,
  options: RefineRosterOptions = {},
): Promise<RefinedCalibration> {
  const days = options.days ?? rosterRefinementDays(p);
  const replications = options.replications ?? 4;
  const seed = options.seed ?? 1;
  const maxRounds = options.maxRounds ?? 8;
  const threshold = options.threshold ?? 2;
  for (const [name, value] of [
    ['days', days],
    ['replications', replications],
    ['maxRounds', maxRounds],
  ] as const)
    if (!(Number.isInteger(value) && value >= 1))
      throw new RangeError(`refineRoster: ${name} must be an integer ≥ 1, got ${value}`);
  if (!(threshold >= 0))
    throw new RangeError(`refineRoster: threshold must be ≥ 0, got ${threshold}`);
  const staffing = p.staffingSeen.map((s) => ({ ...s }));
  const compared = staffing.filter((s) => s.abandonErlangA !== null && s.abandonObserved !== null);
  const searches = new Map<(typeof staffing)[number], OperatorSearch>(
    compared.map((s) => [s, operatorSearch(s.effective, Math.max(1, Math.round(s.agents)))]),
  );
  const rounds: RosterRefinementRound[] = [];
  let first: SimulatedHour[] = [];
  let converged = false;
  // Each hour's measures at each number of operators, the last round that simulated it.
  const measured = new Map<StaffingCell, Map<number, HourMeasures>>(
    compared.map((s) => [s, new Map()]),
  );
  for (let round = 1; round <= maxRounds; round++) {
    for (const [s, search] of searches) s.refined = search.operators;
    const scenario = parseScenario(calibrationToScenario({ ...p, staffingSeen: staffing }));
    const simulated = await simulateHourlyAbandonment(scenario, {
      days,
      replications,
      seed,
      threads: options.threads ?? 1,
    });
    if (round === 1) first = simulated;
    const deff = designEffect(compared, simulated);
    let moved = 0;
    let beyondNoise = 0;
    for (const [s, search] of searches) {
      const before = search.operators;
      const hour = hourMeasures(s, simulated[s.weekday * 24 + s.hour]!, deff);
      measured.get(s)!.set(before, hour);
      if (hour.z === null) {
        search.path.push(before);
        continue;
      }
      if (Math.abs(hour.z) > threshold) beyondNoise++;
      if (stepOperatorSearch(search, hour.z, threshold) === before) continue;
      moved++;
      // The last round only measures: rather than a number nobody simulated, such an hour
      // keeps the one of smallest |z| simulated so far.
      if (round === maxRounds) search.operators = nearestTried(search);
    }
    converged = moved === 0;
    rounds.push({
      round,
      abandonSimulated: pooledSimulated(compared, simulated),
      designEffect: deff,
      beyondNoise,
      moved: round === maxRounds ? 0 : moved,
    });
    options.onRound?.(round, rounds.at(-1)!.moved);
    if (moved === 0 || round === maxRounds) break;
  }
  for (const [s, search] of searches) s.refined = search.operators;
  const hours = compared.map((s) => {
    const search = searches.get(s)!;
    return refinedHour(s, search, first, measured.get(s)!.get(search.operators));
  });
  const refinement: RosterRefinement = {
    method: METHOD,
    days,
    replications,
    seed,
    threshold,
    maxRounds,
    converged,
    hoursCompared: compared.length,
    hoursChanged: hours.filter((h) => h.refined !== h.erlangA).length,
    operatorHours: {
      erlangA: hours.reduce((sum, h) => sum + h.erlangA, 0),
      refined: hours.reduce((sum, h) => sum + h.refined, 0),
    },
    abandonObserved: pooledObserved(compared),
    abandonSimulatedErlangA: pooledSimulated(compared, first),
    abandonSimulated: rounds.at(-1)?.abandonSimulated ?? null,
    rounds,
    hours,
  };
  return {
    calibration: { ...p, staffingSeen: staffing, rosterRefinement: refinement },
    refinement,
  };
}

/** The number of operators of smallest |z| simulated for an hour. */
function nearestTried(search: OperatorSearch): number {
  let best = search.operators;
  for (const [n, z] of Object.entries(search.tried))
    if (z < (search.tried[best] ?? Number.POSITIVE_INFINITY)) best = Number(n);
  return best;
}

function refinedHour(
  s: StaffingCell,
  search: OperatorSearch,
  first: readonly SimulatedHour[],
  at: HourMeasures | undefined,
): RefinedHour {
  return {
    weekday: s.weekday,
    hour: s.hour,
    agentsSeen: search.seen,
    erlangA: s.effective,
    refined: search.operators,
    offered: s.offered,
    abandonObserved: s.abandonObserved!,
    observedStandardError: at?.observedStandardError ?? 0,
    abandonSimulatedErlangA: first[s.weekday * 24 + s.hour]?.share ?? null,
    abandonSimulated: at?.share ?? null,
    simulatedStandardError: at?.simulatedStandardError ?? null,
    z: at?.z ?? null,
    path: search.path,
  };
}
