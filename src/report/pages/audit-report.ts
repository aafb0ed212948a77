/**
 * The `audit` report page: every KPI with its definition, weekday × hour heatmaps of offered
 * calls and of abandonment, the repeat-caller distribution, the patience survival curve,
 * transfer outcomes, measures by queue, NPS, and the input files' line accounting with the first
 * rejected lines — opened by a summary generated from the numbers. Cost: O(cells + rows).
 */

import { barChart } from '../charts/bar-chart.js';
import { weekdayHourHeatmap } from '../charts/heatmap-chart.js';
import { survivalChart, survivalMedian } from '../charts/survival-chart.js';
import type { KeyFigure, ReportDocument, ReportSection } from '../document.js';
import { formatCount, formatNumber, formatPercent, formatSeconds, formatValue } from '../format.js';
import { measureInfo } from '../measures.js';
import { sentence } from '../sentences.js';
import { formatWallClock } from '../wall-clock.js';
import type { AuditReportInput } from './audit-input.js';

/** Hours with fewer calls offered than this get no abandonment rate on the heatmap. */
const MIN_CALLS_FOR_RATE = 10;

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** Build the audit report document from `audit --json`-shaped input. */
export function auditReport(input: AuditReportInput): ReportDocument {
  const { calls, callers } = input;
  const def = (key: string, fallback: string) => input.definitions[key] ?? fallback;
  const T = input.serviceLevel.thresholdSeconds;
  const short = input.abandonRate.shortAbandonSeconds;
  const lines = input.input.reduce((s, f) => s + f.lines, 0);
  const rejected = input.input.reduce((s, f) => s + f.rejected, 0);
  const median =
    input.patience?.medianSeconds ??
    (input.patience ? survivalMedian(input.patience.curve) : undefined);

  const summary = [
    sentence(
      `the records hold ${formatCount(calls.offered)} calls from ${formatCount(callers.distinct)} distinct callers${input.period ? ` between ${formatWallClock(input.period.from, 'date')} and ${formatWallClock(input.period.to, 'date')}` : ''}; ${formatPercent(share(calls.answered, calls.offered))} were answered and ${formatPercent(input.abandonRate.all)} abandoned (${formatPercent(input.abandonRate.excludingShort)} without abandons under ${short}\u00a0s)`,
    ),
    sentence(
      `service level was ${formatPercent(input.serviceLevel.ofAnsweredAndAbandoned)} within ${T}\u00a0s counting answered and abandoned calls (${formatPercent(input.serviceLevel.ofAnswered)} of answered calls only), and answered callers waited ${formatSeconds(input.asaSeconds)} on average`,
    ),
    sentence(
      `${formatPercent(share(callers.repeat, callers.distinct))} of callers called more than once (${formatNumber(callers.attemptsPerCaller, 2)} attempts per caller)${callers.neverGotThrough !== undefined ? `, and ${formatPercent(share(callers.neverGotThrough, callers.distinct))} never got through` : ''}`,
    ),
  ];
  if (median !== undefined)
    summary.push(
      sentence(
        `half of the callers kept waiting had given up by ${formatSeconds(median)} (Kaplan–Meier estimate, answered calls counted as censored)`,
      ),
    );
  summary.push(
    sentence(
      rejected === 0
        ? `all ${formatCount(lines)} lines of ${input.input.length} file${input.input.length === 1 ? '' : 's'} were read; none was rejected`
        : `${formatCount(rejected)} of ${formatCount(lines)} lines (${formatPercent(share(rejected, lines), 2)}) were rejected; each is accounted for under "Input files"`,
    ),
  );

  const fig = (label: string, value: string, definition: string, detail?: string): KeyFigure =>
    detail === undefined ? { label, value, definition } : { label, value, definition, detail };
  const figures: KeyFigure[] = [
    fig(
      'Calls offered',
      formatCount(calls.offered),
      def('offered', measureInfo('offered').definition),
    ),
    fig(
      'Answered',
      formatPercent(share(calls.answered, calls.offered)),
      def('answered', 'Calls answered by an agent, of calls offered.'),
      `${formatCount(calls.answered)} calls`,
    ),
    fig(
      'Abandonment',
      formatPercent(input.abandonRate.all),
      def('abandonRate', 'Calls abandoned in the queue, of calls offered.'),
      `${formatPercent(input.abandonRate.excludingShort)} without abandons under ${short}\u00a0s`,
    ),
    fig(
      `Service level (${T}\u00a0s)`,
      formatPercent(input.serviceLevel.ofAnsweredAndAbandoned),
      def('serviceLevel', `Calls answered within ${T}\u00a0s, of calls answered or abandoned.`),
      `${formatPercent(input.serviceLevel.ofAnswered)} of answered calls only`,
    ),
    fig(
      'Average speed of answer',
      formatSeconds(input.asaSeconds),
      def('asaSeconds', measureInfo('asaSeconds').definition),
    ),
    fig(
      'Repeat callers',
      formatPercent(share(callers.repeat, callers.distinct)),
      def('repeat', 'Distinct callers with more than one attempt, of distinct callers.'),
      `${formatNumber(callers.attemptsPerCaller, 2)} attempts per caller`,
    ),
    fig(
      'Transferred',
      formatPercent(share(calls.transferred, calls.answered)),
      def('transferred', 'Answered calls transferred to another queue or extension.'),
      `${formatCount(calls.transferred)} calls`,
    ),
    fig(
      'Timeouts and exits',
      formatCount(calls.timeout + calls.exitKey + calls.exitEmpty),
      def(
        'timeout',
        'Calls that left the queue by timeout, by pressing a key or because the queue was empty.',
      ),
      `${formatCount(calls.timeout)} timeout, ${formatCount(calls.exitKey)} key, ${formatCount(calls.exitEmpty)} empty`,
    ),
  ];
  if (callers.neverGotThrough !== undefined)
    figures.push(
      fig(
        'Never got through',
        formatPercent(share(callers.neverGotThrough, callers.distinct)),
        def('neverGotThrough', 'Distinct callers none of whose attempts was answered.'),
        `${formatCount(callers.neverGotThrough)} callers`,
      ),
    );
  if (median !== undefined)
    figures.push(
      fig(
        'Median patience',
        formatSeconds(median),
        def(
          'patience',
          'Wait after which half of callers would have hung up, by Kaplan–Meier (answers censor).',
        ),
      ),
    );

  const sections: ReportSection[] = [
    { heading: 'Key figures', blocks: [{ kind: 'figures', figures }] },
  ];
  const abandonCells = input.byHour.map((r) => ({
    weekday: r.weekday,
    hour: r.hour,
    value: r.offered >= MIN_CALLS_FOR_RATE ? r.abandoned / r.offered : null,
  }));
  const rateNote = `Abandonment is shown only for hours with at least ${MIN_CALLS_FOR_RATE} calls offered: a rate of 1 in 2 calls says little.`;
  const timeBlocks: ReportSection['blocks'] = [];
  if (input.byHour.some((r) => r.offered > 0))
    timeBlocks.push(
      weekdayHourHeatmap(
        input.byHour.map((r) => ({ weekday: r.weekday, hour: r.hour, value: r.offered })),
        { title: 'Calls offered by weekday and hour', valueTitle: 'calls offered', unit: 'count' },
      ),
    );
  if (abandonCells.some((c) => c.value !== null))
    timeBlocks.push(
      weekdayHourHeatmap(abandonCells, {
        title: 'Abandonment by weekday and hour',
        valueTitle: 'abandonment',
        unit: 'share',
      }),
      { kind: 'note', text: `${rateNote} The counts are in the chart above.` },
    );
  else timeBlocks.push({ kind: 'note', text: `${rateNote} No hour has that many.` });
  sections.push({ heading: 'When calls arrive and are lost', blocks: timeBlocks });
  const callerBlocks: ReportSection['blocks'] = [];
  if (callers.attemptsDistribution && callers.attemptsDistribution.length > 0)
    callerBlocks.push(
      barChart(
        callers.attemptsDistribution.map((a) => ({
          label: `${a.attempts} attempt${a.attempts === 1 ? '' : 's'}`,
          value: a.callers,
          text: `${formatCount(a.callers)} (${formatPercent(share(a.callers, callers.distinct))})`,
          kind: a.attempts > 1 ? 'bad' : 'neutral',
        })),
        { title: 'Attempts per caller', xTitle: 'callers' },
      ),
    );
  if (input.patience && input.patience.curve.length > 0)
    callerBlocks.push(
      survivalChart(input.patience.curve, { title: 'Patience: share still willing to wait' }),
    );
  if (input.transfers && input.transfers.length > 0)
    callerBlocks.push(
      barChart(
        input.transfers.map((t) => ({
          label: t.outcome,
          value: t.calls,
          text: `${formatCount(t.calls)} (${formatPercent(share(t.calls, calls.transferred))})`,
          kind: t.kind ?? 'neutral',
        })),
        { title: 'Transfer outcomes', xTitle: 'transfers', wide: true },
      ),
    );
  if (callerBlocks.length > 0)
    sections.push({ heading: 'Callers, patience and transfers', blocks: callerBlocks });

  const tables: ReportSection['blocks'] = [];
  if (input.byQueue) {
    const names = [...new Set(Object.values(input.byQueue).flatMap((q) => Object.keys(q)))];
    tables.push({
      kind: 'table',
      caption: 'Measures by queue',
      columns: [
        { label: 'Queue' },
        ...names.map((n) => ({ label: measureInfo(n).label, numeric: true })),
      ],
      rows: Object.entries(input.byQueue).map(([queue, m]) => [
        queue,
        ...names.map((n) => (m[n] === undefined ? '–' : formatValue(m[n]!, measureInfo(n).unit))),
      ]),
    });
  }
  if (input.nps && input.nps.length > 0)
    tables.push({
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
  if (tables.length > 0) sections.push({ heading: 'By queue and survey', blocks: tables });

  const inputBlocks: ReportSection['blocks'] = [
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
      ],
      rows: input.input.map((f) => [
        f.path,
        f.format,
        formatCount(f.lines),
        formatCount(f.records),
        formatCount(f.blank),
        { text: formatCount(f.rejected), strong: f.rejected > 0 },
      ]),
    },
  ];
  const samples = input.input.flatMap((f) =>
    (f.firstRejected ?? []).map((r) => [f.path, String(r.line), r.reason]),
  );
  if (samples.length > 0)
    inputBlocks.push({
      kind: 'table',
      caption: 'First rejected lines',
      columns: [{ label: 'File' }, { label: 'Line', numeric: true }, { label: 'Why' }],
      rows: samples,
    });
  sections.push({ heading: 'Input files', blocks: inputBlocks });
  const definitions = Object.entries(input.definitions);
  if (definitions.length > 0)
    sections.push({
      heading: 'Definitions',
      blocks: [
        {
          kind: 'table',
          caption: 'How each KPI is computed',
          columns: [{ label: 'KPI' }, { label: 'Definition' }],
          rows: definitions.map(([k, d]) => [measureInfo(k).label, d]),
        },
      ],
    });

  return {
    title: 'Switchboard audit',
    subtitle: `${input.input.length} file${input.input.length === 1 ? '' : 's'}: ${input.input.map((f) => `${f.path} (${f.format})`).join(', ')}`,
    summary,
    sections,
    footer: 'Generated by switchboard audit.',
  };
}
