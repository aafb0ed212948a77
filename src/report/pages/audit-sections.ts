/**
 * The sections of the audit page after its key figures: when calls arrive and are lost
 * (weekday × hour heatmaps), callers, patience and transfers (bars and the survival curve),
 * tables by queue, agent and survey reason, the input files' line accounting and the
 * definitions. Each returns undefined when the audit has nothing to show for it. Cost: O(rows).
 */

import { barChart } from '../charts/bar-chart.js';
import { weekdayHourHeatmap } from '../charts/heatmap-chart.js';
import { survivalChart } from '../charts/survival-chart.js';
import type { ReportSection } from '../document.js';
import { formatCount, formatNumber, formatPercent, formatSeconds } from '../format.js';
import { measureInfo } from '../measures.js';
import type { AuditHourRow, AuditReportInput } from './audit-input.js';

/** Hours with fewer calls than this get no rate on the heatmaps. */
export const MIN_CALLS_FOR_RATE = 10;
/** Longest table of queues, agents or transfer destinations before the rest is summed. */
const MAX_ROWS = 25;

type Blocks = ReportSection['blocks'];

/** A share, or a dash when the audit could not compute it (no calls). */
export const percentOrDash = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? '–' : formatPercent(x, digits);
/** Seconds, or a dash. */
export const secondsOrDash = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : formatSeconds(x);
const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** Heatmaps of offered calls, abandonment and service level by weekday and hour. */
export function timeSection(input: AuditReportInput): ReportSection | undefined {
  const blocks: Blocks = [];
  const zone = input.timeZone ? ` (local time, ${input.timeZone})` : ' (local time)';
  if (!input.byHour.some((r) => r.offered > 0)) return undefined;
  blocks.push(
    weekdayHourHeatmap(
      input.byHour.map((r) => ({ weekday: r.weekday, hour: r.hour, value: r.offered })),
      {
        title: `Calls offered by weekday and hour${zone}`,
        valueTitle: 'calls offered',
        unit: 'count',
      },
    ),
  );
  const rated = input.byHour.filter((r) => r.offered >= MIN_CALLS_FOR_RATE);
  // Cells under the threshold are given as null, so the rate charts keep the offered chart's hours.
  const rateCells = (rate: (r: AuditHourRow) => number | null | undefined) =>
    input.byHour.map((r) => ({
      weekday: r.weekday,
      hour: r.hour,
      value: r.offered >= MIN_CALLS_FOR_RATE ? (rate(r) ?? null) : null,
    }));
  const note = `Rates are shown only for hours with at least ${MIN_CALLS_FOR_RATE} calls offered over the whole period: a rate of 1 in 2 calls says little. The counts are in the first chart.`;
  if (rated.length === 0) {
    blocks.push({ kind: 'note', text: `${note} No hour has that many.` });
    return { heading: 'When calls arrive and are lost', blocks };
  }
  blocks.push(
    weekdayHourHeatmap(
      rateCells((r) => r.abandoned / r.offered),
      {
        title: 'Abandonment by weekday and hour (abandoned ÷ offered)',
        valueTitle: 'abandonment',
        unit: 'share',
      },
    ),
  );
  const sl = rated.filter((r) => r.serviceLevel !== undefined && r.serviceLevel !== null);
  if (sl.length > 0)
    blocks.push(
      weekdayHourHeatmap(
        rateCells((r) => r.serviceLevel),
        {
          title: `Service level (${input.serviceLevel.thresholdSeconds}\u00a0s) by weekday and hour`,
          valueTitle: 'service level',
          unit: 'share',
        },
      ),
    );
  blocks.push({ kind: 'note', text: note });
  return { heading: 'When calls arrive and are lost', blocks };
}

/** Calls per caller, whether callers got through, patience and transfer outcomes. */
export function callerSection(input: AuditReportInput): ReportSection | undefined {
  const { calls, callers } = input;
  const blocks: Blocks = [];
  const n = callers.distinct;
  if (n > 0) {
    const count = (x: number) => `${formatCount(x)} (${formatPercent(share(x, n))})`;
    blocks.push(
      barChart(
        [
          { label: 'called once', value: n - callers.repeat, text: count(n - callers.repeat) },
          {
            label: 'called twice or more',
            value: callers.repeat,
            text: count(callers.repeat),
            kind: 'bad',
          },
        ],
        { title: 'Calls per caller', xTitle: 'identified callers' },
      ),
    );
    const first = Math.round(callers.firstCallAnswered * n);
    const never = Math.round(callers.neverGotThrough * n);
    blocks.push(
      barChart(
        [
          { label: 'first call answered', value: first, text: count(first), kind: 'good' },
          {
            label: 'a later call answered',
            value: n - first - never,
            text: count(n - first - never),
          },
          { label: 'never got through', value: never, text: count(never), kind: 'bad' },
        ],
        { title: 'Did callers get through?', xTitle: 'identified callers' },
      ),
    );
    const notes = [
      `${formatCount(callers.redials)} calls were redials within ${formatSeconds(callers.redialWindowSeconds)} of an unanswered call (${formatPercent(callers.redialProbability)} of unanswered calls were redialled); callers waited ${formatSeconds(callers.waitPerCallerSeconds)} in queues over all their calls on average.`,
    ];
    if (callers.unidentifiedCalls > 0)
      notes.push(
        `${formatCount(callers.unidentifiedCalls)} calls without a caller number are not linked to any caller.`,
      );
    blocks.push({ kind: 'note', text: notes.join(' ') });
  }
  const p = input.patience;
  if (p && p.curve.length > 1) {
    const options = {
      title: 'Patience: share of callers still willing to wait',
      sampled: true,
      description: `Kaplan–Meier estimate of the share of callers still willing to wait after t seconds, with its 95 % pointwise band, evaluated at ${p.curve.map((c) => `${c.seconds} s`).join(', ')} (${formatCount(p.abandons)} abandons as events, ${formatCount(p.censored)} answered or otherwise ended waits as censored)${p.medianSeconds === null ? '; the curve stays above one half' : `; half would have given up by ${Math.round(p.medianSeconds)} s`}.`,
      wide: true,
    };
    blocks.push(
      survivalChart(
        p.curve,
        p.medianSeconds === null ? options : { ...options, medianSeconds: p.medianSeconds },
      ),
    );
  }
  if (calls.transferred > 0) {
    blocks.push(
      barChart(
        [
          {
            label: 'stayed transferred',
            value: calls.transferred - calls.bounced,
            text: `${formatCount(calls.transferred - calls.bounced)} (${formatPercent(share(calls.transferred - calls.bounced, calls.transferred))})`,
            kind: 'good',
          },
          {
            label: 'came back to a queue',
            value: calls.bounced,
            text: `${formatCount(calls.bounced)} (${formatPercent(share(calls.bounced, calls.transferred))})`,
            kind: 'bad',
          },
        ],
        { title: 'Transfer outcomes (transferred calls)', xTitle: 'transferred calls', wide: true },
      ),
      {
        kind: 'note',
        text: `${formatCount(calls.blindTransfers)} blind and ${formatCount(calls.attendedTransfers)} attended transfers. "Came back" is the same call entering a queue again after its transfer; besides, ${formatCount(callers.backAfterTransfer)} new calls came from the same number soon after a transferred call (the bounce window). The records do not show whether the destination answered.`,
      },
    );
    const targets = input.transferTargets ?? [];
    if (targets.length > 0) {
      const rows = targets
        .slice(0, MAX_ROWS)
        .map((t) => [
          t.target,
          formatCount(t.transfers),
          formatCount(t.bouncedBack),
          formatPercent(share(t.bouncedBack, t.transfers)),
        ]);
      const rest = targets.slice(MAX_ROWS);
      if (rest.length > 0) {
        const transfers = rest.reduce((s, t) => s + t.transfers, 0);
        const back = rest.reduce((s, t) => s + t.bouncedBack, 0);
        rows.push([
          `${rest.length} other destinations`,
          formatCount(transfers),
          formatCount(back),
          formatPercent(share(back, transfers)),
        ]);
      }
      blocks.push({
        kind: 'table',
        caption: 'Transfers by destination',
        columns: [
          { label: 'Destination' },
          { label: 'Transfers', numeric: true },
          { label: 'Came back', numeric: true },
          { label: 'Share back', numeric: true },
        ],
        rows,
      });
    }
  }
  if (blocks.length === 0) return undefined;
  return { heading: 'Callers, patience and transfers', blocks };
}

/** Calls as the CDR legs show them, queued or not. */
export function cdrSection(input: AuditReportInput): ReportSection | undefined {
  const cdr = input.cdr;
  if (!cdr || cdr.calls === 0) return undefined;
  const count = (x: number) => `${formatCount(x)} (${formatPercent(share(x, cdr.calls))})`;
  return {
    heading: 'Calls in the CDR',
    blocks: [
      barChart(
        [
          { label: 'answered', value: cdr.answered, text: count(cdr.answered), kind: 'good' },
          { label: 'busy', value: cdr.busy, text: count(cdr.busy), kind: 'bad' },
          { label: 'no answer', value: cdr.noAnswer, text: count(cdr.noAnswer), kind: 'bad' },
          {
            label: 'failed or congestion',
            value: cdr.failed,
            text: count(cdr.failed),
            kind: 'bad',
          },
        ],
        { title: 'CDR calls by outcome', xTitle: 'calls (legs grouped by linkedid)' },
      ),
      {
        kind: 'note',
        text: `${formatCount(cdr.legs)} legs grouped into ${formatCount(cdr.calls)} calls (by linkedid, else uniqueid). A call is answered when a leg was ANSWERED with billsec > 0; else busy, no answer or failed by its legs' dispositions. ${formatCount(cdr.reachedQueue)} calls reached a queue and ${formatCount(cdr.neverQueued)} never did.`,
      },
    ],
  };
}

/** Queues, agents' occupancy and the survey's NPS. */
export function tableSection(input: AuditReportInput): ReportSection | undefined {
  const blocks: Blocks = [];
  const queues = input.byQueue ?? [];
  if (queues.length > 0) {
    const micro = queues.filter((q) => q.microFlow).length;
    blocks.push({
      kind: 'table',
      caption: `Measures by queue (the call's first queue)${queues.length > MAX_ROWS ? `, the ${MAX_ROWS} busiest of ${queues.length}` : ''}`,
      columns: [
        { label: 'Queue' },
        { label: 'Offered', numeric: true },
        { label: 'Answered', numeric: true },
        { label: 'Abandon', numeric: true },
        { label: `SL ${input.serviceLevel.thresholdSeconds}\u00a0s`, numeric: true },
        { label: 'ASA', numeric: true },
        { label: 'Talk', numeric: true },
        { label: 'Transf.', numeric: true },
        { label: 'Patience', numeric: true },
        { label: 'A week', numeric: true },
      ],
      rows: queues
        .slice(0, MAX_ROWS)
        .map((q) => [
          q.microFlow ? `${q.queue} *` : q.queue,
          formatCount(q.offered),
          formatCount(q.answered),
          percentOrDash(q.abandonRate),
          percentOrDash(q.serviceLevel),
          secondsOrDash(q.asaSeconds),
          secondsOrDash(q.meanTalkSeconds),
          formatCount(q.transferred),
          secondsOrDash(q.patienceMedianSeconds),
          formatNumber(q.callsPerWeek, 1),
        ]),
    });
    if (micro > 0)
      blocks.push({
        kind: 'note',
        text: `* ${micro} queue${micro === 1 ? ' is a micro-flow' : 's are micro-flows'}: ${input.definitions.microFlow ?? 'too few calls a week to staff on their own.'} Talk: mean talk time of answered calls; Transf.: calls transferred; Patience: Kaplan–Meier median patience of the queue's callers (– when fewer than half gave up); A week: calls offered a week.`,
      });
  }
  const agents = input.occupancy?.byAgent ?? [];
  if (agents.length > 0)
    blocks.push({
      kind: 'table',
      caption: `Occupancy by agent${agents.length > MAX_ROWS ? `, the first ${MAX_ROWS} of ${agents.length}` : ''}`,
      columns: [
        { label: 'Agent' },
        { label: 'Logged in', numeric: true },
        { label: 'Talking', numeric: true },
        { label: 'Occupancy', numeric: true },
      ],
      rows: agents
        .slice(0, MAX_ROWS)
        .map((a) => [
          a.agent,
          formatSeconds(a.loggedInSeconds),
          formatSeconds(a.talkSeconds),
          percentOrDash(a.occupancy),
        ]),
    });
  if (input.nps && input.nps.length > 0)
    blocks.push({
      kind: 'table',
      caption: 'Net Promoter Score by reason (% promoters − % detractors), 95 % CI',
      columns: [
        { label: 'Reason' },
        { label: 'Responses', numeric: true },
        { label: 'NPS', numeric: true },
        { label: '95 % CI', numeric: true },
      ],
      rows: input.nps.map((n) => [
        n.reason,
        formatCount(n.responses),
        formatNumber(n.score, 0),
        `${formatNumber(n.ci95[0], 0)} to ${formatNumber(n.ci95[1], 0)}`,
      ]),
    });
  return blocks.length > 0 ? { heading: 'By queue, agent and survey', blocks } : undefined;
}

/** Every line of every file accounted for, and the first rejected lines. */
export function inputSection(input: AuditReportInput): ReportSection {
  const blocks: Blocks = [
    {
      kind: 'table',
      caption: 'Every line accounted for: lines = records + blank or comment + rejected',
      columns: [
        { label: 'File' },
        { label: 'Format' },
        { label: 'Lines', numeric: true },
        { label: 'Records', numeric: true },
        { label: 'Blank', numeric: true },
        { label: 'Rejected', numeric: true },
        { label: 'Out of order', numeric: true },
      ],
      rows: input.input.map((f) => [
        f.path,
        f.format,
        formatCount(f.lines),
        formatCount(f.records),
        formatCount(f.blank),
        { text: formatCount(f.rejected), strong: f.rejected > 0 },
        f.outOfOrder === undefined ? '–' : formatCount(f.outOfOrder),
      ]),
    },
  ];
  const samples = input.input.flatMap((f) =>
    (f.firstRejected ?? []).map((r) => [f.path, String(r.line), r.reason]),
  );
  if (samples.length > 0)
    blocks.push({
      kind: 'table',
      caption: 'First rejected lines (the audit keeps up to 20 per file)',
      columns: [{ label: 'File' }, { label: 'Line', numeric: true }, { label: 'Why' }],
      rows: samples,
    });
  return { heading: 'Input files', blocks };
}

/** The audit's definitions, as it states them. */
export function definitionSection(input: AuditReportInput): ReportSection | undefined {
  const definitions = Object.entries(input.definitions);
  if (definitions.length === 0) return undefined;
  return {
    heading: 'Definitions',
    blocks: [
      {
        kind: 'table',
        caption: 'How each figure is computed (as the audit states it)',
        columns: [{ label: 'Figure' }, { label: 'Definition' }],
        rows: definitions.map(([k, d]) => [measureInfo(k).label, d]),
      },
    ],
  };
}
