import { AtomicFile } from '../io/write-file-atomic.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { replicationSeed } from '../random/random-stream.js';
import { SwitchboardModel } from './switchboard-model.js';
import type { SwitchboardObserver, SwitchboardView } from './switchboard-observer.js';
import { wallClockEpoch } from '../calendar/wall-clock-epoch.js';

/**
 * A name as a queue_log field: the log has no quoting, so a `|` (its separator) becomes `¦`
 * and a line break or other control character a space; every line keeps its fields.
 */
export function queueLogField(name: string): string {
  return name.replace(/\|/g, '¦').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** Unix time (seconds) of local midnight of the scenario's start date in its time zone. */
export function startEpochSeconds(scenario: Scenario): number {
  return wallClockEpoch(scenario)(0);
}

/**
 * The observer that writes a model's calls as queue_log lines, with the identities a real
 * queue_log carries and the plain model does not: a caller number per need (ENTERQUEUE data2,
 * the same on every redial of that need, so the audit can link attempts) and an operator per
 * answered call (`Agent/<group>-<k>`: the operator idle longest among the first `onDuty` of the
 * group, as Asterisk's `leastrecent` strategy, so the audit sees as many distinct agents as the
 * roster holds). Lines go to `write`.
 */
class QueueLogWriter implements SwitchboardObserver {
  private callerOf = new Float64Array(1024);
  private nextCaller = 0;
  private agentOf = new Int32Array(1024);
  private readonly idle: number[][];
  private readonly agentsMade: number[];
  private readonly epochOf: (simulatedSeconds: number) => number;

  constructor(
    private readonly model: SwitchboardView,
    private readonly epoch: number,
    private readonly write: (line: string) => void,
  ) {
    this.idle = model.scenario.queues.map(() => []);
    this.agentsMade = model.scenario.queues.map(() => 0);
    this.epochOf = wallClockEpoch(model.scenario);
  }

  needOpened(n: number): void {
    if (n >= this.callerOf.length) {
      const grown = new Float64Array(2 * (n + 1));
      grown.set(this.callerOf);
      this.callerOf = grown;
    }
    this.callerOf[n] = ++this.nextCaller;
  }

  /** The operator of group `g` who takes the next call. */
  private takeAgent(g: number): number {
    const idle = this.idle[g]!;
    const limit = Math.max(this.model.onDuty[g]!, 1);
    const i = idle.findIndex((k) => k <= limit);
    if (i >= 0) return idle.splice(i, 1)[0]!;
    return ++this.agentsMade[g]!;
  }

  queueEntered(c: number): void {
    const caller = this.callerOf[this.model.calls.need[c]!]!;
    this.line(c, 'ENTERQUEUE', 'NONE', '', `06${String(caller).padStart(8, '0')}`, 1);
  }

  answered(c: number, waitSeconds: number): void {
    const calls = this.model.calls;
    if (c >= this.agentOf.length) {
      const grown = new Int32Array(2 * (c + 1));
      grown.set(this.agentOf);
      this.agentOf = grown;
    }
    this.agentOf[c] = this.takeAgent(calls.group[c]!);
    this.line(c, 'CONNECT', this.agent(c), Math.round(waitSeconds), calls.serial[c]!, 0);
  }

  abandoned(c: number, waitSeconds: number): void {
    this.line(c, 'ABANDON', 'NONE', 1, 1, Math.round(waitSeconds));
  }

  callbackAccepted(c: number, waitSeconds: number): void {
    this.line(c, 'EXITWITHTIMEOUT', 'NONE', 1, 1, Math.round(waitSeconds));
  }

  operatorReleased(c: number): void {
    this.idle[this.model.calls.group[c]!]!.push(this.agentOf[c]!);
  }

  agentCompleted(c: number): void {
    const calls = this.model.calls;
    this.line(
      c,
      'COMPLETEAGENT',
      this.agent(c),
      Math.round(calls.answeredAt[c]! - calls.enqueued[c]!),
      Math.round(this.model.sim.now - calls.answeredAt[c]!),
      1,
    );
  }

  transferStarted(c: number, service: number, warm: boolean): void {
    const calls = this.model.calls;
    this.line(
      c,
      warm ? 'ATTENDEDTRANSFER' : 'BLINDTRANSFER',
      this.agent(c),
      this.model.scenario.services[service]!.name,
      'services',
      Math.round(calls.answeredAt[c]! - calls.enqueued[c]!),
    );
  }

  private agent(c: number): string {
    return `Agent/${this.model.scenario.queues[this.model.calls.group[c]!]!.name}-${this.agentOf[c]}`;
  }

  private line(
    c: number,
    event: string,
    agent: string,
    d1: string | number,
    d2: string | number,
    d3: string | number,
  ): void {
    const calls = this.model.calls;
    const queue = this.model.scenario.queues[calls.queue[c]!]?.name ?? 'NONE';
    const time = this.epochOf(this.model.sim.now);
    this.write(
      `${time}|${this.epoch}.${calls.serial[c]}|${queueLogField(queue)}|${queueLogField(agent)}|${event}|${queueLogField(String(d1))}|${queueLogField(String(d2))}|${queueLogField(String(d3))}\n`,
    );
  }
}

/**
 * Have `model` write its calls as queue_log lines (each ending in a line feed) to `write` as it
 * runs: the lines {@link writeQueueLog} writes to a file, for a reader in memory (the
 * calibration check audits the model's runs with the audit's own reader).
 */
export function observeQueueLog(model: SwitchboardModel, write: (line: string) => void): void {
  model.observe(new QueueLogWriter(model, startEpochSeconds(model.scenario), write));
}

/**
 * Run replication `index` and write its calls as an Asterisk native queue_log
 * (`epoch|callid|queue|agent|EVENT|data1|data2|data3`, events ENTERQUEUE, CONNECT,
 * COMPLETEAGENT, ABANDON, BLINDTRANSFER, ATTENDEDTRANSFER, EXITWITHTIMEOUT), streamed to `file`
 * through a temporary file renamed at the end (whole or not at all). Simulated time is local
 * clock time from the start date's midnight, written as the real instant of that wall-clock
 * time in the scenario's zone ({@link wallClockEpoch}: daylight-saving changes included). Callers carry a number per need (redials share it)
 * and answered calls a named operator (see {@link QueueLogWriter}). Returns the number of lines
 * written.
 * Cost: the replication plus one line per queue event.
 */
export function writeQueueLog(
  scenario: Scenario,
  file: string,
  options: { days: number; seed: number | string; index?: number },
): number {
  const out = new AtomicFile(file);
  let lines = 0;
  const write = (line: string) => {
    out.write(line);
    lines++;
  };
  try {
    const seed = replicationSeed(options.seed, options.index ?? 0);
    const model = new SwitchboardModel(scenario, { days: options.days, seed });
    observeQueueLog(model, write);
    model.run();
  } catch (error) {
    out.abort();
    throw error;
  }
  out.commit();
  return lines;
}
