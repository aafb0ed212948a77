import type { RandomStream } from '../random/random-stream.js';
import type { IvrRoute, Scenario } from '../scenario/scenario-types.js';
import { CallFlag } from './call-records.js';
import {
  EventPriority,
  type ModelContext,
  type ModelParts,
  type RoutingPort,
} from './model-parts.js';
import { CallOutcome } from './switchboard-observer.js';

/**
 * The queue each reason's callers should reach: the reason's own queue, else the first queue
 * among the routes of the menu option its callers pick at the end of the menu tree (the last
 * such option listed), else the IVR's default queue (-1 when there is none).
 */
function rightQueues(s: Scenario): Int32Array {
  const leafRoutes: (IvrRoute[] | undefined)[] = s.reasons.map(() => undefined);
  for (const menu of s.ivr?.menus ?? [])
    for (const option of menu.options)
      if (option.submenu < 0) for (const r of option.reasons) leafRoutes[r] = option.routes;
  return Int32Array.from(s.reasons, (spec, r) => {
    if (spec.queue >= 0) return spec.queue;
    for (const route of leafRoutes[r] ?? [])
      if (route.target.kind === 'queue') return route.target.index;
    return s.ivr?.defaultQueue ?? -1;
  });
}

/**
 * The route of a call once it holds a line, part of the switchboard model: straight to its
 * queue (or the micro-flows' dedicated queue), or through the IVR's menu tree: the caller hears
 * each menu (and may hang up meanwhile), cannot use the menu (the default queue), picks the
 * option of their reason or a wrong one (misrouted: the operator will put them through), and
 * reaches a queue, a service (put through unchecked) or a recording (self-service).
 *
 * Writes: `calls.menu`, the `misrouted` flag, `calls.queue` of calls routed to a service.
 * Draws from: `ivr`.
 */
export class Ivr implements RoutingPort {
  private readonly stream: RandomStream;
  /** choice[menu * reasons + reason]: the option of that menu a caller of that reason picks, or -1. */
  private readonly choice: Int32Array;
  private readonly rightQueueOf: Int32Array;
  private readonly doneEvent: number;
  private readonly hangUpEvent: number;

  constructor(
    private readonly ctx: ModelContext,
    private readonly parts: Readonly<Pick<ModelParts, 'callers' | 'queues' | 'handling'>>,
  ) {
    const s = ctx.scenario;
    this.stream = ctx.streams.get('ivr');
    const nr = s.reasons.length;
    this.choice = new Int32Array((s.ivr?.menus.length ?? 0) * nr).fill(-1);
    s.ivr?.menus.forEach((menu, m) => {
      menu.options.forEach((option, i) => {
        for (const r of option.reasons) this.choice[m * nr + r] = i;
      });
    });
    this.rightQueueOf = rightQueues(s);
    this.doneEvent = ctx.sim.defineEvent('ivrDone', this.menuDone.bind(this), EventPriority.ivr);
    this.hangUpEvent = ctx.sim.defineEvent(
      'ivrHangUp',
      (c) => this.parts.callers.endCall(c, CallOutcome.ivrAbandoned, false),
      EventPriority.ivr,
    );
  }

  rightQueue(reason: number): number {
    return this.rightQueueOf[reason]!;
  }

  route(c: number): void {
    const s = this.ctx.scenario;
    const spec = s.reasons[this.ctx.calls.reason[c]!]!;
    const micro = s.microFlows;
    if (spec.micro && micro && micro.handling === 'dedicated')
      this.parts.queues.enqueue(c, micro.dedicatedQueue);
    else if (s.ivr === undefined) this.parts.queues.enqueue(c, spec.queue);
    else this.enterMenu(c, 0);
  }

  /** The caller hears menu `m` (its announcement and options), and may hang up meanwhile. */
  private enterMenu(c: number, m: number): void {
    const ivr = this.ctx.scenario.ivr!;
    const menu = ivr.menus[m]!;
    this.ctx.calls.menu[c] = m;
    const seconds = menu.messageSeconds + ivr.perOptionSeconds * menu.options.length;
    const pHangUp = 1 - (1 - ivr.hangUpPerMinute) ** (seconds / 60);
    const u = this.stream.next();
    if (u < pHangUp) this.ctx.sim.schedule(this.hangUpEvent, (seconds * u) / pHangUp, c);
    else this.ctx.sim.schedule(this.doneEvent, seconds, c);
  }

  /** The caller has heard menu `calls.menu[c]` and chooses. */
  private menuDone(c: number): void {
    const scenario = this.ctx.scenario,
      calls = this.ctx.calls,
      needs = this.ctx.needs;
    const { callers, queues } = this.parts;
    const ivr = scenario.ivr!;
    const reason = calls.reason[c]!;
    const rng = this.stream;
    const m = calls.menu[c]!;
    const menu = ivr.menus[m]!;
    let option = this.choice[m * scenario.reasons.length + reason]!;
    const group = scenario.callerGroups[needs.group[calls.need[c]!]!];
    const cannotUse = group?.cannotUseMenu ?? ivr.cannotUse;
    if ((m === 0 && rng.next() < cannotUse) || option < 0) {
      if (ivr.defaultQueue === this.rightQueue(reason)) calls.flags[c]! &= ~CallFlag.misrouted;
      queues.enqueue(c, ivr.defaultQueue);
      return;
    }
    const n = menu.options.length;
    if (n > 1 && rng.next() < ivr.wrongOption) {
      option = (option + 1 + Math.floor(rng.next() * (n - 1))) % n;
      if ((calls.flags[c]! & CallFlag.misrouted) === 0)
        for (const observer of this.ctx.observers) observer.misrouted?.(c);
      calls.flags[c]! |= CallFlag.misrouted;
    }
    const chosen = menu.options[option]!;
    if (chosen.submenu >= 0) {
      this.enterMenu(c, chosen.submenu);
      return;
    }
    const routes = chosen.routes;
    const u = rng.next();
    let i = 0;
    while (i + 1 < routes.length && u >= routes[i]!.probability) i++;
    const target = routes[i]!.target;
    if (target.kind === 'queue') {
      if (target.index === this.rightQueue(reason)) calls.flags[c]! &= ~CallFlag.misrouted;
      queues.enqueue(c, target.index);
    } else if (target.kind === 'service') {
      calls.queue[c] = ivr.defaultQueue;
      this.parts.handling.transferToService(c, target.index);
    } else if ((calls.flags[c]! & CallFlag.misrouted) !== 0)
      callers.endCall(c, CallOutcome.ivrAbandoned, false);
    else callers.endCall(c, CallOutcome.ivrResolved, true);
  }
}
