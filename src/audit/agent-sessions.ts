import type { CallSummary, QueueEvent } from './records.js';

const LOGIN = new Set(['AGENTLOGIN', 'AGENTCALLBACKLOGIN', 'ADDMEMBER']);
const LOGOFF = new Set(['AGENTLOGOFF', 'AGENTCALLBACKLOGOFF', 'REMOVEMEMBER']);

/** True for the events that open or close an agent's session. */
export function isSessionEvent(event: string): boolean {
  return LOGIN.has(event) || LOGOFF.has(event);
}

/**
 * One agent's name across the ways queue_log writes it: `Agent/1127`,
 * `Local/1127@callback-agent`, `SIP/alice-0000001f`, `PJSIP/400` all become `1127`, `alice`,
 * `400`. Names with spaces (`Paty Marin`) are kept.
 */
export function agentKey(agent: string): string {
  const slash = agent.indexOf('/');
  let key = slash >= 0 ? agent.slice(slash + 1) : agent;
  const at = key.indexOf('@');
  if (at >= 0) key = key.slice(0, at);
  return key.replace(/-[0-9a-f]{8}$/i, '');
}

/** Occupancy of one agent, or of all. */
export interface OccupancyRow {
  agent: string;
  loggedInSeconds: number;
  talkSeconds: number;
  /** talk / logged-in time. */
  occupancy: number | null;
}

/** The occupancy section (present only when the records log agent sessions). */
export interface OccupancyReport {
  definition: string;
  all: OccupancyRow;
  byAgent: OccupancyRow[];
}

interface Session {
  agent: string;
  source: number;
  memberships: number;
  since: number;
  loggedInSeconds: number;
  talkSeconds: number;
}

/**
 * Agents' logged-in time from session events (AGENTLOGIN/LOGOFF, AGENTCALLBACKLOGIN/LOGOFF,
 * ADDMEMBER/REMOVEMEMBER: logged in while a member of at least one queue) and their talk time
 * from the reconstructed calls, giving occupancy = talk / logged-in time. A session still open
 * at the end of the records is closed at the last event time. Memory: one record per agent.
 */
export class AgentSessions {
  private readonly agents = new Map<string, Session>();
  /** Last event time per input file: sessions of one system end with its own records. */
  private readonly lastTime: number[] = [];
  private sessionEvents = 0;

  private session(agent: string, source: number): Session {
    const name = agentKey(agent);
    const key = `${source}|${name}`;
    let s = this.agents.get(key);
    if (!s) {
      s = {
        agent: name,
        source,
        memberships: 0,
        since: Number.NaN,
        loggedInSeconds: 0,
        talkSeconds: 0,
      };
      this.agents.set(key, s);
    }
    return s;
  }

  /** Feed a queue event (any: session events open/close, others advance the clock). */
  addEvent(event: QueueEvent): void {
    if (!(event.time <= (this.lastTime[event.source] ?? Number.NEGATIVE_INFINITY)))
      this.lastTime[event.source] = event.time;
    const login = LOGIN.has(event.event);
    if (!login && !LOGOFF.has(event.event)) return;
    this.sessionEvents++;
    const s = this.session(event.agent, event.source);
    if (login) {
      if (s.memberships === 0) s.since = event.time;
      s.memberships++;
    } else if (s.memberships > 0) {
      s.memberships--;
      if (s.memberships === 0) s.loggedInSeconds += Math.max(0, event.time - s.since);
    }
  }

  /** Count an answered call's talk time for its agent. */
  addCall = (call: CallSummary): void => {
    if (call.agent === '' || call.talkSeconds <= 0) return;
    this.session(call.agent, call.source).talkSeconds += call.talkSeconds;
  };

  /** The occupancy section, or undefined when no session events were seen. */
  report(): OccupancyReport | undefined {
    if (this.sessionEvents === 0) return undefined;
    const byAgent: OccupancyRow[] = [];
    let logged = 0;
    let talk = 0;
    const sources = new Set([...this.agents.values()].map((s) => s.source));
    for (const s of this.agents.values()) {
      const last = this.lastTime[s.source] ?? s.since;
      const open = s.memberships > 0 ? Math.max(0, last - s.since) : 0;
      const loggedInSeconds = s.loggedInSeconds + open;
      if (loggedInSeconds === 0) continue;
      logged += loggedInSeconds;
      talk += s.talkSeconds;
      byAgent.push({
        agent: sources.size > 1 ? `${s.agent} (file ${s.source + 1})` : s.agent,
        loggedInSeconds,
        talkSeconds: s.talkSeconds,
        occupancy: s.talkSeconds / loggedInSeconds,
      });
    }
    byAgent.sort((a, b) => b.talkSeconds - a.talkSeconds);
    return {
      definition:
        'Talk time (CONNECT to end of call) / logged-in time (from AGENTLOGIN, AGENTCALLBACKLOGIN or ADDMEMBER to the matching log-off or REMOVEMEMBER; sessions open at the end run to the last event of their file; agents of different files are different agents). Agents without a session are left out.',
      all: {
        agent: 'all',
        loggedInSeconds: logged,
        talkSeconds: talk,
        occupancy: logged > 0 ? talk / logged : null,
      },
      byAgent,
    };
  }
}
