import { describe, expect, it } from 'vitest';
import { CallBuilder, type CallSummary, type QueueEvent } from '../../src/audit/index.js';

let line = 0;
const ev = (
  time: number,
  queue: string,
  agent: string,
  event: string,
  ...data: string[]
): QueueEvent => ({
  kind: 'queue',
  time,
  callId: 'c1',
  queue,
  agent,
  event,
  data,
  key: `${time}|${queue}|${agent}|${event}|${data.join('|')}`,
  source: 0,
  line: ++line,
});

function build(events: QueueEvent[]): CallSummary[] {
  const calls: CallSummary[] = [];
  const builder = new CallBuilder((c) => calls.push(c));
  for (const e of events) builder.add(e);
  builder.finish();
  return calls;
}

describe('CallBuilder paths', () => {
  it('a call timed out of one queue and answered in another waited from its first entry', () => {
    const [call] = build([
      ev(0, 'main', 'NONE', 'ENTERQUEUE', '', '0611', '1'),
      ev(60, 'main', 'NONE', 'EXITWITHTIMEOUT', '1', '1', '60'),
      ev(61, 'overflow', 'NONE', 'ENTERQUEUE', '', '0611', '1'),
      ev(70, 'overflow', 'SIP/a', 'CONNECT', '9', 'x', '1'),
      ev(100, 'overflow', 'SIP/a', 'COMPLETECALLER', '9', '30', '1'),
    ]);
    expect(call).toMatchObject({
      path: ['main', 'overflow'],
      outcome: 'answered',
      waitSeconds: 70,
      totalWaitSeconds: 69,
      talkSeconds: 30,
      bounces: 0,
      caller: '0611',
    });
  });
  it('a call seen from its COMPLETE only (log started mid-call) is counted apart, not offered', () => {
    const calls: CallSummary[] = [];
    const builder = new CallBuilder((c) => calls.push(c));
    builder.add(ev(100, 'main', 'SIP/a', 'COMPLETEAGENT', '10', '50', '1'));
    builder.finish();
    expect(calls).toEqual([]);
    expect(builder.counts.callsWithoutEnterQueue).toBe(1);
  });
  it('events written before their ENTERQUEUE (clock skew) still form one segment', () => {
    const [call] = build([
      ev(10, 'main', 'SIP/a', 'CONNECT', '10', 'x', '1'),
      ev(0, 'main', 'NONE', 'ENTERQUEUE', '', '0611', '1'),
      ev(40, 'main', 'SIP/a', 'COMPLETEAGENT', '10', '30', '1'),
    ]);
    expect(call).toMatchObject({
      outcome: 'answered',
      waitSeconds: 10,
      talkSeconds: 30,
      path: ['main'],
    });
  });
});
