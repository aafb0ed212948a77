import { CallFlag } from './call-records.js';
import {
  EventPriority,
  type ModelContext,
  type ModelParts,
  type QueuePort,
} from './model-parts.js';

/**
 * The waiting lines, part of the switchboard model: a call entering a queue is answered at once
 * by a free operator of a group serving it, or waits until answered or until its caller's
 * patience runs out (abandon). A queue is an intrusive doubly linked list over the call records
 * (`calls.next`/`calls.prev`), so an abandon is removed in O(1) and its timer cancelled; waiting
 * calls are ranked by queue entry less their reason's queue credit. Free operators take the head
 * of their own queue, then of the queues they help (or, with `order: oldest`, the best-ranked
 * head among them), then callback tasks.
 *
 * Writes: `calls.queue`, `enqueued`, `next`/`prev`, `abandonEvent`, `group`, `answeredAt`, the
 * `answered` flag; `needs.totalWait`. Draws no random number.
 */
export class Queues implements QueuePort {
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** servers[q] = groups that serve queue q (its own first). */
  private readonly servers: number[][];
  /** serves[g] = queues group g serves (its own first). */
  private readonly serves: number[][];
  /** 1 where group g takes the oldest waiting call of the queues it serves (`order: oldest`). */
  private readonly oldestFirst: Uint8Array;
  /** queueCredit[r]: seconds of queue credit of reason r's calls (priority callers). */
  private readonly queueCredit: Float64Array;
  private readonly abandonEvent: number;

  constructor(
    private readonly ctx: ModelContext,
    private readonly parts: Readonly<
      Pick<ModelParts, 'callers' | 'operators' | 'callbacks' | 'handling'>
    >,
  ) {
    const s = ctx.scenario;
    const nq = s.queues.length;
    this.head = new Int32Array(nq).fill(-1);
    this.tail = new Int32Array(nq).fill(-1);
    this.servers = s.queues.map((_, q) => [
      q,
      ...s.queues.flatMap((g, i) => (i !== q && g.helps.includes(q) ? [i] : [])),
    ]);
    this.serves = s.queues.map((g, q) => [q, ...g.helps.filter((h) => h !== q)]);
    this.oldestFirst = Uint8Array.from(s.queues, (g) => (g.order === 'oldest' ? 1 : 0));
    this.queueCredit = Float64Array.from(s.reasons, (r) => r.queueCreditSeconds);
    this.abandonEvent = ctx.sim.defineEvent(
      'abandon',
      this.abandon.bind(this),
      EventPriority.abandon,
    );
  }

  /**
   * Call `c` enters queue `q`. If no operator is free it waits, and its caller will abandon once
   * their patience (`calls.patience[c]`, drawn when the call arrived) has passed.
   */
  enqueue(c: number, q: number): void {
    const calls = this.ctx.calls,
      sim = this.ctx.sim;
    calls.queue[c] = q;
    calls.enqueued[c] = sim.now;
    for (const observer of this.ctx.observers) observer.queueEntered?.(c);
    const servers = this.servers[q]!;
    for (let i = 0; i < servers.length; i++) {
      const g = servers[i]!;
      if (this.parts.operators.hasFree(g)) {
        this.answer(c, g);
        return;
      }
    }
    for (const observer of this.ctx.observers) observer.waits?.(c);
    // Place the call by its rank (entry time less its queue credit): behind every call ranked
    // before it, so without credits this is the tail (first come, first served).
    const rank = this.rank(c);
    let before = this.tail[q]!;
    while (before >= 0 && this.rank(before) > rank) before = calls.prev[before]!;
    const after = before >= 0 ? calls.next[before]! : this.head[q]!;
    calls.prev[c] = before;
    calls.next[c] = after;
    if (before >= 0) calls.next[before] = c;
    else this.head[q] = c;
    if (after >= 0) calls.prev[after] = c;
    else this.tail[q] = c;
    const patience = calls.patience[c]!;
    calls.abandonEvent[c] = sim.schedule(this.abandonEvent, patience, c);
    this.parts.callbacks.offerLater(c, q, patience);
  }

  /** The order in which waiting call `c` is served: its queue entry less its reason's credit. */
  private rank(c: number): number {
    const calls = this.ctx.calls;
    return calls.enqueued[c]! - this.queueCredit[calls.reason[c]!]!;
  }

  unlink(c: number): void {
    const calls = this.ctx.calls;
    const q = calls.queue[c]!;
    const prev = calls.prev[c]!;
    const next = calls.next[c]!;
    if (prev >= 0) calls.next[prev] = next;
    else this.head[q] = next;
    if (next >= 0) calls.prev[next] = prev;
    else this.tail[q] = prev;
    if (calls.abandonEvent[c]! >= 0) this.ctx.sim.cancel(calls.abandonEvent[c]!);
    calls.abandonEvent[c] = -1;
    this.parts.callbacks.withdrawOffer(c);
  }

  /** The caller of waiting call `c` runs out of patience and hangs up. */
  private abandon(c: number): void {
    const calls = this.ctx.calls,
      needs = this.ctx.needs;
    calls.abandonEvent[c] = -1;
    this.unlink(c);
    const wait = this.ctx.sim.now - calls.enqueued[c]!;
    needs.totalWait[calls.need[c]!]! += wait;
    for (const observer of this.ctx.observers) observer.abandoned?.(c, wait);
    this.parts.callers.hangUp(c, false);
  }

  /** An operator of group `g` answers call `c`. */
  private answer(c: number, g: number): void {
    const calls = this.ctx.calls,
      needs = this.ctx.needs;
    const now = this.ctx.sim.now;
    this.parts.operators.take(g);
    calls.group[c] = g;
    calls.answeredAt[c] = now;
    const wait = now - calls.enqueued[c]!;
    const first = (calls.flags[c]! & CallFlag.answered) === 0;
    calls.flags[c]! |= CallFlag.answered;
    needs.totalWait[calls.need[c]!]! += wait;
    for (const observer of this.ctx.observers) observer.answered?.(c, wait, first);
    this.parts.handling.talk(c);
  }

  dispatch(q: number): void {
    const servers = this.servers[q]!;
    for (let i = 0; i < servers.length; i++) this.dispatchGroup(servers[i]!);
  }

  /**
   * Give free operators of group `g` waiting calls, then callbacks: the head of its own queue,
   * else of the queues it helps in order; or, with `order: oldest`, the head that entered its
   * queue first (first come, first served across the queues; ties to the earlier queue), its
   * reason's queue credit counted as time already waited.
   */
  dispatchGroup(g: number): void {
    const { operators, callbacks } = this.parts;
    const serves = this.serves[g]!;
    const oldest = this.oldestFirst[g] === 1;
    while (operators.hasFree(g)) {
      let c = -1;
      if (oldest) {
        for (let i = 0; i < serves.length; i++) {
          const head = this.head[serves[i]!]!;
          if (head >= 0 && (c < 0 || this.rank(head) < this.rank(c))) c = head;
        }
      } else for (let i = 0; i < serves.length && c < 0; i++) c = this.head[serves[i]!]!;
      if (c >= 0) {
        this.unlink(c);
        this.answer(c, g);
        continue;
      }
      const task = callbacks.nextTask(g);
      if (task < 0) return;
      callbacks.start(task, g);
    }
  }
}
