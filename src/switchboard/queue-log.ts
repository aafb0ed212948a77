import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { TZDate } from '@date-fns/tz';
import { RunError } from '../errors.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { runReplication } from './run-replication.js';
import type { CallEventListener } from './switchboard-model.js';

/** Unix time (seconds) of local midnight of the scenario's start date in its time zone. */
export function startEpochSeconds(scenario: Scenario): number {
  const [y, m, d] = scenario.startDate.split('-').map(Number) as [number, number, number];
  return Math.floor(new TZDate(y, m - 1, d, scenario.timezone).getTime() / 1000);
}

/**
 * Run replication `index` and write its calls as an Asterisk native queue_log
 * (`epoch|callid|queue|agent|EVENT|data1|data2|data3`, events ENTERQUEUE, CONNECT,
 * COMPLETEAGENT, ABANDON, BLINDTRANSFER, ATTENDEDTRANSFER, EXITWITHTIMEOUT), streamed to `file`
 * through a temporary file renamed at the end (whole or not at all). Simulated time is local
 * clock time from the start date's midnight. Returns the number of lines written.
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
  const listener: CallEventListener = (time, callId, queue, agent, event, d1, d2, d3) => {
    buffer += `${epoch + Math.floor(time)}|${epoch}.${callId}|${queue}|${agent}|${event}|${d1}|${d2}|${d3}\n`;
    lines++;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  try {
    runReplication(scenario, {
      days: options.days,
      seed: options.seed,
      index: options.index ?? 0,
      onCallEvent: listener,
    });
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
