/**
 * The tabular sections of the audit page: CDR calls by outcome, measures by queue, occupancy by
 * agent and NPS by reason, the input files' line accounting with the first rejected lines, and
 * the audit's definitions. Each returns undefined when the audit has nothing to show for it.
 * Cost: O(rows).
 */

import { barChart } from '../charts/bar-chart.js';
import type { ReportSection } from '../document.js';
import { formatCount, formatNumber, formatPercent, formatSeconds } from '../format.js';
import { measureInfo } from '../measures.js';
import { ignoredRowsText } from '../../audit/records.js';
import type { AuditReportInput } from './audit-input.js';
import { MAX_ROWS, percentOrDash, secondsOrDash } from './audit-sections.js';

type Blocks = ReportSection['blocks'];
const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

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
  for (const f of input.input)
    if (f.duplicates)
      blocks.push({
        kind: 'note',
        text: `${f.path}: ${formatCount(f.duplicates)} records were seen before (a per-call record: same call id and arrival; a CDR leg: the same fields), counted once.`,
      });
  for (const f of input.input)
    if (f.ignored)
      blocks.push({
        kind: 'note',
        text: `${f.path}: ignored (map): ${ignoredRowsText(f.ignored)}, counted as records and left out of every figure.`,
      });
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
