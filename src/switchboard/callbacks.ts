import type { RandomStream } from '../random/random-stream.js';
import { CallEnd } from './call-records.js';
import {
  type CallbackPort,
  EventPriority,
  type ModelContext,
  type ModelParts,
} from './model-parts.js';

/**
 * Callbacks (virtual hold), part of the switchboard model: a caller still waiting
 * `offerAfter` into the queue is offered a callback and may accept it, giving up their place
 * and line; the call becomes a callback task (a record that is no longer a call), listed per
 * queue, which the queue's operators work when no call waits: the patient answers, or the
 * operator retries after a delay, up to the queue's attempts.
 *
 * Writes: `calls.offerEvent`, and `tries`, `outcome`, `group`, `answeredAt` of tasks.
 * Draws from: `callback`.
 */
export class Callbacks implements CallbackPort {
  private readonly stream: RandomStream;
  /** Callback tasks listed per queue (through `calls.next`), oldest first. */
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly offerEvent: number;
  private readonly endEvent: number;
  private readonly dueEvent: number;
  /** Callback tasks waiting or in progress. */
  tasksAlive = 0;

  constructor(
    private readonly ctx: ModelContext,
    private readonly parts: Readonly<Pick<ModelParts, 'callers' | 'queues' | 'operators'>>,
  ) {
    const nq = ctx.scenario.queues.length;
    this.stream = ctx.streams.get('callback');
    this.head = new Int32Array(nq).fill(-1);
    this.tail = new Int32Array(nq).fill(-1);
    const sim = ctx.sim;
    this.offerEvent = sim.defineEvent(
      'callbackOffer',
      this.offer.bind(this),
      EventPriority.callbackOffer,
    );
    this.endEvent = sim.defineEvent('callbackEnd', this.end.bind(this), EventPriority.callbackEnd);
    this.dueEvent = sim.defineEvent(
      'callbackDue',
      (c) => this.push(c, ctx.calls.queue[c]!),
      EventPriority.callbackDue,
    );
  }

  offerLater(c: number, q: number, patienceSeconds: number): void {
    const callback = this.ctx.scenario.queues[q]!.callback;
    if (callback && callback.offerAfterSeconds < patienceSeconds)
      this.ctx.calls.offerEvent[c] = this.ctx.sim.schedule(
        this.offerEvent,
        callback.offerAfterSeconds,
        c,
      );
  }

  withdrawOffer(c: number): void {
    const calls = this.ctx.calls;
    if (calls.offerEvent[c]! >= 0) this.ctx.sim.cancel(calls.offerEvent[c]!);
    calls.offerEvent[c] = -1;
  }

  /** Waiting call `c` is offered a callback. */
  private offer(c: number): void {
    const calls = this.ctx.calls,
      needs = this.ctx.needs;
    calls.offerEvent[c] = -1;
    const q = calls.queue[c]!;
    const callback = this.ctx.scenario.queues[q]!.callback!;
    if (this.stream.next() >= callback.acceptance) return;
    this.parts.queues.unlink(c);
    const wait = this.ctx.sim.now - calls.enqueued[c]!;
    needs.totalWait[calls.need[c]!]! += wait;
    for (const observer of this.ctx.observers) observer.callbackAccepted?.(c, wait);
    this.parts.callers.freeLine();
    // The call becomes a callback task: a record that is no longer a call.
    calls.flags[c] = 0;
    calls.tries[c] = 0;
    this.tasksAlive++;
    this.push(c, q);
  }

  /** List task `c` for queue `q`'s operators. */
  private push(c: number, q: number): void {
    const calls = this.ctx.calls;
    calls.next[c] = -1;
    if (this.tail[q]! >= 0) calls.next[this.tail[q]!] = c;
    else this.head[q] = c;
    this.tail[q] = c;
    this.parts.queues.dispatch(q);
  }

  nextTask(g: number): number {
    const task = this.head[g]!;
    if (task < 0) return -1;
    this.head[g] = this.ctx.calls.next[task]!;
    if (this.head[g]! < 0) this.tail[g] = -1;
    return task;
  }

  start(c: number, g: number): void {
    const calls = this.ctx.calls;
    const callback = this.ctx.scenario.queues[calls.queue[c]!]!.callback!;
    this.parts.operators.take(g);
    calls.group[c] = g;
    calls.answeredAt[c] = this.ctx.sim.now;
    calls.tries[c]!++;
    for (const observer of this.ctx.observers) observer.callbackStarted?.(c);
    const answered = this.stream.next() < callback.answerProbability;
    calls.outcome[c] = answered ? CallEnd.completed : CallEnd.failed;
    this.ctx.sim.schedule(this.endEvent, answered ? calls.handle[c]! : callback.noAnswerSeconds, c);
  }

  /** The operator's callback of task `c` ends: answered (done), or retried later, or given up. */
  private end(c: number): void {
    const calls = this.ctx.calls;
    const callback = this.ctx.scenario.queues[calls.queue[c]!]!.callback!;
    this.parts.operators.release(c);
    if (calls.outcome[c] === CallEnd.completed) {
      for (const observer of this.ctx.observers) observer.callbackEnded?.(c, true);
      this.parts.callers.resolveNeed(calls.need[c]!);
      this.tasksAlive--;
      calls.release(c);
    } else if (calls.tries[c]! < callback.maxAttempts) {
      this.ctx.sim.schedule(this.dueEvent, callback.retryDelay.sample(this.stream), c);
    } else {
      for (const observer of this.ctx.observers) observer.callbackEnded?.(c, false);
      this.parts.callers.failNeed(calls.need[c]!, true);
      this.tasksAlive--;
      calls.release(c);
    }
  }
}
