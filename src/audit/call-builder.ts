import { knownQueueEvents } from './queue-log-parser.js';
import { recordSeconds } from './record-bounds.js';
import type { CallOutcome, CallSummary, QueueEvent } from './records.js';

interface Segment {
  queue: string;
  enter: number;
  connect: number;
  end: number;
  outcome: CallOutcome | undefined;
  transfer: 'blind' | 'attended' | 'transfer' | undefined;
  /** Where the call was transferred: `extension@context`, or `(attended)`. */
  target: string;
  agent: string;
}

interface CallState {
  callId: string;
  caller: string;
  segments: Segment[];
  /** Keys of the events seen (calls have a handful: a list beats a Set). */
  seen: string[];
  lastTime: number;
  ringNoAnswer: number;
  source: number;
  line: number;
  entered: boolean;
}

/** Counters of the reconstruction, for the report. */
export interface CallBuilderCounts {
  /** Exact repeats of an event already seen for the same call (ignored once counted). */
  duplicateEvents: number;
  /** Call ids with queue events but no ENTERQUEUE (the log starts mid-call, or was edited). */
  callsWithoutEnterQueue: number;
  /** Events with an event name not in Asterisk's or known vendors' lists. */
  unknownEvents: Record<string, number>;
  /** Agent/system events (logins, pauses, reloads, vendor outbound) not about a queue call. */
  otherEvents: number;
}

const OUTCOME_OF: Record<string, CallOutcome> = {
  ABANDON: 'abandoned',
  EXITWITHTIMEOUT: 'timeout',
  EXITWITHKEY: 'exitKey',
  EXITEMPTY: 'exitEmpty',
  JOINEMPTY: 'exitEmpty',
  LEAVEEMPTY: 'exitEmpty',
  JOINUNAVAIL: 'exitEmpty',
  LEAVEUNAVAIL: 'exitEmpty',
  FULL: 'busy',
};

const TRANSFER_OF: Record<string, Segment['transfer']> = {
  TRANSFER: 'transfer',
  BLINDTRANSFER: 'blind',
  ATTENDEDTRANSFER: 'attended',
};

/**
 * Rebuilds each queue call's path from queue_log events: its queue entries, waits, answer,
 * transfers (blind/attended), re-entries after a transfer, and its end. Calls are kept by call
 * id and handed to `emit` once finished and quiet for `horizonSeconds` of log time (so memory
 * follows calls in progress, not the file), and all at `finish()` (those still waiting then are
 * flagged `openAtEnd`). Exact duplicate events are
 * counted and ignored. Cost: O(1) per event amortised.
 */
export class CallBuilder {
  readonly counts: CallBuilderCounts = {
    duplicateEvents: 0,
    callsWithoutEnterQueue: 0,
    unknownEvents: {},
    otherEvents: 0,
  };
  private readonly calls = new Map<string, CallState>();
  private clock = Number.NEGATIVE_INFINITY;
  private sinceSweep = 0;

  constructor(
    private readonly emit: (call: CallSummary) => void,
    private readonly horizonSeconds = 4 * 3600,
  ) {}

  /** Feed one event (any order within a call is tolerated; time order is expected overall). */
  add(event: QueueEvent): void {
    const name = event.event;
    if (!knownQueueEvents.has(name))
      this.counts.unknownEvents[name] = (this.counts.unknownEvents[name] ?? 0) + 1;
    if (event.time > this.clock) this.clock = event.time;
    const isCallEvent =
      name === 'ENTERQUEUE' ||
      name === 'CONNECT' ||
      name.startsWith('COMPLETE') ||
      name === 'RINGNOANSWER' ||
      name === 'RINGCANCELED' ||
      name === 'DID' ||
      OUTCOME_OF[name] !== undefined ||
      TRANSFER_OF[name] !== undefined;
    if (!isCallEvent || event.callId === 'NONE' || event.callId === '') {
      this.counts.otherEvents++;
      return;
    }
    let call = this.calls.get(event.callId);
    if (!call) {
      call = {
        callId: event.callId,
        caller: '',
        segments: [],
        seen: [],
        lastTime: event.time,
        ringNoAnswer: 0,
        source: event.source,
        line: event.line,
        entered: false,
      };
      this.calls.set(event.callId, call);
    }
    if (call.seen.includes(event.key)) {
      this.counts.duplicateEvents++;
      return;
    }
    call.seen.push(event.key);
    if (event.time > call.lastTime) call.lastTime = event.time;
    this.apply(call, event);
    if (++this.sinceSweep >= 10_000) this.sweep();
  }

  private apply(call: CallState, event: QueueEvent): void {
    const name = event.event;
    const open = call.segments[call.segments.length - 1];
    if (
      name === 'ENTERQUEUE' ||
      name === 'JOINEMPTY' ||
      name === 'FULL' ||
      name === 'JOINUNAVAIL'
    ) {
      if (!call.entered) {
        call.entered = true;
        call.source = event.source;
        call.line = event.line;
      }
      if (name === 'ENTERQUEUE') {
        const caller = event.data[1] ?? '';
        if (caller !== '' && call.caller === '') call.caller = caller;
      }
      if (open && open.outcome === undefined && Number.isNaN(open.enter) && name === 'ENTERQUEUE') {
        // Events of this segment came before its ENTERQUEUE (timestamps out of order).
        open.enter = event.time;
        open.queue = event.queue;
        return;
      }
      if (open && open.outcome === undefined) open.outcome = 'other';
      const outcome = OUTCOME_OF[name];
      call.segments.push({
        queue: event.queue,
        enter: event.time,
        connect: Number.NaN,
        end: outcome ? event.time : Number.NaN,
        outcome,
        transfer: undefined,
        target: '',
        agent: '',
      });
      return;
    }
    if (name === 'DID') return;
    let segment = open;
    if (!segment || (segment.outcome !== undefined && name !== 'RINGNOANSWER')) {
      // An event with no open segment: the log started mid-call. Keep it, flagged by NaN entry.
      if (
        segment &&
        segment.outcome !== undefined &&
        (TRANSFER_OF[name] || name.startsWith('COMPLETE'))
      ) {
        if (TRANSFER_OF[name] && !segment.transfer) {
          segment.transfer = TRANSFER_OF[name];
          segment.target = transferTarget(event);
        }
        return;
      }
      segment = {
        queue: event.queue,
        enter: Number.NaN,
        connect: Number.NaN,
        end: Number.NaN,
        outcome: undefined,
        transfer: undefined,
        target: '',
        agent: '',
      };
      call.segments.push(segment);
    }
    if (name === 'RINGNOANSWER' || name === 'RINGCANCELED') {
      call.ringNoAnswer++;
      return;
    }
    if (name === 'CONNECT') {
      segment.connect = event.time;
      segment.agent = event.agent;
      return;
    }
    if (name.startsWith('COMPLETE') || TRANSFER_OF[name]) {
      if (Number.isNaN(segment.connect)) {
        const holdSeconds = recordSeconds(event.data[name.startsWith('COMPLETE') ? 0 : 2]);
        const talkSeconds = recordSeconds(event.data[name.startsWith('COMPLETE') ? 1 : 3]);
        segment.connect = Number.isFinite(talkSeconds) ? event.time - talkSeconds : event.time;
        if (Number.isNaN(segment.enter) && Number.isFinite(holdSeconds))
          segment.enter = segment.connect - holdSeconds;
        segment.agent = event.agent;
      }
      segment.end = event.time;
      segment.outcome = 'answered';
      segment.transfer = TRANSFER_OF[name];
      if (segment.transfer) segment.target = transferTarget(event);
      return;
    }
    const outcome = OUTCOME_OF[name];
    if (outcome) {
      segment.end = event.time;
      segment.outcome = outcome;
    }
  }

  /** Emit calls quiet for longer than the horizon. */
  private sweep(): void {
    this.sinceSweep = 0;
    const limit = this.clock - this.horizonSeconds;
    for (const [id, call] of this.calls) {
      if (call.lastTime >= limit) continue;
      this.calls.delete(id);
      this.finishCall(call);
    }
  }

  /** Emit every call still held (end of input). */
  finish(): void {
    // A call without an outcome whose last event is within the horizon of the log's end was
    // still in progress when the records stop; an older one lost its last events ("other").
    const recent = this.clock - this.horizonSeconds;
    for (const call of this.calls.values()) this.finishCall(call, call.lastTime >= recent);
    this.calls.clear();
  }

  private finishCall(call: CallState, mayBeOpen = false): void {
    if (!call.entered) {
      this.counts.callsWithoutEnterQueue++;
      return;
    }
    const summary = summarise(call);
    const last = call.segments.filter((s) => Number.isFinite(s.enter)).at(-1);
    if (mayBeOpen && summary.outcome === 'other' && last?.outcome === undefined)
      summary.openAtEnd = true;
    this.emit(summary);
  }
}

function summarise(call: CallState): CallSummary {
  const segments = call.segments.filter((s) => Number.isFinite(s.enter));
  const first = segments[0]!;
  let outcome: CallOutcome = 'other';
  let waitSeconds = Number.NaN;
  let totalWait = 0;
  let talk = 0;
  let talks = 0;
  let talkSquares = 0;
  let agent = '';
  let transfers = 0;
  const transferTargets: string[] = [];
  const bouncedFrom: string[] = [];
  let blind = 0;
  let attended = 0;
  let bounces = 0;
  let endTime = first.enter;
  let answered = false;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const left = Number.isFinite(s.connect) ? s.connect : Number.isFinite(s.end) ? s.end : s.enter;
    const wait = Math.max(0, left - s.enter);
    totalWait += wait;
    if (i > 0 && segments[i - 1]!.transfer !== undefined) {
      bounces++;
      bouncedFrom.push(segments[i - 1]!.target);
    }
    if (s.outcome === 'answered' || Number.isFinite(s.connect)) {
      if (!answered) {
        answered = true;
        waitSeconds = Math.max(0, left - first.enter);
        agent = s.agent;
      }
      if (Number.isFinite(s.end) && Number.isFinite(s.connect)) {
        const seconds = Math.max(0, s.end - s.connect);
        talk += seconds;
        talks++;
        talkSquares += seconds * seconds;
      }
    }
    if (s.transfer) {
      transfers++;
      transferTargets.push(s.target);
      if (s.transfer === 'blind') blind++;
      if (s.transfer === 'attended') attended++;
    }
    const end = Number.isFinite(s.end) ? s.end : left;
    if (end > endTime) endTime = end;
  }
  if (answered) outcome = 'answered';
  else {
    const last = segments[segments.length - 1]!;
    outcome = last.outcome ?? 'other';
    waitSeconds = Math.max(0, (Number.isFinite(last.end) ? last.end : last.enter) - first.enter);
  }
  return {
    kind: 'call',
    callId: call.callId,
    caller: call.caller,
    queue: first.queue,
    path: segments.map((s) => s.queue),
    time: first.enter,
    arrivalTime: first.enter,
    endTime,
    outcome,
    waitSeconds,
    totalWaitSeconds: totalWait,
    talkSeconds: talk,
    talks,
    talkSquares,
    agent,
    transfers,
    transferTargets,
    bouncedFrom,
    blindTransfers: blind,
    attendedTransfers: attended,
    bounces,
    ringNoAnswer: call.ringNoAnswer,
    source: call.source,
    line: call.line,
  };
}

/** The transfer destination of a TRANSFER/BLINDTRANSFER (`extension@context`), else `(attended)`. */
function transferTarget(event: QueueEvent): string {
  if (event.event === 'ATTENDEDTRANSFER') return '(attended)';
  const extension = event.data[0] ?? '';
  const context = event.data[1] ?? '';
  return extension === '' ? '(unknown)' : context === '' ? extension : `${extension}@${context}`;
}
