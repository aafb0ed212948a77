import { CallEnd, CallFlag } from './call-records.js';
import { SwitchboardState } from './switchboard-state.js';

/**
 * Queues and operators, second layer of the model: a call enters a queue and is answered at once
 * by a free operator of a group serving it, or waits (an intrusive doubly linked list, so an
 * abandon is removed in O(1) and its timer cancelled); abandons; callback offers (virtual hold)
 * and the callback tasks operators work when nobody waits; wrap-up; rosters changing.
 */
export abstract class SwitchboardQueues extends SwitchboardState {
  protected enqueue(c: number, q: number): void {
    const calls = this.calls;
    const now = this.sim.now;
    calls.queue[c] = q;
    calls.enqueued[c] = now;
    for (const observer of this.observers) observer.queueEntered?.(c);
    const servers = this.servers[q]!;
    for (let i = 0; i < servers.length; i++) {
      const g = servers[i]!;
      if (this.busy[g]! < this.onDuty[g]!) {
        this.answer(c, g);
        return;
      }
    }
    for (const observer of this.observers) observer.waits?.(c);
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
    calls.abandonEvent[c] = this.sim.schedule(this.evAbandon, patience, c);
    const callback = this.scenario.queues[q]!.callback;
    if (callback && callback.offerAfterSeconds < patience)
      calls.offerEvent[c] = this.sim.schedule(this.evOffer, callback.offerAfterSeconds, c);
  }

  /** The order in which waiting call `c` is served: its queue entry less its reason's credit. */
  protected rank(c: number): number {
    return this.calls.enqueued[c]! - this.queueCredit[this.calls.reason[c]!]!;
  }

  protected unlink(c: number): void {
    const calls = this.calls;
    const q = calls.queue[c]!;
    const prev = calls.prev[c]!;
    const next = calls.next[c]!;
    if (prev >= 0) calls.next[prev] = next;
    else this.head[q] = next;
    if (next >= 0) calls.prev[next] = prev;
    else this.tail[q] = prev;
    if (calls.abandonEvent[c]! >= 0) this.sim.cancel(calls.abandonEvent[c]!);
    if (calls.offerEvent[c]! >= 0) this.sim.cancel(calls.offerEvent[c]!);
    calls.abandonEvent[c] = -1;
    calls.offerEvent[c] = -1;
  }

  protected override abandon(c: number): void {
    const calls = this.calls;
    calls.abandonEvent[c] = -1;
    this.unlink(c);
    const wait = this.sim.now - calls.enqueued[c]!;
    this.needs.totalWait[calls.need[c]!]! += wait;
    for (const observer of this.observers) observer.abandoned?.(c, wait);
    this.linesInUse--;
    this.endCallFailed(c);
  }

  protected override callbackOffer(c: number): void {
    const calls = this.calls;
    calls.offerEvent[c] = -1;
    const q = calls.queue[c]!;
    const callback = this.scenario.queues[q]!.callback!;
    if (this.rCallback.next() >= callback.acceptance) return;
    this.unlink(c);
    const wait = this.sim.now - calls.enqueued[c]!;
    this.needs.totalWait[calls.need[c]!]! += wait;
    for (const observer of this.observers) observer.callbackAccepted?.(c, wait);
    this.linesInUse--;
    // The call becomes a callback task: a record that is no longer a call.
    calls.flags[c] = 0;
    calls.tries[c] = 0;
    this.callbackTasksAlive++;
    this.pushCallback(c, q);
  }

  protected pushCallback(c: number, q: number): void {
    const calls = this.calls;
    calls.next[c] = -1;
    if (this.cbTail[q]! >= 0) calls.next[this.cbTail[q]!] = c;
    else this.cbHead[q] = c;
    this.cbTail[q] = c;
    this.dispatch(q);
  }

  protected override callbackDue(c: number): void {
    this.pushCallback(c, this.calls.queue[c]!);
  }

  protected answer(c: number, g: number): void {
    const calls = this.calls;
    const now = this.sim.now;
    this.busy[g]!++;
    for (const observer of this.observers) observer.staffChanged?.(g);
    calls.group[c] = g;
    calls.answeredAt[c] = now;
    const wait = now - calls.enqueued[c]!;
    const first = (calls.flags[c]! & CallFlag.answered) === 0;
    calls.flags[c]! |= CallFlag.answered;
    this.needs.totalWait[calls.need[c]!]! += wait;
    for (const observer of this.observers) observer.answered?.(c, wait, first);
    this.sim.schedule(this.evTalkEnd, calls.handle[c]!, c);
  }

  /**
   * Operator of group `g` ends work on call `c`: draw the wrap-up, report, then wrap up; with
   * `extraSeconds`, after that much more work for the call first (a message taken).
   */
  protected releaseOperator(c: number, extraSeconds = 0): void {
    const g = this.calls.group[c]!;
    const now = this.sim.now;
    const wrap = this.scenario.queues[g]!.wrapUp.sample(this.rWrap[g]!) + extraSeconds;
    const busyTime = now - this.calls.answeredAt[c]! + wrap;
    for (const observer of this.observers) observer.operatorReleased?.(c, busyTime);
    if (wrap > 0) this.sim.schedule(this.evWrapEnd, wrap, g);
    else this.wrapEnd(g);
  }

  protected override wrapEnd(g: number): void {
    this.busy[g]!--;
    for (const observer of this.observers) observer.staffChanged?.(g);
    this.dispatchGroup(g);
  }

  /** Give waiting work of queue `q` to free operators of the groups serving it. */
  protected dispatch(q: number): void {
    const servers = this.servers[q]!;
    for (let i = 0; i < servers.length; i++) this.dispatchGroup(servers[i]!);
  }

  /**
   * Give free operators of group `g` waiting calls, then callbacks: the head of its own queue,
   * else of the queues it helps in order; or, with `order: oldest`, the head that entered its
   * queue first (first come, first served across the queues; ties to the earlier queue), its
   * reason's queue credit counted as time already waited.
   */
  protected dispatchGroup(g: number): void {
    const serves = this.serves[g]!;
    const oldest = this.oldestFirst[g] === 1;
    while (this.busy[g]! < this.onDuty[g]!) {
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
      const task = this.cbHead[g]!;
      if (task < 0) return;
      this.cbHead[g] = this.calls.next[task]!;
      if (this.cbHead[g]! < 0) this.cbTail[g] = -1;
      this.startCallback(task, g);
    }
  }

  protected override rosterChange(g: number): void {
    const now = this.sim.now;
    this.onDuty[g] = this.rosters[g]!.operatorsAt(now);
    for (const observer of this.observers) observer.staffChanged?.(g);
    const next = this.rosters[g]!.nextChange(now);
    if (next < this.horizon) this.sim.scheduleAt(this.evRoster, next, g);
    this.dispatchGroup(g);
  }

  protected startCallback(c: number, g: number): void {
    const calls = this.calls;
    const q = calls.queue[c]!;
    const callback = this.scenario.queues[q]!.callback!;
    this.busy[g]!++;
    for (const observer of this.observers) observer.staffChanged?.(g);
    calls.group[c] = g;
    calls.answeredAt[c] = this.sim.now;
    calls.tries[c]!++;
    for (const observer of this.observers) observer.callbackStarted?.(c);
    const answered = this.rCallback.next() < callback.answerProbability;
    calls.outcome[c] = answered ? CallEnd.completed : CallEnd.failed;
    this.sim.schedule(
      this.evCallbackEnd,
      answered ? calls.handle[c]! : callback.noAnswerSeconds,
      c,
    );
  }

  protected override callbackEnd(c: number): void {
    const calls = this.calls;
    const q = calls.queue[c]!;
    const callback = this.scenario.queues[q]!.callback!;
    this.releaseOperator(c);
    if (calls.outcome[c] === CallEnd.completed) {
      for (const observer of this.observers) observer.callbackEnded?.(c, true);
      this.resolveNeed(calls.need[c]!);
      this.callbackTasksAlive--;
      calls.release(c);
    } else if (calls.tries[c]! < callback.maxAttempts) {
      this.sim.schedule(this.evCallbackDue, callback.retryDelay.sample(this.rCallback), c);
    } else {
      for (const observer of this.observers) observer.callbackEnded?.(c, false);
      this.failNeed(calls.need[c]!, true);
      this.callbackTasksAlive--;
      calls.release(c);
    }
  }
}
