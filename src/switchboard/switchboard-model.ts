import { Simulator } from '../engine/simulator.js';
import { RandomStreams } from '../random/random-stream.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { Arrivals } from './arrivals.js';
import { CallHandling } from './call-handling.js';
import { CallRecords, NeedRecords } from './call-records.js';
import { Callbacks } from './callbacks.js';
import { Callers } from './callers.js';
import { Counters } from './counters.js';
import { Ivr } from './ivr.js';
import type { ModelContext, ModelParts } from './model-parts.js';
import { OperatorGroups } from './operator-groups.js';
import { OutboundCalls } from './outbound-calls.js';
import { Queues } from './queues.js';
import type { SwitchboardObserver, SwitchboardView } from './switchboard-observer.js';
import type { Tallies } from './tallies.js';

/** Options of {@link SwitchboardModel}. */
export interface SwitchboardModelOptions {
  /** Days simulated from the scenario's start date. */
  days: number;
  /** Seed of this replication's random streams. */
  seed: number | string;
}

/**
 * The switchboard compiled from a scenario onto the engine: callers arrive by reason, pass the
 * IVR, wait in queues for operators on a roster, are handled, transferred warm or wild (and may
 * bounce back), abandon and redial, accept callbacks; clerks call patients and voicemail
 * messages create calls back. Calls and needs are records in typed arrays (see
 * {@link CallRecords}); every random draw comes from a stream named after its purpose, so two
 * scenarios run with the same seed share their random numbers.
 *
 * The model is assembled from parts, each owning its state and events and reaching the others
 * only through the ports of `model-parts.ts`: {@link Callers} (needs, calls, lines, redials),
 * {@link Arrivals}, {@link OutboundCalls}, {@link Ivr} (routing), {@link Queues},
 * {@link OperatorGroups}, {@link Callbacks} and {@link CallHandling} (talk, transfers). It counts
 * nothing itself: the parts report each moment to the observers ({@link SwitchboardObserver}),
 * {@link counters} first; {@link observe} adds others (the queue_log writer).
 *
 * Cost: O(log E) per event (E the pending events), a few events per call.
 */
export class SwitchboardModel implements SwitchboardView {
  readonly sim = new Simulator({ initialCapacity: 4096 });
  readonly calls = new CallRecords();
  readonly needs = new NeedRecords();
  /** The counting observer: every measure of the replication. */
  readonly counters: Counters;
  /** Operators on duty per group. */
  readonly onDuty: Int32Array;
  /** Operators busy per group. */
  readonly busy: Int32Array;
  private readonly observers: SwitchboardObserver[] = [];
  private readonly horizonSeconds: number;
  private readonly operators: OperatorGroups;
  private readonly callbacks: Callbacks;
  private readonly arrivals: Arrivals;
  private readonly outbound: OutboundCalls;

  constructor(
    readonly scenario: Scenario,
    options: SwitchboardModelOptions,
  ) {
    if (!(options.days > 0))
      throw new RangeError(`SwitchboardModel: days must be > 0, got ${options.days}`);
    this.horizonSeconds = options.days * 86400;
    const ctx: ModelContext = {
      scenario,
      sim: this.sim,
      calls: this.calls,
      needs: this.needs,
      horizonSeconds: this.horizonSeconds,
      streams: new RandomStreams(options.seed),
      observers: this.observers,
    };
    // Each part gets the ports it uses; they call one another only once the run has started.
    // Every port is a property from the start, filled in below: an object given its properties
    // one by one took another hidden class in each replication, and V8 threw the parts'
    // optimised code away ("wrong map") at the start of replications 2 to 4.
    const unset = undefined as never;
    const parts: ModelParts = {
      callers: unset,
      routing: unset,
      queues: unset,
      operators: unset,
      callbacks: unset,
      handling: unset,
    };
    parts.callers = new Callers(ctx, parts, options.days);
    parts.routing = new Ivr(ctx, parts);
    parts.queues = new Queues(ctx, parts);
    parts.operators = this.operators = new OperatorGroups(ctx, parts);
    parts.callbacks = this.callbacks = new Callbacks(ctx, parts);
    parts.handling = new CallHandling(ctx, parts);
    this.arrivals = new Arrivals(ctx, parts.callers);
    this.outbound = new OutboundCalls(ctx, parts.callers);
    this.onDuty = this.operators.onDuty;
    this.busy = this.operators.busy;
    this.counters = new Counters(this, this.horizonSeconds);
    this.observers.push(this.counters);
  }

  /** Add an observer, called after those already added. */
  observe(observer: SwitchboardObserver): void {
    this.observers.push(observer);
  }

  /** Run the horizon and return what the {@link counters} counted. */
  run(): Tallies {
    this.operators.start();
    this.arrivals.start();
    this.outbound.start();
    this.sim.run(this.horizonSeconds);
    const end = {
      callsInSystem: this.calls.count - this.callbacks.tasksAlive,
      needsOpen: this.needs.count - this.outbound.needsAlive,
    };
    for (const observer of this.observers) observer.finished?.(end);
    return this.counters.tallies;
  }
}
