import { weekdayName } from '../calendar/weekdays.js';
import { formatDuration } from '../units/duration.js';
import type { AuditReport } from '../audit/audit-report.js';
import { ignoredRowsText } from '../audit/records.js';
import { countText, fixed } from '../units/fixed.js';
import { clockText } from '../calendar/time-of-day.js';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${fixed(100 * x, 1)}%`;
const secs = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : formatDuration(x);

/**
 * The audit as people read it on a terminal: inputs and their accounting, calls, callers,
 * service level, patience, queues (micro-flows flagged), the busiest hours, and the
 * definitions the figures rest on. Cost: O(report size).
 */
export function formatAuditSummary(report: AuditReport): string {
  const out: string[] = [];
  out.push('Inputs (lines = records + blank + rejected)');
  for (const f of report.input) {
    out.push(
      `  ${f.path}  ${f.format}: ${f.lines} lines = ${f.records} records + ${f.blank} blank + ${f.rejected} rejected${f.duplicates ? `; ${countText(f.duplicates, 'duplicate')} (records seen before: counted once)` : ''}${f.ignored ? `; ignored (map): ${ignoredRowsText(f.ignored)}` : ''}${f.outOfOrder ? `; ${f.outOfOrder} out of time order` : ''}${f.latin1FromLine ? `; not UTF-8: read as Latin-1 from line ${f.latin1FromLine}` : ''}`,
    );
    for (const r of f.firstRejected.slice(0, 5)) out.push(`    line ${r.line}: ${r.reason}`);
    if (f.rejected > 5)
      out.push(
        `    … ${f.rejected - Math.min(5, f.firstRejected.length)} more rejected (see --json)`,
      );
  }
  const c = report.calls;
  if (c.offered > 0 || c.notQueued > 0) {
    out.push('', `Queue calls: ${c.offered} offered`);
    out.push(
      `  answered ${c.answered} (${pct(c.answered / c.offered)}), abandoned ${c.abandoned} (${c.shortAbandoned} short < ${report.abandonRate.shortAbandonSeconds} s), timeout ${c.timeout}, exit by key ${c.exitKey}, empty queue ${c.exitEmpty}, busy ${c.busy}, other ${c.other}`,
    );
    out.push(
      // Calls with a transfer, then the transfers (a call may be transferred more than once).
      `  transferred ${c.transferred} calls (${c.blindTransfers + c.attendedTransfers} transfers: ${c.blindTransfers} blind, ${c.attendedTransfers} attended), back in a queue after a transfer ${c.bounced}`,
    );
    if (c.transferTargets.length)
      out.push(
        `  transfers by destination: ${c.transferTargets
          .slice(0, 5)
          .map((t) => `${t.target} ${t.transfers} (${t.bouncedBack} back)`)
          .join(', ')}${c.transferTargets.length > 5 ? ', …' : ''}`,
      );
    if (c.notQueued) out.push(`  never reached a queue: ${c.notQueued}`);
    if (c.openAtEnd) out.push(`  still waiting when the records end (not offered): ${c.openAtEnd}`);
    if (c.duplicateEvents || c.callsWithoutEnterQueue)
      out.push(
        `  ignored: ${c.duplicateEvents} duplicate events, ${c.callsWithoutEnterQueue} call ids without ENTERQUEUE`,
      );
    const unknown = Object.entries(c.unknownEvents);
    if (unknown.length)
      out.push(`  unknown events: ${unknown.map(([k, v]) => `${k} ${v}`).join(', ')}`);
    const sl = report.serviceLevel;
    out.push(
      '',
      `Service level (${sl.thresholdSeconds} s): ${pct(sl.ofAnswered)} of answered, ${pct(sl.ofAnsweredAndAbandoned)} of answered + abandoned (short abandons excluded)`,
      `ASA ${secs(report.asaSeconds)}; abandonment ${pct(report.abandonRate.all)} (${pct(report.abandonRate.excludingShort)} without short abandons)`,
    );
    const p = report.patience;
    out.push(
      `Patience (Kaplan–Meier, ${p.abandons} abandons, ${p.censored} censored): median ${secs(p.medianSeconds)}, quartile ${secs(p.quartileSeconds)}, restricted mean (to ${secs(p.tauSeconds)}) ${secs(p.restrictedMeanSeconds)}`,
    );
    const k = report.callers;
    out.push(
      '',
      `Callers: ${k.distinct} identified, ${k.repeat} called more than once, ${fixed(k.attemptsPerCaller, 2)} calls each, ${pct(k.neverGotThrough)} never got through, ${pct(k.firstCallAnswered)} answered at the first call, ${secs(k.waitPerCallerSeconds)} waited per caller in all; ${k.unidentifiedCalls} calls without a number`,
      `  redials within ${secs(k.redialWindowSeconds)} of an unanswered call: ${k.redials} (${pct(k.redialProbability)} of the identified callers' unanswered calls), delay median ${secs(k.redialDelaySeconds.median)}, 90% ${secs(k.redialDelaySeconds.p90)}`,
    );
    out.push('', 'Queues             offered  answered  abandon   SL      ASA       calls/week');
    for (const q of report.byQueue)
      out.push(
        `  ${q.queue.padEnd(16).slice(0, 16)} ${String(q.offered).padStart(8)} ${String(q.answered).padStart(9)}  ${pct(q.abandonRate).padStart(7)} ${pct(q.serviceLevel).padStart(6)}  ${secs(q.asaSeconds).padEnd(10)} ${fixed(q.callsPerWeek, 1).padStart(8)}${q.microFlow ? '  micro-flow' : ''}`,
      );
    const micro = report.byQueue.filter((q) => q.microFlow);
    if (micro.length)
      out.push(
        `  micro-flows together: ${micro.length} queues, ${micro.reduce((n, q) => n + q.offered, 0)} calls (${pct(micro.reduce((n, q) => n + q.offered, 0) / c.offered)} of offered), ${micro.reduce((n, q) => n + q.transferred, 0)} transferred`,
      );
    if (report.byHour.length) {
      const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
      for (const h of report.byHour) grid[h.weekday]![h.hour] = h.offered;
      const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(5)).join('');
      out.push('', 'Offered calls by weekday × hour (local)', `     ${hours}`);
      grid.forEach((row, d) => {
        const day = weekdayName(d, 'short');
        if (row.some((n) => n > 0))
          out.push(
            `  ${day}${row.map((n) => (n === 0 ? '.' : n < 1000 ? String(n) : `${fixed(n / 1000, n < 10_000 ? 1 : 0)}k`).padStart(5)).join('')}`,
          );
      });
    }
    const busiest = [...report.byHour].sort((a, b) => b.offered - a.offered).slice(0, 5);
    if (busiest.length) {
      out.push('', 'Busiest hours (local)');
      for (const h of busiest)
        out.push(
          `  ${h.weekdayName.padEnd(9)} ${clockText(h.hour * 60)}  ${String(h.offered).padStart(6)} offered, SL ${pct(h.serviceLevel)}, ASA ${secs(h.asaSeconds)}`,
        );
    }
  }
  if (report.occupancy?.all.occupancy != null) {
    const o = report.occupancy.all;
    out.push(
      '',
      `Occupancy ${pct(o.occupancy)}: ${secs(o.talkSeconds)} talking in ${secs(o.loggedInSeconds)} logged in, ${report.occupancy.byAgent.length} agents with sessions`,
    );
  }
  if (c.cdr) {
    const d = c.cdr;
    out.push(
      '',
      `CDR: ${d.legs} legs in ${d.calls} calls: answered ${d.answered}, busy ${d.busy}, no answer ${d.noAnswer}, failed ${d.failed}; ${d.neverQueued} never reached a queue`,
    );
  }
  if (report.survey) {
    const f = report.survey.file;
    out.push(
      '',
      `Survey ${f.path}: ${f.lines} lines = ${f.records} responses + ${f.blank} blank/header + ${f.rejected} rejected`,
    );
    for (const r of f.firstRejected.slice(0, 5)) out.push(`    line ${r.line}: ${r.reason}`);
  }
  if (report.survey?.overall) {
    const s = report.survey.overall;
    out.push(
      '',
      `NPS ${fixed(s.nps, 1)} (95% CI ${fixed(s.ci95[0], 1)} to ${fixed(s.ci95[1], 1)}), ${s.responses} responses`,
    );
    for (const [reason, g] of Object.entries(report.survey.byReason))
      out.push(
        `  ${reason.padEnd(24).slice(0, 24)} ${fixed(g.nps, 1).padStart(6)}  (${fixed(g.ci95[0], 1)} to ${fixed(g.ci95[1], 1)}), n = ${g.responses}`,
      );
  }
  out.push('', 'Definitions');
  for (const [key, text] of Object.entries(report.definitions)) out.push(`  ${key}: ${text}`);
  return `${out.join('\n')}\n`;
}
