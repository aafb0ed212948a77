/**
 * Priorities between routes, read from the order in which the records served waiting calls.
 *
 * When an agent answers a call while another call it could have taken is still waiting, the
 * records show which of the two went first. Under first come, first served with a queue credit
 * per route (the model's `queueCredit`: a call ranks by its queue entry less its credit), the
 * answered call X went before the waiting call Y exactly when
 * `entry(X) − credit(X) ≤ entry(Y) − credit(Y)`. So for each pair of routes A, B the pairs
 * "A answered while B waited" and "B answered while A waited" bound the credit difference
 * `credit(A) − credit(B)` from both sides; the difference that agrees with the most pairs is
 * the estimate (maximum concordance, ties to the smallest magnitude). The routes' offsets are
 * then the weighted least-squares fit of those pairwise differences (weights: pairs), the
 * largest route at 0. Credits the records document (priority classes) are taken as known and
 * the offsets come on top of them.
 *
 * A pair counts only when the agent who answered serves both routes: at least
 * {@link SKILL_SHARE} of that agent's answers were of each. An agent who (almost) never answers
 * a route (a team of its own, a specialist) passing over its calls says nothing of priority,
 * and the filter is the same both ways so that it cannot tilt the estimate.
 */

/** Share of an agent's answers a route must reach to count as one the agent serves. */
export const SKILL_SHARE = 0.02;
/** Longest wait looked back over for the calls waiting when a call is answered (seconds). */
export const ORDER_WINDOW_SECONDS = 7200;
/** Fewest pairs of two routes for their credit difference to be estimated. */
export const MIN_ORDER_PAIRS = 100;
/**
 * Fewest pairs each way (A answered first, B answered first): one way alone only bounds the
 * difference from one side.
 */
export const MIN_ORDER_PAIRS_EACH_WAY = 20;
/** At most this many pairs are collected in all (the estimate needs far fewer). */
const MAX_PAIRS = 4_000_000;

/** The service-order estimate between two routes. */
export interface RoutePairOrder {
  /** The two routes (a before b in the routes' order). */
  a: string;
  b: string;
  /** Pairs where a call of `a` was answered while a call of `b` waited, and the reverse. */
  aAnswered: number;
  bAnswered: number;
  /** credit(a) − credit(b) agreeing with the most pairs (seconds). */
  creditDifferenceSeconds: number;
  /** Share of the pairs it agrees with. */
  concordance: number;
}

/** What the service order of the records shows. */
export interface ServiceOrderEstimate {
  /** Credit of each route relative to the largest (seconds; negative: served later). */
  offsets: Map<string, number>;
  pairs: RoutePairOrder[];
}

/**
 * Collects the queued calls (entry, wait, route, the agent who answered) and estimates the
 * routes' credit offsets. Memory: about 28 bytes per call that waited, plus the agents' answer
 * counts per route.
 */
export class ServiceOrder {
  private entry = new Float64Array(1024);
  private wait = new Float64Array(1024);
  private credit = new Float64Array(1024);
  private route = new Int32Array(1024);
  private agent = new Int32Array(1024);
  private n = 0;
  private readonly routeIndex = new Map<string, number>();
  private readonly agentIndex = new Map<string, number>();
  /** Agent → answers per route index. */
  private readonly answers: number[][] = [];

  private indexOf(map: Map<string, number>, key: string): number {
    let i = map.get(key);
    if (i === undefined) {
      i = map.size;
      map.set(key, i);
    }
    return i;
  }

  /**
   * One call: `waitSeconds` in the queue from `entrySeconds` (epoch), of `route`, answered by
   * `agent` ('' when not answered), with the documented queue credit of its priority class.
   */
  add(
    entrySeconds: number,
    waitSeconds: number,
    route: string,
    agent: string,
    creditSeconds: number,
  ): void {
    const r = this.indexOf(this.routeIndex, route);
    let a = -1;
    if (agent !== '') {
      a = this.indexOf(this.agentIndex, agent);
      const counts = (this.answers[a] ??= []);
      counts[r] = (counts[r] ?? 0) + 1;
    }
    if (!(waitSeconds > 0) || !Number.isFinite(entrySeconds)) return;
    if (this.n === this.entry.length) this.grow();
    const i = this.n++;
    this.entry[i] = entrySeconds;
    this.wait[i] = waitSeconds;
    this.credit[i] = creditSeconds;
    this.route[i] = r;
    this.agent[i] = a;
  }

  private grow(): void {
    const size = this.entry.length * 2;
    const widen = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.entry = widen(this.entry, (k) => new Float64Array(k));
    this.wait = widen(this.wait, (k) => new Float64Array(k));
    this.credit = widen(this.credit, (k) => new Float64Array(k));
    this.route = widen(this.route, (k) => new Int32Array(k));
    this.agent = widen(this.agent, (k) => new Int32Array(k));
  }

  /**
   * The routes' credit offsets, largest route (`routes[0]`) at 0; `routes` orders the output
   * (routes not listed are left out). Cost: O(calls log calls + calls × calls waiting at once), at most
   * {@link MAX_PAIRS} pairs.
   */
  estimate(routes: string[]): ServiceOrderEstimate {
    const nr = this.routeIndex.size;
    const skills = this.answers.map((counts) => {
      let all = 0;
      for (const k of counts) all += k ?? 0;
      return Array.from({ length: nr }, (_, r) => (counts[r] ?? 0) >= SKILL_SHARE * all);
    });
    // Sweep the queue entries and exits in time order, keeping the calls waiting: when a call
    // is answered, the calls then waiting are its pairs. Exits before entries at the same time
    // (a call entering as another is answered was not waiting for it).
    const n = this.n;
    const events = Array.from({ length: 2 * n }, (_, k) => k);
    const timeOf = (k: number) => (k < n ? this.entry[k]! + this.wait[k]! : this.entry[k - n]!);
    events.sort((p, q) => timeOf(p) - timeOf(q) || (p < n ? 0 : 1) - (q < n ? 0 : 1) || p - q);
    const waiting = new Int32Array(n);
    const slot = new Int32Array(n);
    let count = 0;
    // differences[A * nr + B]: rank(X) − rank(Y) for X of A answered while Y of B waited.
    const differences: number[][] = Array.from({ length: nr * nr }, () => []);
    let collected = 0;
    for (const k of events) {
      if (k >= n) {
        slot[k - n] = count;
        waiting[count++] = k - n;
        continue;
      }
      const x = k;
      const served = this.entry[x]! + this.wait[x]!;
      const a = this.agent[x]!;
      const skill = a >= 0 ? skills[a]! : undefined;
      if (skill?.[this.route[x]!] && collected < MAX_PAIRS) {
        const rankX = this.entry[x]! - this.credit[x]!;
        for (let w = 0; w < count; w++) {
          const y = waiting[w]!;
          // Pairs within a route say nothing of the routes' credits.
          if (this.route[y] === this.route[x] || this.entry[y]! + this.wait[y]! <= served) continue;
          if (this.entry[y]! < served - ORDER_WINDOW_SECONDS || !skill[this.route[y]!]) continue;
          differences[this.route[x]! * nr + this.route[y]!]!.push(
            rankX - (this.entry[y]! - this.credit[y]!),
          );
          collected++;
        }
      }
      // x leaves the queue: the last waiting call takes its slot.
      const last = waiting[--count]!;
      waiting[slot[x]!] = last;
      slot[last] = slot[x]!;
    }
    const pairs: RoutePairOrder[] = [];
    const indexes = routes.map((name) => this.routeIndex.get(name) ?? -1);
    for (let i = 0; i < routes.length; i++)
      for (let j = i + 1; j < routes.length; j++) {
        const ri = indexes[i]!;
        const rj = indexes[j]!;
        if (ri < 0 || rj < 0) continue;
        const ab = differences[ri * nr + rj]!;
        const ba = differences[rj * nr + ri]!;
        if (
          ab.length + ba.length < MIN_ORDER_PAIRS ||
          Math.min(ab.length, ba.length) < MIN_ORDER_PAIRS_EACH_WAY
        )
          continue;
        const { difference, concordance } = bestDifference(ab, ba);
        pairs.push({
          a: routes[i]!,
          b: routes[j]!,
          aAnswered: ab.length,
          bAnswered: ba.length,
          creditDifferenceSeconds: difference,
          concordance,
        });
      }
    return { offsets: fitOffsets(routes, pairs), pairs };
  }
}

/** First index with `sorted[i] >= value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The credit difference d = credit(A) − credit(B) that agrees with the most pairs: a call of A
 * answered before a waiting call of B agrees when its rank difference Δ ≤ d, a call of B
 * answered before one of A when Δ ≤ −d. Ties go to the smallest |d|. Cost: O(n log n).
 */
export function bestDifference(
  aAnswered: number[],
  bAnswered: number[],
): { difference: number; concordance: number } {
  const a = Float64Array.from(aAnswered).sort();
  // Agreement of a B-answered pair: Δ ≤ −d, i.e. d ≤ −Δ.
  const b = Float64Array.from(bAnswered, (x) => -x).sort();
  const candidates = [...new Set([0, ...a, ...b])].sort((x, y) => x - y);
  let best = 0;
  let bestAgree = -1;
  for (const d of candidates) {
    const agree = upperBound(a, d) + (b.length - lowerBound(b, d));
    if (agree > bestAgree || (agree === bestAgree && Math.abs(d) < Math.abs(best))) {
      best = d;
      bestAgree = agree;
    }
  }
  const total = a.length + b.length;
  return { difference: best, concordance: total > 0 ? bestAgree / total : 0 };
}

/** First index with `sorted[i] > value`. */
function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Offsets δ minimising Σ pairs × (δ_a − δ_b − d_ab)², with δ of `routes[0]` fixed at 0 (Gauss–
 * Seidel); a route linked to `routes[0]` by no chain of estimated pairs keeps 0. Whole seconds.
 */
function fitOffsets(routes: string[], pairs: RoutePairOrder[]): Map<string, number> {
  const offsets = new Map(routes.map((r) => [r, 0]));
  const linked = new Set(routes.slice(0, 1));
  for (let grew = true; grew;) {
    grew = false;
    for (const p of pairs)
      if (linked.has(p.a) !== linked.has(p.b)) {
        linked.add(linked.has(p.a) ? p.b : p.a);
        grew = true;
      }
  }
  for (let sweep = 0; sweep < 500; sweep++)
    for (const route of routes.slice(1)) {
      if (!linked.has(route)) continue;
      let weight = 0;
      let sum = 0;
      for (const p of pairs) {
        const n = p.aAnswered + p.bAnswered;
        if (p.a === route) {
          sum += n * (offsets.get(p.b)! + p.creditDifferenceSeconds);
          weight += n;
        } else if (p.b === route) {
          sum += n * (offsets.get(p.a)! - p.creditDifferenceSeconds);
          weight += n;
        }
      }
      if (weight > 0) offsets.set(route, sum / weight);
    }
  for (const [route, value] of offsets) offsets.set(route, Math.round(value) || 0);
  return offsets;
}
