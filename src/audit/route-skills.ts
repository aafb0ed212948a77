/**
 * Which agents served a route, read from the records, for the calibrated scenario's operator
 * groups (skills).
 *
 * A pooled roster lets every operator take every route: a call then waits only when all
 * operators are busy, so in the same minutes every route waits equally often. When the records
 * show a route whose calls waited more often than the largest route's in the same 10-minute
 * slots, its callers could not be taken by every agent who was free. The agents who served it
 * are read by agent-day (an agent's answers on one local day, not over the whole records:
 * agents are put on a route some days and not others): an agent-day serves a route when the
 * route makes at least {@link SERVING_SHARE} of its answers. The talk time of those agent-days,
 * as a share of all talk time of each weekday × hour, is the share of that hour's operators
 * the route's group gets in the scenario; the others do not take the route.
 *
 * Every such route gets a group when its agent-days carry between {@link MIN_GROUP_SHARE} and
 * {@link MAX_GROUP_SHARE} of the talk time: a smaller team makes half an operator only in hours of
 * more than 10 operators, and a larger one is nearly everyone. A group of
 * {@link STAFFED_GROUP_SHARE} of the talk time or more gets at least one operator in every hour
 * of two operators or more; a smaller team gets its share of each hour's operators rounded, so
 * none in the hours where it makes less than half an operator (its calls then wait for the
 * other groups, which help every route).
 */
import { weekdayOfDay } from '../calendar/weekdays.js';
import type { CallSummary } from './records.js';

/** Share of an agent-day's answers a route must make for the agent-day to serve it. */
export const SERVING_SHARE = 0.05;
/** Slot of the same-time comparison of waits (seconds). */
export const SLOT_SECONDS = 600;
/** Fewest calls of the largest route in a slot for the slot to be compared. */
const MIN_SLOT_CALLS = 2;
/** A route's calls must wait more often than the largest route's by this many standard errors. */
export const MIN_WAIT_Z = 3;
/** Bounds of the group's share of the talk time for a group to be written. */
export const MIN_GROUP_SHARE = 0.05;
export const MAX_GROUP_SHARE = 0.9;
/** A group with this share of the talk time or more gets an operator in every staffed hour. */
export const STAFFED_GROUP_SHARE = 0.25;
/** Fewest answered calls in a weekday × hour for the hour's own share (else the overall one). */
const MIN_CELL_ANSWERS = 30;

/** What the records show of one route's servers. */
export interface RouteServers {
  route: string;
  /** Queue calls of the route in slots compared (the largest route has 2 or more calls there). */
  calls: number;
  /** Share of them that waited (wait > 0). */
  waited: number | null;
  /** The largest route's share that waited in the same slots, weighted by this route's calls. */
  waitedLargest: number | null;
  /** (waited − waitedLargest) in binomial standard errors of the route's calls. */
  z: number | null;
  /** Talk time of the agent-days serving the route ÷ all talk time. */
  servingShare: number | null;
  /** Share of the route's answers given by those agent-days. */
  answersCovered: number | null;
}

/** A route given its own operators. */
export interface RouteGroup {
  route: string;
  /** Its share of all talk time. */
  share: number;
  /** Its share of each weekday × hour's talk time (hours with enough answers). */
  byHour: { weekday: number; hour: number; share: number }[];
}

/** The routes' servers and the groups the scenario gets, largest route first (none: pooled). */
export interface RouteSkills {
  method: string;
  routes: RouteServers[];
  groups: RouteGroup[];
}

export const ROUTE_SKILLS_METHOD =
  'agent-day (an agent’s answers on one local day) serves a route when the route makes at least 5 % of its answers; a route gets its own operator group when its calls waited (wait > 0) more often than the largest route’s in the same 10-minute slots by 3 standard errors or more, and its agent-days carry 5–90 % of the talk time; the group’s share of each weekday × hour’s operators = its agent-days’ share of that hour’s talk time (the overall share below 30 answers in the hour), rounded to whole operators (at least one from two operators on for a group of 25 % of the talk time or more)';

interface AgentDay {
  weekday: number;
  answers: Map<string, number>;
  /** Talk seconds and answers by local hour of the queue entry. */
  talk: Float64Array;
  calls: Float64Array;
}

/**
 * Collects, call by call, the waits per route and 10-minute slot, and each agent-day's answers
 * and talk time. Memory: O(days × slots × routes + agents × days × (routes + 24)).
 */
export class RouteSkillsTracker {
  /** `day|slot` → route → [calls, waited]. */
  private readonly slots = new Map<string, Map<string, [number, number]>>();
  private readonly agentDays = new Map<string, AgentDay>();

  /** Count one queue call; `local` is its local-naive queue entry (epoch seconds). */
  add(call: CallSummary, local: number): void {
    if (call.openAtEnd || call.path.length === 0) return;
    const day = Math.floor(local / 86_400);
    const key = `${day}|${Math.floor((local - day * 86_400) / SLOT_SECONDS)}`;
    let slot = this.slots.get(key);
    if (!slot) {
      slot = new Map();
      this.slots.set(key, slot);
    }
    const counts = slot.get(call.queue) ?? [0, 0];
    counts[0]++;
    if (!call.neverQueued && call.waitSeconds > 0) counts[1]++;
    slot.set(call.queue, counts);
    if (call.outcome !== 'answered' || call.agent === '') return;
    const agentKey = `${call.agent}\u0000${day}`;
    let agentDay = this.agentDays.get(agentKey);
    if (!agentDay) {
      agentDay = {
        weekday: weekdayOfDay(day),
        answers: new Map(),
        talk: new Float64Array(24),
        calls: new Float64Array(24),
      };
      this.agentDays.set(agentKey, agentDay);
    }
    agentDay.answers.set(call.queue, (agentDay.answers.get(call.queue) ?? 0) + 1);
    const hour = Math.floor((local - day * 86_400) / 3600);
    agentDay.talk[hour]! += call.talkSeconds;
    agentDay.calls[hour]!++;
  }

  /** The routes' servers; `routes` largest first. Cost: O(slots × routes + agent-days × routes). */
  estimate(routes: string[]): RouteSkills {
    const largest = routes[0];
    const serves = (a: AgentDay, route: string) => {
      let n = 0;
      for (const k of a.answers.values()) n += k;
      return n > 0 && (a.answers.get(route) ?? 0) / n >= SERVING_SHARE;
    };
    const sum = (talk: Float64Array) => talk.reduce((s, x) => s + x, 0);
    let allTalk = 0;
    for (const a of this.agentDays.values()) allTalk += sum(a.talk);
    const servers: RouteServers[] = routes.slice(1).map((route) => {
      let calls = 0;
      let waited = 0;
      let expected = 0;
      let variance = 0;
      for (const slot of this.slots.values()) {
        const mine = slot.get(route);
        const theirs = largest === undefined ? undefined : slot.get(largest);
        if (!mine || !theirs || theirs[0] < MIN_SLOT_CALLS) continue;
        const p = theirs[1] / theirs[0];
        calls += mine[0];
        waited += mine[1];
        expected += mine[0] * p;
        variance += mine[0] * p * (1 - p);
      }
      let servingTalk = 0;
      let covered = 0;
      let answers = 0;
      for (const a of this.agentDays.values()) {
        const k = a.answers.get(route) ?? 0;
        answers += k;
        if (serves(a, route)) {
          servingTalk += sum(a.talk);
          covered += k;
        }
      }
      return {
        route,
        calls,
        waited: calls > 0 ? waited / calls : null,
        waitedLargest: calls > 0 ? expected / calls : null,
        z: variance > 0 ? (waited - expected) / Math.sqrt(variance) : null,
        servingShare: allTalk > 0 ? servingTalk / allTalk : null,
        answersCovered: answers > 0 ? covered / answers : null,
      };
    });
    const chosen = servers.filter(
      (s) =>
        s.z !== null &&
        s.z >= MIN_WAIT_Z &&
        s.servingShare !== null &&
        s.servingShare >= MIN_GROUP_SHARE &&
        s.servingShare <= MAX_GROUP_SHARE,
    );
    const groups = chosen.map((c): RouteGroup => {
      const all = new Float64Array(7 * 24);
      const mine = new Float64Array(7 * 24);
      const answered = new Float64Array(7 * 24);
      for (const a of this.agentDays.values()) {
        const serving = serves(a, c.route);
        for (let h = 0; h < 24; h++) {
          const cell = a.weekday * 24 + h;
          all[cell]! += a.talk[h]!;
          if (serving) mine[cell]! += a.talk[h]!;
          answered[cell]! += a.calls[h]!;
        }
      }
      const byHour: RouteGroup['byHour'] = [];
      for (let cell = 0; cell < 7 * 24; cell++)
        if (all[cell]! > 0 && answered[cell]! >= MIN_CELL_ANSWERS)
          byHour.push({
            weekday: Math.floor(cell / 24),
            hour: cell % 24,
            share: mine[cell]! / all[cell]!,
          });
      return { route: c.route, share: c.servingShare!, byHour };
    });
    return { method: ROUTE_SKILLS_METHOD, routes: servers, groups };
  }
}

/**
 * Operators of a route's group out of an hour's `operators`: its share of them rounded. A group
 * of {@link STAFFED_GROUP_SHARE} of the talk time or more (`staffed`) gets at least 1; from two
 * operators on, every group gets at most `operators − 1` (the rest staffed too); a lone operator
 * is the (first) group's, which takes every route.
 */
export function groupOperators(operators: number, share: number, staffed = true): number {
  if (operators <= 1) return operators;
  const k = Math.round(operators * share);
  return Math.min(operators - 1, staffed ? Math.max(1, k) : k);
}
