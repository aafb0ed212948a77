import { HARDEST_INTERVAL_RULE, hardestIntervalIndex } from '../measures/hardest-interval.js';
import { measureDefinition, unitLabel } from '../measures/measure-catalogue.js';
import type { MeasureEstimate } from '../stats/confidence-interval.js';
import type { SimulationSummary } from '../switchboard/simulate-scenario.js';
import { countText, fixed } from '../units/fixed.js';

/**
 * A value for people in the unit the measure catalogue gives `name` (or `unit`, a JSON unit
 * label: a currency code means money): percentages for shares, seconds with `s`, money with its
 * currency, whole counts from 1,000, else 1 or 2 decimals.
 */
export function formatMeasureValue(
  name: string,
  value: number | null,
  unit?: string,
  difference = false,
): string {
  if (value === null) return '—';
  const kind = unit ?? measureDefinition(name).unit;
  const number =
    Math.abs(value) >= 1000
      ? fixed(value, 0)
      : Math.abs(value) >= 10
        ? fixed(value, 1)
        : fixed(value, 2);
  if (kind === 'share') return `${fixed(value * 100, 1)} ${difference ? 'pt' : '%'}`;
  if (kind === 'seconds') return `${number} s`;
  if (/^[A-Z]{3}$/.test(kind)) return `${number} ${kind}`;
  return number;
}

/**
 * `mean [lo, hi]` of an estimate, the unit written once; with `difference`, shares in
 * percentage points (`1.2 pt`).
 */
export function formatMeasureEstimate(
  name: string,
  e: MeasureEstimate,
  unit?: string,
  difference = false,
): string {
  const f = (v: number | null) => formatMeasureValue(name, v, unit, difference);
  if (e.ci95[0] === null) return f(e.mean);
  return `${f(e.mean)} [${f(e.ci95[0]).replace(/ \S+$/, '')}, ${f(e.ci95[1]).replace(/ \S+$/, '')}]`;
}

function section(
  title: string,
  measures: Record<string, MeasureEstimate>,
  keys?: string[],
  currency = 'EUR',
): string {
  const lines = [title];
  for (const key of keys ?? Object.keys(measures)) {
    const e = measures[key];
    const unit = unitLabel(measureDefinition(key).unit, currency);
    if (e) lines.push(`  ${key.padEnd(36)}${formatMeasureEstimate(key, e, unit)}`);
  }
  return lines.join('\n');
}

const OVERALL_KEYS = [
  'offered',
  'answered',
  'abandoned',
  'shortAbandoned',
  'busy',
  'closed',
  'ivrAbandoned',
  'ivrResolved',
  'callbackAccepted',
  'inSystemAtEnd',
  'serviceLevel',
  'asaSeconds',
  'probabilityAbandon',
  'occupancy',
  'transfers',
  'warmTransfers',
  'wildTransfers',
  'failedTransfers',
  'serviceVoicemails',
  'bouncedBack',
  'redials',
  'voicemailGeneratedCalls',
  'callbacksMade',
];

/**
 * The plain-text report of `switchboard simulate`: overall measures, queues, reasons, needs
 * and cost, each as `mean [95 % CI]`, then the definitions.
 */
export function formatSummary(summary: SimulationSummary): string {
  const heading = [
    `${summary.scenario} — ${countText(summary.days, 'day')} from ${summary.startDate} × ${countText(summary.replications, 'replication')}, seed ${summary.seed}`,
    'mean [95 % confidence interval] over replications; counts are totals over the horizon',
  ].join('\n');
  const parts = [heading, section('Overall', summary.overall, OVERALL_KEYS)];
  const hardest = hardestInterval(summary);
  if (hardest) parts.push(hardest);
  for (const row of summary.byQueue) {
    parts.push(
      section(`Queue ${String(row.queue)}`, row as unknown as Record<string, MeasureEstimate>, [
        'entries',
        'answered',
        'abandoned',
        'serviceLevel',
        'asaSeconds',
        'probabilityAbandon',
        'occupancy',
        'operatorHours',
        'callbackAccepted',
      ]),
    );
  }
  const reasonLines = [
    'By reason                 offered      answered     abandon %   transfers   resolved %',
  ];
  for (const row of summary.byReason) {
    const get = (k: string) => (row[k] as MeasureEstimate).mean;
    const answers = (get('answered') ?? 0) + (get('reanswered') ?? 0);
    const abandon = (get('abandoned') ?? 0) / Math.max(1, answers + (get('abandoned') ?? 0));
    reasonLines.push(
      `  ${String(row.reason).padEnd(22)}${formatMeasureValue('n', get('offered')).padStart(9)}${formatMeasureValue('n', get('answered')).padStart(14)}${fixed(abandon * 100, 1).padStart(12)}${formatMeasureValue('n', get('transfers')).padStart(12)}${formatMeasureValue('resolvedRate', get('resolvedRate')).padStart(13)}`,
    );
  }
  parts.push(reasonLines.join('\n'));
  if (summary.byGroup.length > 0) {
    const groupLines = [
      'By caller group           offered      answered   menu hang-ups   ASA        resolved %',
    ];
    for (const row of summary.byGroup) {
      const get = (k: string) => (row[k] as MeasureEstimate).mean;
      groupLines.push(
        `  ${String(row.group).padEnd(22)}${formatMeasureValue('n', get('offered')).padStart(9)}${formatMeasureValue('n', get('answered')).padStart(14)}${formatMeasureValue('n', get('ivrAbandoned')).padStart(16)}${formatMeasureValue('asaSeconds', get('asaSeconds')).padStart(9)}${formatMeasureValue('resolvedRate', get('resolvedRate')).padStart(15)}`,
      );
    }
    parts.push(groupLines.join('\n'));
  }
  parts.push(section('Needs (one caller’s problem across attempts)', summary.needs));
  parts.push(section('Cost', summary.cost, undefined, summary.definitions.currency));
  parts.push(
    ['Definitions', ...Object.entries(summary.definitions).map(([k, v]) => `  ${k}: ${v}`)].join(
      '\n',
    ),
  );
  return `${parts.join('\n\n')}\n`;
}

/**
 * The hardest half-hour ({@link HARDEST_INTERVAL_RULE}) over the weekday rows, in a few lines:
 * where a manager looks first.
 */
export function hardestInterval(summary: SimulationSummary): string | undefined {
  const rows = summary.byWeekdayInterval;
  const mean = (row: (typeof rows)[number], key: string) =>
    (row[key] as MeasureEstimate | undefined)?.mean ?? null;
  const k = hardestIntervalIndex(
    rows.map((row) => ({
      offered: mean(row, 'offeredPerDay'),
      serviceLevel: mean(row, 'serviceLevel'),
    })),
  );
  if (k < 0) return undefined;
  const worst = rows[k]!;
  const get = (key: string) => worst[key] as MeasureEstimate;
  return [
    `Hardest half-hour: ${String(worst.weekday)} ${String(worst.interval)} (average over that weekday's days; ${HARDEST_INTERVAL_RULE})`,
    `  ${'offeredPerDay'.padEnd(36)}${formatMeasureEstimate('offeredPerDay', get('offeredPerDay'))}`,
    `  ${'serviceLevel'.padEnd(36)}${formatMeasureEstimate('serviceLevel', get('serviceLevel'))}`,
    `  ${'probabilityAbandon'.padEnd(36)}${formatMeasureEstimate('probabilityAbandon', get('probabilityAbandon'))}`,
    `  ${'operators'.padEnd(36)}${formatMeasureEstimate('operators', get('operators'))}`,
  ].join('\n');
}
