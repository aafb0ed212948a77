import { describe, expect, it } from 'vitest';
import {
  AgentSessions,
  agentKey,
  type CallSummary,
  type QueueEvent,
} from '../../src/audit/index.js';

const event = (time: number, agent: string, name: string): QueueEvent => ({
  kind: 'queue',
  time,
  callId: 'NONE',
  queue: 'main',
  agent,
  event: name,
  data: [],
  key: `${time}${agent}${name}`,
  source: 0,
  line: 1,
});
const call = (agent: string, talkSeconds: number) =>
  ({ agent, talkSeconds, source: 0 }) as CallSummary;

describe('AgentSessions (occupancy = talk / logged-in time)', () => {
  it('counts a session from login to logoff, nested queue memberships once', () => {
    const s = new AgentSessions();
    s.addEvent(event(0, 'Local/1127@callback-agent', 'ADDMEMBER'));
    s.addEvent(event(100, 'Local/1127@callback-agent', 'ADDMEMBER'));
    s.addEvent(event(500, 'Local/1127@callback-agent', 'REMOVEMEMBER'));
    s.addEvent(event(1000, 'Local/1127@callback-agent', 'REMOVEMEMBER'));
    s.addCall(call('Agent/1127', 250));
    s.addEvent(event(200, 'SIP/alice', 'AGENTLOGIN'));
    s.addCall(call('SIP/alice', 80));
    s.addEvent(event(1200, 'SIP/bob', 'PAUSE'));
    const r = s.report()!;
    expect(r.byAgent).toEqual([
      { agent: '1127', loggedInSeconds: 1000, talkSeconds: 250, occupancy: 0.25 },
      // alice never logs off: her session runs to the last event (1200 s).
      { agent: 'alice', loggedInSeconds: 1000, talkSeconds: 80, occupancy: 0.08 },
    ]);
    expect(r.all.occupancy).toBeCloseTo(330 / 2000, 12);
  });
  it('is absent when the records hold no session events', () => {
    const s = new AgentSessions();
    s.addEvent(event(0, 'SIP/bob', 'PAUSE'));
    expect(s.report()).toBeUndefined();
  });
  it('names agents the same across Agent/, Local/…@ctx, SIP/…-uniq and plain names', () => {
    expect(agentKey('Agent/1127')).toBe('1127');
    expect(agentKey('Local/1127@callback-agent')).toBe('1127');
    expect(agentKey('SIP/alice-0000001f')).toBe('alice');
    expect(agentKey('Paty Marin')).toBe('Paty Marin');
  });
});
