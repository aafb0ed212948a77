import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { RunError } from '../errors.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { replicationSeed } from '../random/random-stream.js';
import { SwitchboardModel } from './switchboard-model.js';
import { wallClockEpoch } from '../calendar/wall-clock-epoch.js';

/** Unix time (seconds) of local midnight of the scenario's start date in its time zone. */
export function startEpochSeconds(scenario: Scenario): number {
  return wallClockEpoch(scenario)(0);
}

/**
 * The switchboard model with the identities a real queue_log carries and the plain model does
 * not: a caller number per need (ENTERQUEUE data2, the same on every redial of that need, so the
 * audit can link attempts) and an operator per answered call (`Agent/<group>-<k>`: the operator
 * idle longest among the first `onDuty` of the group, as Asterisk's `leastrecent` strategy, so
 * the audit sees as many distinct agents as the roster holds). Lines go to `write`.
 */
class QueueLogModel extends SwitchboardModel {
  private callerOf = new Float64Array(1024);
  private nextCaller = 0;
  private agentOf = new Int32Array(1024);
  private readonly idle: number[][];
  private readonly agentsMade: number[];
  private readonly epochOf: (simulatedSeconds: number) => number;

  constructor(
    scenario: Scenario,
    options: { days: number; seed: number | string },
    private readonly epoch: number,
    private readonly write: (line: string) => void,
  ) {
    super(scenario, options);
    this.idle = scenario.queues.map(() => []);
    this.agentsMade = scenario.queues.map(() => 0);
    this.epochOf = wallClockEpoch(scenario);
  }

  protected override newNeed(reason: number, origin: number): number {
    const n = super.newNeed(reason, origin);
    if (n >= this.callerOf.length) {
      const grown = new Float64Array(2 * (n + 1));
      grown.set(this.callerOf);
      this.callerOf = grown;
    }
    this.callerOf[n] = ++this.nextCaller;
    return n;
  }

  /** The operator of group `g` who takes the next call. */
  private takeAgent(g: number): number {
    const idle = this.idle[g]!;
    const limit = Math.max(this.onDuty[g]!, 1);
    const i = idle.findIndex((k) => k <= limit);
    if (i >= 0) return idle.splice(i, 1)[0]!;
    return ++this.agentsMade[g]!;
  }

  protected override releaseOperator(c: number): void {
    this.idle[this.calls.group[c]!]!.push(this.agentOf[c]!);
    super.releaseOperator(c);
  }

  protected override emit(
    c: number,
    q: number,
    event: string,
    d1: string | number,
    d2: string | number,
    d3: string | number,
  ): void {
    const calls = this.calls;
    const queue = this.scenario.queues[q]?.name ?? 'NONE';
    let agent = 'NONE';
    if (event === 'ENTERQUEUE') d2 = `06${String(this.callerOf[calls.need[c]!]!).padStart(8, '0')}`;
    else if (event !== 'ABANDON' && event !== 'EXITWITHTIMEOUT') {
      const g = calls.group[c]!;
      if (event === 'CONNECT') {
        if (c >= this.agentOf.length) {
          const grown = new Int32Array(2 * (c + 1));
          grown.set(this.agentOf);
          this.agentOf = grown;
        }
        this.agentOf[c] = this.takeAgent(g);
      }
      agent = `Agent/${this.scenario.queues[g]!.name}-${this.agentOf[c]}`;
    }
    const time = this.epochOf(this.sim.now);
    this.write(
      `${time}|${this.epoch}.${calls.serial[c]}|${queue}|${agent}|${event}|${d1}|${d2}|${d3}\n`,
    );
  }
}

/**
 * Run replication `index` and write its calls as an Asterisk native queue_log
 * (`epoch|callid|queue|agent|EVENT|data1|data2|data3`, events ENTERQUEUE, CONNECT,
 * COMPLETEAGENT, ABANDON, BLINDTRANSFER, ATTENDEDTRANSFER, EXITWITHTIMEOUT), streamed to `file`
 * through a temporary file renamed at the end (whole or not at all). Simulated time is local
 * clock time from the start date's midnight, written as the real instant of that wall-clock
 * time in the scenario's zone ({@link wallClockEpoch}: daylight-saving changes included). Callers carry a number per need (redials share it)
 * and answered calls a named operator (see {@link QueueLogModel}). Returns the number of lines
 * written.
 * Cost: the replication plus one line per queue event.
 */
export function writeQueueLog(
  scenario: Scenario,
  file: string,
  options: { days: number; seed: number | string; index?: number },
): number {
  const epoch = startEpochSeconds(scenario);
  const temporary = `${file}.partial-${process.pid}`;
  let fd: number;
  try {
    fd = openSync(temporary, 'w');
  } catch (error) {
    throw new RunError(`cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
  let buffer = '';
  let lines = 0;
  const write = (line: string) => {
    buffer += line;
    lines++;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  try {
    const seed = replicationSeed(options.seed, options.index ?? 0);
    new QueueLogModel(scenario, { days: options.days, seed }, epoch, write).run();
    writeSync(fd, buffer);
    closeSync(fd);
    renameSync(temporary, file);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    rmSync(temporary, { force: true });
    throw error instanceof RunError
      ? error
      : new RunError(`cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
  return lines;
}
