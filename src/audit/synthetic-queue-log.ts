/** Parameters of {@link syntheticQueueLog}. */
export interface SyntheticQueueLogOptions {
  /** Stop once at least this many lines are written. */
  lines: number;
  /** UTC epoch of the first arrival. */
  startEpochSeconds?: number;
  /** Mean time between arrivals (Poisson arrivals). */
  interarrivalSeconds?: number;
  /** Mean of the exponential patience. */
  patienceMeanSeconds?: number;
  /** Mean of the exponential wait the queue would impose (independent of patience). */
  waitMeanSeconds?: number;
  /** Talk time = 5 s + exponential with this mean. */
  talkExtraMeanSeconds?: number;
  /** Probability that an answered call ends in a blind transfer. */
  blindTransferProbability?: number;
  /** Caller numbers are drawn uniformly from this many. */
  callers?: number;
  queues?: readonly string[];
  agents?: readonly string[];
}

/**
 * A native Asterisk queue_log whose truth is known: Poisson arrivals, each caller with an
 * exponential patience and an independent exponential offered wait — the caller abandons when
 * patience < wait (ABANDON at the patience), else is answered after the wait (CONNECT, then
 * COMPLETECALLER or BLINDTRANSFER after the talk time), with up to two RINGNOANSWER before.
 * Lines are sorted by time. Used by tests (patience recovered within its confidence interval)
 * and by the benchmark. `random` returns uniforms in [0, 1) — pass a seeded stream. Cost:
 * O(lines log lines), memory O(lines).
 */
export function syntheticQueueLog(options: SyntheticQueueLogOptions, random: () => number): string {
  const {
    lines,
    startEpochSeconds = 1_704_067_200,
    interarrivalSeconds = 20,
    patienceMeanSeconds = 120,
    waitMeanSeconds = 40,
    talkExtraMeanSeconds = 30,
    blindTransferProbability = 0.2,
    callers = 50_000,
    queues = ['main', 'main', 'main', 'results', 'appointments', 'wards'],
    agents = ['SIP/alice', 'SIP/bob', 'SIP/carol', 'SIP/dan', 'SIP/erin', 'SIP/fay'],
  } = options;
  if (!(lines > 0)) throw new RangeError('syntheticQueueLog: lines must be positive');
  const exp = (mean: number) => -Math.log(1 - random()) * mean;
  const events: [number, string][] = [];
  let t = startEpochSeconds;
  let callNo = 0;
  while (events.length < lines) {
    t += exp(interarrivalSeconds);
    const at = Math.floor(t);
    const id = `${at}.${callNo++}`;
    const queue = queues[Math.floor(random() * queues.length)]!;
    const caller = `06${String(Math.floor(random() * callers)).padStart(8, '0')}`;
    events.push([at, `${at}|${id}|${queue}|NONE|ENTERQUEUE||${caller}|1`]);
    const wait = Math.floor(exp(waitMeanSeconds));
    const patience = Math.floor(exp(patienceMeanSeconds));
    const rings = Math.floor(random() * 3);
    for (let r = 0; r < rings && r * 10 + 9 < Math.min(wait, patience); r++)
      events.push([
        at + r * 10 + 9,
        `${at + r * 10 + 9}|${id}|${queue}|${agents[r % agents.length]}|RINGNOANSWER|9000`,
      ]);
    if (patience < wait) {
      events.push([at + patience, `${at + patience}|${id}|${queue}|NONE|ABANDON|1|1|${patience}`]);
      continue;
    }
    const agent = agents[Math.floor(random() * agents.length)]!;
    const talk = 5 + Math.floor(exp(talkExtraMeanSeconds));
    events.push([at + wait, `${at + wait}|${id}|${queue}|${agent}|CONNECT|${wait}|${id}1|2`]);
    const end = at + wait + talk;
    if (random() < blindTransferProbability)
      events.push([
        end,
        `${end}|${id}|${queue}|${agent}|BLINDTRANSFER|2001|wards|${wait}|${talk}|1`,
      ]);
    else events.push([end, `${end}|${id}|${queue}|${agent}|COMPLETECALLER|${wait}|${talk}|1`]);
  }
  events.sort((a, b) => a[0] - b[0]);
  let text = '';
  for (const e of events) text += `${e[1]}\n`;
  return text;
}
