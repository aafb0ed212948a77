/**
 * The `audit` report page: every KPI with the audit's own definition, weekday × hour heatmaps
 * of offered calls, abandonment and service level, how many calls callers made and whether they
 * got through, the Kaplan–Meier patience curve, transfer outcomes, tables by queue, agent and
 * survey reason, and the input files' line accounting with the first rejected lines — opened by
 * a summary generated from the numbers. Cost: O(cells + rows).
 */

import type { KeyFigure, ReportDocument, ReportSection } from '../document.js';
import { formatCount, formatNumber, formatPercent, formatSeconds } from '../format.js';
import { sentence } from '../sentences.js';
import { formatWallClock } from '../../calendar/format-wall-clock.js';
import type { AuditReportInput } from './audit-input.js';
import { callerSection, percentOrDash, secondsOrDash, timeSection } from './audit-sections.js';
import { cdrSection, definitionSection, inputSection, tableSection } from './audit-tables.js';
import { countText } from '../../units/fixed.js';
import { ignoredRowsText } from '../../audit/records.js';
import { nameKeyed } from '../../io/name-keyed.js';

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
/** `Fri 30 Nov 2018`: records span years, so the year is always written. */
const datedYear = (iso: string) => `${formatWallClock(iso, 'date')} ${iso.slice(0, 4)}`;

function summaryOf(input: AuditReportInput): string[] {
  const { calls, callers } = input;
  const T = input.serviceLevel.thresholdSeconds;
  const short = input.abandonRate.shortAbandonSeconds;
  const lines = input.input.reduce((s, f) => s + f.lines, 0);
  const rejected = input.input.reduce((s, f) => s + f.rejected, 0);
  const period = input.period
    ? ` over ${countText(input.period.days, 'day')} with calls between ${datedYear(input.period.from)} and ${datedYear(input.period.to)}`
    : '';
  const summary = [
    sentence(
      calls.offered === 0
        ? `the records hold no queue call${period}${input.cdr && input.cdr.calls > 0 ? `; the CDR holds ${formatCount(input.cdr.calls)} calls in ${formatCount(input.cdr.legs)} legs, ${formatPercent(share(input.cdr.answered, input.cdr.calls))} of them answered and ${formatCount(input.cdr.neverQueued)} never queued` : ''}`
        : `the records hold ${formatCount(calls.offered)} queue calls${callers.distinct > 0 ? ` from ${formatCount(callers.distinct)} identified callers` : ''}${period}; ${formatPercent(share(calls.answered, calls.offered))} were answered and ${percentOrDash(input.abandonRate.all)} abandoned (${percentOrDash(input.abandonRate.excludingShort)} leaving out abandons under ${short}\u00a0s)`,
    ),
  ];
  if (input.serviceLevel.ofAnsweredAndAbandoned !== null)
    summary.push(
      sentence(
        `service level was ${formatPercent(input.serviceLevel.ofAnsweredAndAbandoned)} within ${T}\u00a0s of the calls answered or abandoned (short abandons left out; ${percentOrDash(input.serviceLevel.ofAnswered)} of answered calls only), and answered callers waited ${secondsOrDash(input.asaSeconds)} on average`,
      ),
    );
  if (callers.distinct > 0)
    summary.push(
      sentence(
        `${formatPercent(share(callers.repeat, callers.distinct))} of callers called more than once (${formatNumber(callers.attemptsPerCaller, 2)} calls each on average) and ${formatPercent(callers.neverGotThrough)} never got through`,
      ),
    );
  const median = input.patience?.medianSeconds;
  if (median !== undefined && median !== null)
    summary.push(
      sentence(
        `half of the callers kept waiting would have given up by ${formatSeconds(median)} (Kaplan–Meier estimate, answered calls counted as censored)`,
      ),
    );
  const ignored: Record<string, number> = nameKeyed();
  for (const f of input.input)
    for (const [value, n] of Object.entries(f.ignored ?? {}))
      ignored[value] = (ignored[value] ?? 0) + n;
  summary.push(
    sentence(
      `${
        rejected === 0
          ? `all ${formatCount(lines)} lines of ${countText(input.input.length, 'file')} were read; none was rejected`
          : `${formatCount(rejected)} of ${formatCount(lines)} lines (${formatPercent(share(rejected, lines), 2)}) were rejected; each is accounted for under "Input files"`
      }${Object.keys(ignored).length > 0 ? `; the column map ignored ${ignoredRowsText(ignored)}` : ''}`,
    ),
  );
  return summary.slice(0, 5);
}

function figuresOf(input: AuditReportInput): KeyFigure[] {
  const { calls, callers } = input;
  const def = (key: string, fallback: string) => input.definitions[key] ?? fallback;
  const T = input.serviceLevel.thresholdSeconds;
  const short = input.abandonRate.shortAbandonSeconds;
  const fig = (label: string, value: string, definition: string, detail?: string): KeyFigure =>
    detail === undefined || detail === ''
      ? { label, value, definition }
      : { label, value, definition, detail };
  const figures: KeyFigure[] = [
    fig(
      'Calls offered',
      formatCount(calls.offered),
      def('offered', 'Calls that reached a queue.'),
      calls.notQueued > 0 ? `${formatCount(calls.notQueued)} more never reached a queue` : '',
    ),
    fig(
      'Answered',
      formatPercent(share(calls.answered, calls.offered)),
      def('answered', 'Calls connected to an agent.'),
      `${formatCount(calls.answered)} calls`,
    ),
    fig(
      'Abandonment',
      percentOrDash(input.abandonRate.all),
      def('abandonRate', 'Calls abandoned in the queue, of calls offered.'),
      `${percentOrDash(input.abandonRate.excludingShort)} without the ${formatCount(calls.shortAbandoned)} abandons under ${short}\u00a0s`,
    ),
    fig(
      `Service level (${T}\u00a0s)`,
      percentOrDash(input.serviceLevel.ofAnsweredAndAbandoned),
      def('serviceLevel', `Answered within ${T}\u00a0s, of calls answered or abandoned.`),
      `${percentOrDash(input.serviceLevel.ofAnswered)} of answered calls only`,
    ),
    fig(
      'Average speed of answer',
      secondsOrDash(input.asaSeconds),
      def('asaSeconds', 'Mean wait of answered calls.'),
    ),
    fig(
      'Left the queue otherwise',
      formatCount(calls.timeout + calls.exitKey + calls.exitEmpty + calls.busy + calls.other),
      'Queue calls neither answered nor abandoned: timeout (EXITWITHTIMEOUT), exit by key (EXITWITHKEY), empty queue (EXITEMPTY, JOINEMPTY…), busy (FULL), other.',
      `${formatCount(calls.timeout)} timeout, ${formatCount(calls.exitKey)} key, ${formatCount(calls.exitEmpty)} empty, ${formatCount(calls.busy)} busy, ${formatCount(calls.other)} other`,
    ),
    fig(
      'Transferred',
      formatPercent(share(calls.transferred, calls.answered)),
      'Answered calls with at least one transfer (TRANSFER, BLINDTRANSFER, ATTENDEDTRANSFER), of answered calls.',
      `${formatCount(calls.transferred)} calls, ${formatCount(calls.bounced)} came back to a queue`,
    ),
  ];
  if (callers.distinct > 0)
    figures.push(
      fig(
        'Repeat callers',
        formatPercent(share(callers.repeat, callers.distinct)),
        'Identified callers (calls linked by caller number) with two calls or more.',
        `${formatNumber(callers.attemptsPerCaller, 2)} calls per caller`,
      ),
      fig(
        'Never got through',
        formatPercent(callers.neverGotThrough),
        'Identified callers none of whose calls was answered.',
        `${formatPercent(callers.firstCallAnswered)} answered at the first call`,
      ),
      fig(
        'Redials',
        formatCount(callers.redials),
        `Calls from a number within ${formatSeconds(callers.redialWindowSeconds)} (--redial-window) after an unanswered call of that number.`,
        `${formatPercent(callers.redialProbability)} of the identified callers' unanswered calls were followed by one`,
      ),
    );
  const p = input.patience;
  if (p)
    figures.push(
      fig(
        'Median patience',
        secondsOrDash(p.medianSeconds),
        def('patience', 'Kaplan–Meier: abandons are events, answers censor.'),
        p.medianSeconds === null
          ? 'fewer than half gave up: the curve stays above 50 %'
          : `${formatCount(p.abandons)} abandons, ${formatCount(p.censored)} censored`,
      ),
    );
  if (input.cdr && input.cdr.calls > 0)
    figures.push(
      fig(
        'CDR calls',
        formatCount(input.cdr.calls),
        'CDR legs grouped into calls by linkedid (else uniqueid); answered when a leg was ANSWERED with billsec > 0.',
        `${formatPercent(share(input.cdr.answered, input.cdr.calls))} answered, ${formatCount(input.cdr.neverQueued)} never queued`,
      ),
    );
  const occupancy = input.occupancy?.all.occupancy;
  if (input.occupancy && occupancy !== null && occupancy !== undefined)
    figures.push(
      fig(
        'Occupancy',
        formatPercent(occupancy),
        input.occupancy.definition,
        `${formatSeconds(input.occupancy.all.talkSeconds)} talking in ${formatSeconds(input.occupancy.all.loggedInSeconds)} logged in`,
      ),
    );
  return figures;
}

/** Build the audit report document from {@link auditReportInput}'s output. */
export function auditReport(input: AuditReportInput): ReportDocument {
  const sections: ReportSection[] = [
    { heading: 'Key figures', blocks: [{ kind: 'figures', figures: figuresOf(input) }] },
  ];
  for (const section of [
    timeSection(input),
    callerSection(input),
    cdrSection(input),
    tableSection(input),
    inputSection(input),
    definitionSection(input),
  ])
    if (section) sections.push(section);
  return {
    title: 'Switchboard audit',
    subtitle: `${countText(input.input.length, 'file')}: ${input.input.map((f) => `${f.path} (${f.format})`).join(', ')}${input.timeZone ? `; local time ${input.timeZone}` : ''}`,
    summary: summaryOf(input),
    sections,
    footer: 'Generated by switchboard audit.',
  };
}
