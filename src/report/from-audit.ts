import { isoWeekday } from '../calendar/weekdays.js';
/**
 * Maps the result of `switchboard audit` (`auditFiles`) onto the audit page's input: the
 * audit's counts, shares and definitions as they are, converted only where a chart needs
 * another convention — weekday 0 = Sunday becomes ISO 7, the Kaplan–Meier survival at the
 * audit's grid (5 s … 10 min, with Greenwood standard errors) becomes a curve from S(0) = 1 with
 * a 95 % pointwise band S ± 1.96·SE clipped to [0, 1], and the period is read from the history
 * rows (first and last interval with calls). Cost: O(history rows + cells + queues).
 */

import { isAbsolute, relative } from 'node:path';
import type { AuditResult } from '../audit/audit-files.js';
import type { SurvivalPoint } from './charts/survival-chart.js';
import type { AuditReportInput } from './pages/audit-input.js';

/** Options of {@link auditReportInput}. */
export interface AuditReportInputOptions {
  /** The time zone the audit read hours in (shown with the heatmaps). */
  timeZone?: string;
  /** File paths are shown relative to this directory (the command's), not as absolute paths. */
  cwd?: string;
}

const Z95 = 1.959964;
const clip = (x: number) => Math.min(1, Math.max(0, x));

/** `path` relative to `cwd` when given (`../shared/data/logs/x.csv`), else as it is. */
function shownPath(path: string, cwd: string | undefined): string {
  if (cwd === undefined || !isAbsolute(path)) return path;
  return relative(cwd, path) || path;
}

/** The audit page input of an audit result. */
export function auditReportInput(
  result: AuditResult,
  options: AuditReportInputOptions = {},
): AuditReportInput {
  const r = result.report;
  const c = r.calls;
  const curve: SurvivalPoint[] = [{ seconds: 0, survival: 1, lower: 1, upper: 1 }];
  for (const p of r.patience.survival)
    curve.push({
      seconds: p.seconds,
      survival: p.survival,
      lower: clip(p.survival - Z95 * p.standardError),
      upper: clip(p.survival + Z95 * p.standardError),
    });
  const withCalls = result.history.filter((h) => h[1] > 0).map((h) => h[0]);
  withCalls.sort();
  const input: AuditReportInput = {
    input: r.input.map((f) => ({
      path: shownPath(f.path, options.cwd),
      format: f.format,
      lines: f.lines,
      records: f.records,
      blank: f.blank,
      rejected: f.rejected,
      outOfOrder: f.outOfOrder,
      ...(f.duplicates ? { duplicates: f.duplicates } : {}),
      ...(f.ignored ? { ignored: f.ignored } : {}),
      firstRejected: f.firstRejected.map((x) => ({ line: x.line, reason: x.reason })),
    })),
    calls: {
      offered: c.offered,
      answered: c.answered,
      abandoned: c.abandoned,
      shortAbandoned: c.shortAbandoned,
      timeout: c.timeout,
      exitKey: c.exitKey,
      exitEmpty: c.exitEmpty,
      busy: c.busy,
      other: c.other,
      transferred: c.transferred,
      blindTransfers: c.blindTransfers,
      attendedTransfers: c.attendedTransfers,
      bounced: c.bounced,
      notQueued: c.notQueued,
    },
    callers: { ...r.callers },
    serviceLevel: {
      thresholdSeconds: r.serviceLevel.thresholdSeconds,
      ofAnswered: r.serviceLevel.ofAnswered,
      ofAnsweredAndAbandoned: r.serviceLevel.ofAnsweredAndAbandoned,
    },
    asaSeconds: r.asaSeconds,
    abandonRate: { ...r.abandonRate },
    byHour: r.byHour.map((h) => ({
      weekday: isoWeekday(h.weekday),
      hour: h.hour,
      offered: h.offered,
      answered: h.answered,
      abandoned: h.abandoned,
      serviceLevel: h.serviceLevel,
    })),
    byQueue: r.byQueue.map((q) => ({
      queue: q.queue,
      offered: q.offered,
      answered: q.answered,
      abandonRate: q.abandonRate,
      serviceLevel: q.serviceLevel,
      asaSeconds: q.asaSeconds,
      meanTalkSeconds: q.meanTalkSeconds,
      transferred: q.transferred,
      patienceMedianSeconds: q.patienceMedianSeconds,
      callsPerWeek: q.callsPerWeek,
      microFlow: q.microFlow,
    })),
    transferTargets: c.transferTargets.map((t) => ({ ...t })),
    definitions: { ...r.definitions },
  };
  if (r.patience.observations > 0)
    input.patience = {
      curve,
      medianSeconds: r.patience.medianSeconds,
      quartileSeconds: r.patience.quartileSeconds,
      restrictedMeanSeconds: r.patience.restrictedMeanSeconds,
      tauSeconds: r.patience.tauSeconds,
      abandons: r.patience.abandons,
      censored: r.patience.censored,
    };
  if (withCalls.length > 0)
    input.period = {
      from: withCalls[0]!,
      to: withCalls[withCalls.length - 1]!,
      days: new Set(withCalls.map((t) => t.slice(0, 10))).size,
    };
  if (options.timeZone !== undefined) input.timeZone = options.timeZone;
  if (r.occupancy)
    input.occupancy = {
      definition: r.occupancy.definition,
      all: { ...r.occupancy.all },
      byAgent: r.occupancy.byAgent.map((a) => ({ ...a })),
    };
  const staffing = result.calibration.staffingSeen;
  if (staffing.length > 0)
    input.operators = staffing.map((o) => ({
      weekday: isoWeekday(o.weekday),
      hour: o.hour,
      seen: o.agents,
      effective: o.refined ?? o.effective,
    }));
  if (staffing.some((o) => o.refined !== undefined)) input.operatorsRefined = true;
  if (c.cdr) input.cdr = { ...c.cdr };
  if (r.survey) {
    const nps: NonNullable<AuditReportInput['nps']>[number][] = [];
    if (r.survey.overall)
      nps.push({
        reason: 'all reasons',
        responses: r.survey.overall.responses,
        score: r.survey.overall.nps,
        ci95: r.survey.overall.ci95,
      });
    for (const [reason, g] of Object.entries(r.survey.byReason))
      nps.push({ reason, responses: g.responses, score: g.nps, ci95: g.ci95 });
    if (nps.length > 0) input.nps = nps;
  }
  return input;
}
