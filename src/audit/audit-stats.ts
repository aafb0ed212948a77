import { weekdayOfDay } from '../calendar/weekdays.js';
import { type CallersReport, CallerTracker } from './caller-tracker.js';
import { type CdrReport, CdrTracker } from './cdr-tracker.js';
import { kaplanMeierFromCounts, restrictedMean, survivalQuantile } from './kaplan-meier.js';
import type { CallOutcome, CallSummary, CdrLeg } from './records.js';
import { SecondsHistogram } from './seconds-histogram.js';
import { zoneOffsetSeconds } from '../calendar/time-zone.js';

/** Options of {@link AuditStats}. */
export interface AuditStatsOptions {
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
  /** Queues with fewer calls a week than this are micro-flows. */
  microFlowPerWeek: number;
  timeZone: string;
  redialWindowSeconds: number;
  bounceWindowSeconds: number;
}

/** Call counts; `offered` = answered + abandoned + timeout + exitKey + exitEmpty + busy + other. */
export interface CallsReport {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  timeout: number;
  exitKey: number;
  exitEmpty: number;
  busy: number;
  other: number;
  transferred: number;
  blindTransfers: number;
  attendedTransfers: number;
  /** Calls that re-entered a queue after a transfer (same call id). */
  bounced: number;
  /** Per-call rows that never reached a queue (VRU-only, mapped CSV). */
  notQueued: number;
  /** Calls still waiting in a queue when the records end: not offered (their outcome is unknown). */
  openAtEnd: number;
  /** Transfers by destination, with how many came back to a queue (same call id). */
  transferTargets: { target: string; transfers: number; bouncedBack: number }[];
  duplicateEvents: number;
  callsWithoutEnterQueue: number;
  unknownEvents: Record<string, number>;
  /** Agent/system events not about a queue call (logins, pauses, reloads, vendor outbound). */
  otherEvents: number;
  cdr: CdrReport | null;
}

/** Counters of one group (a queue, an hour × weekday cell). */
export interface GroupCounters {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  answeredWithin: number;
  waitAnsweredSeconds: number;
  /** Talk time of answered calls (all their answered segments). */
  talkSeconds: number;
  /** Answered segments with a talk time: the handling times the model draws one by one. */
  talks: number;
  /** Sum of squared talk times, per segment. */
  talkSquares: number;
  /** Transfers (events: a bounced call transferred again counts twice). */
  transfers: number;
  /** Patience observations: abandons (events) and total time at risk (all observed waits). */
  patienceAbandons: number;
  patienceExposureSeconds: number;
  transferred: number;
  firstTime: number;
  lastTime: number;
}

function newGroup(): GroupCounters {
  return {
    offered: 0,
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    answeredWithin: 0,
    waitAnsweredSeconds: 0,
    talkSeconds: 0,
    talks: 0,
    talkSquares: 0,
    transfers: 0,
    patienceAbandons: 0,
    patienceExposureSeconds: 0,
    transferred: 0,
    firstTime: Number.POSITIVE_INFINITY,
    lastTime: Number.NEGATIVE_INFINITY,
  };
}

/**
 * Sparse patience histograms by key (a queue, a queue × priority class): 1-s bins of the waits
 * of abandons (events) and of the calls that left otherwise (censored). Memory: O(keys × bins).
 */
export class PatienceBins {
  private readonly byKey = new Map<string, Map<number, [number, number]>>();

  /** Count one wait under `key`: an abandon (`event`) or a censored observation. */
  add(key: string, waitSeconds: number, event: boolean): void {
    let bins = this.byKey.get(key);
    if (!bins) {
      bins = new Map();
      this.byKey.set(key, bins);
    }
    const bin = SecondsHistogram.binOf(waitSeconds);
    const counts = bins.get(bin) ?? [0, 0];
    counts[event ? 0 : 1]++;
    bins.set(bin, counts);
  }

  /** The Kaplan–Meier curve of `key` (empty when it has no observation). */
  curve(key: string) {
    const bins = this.byKey.get(key);
    if (!bins) return [];
    const sorted = [...bins.entries()].sort((a, b) => a[0] - b[0]);
    return kaplanMeierFromCounts(
      sorted.map(([bin]) => SecondsHistogram.timeOf(bin)),
      sorted.map(([, c]) => c[0]),
      sorted.map(([, c]) => c[1]),
    );
  }
}

/** Outcomes that censor patience (the caller left for another reason than giving up). */
const PATIENCE_EVENT: Record<CallOutcome, boolean | undefined> = {
  abandoned: true,
  answered: false,
  timeout: false,
  exitKey: false,
  exitEmpty: false,
  busy: undefined,
  other: undefined,
};

/**
 * Accumulates every KPI of the audit from reconstructed calls and CDR legs in constant memory
 * (fixed histograms and per-group counters) apart from one record per caller and per CDR call.
 * Cost: O(1) per call.
 */
export class AuditStats {
  readonly calls: Omit<
    CallsReport,
    | 'duplicateEvents'
    | 'callsWithoutEnterQueue'
    | 'unknownEvents'
    | 'otherEvents'
    | 'cdr'
    | 'transferTargets'
  > = {
    offered: 0,
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    timeout: 0,
    exitKey: 0,
    exitEmpty: 0,
    busy: 0,
    other: 0,
    transferred: 0,
    blindTransfers: 0,
    attendedTransfers: 0,
    bounced: 0,
    notQueued: 0,
    openAtEnd: 0,
  };
  readonly all = newGroup();
  readonly byQueue = new Map<string, GroupCounters>();
  readonly byHour = Array.from({ length: 7 * 24 }, newGroup);
  readonly patienceEvents = new SecondsHistogram();
  readonly patienceCensored = new SecondsHistogram();
  readonly answeredWaits = new SecondsHistogram();
  readonly callers: CallerTracker;
  readonly cdr = new CdrTracker();
  /** Transfers and bounces back, by destination. */
  readonly transferTargets = new Map<string, { transfers: number; bouncedBack: number }>();
  /** Local days (days since 1970-01-01, local time) with at least one call. */
  readonly days = new Set<number>();
  /** Observers of each call (calibration, per-call CSV). */
  readonly listeners: ((call: CallSummary) => void)[] = [];

  constructor(readonly options: AuditStatsOptions) {
    this.callers = new CallerTracker(options.redialWindowSeconds, options.bounceWindowSeconds);
  }

  /** Count one CDR leg. */
  addLeg(leg: CdrLeg): void {
    this.cdr.add(leg);
  }

  /** Count one reconstructed call. */
  addCall(call: CallSummary): void {
    if (call.path.length === 0 || call.openAtEnd) {
      if (call.openAtEnd) this.calls.openAtEnd++;
      else this.calls.notQueued++;
      for (const listener of this.listeners) listener(call);
      return;
    }
    const c = this.calls;
    c.offered++;
    c[call.outcome]++;
    const short =
      call.outcome === 'abandoned' && call.waitSeconds < this.options.shortAbandonSeconds;
    if (short) c.shortAbandoned++;
    if (call.transfers > 0) c.transferred++;
    c.blindTransfers += call.blindTransfers;
    c.attendedTransfers += call.attendedTransfers;
    if (call.bounces > 0) c.bounced++;
    for (const target of call.transferTargets) this.transferTarget(target).transfers++;
    for (const target of call.bouncedFrom) this.transferTarget(target).bouncedBack++;
    const localSeconds = call.time + zoneOffsetSeconds(call.time, this.options.timeZone);
    const day = Math.floor(localSeconds / 86_400);
    this.days.add(day);
    const local = {
      weekday: weekdayOfDay(day),
      hour: Math.floor((localSeconds - day * 86_400) / 3600),
    };
    const groups = [
      this.all,
      this.byHour[local.weekday * 24 + local.hour]!,
      this.queueGroup(call.queue),
    ];
    const within =
      call.outcome === 'answered' && call.waitSeconds <= this.options.serviceLevelSeconds;
    for (const g of groups) {
      g.offered++;
      if (call.outcome === 'answered') {
        g.answered++;
        g.waitAnsweredSeconds += call.waitSeconds;
        g.talkSeconds += call.talkSeconds;
        g.talks += call.talks ?? 1;
        g.talkSquares += call.talkSquares ?? call.talkSeconds * call.talkSeconds;
        if (within) g.answeredWithin++;
      } else if (call.outcome === 'abandoned') {
        g.abandoned++;
        if (short) g.shortAbandoned++;
      }
      if (call.transfers > 0) g.transferred++;
      g.transfers += call.transfers;
      if (call.time < g.firstTime) g.firstTime = call.time;
      if (call.time > g.lastTime) g.lastTime = call.time;
    }
    if (call.outcome === 'answered') this.answeredWaits.add(call.waitSeconds);
    const event = PATIENCE_EVENT[call.outcome];
    if (event !== undefined) {
      if (event) this.patienceEvents.add(call.waitSeconds);
      else this.patienceCensored.add(call.waitSeconds);
      const queueGroup = groups[2]!;
      if (event) queueGroup.patienceAbandons++;
      queueGroup.patienceExposureSeconds += call.waitSeconds;
      this.patienceByQueue.add(call.queue, call.waitSeconds, event);
    }
    this.callers.add(call);
    for (const listener of this.listeners) listener(call);
  }

  private transferTarget(target: string) {
    let t = this.transferTargets.get(target);
    if (!t) {
      t = { transfers: 0, bouncedBack: 0 };
      this.transferTargets.set(target, t);
    }
    return t;
  }

  /** Patience histograms per queue. */
  private readonly patienceByQueue = new PatienceBins();

  /** Kaplan–Meier median patience of one queue's callers (null when never reached). */
  queuePatienceMedian(queue: string): number | null {
    return survivalQuantile(this.queuePatienceCurve(queue), 0.5) ?? null;
  }

  /** Kaplan–Meier patience curve of one queue's callers (empty when the queue has none). */
  queuePatienceCurve(queue: string) {
    return this.patienceByQueue.curve(queue);
  }

  private queueGroup(queue: string): GroupCounters {
    let g = this.byQueue.get(queue);
    if (!g) {
      g = newGroup();
      this.byQueue.set(queue, g);
    }
    return g;
  }

  /** The Kaplan–Meier patience curve from the histograms. */
  patienceCurve() {
    const times: number[] = [];
    const events: number[] = [];
    const censored: number[] = [];
    const e = this.patienceEvents.counts;
    const c = this.patienceCensored.counts;
    for (let bin = 0; bin < e.length; bin++) {
      if (e[bin]! + c[bin]! === 0) continue;
      times.push(SecondsHistogram.timeOf(bin));
      events.push(e[bin]!);
      censored.push(c[bin]!);
    }
    return kaplanMeierFromCounts(times, events, censored);
  }

  /** The patience section. */
  patienceReport(): PatienceReport {
    const curve = this.patienceCurve();
    let lastEvent = 0;
    for (const step of curve) if (step.events > 0) lastEvent = step.timeSeconds;
    const tau = Math.min(lastEvent, 3600);
    const grid = [5, 10, 20, 30, 60, 120, 180, 300, 600];
    return {
      method:
        'Kaplan-Meier; abandons are events, answers/timeouts/key exits/empty-queue exits censor',
      observations: this.patienceEvents.total + this.patienceCensored.total,
      abandons: this.patienceEvents.total,
      censored: this.patienceCensored.total,
      medianSeconds: survivalQuantile(curve, 0.5) ?? null,
      quartileSeconds: survivalQuantile(curve, 0.25) ?? null,
      restrictedMeanSeconds: tau > 0 ? restrictedMean(curve, tau) : null,
      tauSeconds: tau,
      survival: grid.map((t) => {
        let s = 1;
        let se = 0;
        for (const step of curve) {
          if (step.timeSeconds > t) break;
          s = step.survival;
          se = step.standardError;
        }
        return { seconds: t, survival: s, standardError: se };
      }),
    };
  }

  /** The callers section. */
  callersReport(): CallersReport {
    return this.callers.report();
  }
}

/** The patience section of the report. */
export interface PatienceReport {
  method: string;
  observations: number;
  abandons: number;
  censored: number;
  /** Time by which half the callers would have abandoned (null: the curve stays above 0.5). */
  medianSeconds: number | null;
  /** Time by which a quarter would have abandoned. */
  quartileSeconds: number | null;
  /** ∫₀^τ S(t) dt: mean patience restricted to τ = min(last abandon time, 3600 s). */
  restrictedMeanSeconds: number | null;
  tauSeconds: number;
  survival: { seconds: number; survival: number; standardError: number }[];
}
