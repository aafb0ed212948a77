/**
 * The `roster` report page: paid hours beside the Erlang plan's, required vs scheduled operators
 * per interval across the week, the shifts as bars across the day, and the targets by day for
 * the roster and the Erlang plan on fresh seeds — opened by a summary generated from the numbers.
 * Cost: O(intervals + shifts).
 */

import type { RosterResult, RosterVerification } from '../../roster/build-roster.js';
import { weekdays } from '../../scenario/scenario-types.js';
import { barChart } from '../charts/bar-chart.js';
import { intervalSeriesChart } from '../charts/interval-chart.js';
import { type ShiftBar, shiftBarsChart } from '../charts/shift-bars-chart.js';
import type { ReportDocument, TableBlock } from '../document.js';
import { formatPercent, formatValue } from '../format.js';
import { levelsOfQueue, targetText } from '../../measures/target-verdict.js';
import { clockMinutes, clockText } from '../../calendar/time-of-day.js';

// Hours as every page writes a plain number of hours (the catalogue's one decimal).
const hours = (h: number) => `${formatValue(h, 'number')}\u00a0h`;

/** `YYYY-MM-DD` of weekday `w` (0 = monday) in the week starting at `startDate`. */
function dateOf(startDate: string, startWeekday: number, w: number): string {
  const offset = (w - startWeekday + 7) % 7;
  return new Date(Date.parse(`${startDate}T00:00:00Z`) + offset * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

function dayTable(caption: string, v: RosterVerification): TableBlock {
  const est = (e: { mean: number; ci95: [number, number] }) =>
    `${formatPercent(e.mean)} (${formatPercent(e.ci95[0])} to ${formatPercent(e.ci95[1])})`;
  return {
    kind: 'table',
    caption,
    columns: [
      { label: 'day' },
      { label: 'service level (95 % CI)', numeric: true },
      { label: 'abandonment (95 % CI)', numeric: true },
      { label: 'targets' },
    ],
    rows: [
      ...v.byDay.flatMap((d) => [
        [
          d.weekday,
          { text: est(d.serviceLevel), numeric: true },
          { text: est(d.probabilityAbandon), numeric: true },
          { text: d.met ? 'met' : 'missed', strong: !d.met },
        ],
        // Queues with targets of their own, each on its calls.
        ...(d.byQueue ?? []).map((q) => [
          `${d.weekday}, queue ${q.queue}`,
          { text: est(q.serviceLevel), numeric: true },
          { text: est(q.probabilityAbandon), numeric: true },
          { text: q.met ? 'met (own targets)' : 'missed (own targets)', strong: !q.met },
        ]),
      ]),
      [
        'week',
        { text: est(v.serviceLevel), numeric: true },
        { text: est(v.probabilityAbandon), numeric: true },
        v.met ? 'met every day' : 'missed',
      ],
    ],
  };
}

/** Build the roster report document from `roster --json`-shaped input. */
export function rosterReport(result: RosterResult): ReportDocument {
  const e = result.erlangPlan;
  const v = result.verification;
  const startWeekday = weekdays.indexOf(result.startWeekday);
  const queues = [...new Set(result.perInterval.map((r) => r.queue))];
  const missed = v.byDay.filter((d) => !d.met).map((d) => d.weekday);
  const erlangMissed = e.verification.byDay.filter((d) => !d.met).map((d) => d.weekday);
  const summary = [
    `The roster pays ${hours(result.operatorHours)} a week; the Erlang plan covered by the same templates pays ${hours(e.operatorHours)}.`,
    missed.length === 0
      ? `Simulated on fresh seeds it meets the targets on every day (service level over the week ${formatPercent(v.serviceLevel.mean)}, abandonment ${formatPercent(v.probabilityAbandon.mean)}).`
      : `Simulated on fresh seeds it misses the targets on ${missed.join(', ')}.`,
    erlangMissed.length === 0
      ? 'The Erlang plan meets them on every day too.'
      : `The Erlang plan misses them on ${erlangMissed.join(', ')}: per-interval Erlang A leaves out what the call flow adds (redials, bounce-backs, call-backs).`,
  ];
  if (result.search.iterations.length > 0)
    summary.push(
      `The search took ${result.search.iterations.length} rounds of simulation and MILP under common random numbers and ${result.search.converged ? 'converged' : 'stopped at its round limit'}.`,
    );
  const perDay = Math.round(1440 / result.intervalMinutes);
  const charts = queues.map((queue) => {
    const rows = result.perInterval.filter((r) => r.queue === queue);
    const time = (i: number) => {
      const w = Math.floor(i / perDay);
      const m = (i % perDay) * result.intervalMinutes;
      return `${dateOf(result.startDate, startWeekday, w)}T${clockText(m)}:00`;
    };
    const order = rows.map((_, i) => i).sort((a, b) => time(a).localeCompare(time(b)));
    const series = (name: string, pick: (r: (typeof rows)[number]) => number) => ({
      name,
      points: order.map((i) => ({ time: time(i), value: pick(rows[i]!) })),
    });
    return intervalSeriesChart(
      [
        series('scheduled (roster)', (r) => r.scheduled),
        series('required after simulation', (r) => r.required),
        series('Erlang plan', (r) => r.erlang),
      ],
      {
        title: `Operators on the phones per interval, queue ${queue}`,
        yTitle: 'operators',
        unit: 'count',
        description: `Operators per ${result.intervalMinutes}-minute interval across the week for queue ${queue}: scheduled by the roster (breaks deducted), required after the simulation's adjustments, and required by Erlang A alone.`,
      },
    );
  });
  const days = (list: readonly string[]) =>
    list.length === 7 ? 'every day' : list.map((d) => d.slice(0, 3)).join(' ');
  const seen = new Map<string, number>();
  const bars: ShiftBar[] = result.shifts.map((s) => {
    const from = clockMinutes(s.start) / 60;
    const template = result.templates.find((t) => t.queue === s.queue && t.name === s.template);
    let label = `${queues.length > 1 ? `${s.queue} · ` : ''}${s.template} ${s.start} · ${days(s.days)}`;
    const repeat = seen.get(label) ?? 0;
    seen.set(label, repeat + 1);
    if (repeat > 0) label += ` (${repeat + 1})`;
    return {
      label,
      fromHours: from,
      toHours: from + (template?.lengthHours ?? 0),
      breaks: s.breaks.map((b) => {
        const [a = '', c = ''] = b.split('-');
        let bf = clockMinutes(a) / 60;
        if (bf < from) bf += 24;
        let bt = clockMinutes(c) / 60;
        while (bt <= bf) bt += 24;
        return { fromHours: bf, toHours: bt };
      }),
      text: `× ${s.count}`,
    };
  });
  const slTarget = result.targets.serviceLevel;
  return {
    title: `Roster: ${result.scenario}`,
    subtitle: `${result.days} days × ${result.replications} replications per simulation, seed ${result.seed}; verified on seed ${v.seed}`,
    summary,
    sections: [
      {
        heading: 'Paid hours',
        blocks: [
          {
            kind: 'figures',
            figures: [
              {
                label: 'Roster',
                value: hours(result.operatorHours),
                detail: `cost ${Math.round(result.cost)}`,
                definition:
                  'Paid hours of the roster over one week (shift lengths, less unpaid breaks).',
                status: v.met
                  ? { word: 'meets targets', tone: 'good' }
                  : { word: 'misses targets', tone: 'bad' },
              },
              {
                label: 'Erlang plan',
                value: hours(e.operatorHours),
                detail: `cost ${Math.round(e.cost)}`,
                definition:
                  'Paid hours of the per-interval Erlang A requirement covered by the same templates at least cost.',
                status: e.verification.met
                  ? { word: 'meets targets', tone: 'good' }
                  : { word: 'misses targets', tone: 'bad' },
              },
            ],
          },
        ],
      },
      { heading: 'Required and scheduled operators', blocks: charts },
      ...(bars.length > 0
        ? [
            {
              heading: 'Shifts',
              blocks: [
                shiftBarsChart(bars, {
                  title: 'Shifts across the day',
                  description:
                    'Each bar is a group of identical shifts (template, start, days) from its start to its end; hatched parts are breaks; the number at the end is the operators on it each of those days.',
                }),
              ],
            },
          ]
        : []),
      {
        heading: 'Targets by day',
        intro: `Targets: ${slTarget === undefined ? '' : `service level ≥ ${formatPercent(slTarget, 0)} within ${result.targets.thresholdSeconds} s`}${result.targets.maxAbandon === undefined ? '' : `, abandonment ≤ ${formatPercent(result.targets.maxAbandon, 0)}`}${(result.targets.byQueue ?? []).length === 0 ? '' : `; queues' own: ${(result.targets.byQueue ?? []).map((t) => `queue ${t.queue}: ${targetText(levelsOfQueue(result.targets, t.index))}`).join('; ')}`}; met means the whole 95 % interval is on the right side.`,
        blocks: [
          barChart(
            v.byDay.map((d) => ({
              label: d.weekday,
              value: d.serviceLevel.mean,
              text: `${formatPercent(d.serviceLevel.mean)}${d.met ? '' : ' (missed)'}`,
              kind: d.met ? 'good' : 'bad',
            })),
            {
              title: 'Service level by day, roster on fresh seeds',
              xTitle: 'service level',
              format: '.0%',
            },
          ),
          dayTable('Roster, on fresh seeds', v),
          dayTable('Erlang plan, on the same seeds', e.verification),
        ],
      },
    ],
    footer: 'switchboard roster',
  };
}
