/**
 * The `simulate` report page: key figures against targets, offered / answered / abandoned /
 * busy per interval, service level per interval with its band against the target line,
 * occupancy, the waiting-time distribution, the call-path flow with counts, the needs view,
 * cost, and tables by queue and by reason — opened by a summary generated from the numbers.
 * Cost: O(intervals) plus one chart render per chart when rendered.
 */

import { barChart } from '../charts/bar-chart.js';
import { callOutcomeFlow, callOutcomesOf } from '../charts/call-outcome-flow.js';
import { callPathFlow } from '../charts/call-path-flow.js';
import { flowChart } from '../charts/flow-chart.js';
import { histogramChart } from '../charts/histogram-chart.js';
import { intervalBandChart, intervalSeriesChart } from '../charts/interval-chart.js';
import type { ReportDocument, ReportSection } from '../document.js';
import { type Estimate, formatPercent, formatSeconds, formatValue } from '../format.js';
import { hardestIntervalIndex } from '../../measures/hardest-interval.js';
import { measureInfo } from '../measures.js';
import { describeEstimate, sentence } from '../sentences.js';
import { formatWallClock } from '../../calendar/format-wall-clock.js';
import {
  estimateFigure,
  type EstimateFigureOptions,
  groupTables,
  intervalPoints,
  targetStatus,
} from './page-parts.js';
import type { SimulateIntervalRow, SimulateReportInput } from './simulate-input.js';
import { countText } from '../../units/fixed.js';

const interval = intervalPoints;

/** The hardest interval by the one rule the text and JSON use ({@link hardestIntervalIndex}). */
function worstInterval(rows: readonly SimulateIntervalRow[]): SimulateIntervalRow | undefined {
  const k = hardestIntervalIndex(
    rows.map((r) => ({ offered: r.offered.mean, serviceLevel: r.serviceLevel?.mean ?? null })),
  );
  return k < 0 ? undefined : rows[k];
}

/** Build the simulate report document from `simulate --json`-shaped input. */
export function simulateReport(input: SimulateReportInput): ReportDocument {
  const o = input.overall;
  const slTarget = input.targets?.serviceLevel ?? 0.8;
  const threshold = input.targets?.thresholdSeconds ?? 20;
  const abandonTarget = input.targets?.abandon ?? 0.05;
  const slDefinition =
    input.serviceLevelDefinition ??
    `Share of calls answered within ${threshold}\u00a0s, of calls answered or abandoned.`;
  const currency = typeof input.cost?.currency === 'string' ? input.cost.currency : 'EUR';
  const replications = input.replications;
  // A count in the catalogue's format for `name`: a mean over the replications.
  const count = (name: string, value: number) =>
    formatValue(value, measureInfo(name, replications).unit);
  const figure = (name: string, e: Estimate, options: EstimateFigureOptions = {}) =>
    estimateFigure(name, e, { ...options, replications });
  const costOf = (key: string) => {
    const v = input.cost?.[key];
    return typeof v === 'object' ? v : undefined;
  };

  const summary: string[] = [
    sentence(
      `over ${countText(input.days, 'simulated day')} (${input.replications} replications), ${count('offered', o.offered.mean)} calls were offered and ${count('answered', o.answered.mean)} answered (${formatPercent(o.offered.mean > 0 ? o.answered.mean / o.offered.mean : 0)})`,
    ),
    // Shares of queue entries exist only when a call entered a queue (not on a day closed
    // throughout, or when every call ended in the menu).
    ...(o.serviceLevel === undefined || o.probabilityAbandon === undefined
      ? [sentence('no call entered a queue, so there is no service level or abandonment')]
      : [
          sentence(
            `service level was ${describeEstimate(o.serviceLevel, 'share')} within ${threshold}\u00a0s, ${o.serviceLevel.mean >= slTarget ? 'meeting' : 'below'} the ${formatPercent(slTarget, 0)} target${o.asaSeconds === undefined ? '' : `; answered callers waited ${formatSeconds(o.asaSeconds.mean)} on average`}`,
          ),
          sentence(
            `abandonment was ${describeEstimate(o.probabilityAbandon, 'share')}, ${o.probabilityAbandon.mean <= abandonTarget ? 'within' : 'above'} the ${formatPercent(abandonTarget, 0)} ceiling${o.busy.mean >= 0.5 ? `, and ${count('busy', o.busy.mean)} calls found every line busy` : ''}`,
          ),
        ]),
  ];
  const worst = worstInterval(input.byInterval);
  if (worst?.serviceLevel)
    summary.push(
      sentence(
        `the hardest half-hour was ${formatWallClock(worst.intervalStart)}, with ${count('offeredPerDay', worst.offered.mean)} calls offered and a service level of ${formatPercent(worst.serviceLevel.mean, 0)}`,
      ),
    );
  const attempts = input.needs?.attemptsPerNeed;
  const firstContact = input.needs?.firstContactResolution;
  const total = costOf('total');
  const needPhrases: string[] = [];
  if (attempts)
    needPhrases.push(
      `each need took ${count('attemptsPerNeed', attempts.mean)} attempts on average`,
    );
  if (firstContact)
    needPhrases.push(`${formatPercent(firstContact.mean, 0)} were resolved at the first contact`);
  if (total)
    needPhrases.push(
      `the horizon cost ${formatValue(total.mean, measureInfo('total').unit, currency)}`,
    );
  if (needPhrases.length > 0) summary.push(sentence(needPhrases.join('; ')));

  const sections: ReportSection[] = [];
  const figures = [
    ...(o.serviceLevel === undefined
      ? []
      : [
          figure('serviceLevel', o.serviceLevel, {
            definition: slDefinition,
            status: targetStatus(o.serviceLevel.mean, slTarget, true, 'share'),
          }),
        ]),
    ...(o.asaSeconds === undefined ? [] : [figure('asaSeconds', o.asaSeconds)]),
    ...(o.probabilityAbandon === undefined
      ? []
      : [
          figure('probabilityAbandon', o.probabilityAbandon, {
            status: targetStatus(o.probabilityAbandon.mean, abandonTarget, false, 'share'),
          }),
        ]),
    figure('occupancy', o.occupancy),
    figure('offered', o.offered),
    figure('answered', o.answered),
    figure('busy', o.busy),
    figure('bouncedBack', o.bouncedBack),
  ];
  sections.push({
    heading: 'Key figures',
    intro: `Means over ${input.replications} replications with 95 % confidence intervals.`,
    blocks: [{ kind: 'figures', figures }],
  });

  const rows = input.byInterval;
  const means = (name: string, pick: (r: SimulateIntervalRow) => Estimate | undefined) => ({
    name,
    points: rows.map((r) => ({ time: r.intervalStart, value: pick(r)?.mean ?? null })),
  });
  // Lost calls get a chart and a scale of their own: drawn beside offered calls they would be a
  // flat line at the bottom, and four dense series cannot be told apart by dash alone.
  const lost = [means('abandoned', (r) => r.abandoned)];
  if (rows.some((r) => r.busy)) lost.push(means('busy', (r) => r.busy));
  const dayBlocks: ReportSection['blocks'] = [
    intervalSeriesChart(
      [means('offered', (r) => r.offered), means('answered', (r) => r.answered)],
      {
        title: 'Calls offered and answered per interval',
        yTitle: 'calls per interval',
        unit: 'count',
      },
    ),
    intervalSeriesChart(lost, {
      title: `Calls lost per interval (${lost.map((l) => l.name).join(' and ')})`,
      yTitle: 'calls per interval',
      unit: 'count',
      height: 130,
    }),
  ];
  if (rows.some((r) => r.serviceLevel))
    dayBlocks.push(
      intervalBandChart(
        interval(rows, (r) => r.serviceLevel),
        {
          title: 'Service level per interval',
          yTitle: 'service level',
          seriesName: 'service level',
          unit: 'share',
          target: {
            value: slTarget,
            label: `target\n${formatPercent(slTarget, 0)} in ${threshold}\u00a0s`,
          },
        },
      ),
    );
  if (rows.some((r) => r.occupancy))
    dayBlocks.push(
      intervalBandChart(
        interval(rows, (r) => r.occupancy),
        {
          title: 'Operator occupancy per interval',
          yTitle: 'occupancy',
          seriesName: 'occupancy',
          unit: 'share',
          height: 150,
        },
      ),
    );
  sections.push({ heading: 'Across the day and week', blocks: dayBlocks });

  const flowBlocks: ReportSection['blocks'] = [];
  const { nodes, links } = input.callPath ? callPathFlow(input.callPath) : { nodes: [], links: [] };
  // Without call-path counts, the outcome partition simulate --json reports in `overall`.
  const outcomes = input.callPath
    ? undefined
    : callOutcomesOf(input.overall as Record<string, Estimate | undefined>);
  if (input.callPath && links.every((l) => !(l.value > 0)))
    flowBlocks.push({ kind: 'note', text: 'No call was offered: there is no path to draw.' });
  else if (input.callPath) {
    flowBlocks.push(
      flowChart(nodes, links, {
        title: 'Where calls go',
        total: input.callPath.offered,
        unit: measureInfo('offered', replications).unit,
      }),
    );
    flowBlocks.push({
      kind: 'note',
      text: 'Bounced-back calls (and misrouted callers put through) queue again at the switchboard: they are counted once as a transfer outcome here and again in the queue and among the calls answered or abandoned, so those stages can exceed 100 % of the calls offered.',
    });
  } else if (outcomes && outcomes.offered > 0) {
    const flow = callOutcomeFlow(outcomes);
    flowBlocks.push(
      flowChart(flow.nodes, flow.links, {
        title: 'How calls end (mean over replications)',
        total: outcomes.offered,
        unit: measureInfo('offered', replications).unit,
      }),
      {
        kind: 'note',
        text: `Every call offered ends in exactly one of these outcomes. "Completed" is a call an operator or a service took to its end, transfers included; "transfer failed" is a wild transfer that rang out, went to voicemail or bounced too often. ${o.bouncedBack ? `Bounced-back transfers (${count('bouncedBack', o.bouncedBack.mean)}) queued again and are counted by how they finally ended.` : ''}`.trim(),
      },
    );
  }
  if (input.waitHistogram && input.waitHistogram.length > 0)
    flowBlocks.push(
      histogramChart(input.waitHistogram, {
        title: 'Waiting time of answered calls',
        description: `Histogram of waits of calls answered from the queue, ${input.waitHistogram.length} bins of 5\u00a0s; the last bar holds every wait of ${input.waitHistogram.at(-1)!.from}\u00a0s or more. Dashed lines: the ${threshold}\u00a0s threshold and the mean.`,
        xTitle: 'wait (seconds)',
        yTitle: 'share of answered calls',
        asShare: true,
        wide: !input.attemptsDistribution,
        markers: [
          { value: threshold, label: `${threshold}\u00a0s threshold` },
          ...(o.asaSeconds === undefined
            ? []
            : [{ value: o.asaSeconds.mean, label: `mean ${formatSeconds(o.asaSeconds.mean)}` }]),
        ],
      }),
    );
  if (input.attemptsDistribution && input.attemptsDistribution.length > 0)
    flowBlocks.push(
      barChart(
        input.attemptsDistribution.map((a) => ({
          label: a.attempts >= 4 ? `${a.attempts}+ attempts` : countText(a.attempts, 'attempt'),
          value: a.share,
          text: formatPercent(a.share),
          kind: a.attempts > 1 ? 'bad' : 'neutral',
        })),
        { title: 'Attempts per need', xTitle: 'share of needs', format: '.0%' },
      ),
    );
  if (flowBlocks.length > 0) sections.push({ heading: 'Paths and waits', blocks: flowBlocks });

  if (input.needs && Object.keys(input.needs).length > 0)
    sections.push({
      heading: 'Needs: one caller’s problem across all attempts',
      blocks: [
        {
          kind: 'figures',
          figures: Object.entries(input.needs).map(([name, e]) => figure(name, e)),
        },
      ],
    });

  if (input.cost) {
    const items = Object.entries(input.cost).filter(
      (e): e is [string, Estimate] => typeof e[1] === 'object',
    );
    sections.push({
      heading: 'Cost',
      blocks: [
        {
          kind: 'table',
          caption: `Cost over the horizon (money in ${currency}; hours, calls and needs as counted), mean and 95 % CI`,
          columns: [
            { label: 'Item' },
            { label: 'Mean', numeric: true },
            { label: '95 % CI', numeric: true },
          ],
          rows: items.map(([name, e]) => [
            {
              text: name === 'total' ? 'Total' : measureInfo(name).label,
              strong: name === 'total',
            },
            {
              text: formatValue(e.mean, measureInfo(name, replications).unit, currency),
              strong: name === 'total',
            },
            `${formatValue(e.ci95[0], measureInfo(name, replications).unit, currency)} – ${formatValue(e.ci95[1], measureInfo(name, replications).unit, currency)}`,
          ]),
        },
      ],
    });
  }
  const tables: ReportSection['blocks'] = [];
  if (input.byQueue)
    tables.push(
      ...groupTables('Measures by queue, mean [95 % CI]', 'Queue', input.byQueue, replications),
    );
  if (input.byReason)
    tables.push(
      ...groupTables('Measures by reason, mean [95 % CI]', 'Reason', input.byReason, replications),
    );
  if (tables.length > 0) sections.push({ heading: 'By queue and by reason', blocks: tables });

  return {
    title: `Simulation of ${input.scenario}`,
    subtitle: `${countText(input.days, 'day')}, ${input.replications} replications${input.seed !== undefined ? `, seed ${input.seed}` : ''}`,
    summary,
    sections,
    footer: `Generated by switchboard simulate. Service level: ${slDefinition}`,
  };
}
