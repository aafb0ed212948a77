/**
 * The charted sections of the audit page: when calls arrive and are lost (weekday × hour
 * heatmaps) and callers, patience and transfers (bars, the survival curve, destinations). The
 * tables are in `audit-tables.ts`. Each returns undefined when the audit has nothing to show
 * for it. Cost: O(rows).
 */

import { barChart } from '../charts/bar-chart.js';
import { weekdayHourHeatmap } from '../charts/heatmap-chart.js';
import { survivalChart } from '../charts/survival-chart.js';
import type { ReportSection } from '../document.js';
import { formatCount, formatPercent, formatSeconds } from '../format.js';
import type { AuditHourRow, AuditReportInput } from './audit-input.js';

/** Hours with fewer calls than this get no rate on the heatmaps. */
export const MIN_CALLS_FOR_RATE = 10;
/** Longest table of queues, agents or transfer destinations before the rest is summed. */
export const MAX_ROWS = 25;

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
  blocks.push(...operatorBlocks(input));
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
      `${formatCount(callers.redials)} calls were redials within ${formatSeconds(callers.redialWindowSeconds)} of an unanswered call (${formatPercent(callers.redialProbability)} of the identified callers' unanswered calls were redialled); callers waited ${formatSeconds(callers.waitPerCallerSeconds)} in queues over all their calls on average.`,
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

/**
 * Heatmaps of the agents seen answering and of the operators each hour behaved as if it had
 * (what the calibrated scenario gets), with a note on why they differ. None without agents.
 */
function operatorBlocks(input: AuditReportInput): Blocks {
  const rows = input.operators ?? [];
  if (rows.length === 0) return [];
  const zone = input.timeZone ? ` (local time, ${input.timeZone})` : ' (local time)';
  const seen = rows.reduce((sum, r) => sum + r.seen, 0);
  const effective = rows.reduce((sum, r) => sum + r.effective, 0);
  return [
    weekdayHourHeatmap(
      rows.map((r) => ({ weekday: r.weekday, hour: r.hour, value: r.seen })),
      {
        title: `Agents seen answering, mean per day, by weekday and hour${zone}`,
        valueTitle: 'agents seen',
        unit: 'count',
      },
    ),
    weekdayHourHeatmap(
      rows.map((r) => ({ weekday: r.weekday, hour: r.hour, value: r.effective })),
      {
        title: 'Operators each hour behaved as if it had (the calibrated scenario’s roster)',
        valueTitle: 'operators',
        unit: 'count',
      },
    ),
    {
      kind: 'note',
      text: `Records show which agents answered in an hour, not how long each was on the phones. The calibrated scenario gives each hour the number of operators, at most the agents seen, whose Erlang A abandonment is nearest the abandonment observed in that hour${input.operatorsRefined ? ', then moved one operator at a time until the simulated scenario’s abandonment matched the hour’s (--refine-roster)' : ''}. Over the week: ${formatCount(Math.round(seen))} agent-hours seen, ${formatCount(effective)} operator-hours written (${formatPercent(share(effective, seen), 0)}).`,
    },
  ];
}
