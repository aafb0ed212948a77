import { HARDEST_INTERVAL_RULE, hardestIntervalIndex } from '../measures/hardest-interval.js';
import { measureDecimals, measureDefinition, unitLabel } from '../measures/measure-catalogue.js';
import type { MeasureEstimate } from '../stats/confidence-interval.js';
import type { SimulationSummary } from '../switchboard/simulate-scenario.js';
import { countText, fixed } from '../units/fixed.js';

/** How {@link formatMeasureValue} writes a value. */
export interface MeasureTextOptions {
  /** The JSON unit label (a currency code means money); by default the catalogue's unit. */
  unit?: string | undefined;
  /** A difference: shares in percentage points (`1.2 pt`) instead of `%`. */
  difference?: boolean;
  /** The value is a mean over more than one replication ({@link measureDecimals}). */
  mean: boolean;
}

/**
 * A value for people in the unit the measure catalogue gives `name`: percentages for shares,
 * seconds with `s`, money with its currency, with the decimals the catalogue gives the measure
 * ({@link measureDecimals}: by unit and by whether it is a mean, never by the size of the value).
 */
export function formatMeasureValue(
  name: string,
  value: number | null,
  options: MeasureTextOptions,
): string {
  if (value === null) return '—';
  const kind = options.unit ?? measureDefinition(name).unit;
  if (kind === 'share') return `${fixed(value * 100, 1)} ${options.difference ? 'pt' : '%'}`;
  const number = fixed(value, measureDecimals(name, options.mean));
  if (kind === 'seconds') return `${number} s`;
  if (/^[A-Z]{3}$/.test(kind)) return `${number} ${kind}`;
  return number;
}

/**
 * `mean [lo, hi]` of an estimate, the unit written once, the bounds with the value's decimals;
 * with `difference`, shares in percentage points (`1.2 pt`).
 */
export function formatMeasureEstimate(
  name: string,
  e: MeasureEstimate,
  options: MeasureTextOptions,
): string {
  const f = (v: number | null) => formatMeasureValue(name, v, options);
  if (e.ci95[0] === null) return f(e.mean);
  return `${f(e.mean)} [${f(e.ci95[0]).replace(/ \S+$/, '')}, ${f(e.ci95[1]).replace(/ \S+$/, '')}]`;
}

function section(
  title: string,
  measures: Record<string, MeasureEstimate>,
  mean: boolean,
  keys?: string[],
  currency = 'EUR',
): string {
  const lines = [title];
  for (const key of keys ?? Object.keys(measures)) {
    const e = measures[key];
    const unit = unitLabel(measureDefinition(key).unit, currency);
    if (e) lines.push(`  ${key.padEnd(36)}${formatMeasureEstimate(key, e, { unit, mean })}`);
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
  const mean = summary.replications > 1;
  const parts = [heading, section('Overall', summary.overall, mean, OVERALL_KEYS)];
  const hardest = hardestInterval(summary);
  if (hardest) parts.push(hardest);
  for (const row of summary.byQueue) {
    parts.push(
      section(
        `Queue ${String(row.queue)}`,
        row as unknown as Record<string, MeasureEstimate>,
        mean,
        [
          'entries',
          'answered',
          'abandoned',
          'serviceLevel',
          'asaSeconds',
          'probabilityAbandon',
          'occupancy',
          'operatorHours',
          'callbackAccepted',
        ],
      ),
    );
  }
  const reasonLines = [
    'By reason                 offered      answered     abandon %   transfers   resolved %',
  ];
  // Each column in its measure's catalogue format, so 0 transfers reads like 12723.
  const cell = (key: string, value: number | null, width: number) =>
    formatMeasureValue(key, value, { mean }).padStart(width);
  for (const row of summary.byReason) {
    const get = (k: string) => (row[k] as MeasureEstimate).mean;
    const answers = (get('answered') ?? 0) + (get('reanswered') ?? 0);
    const abandon = (get('abandoned') ?? 0) / Math.max(1, answers + (get('abandoned') ?? 0));
    reasonLines.push(
      `  ${String(row.reason).padEnd(22)}${cell('offered', get('offered'), 9)}${cell('answered', get('answered'), 14)}${fixed(abandon * 100, 1).padStart(12)}${cell('transfers', get('transfers'), 12)}${cell('resolvedRate', get('resolvedRate'), 13)}`,
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
        `  ${String(row.group).padEnd(22)}${cell('offered', get('offered'), 9)}${cell('answered', get('answered'), 14)}${cell('ivrAbandoned', get('ivrAbandoned'), 16)}${cell('asaSeconds', get('asaSeconds'), 9)}${cell('resolvedRate', get('resolvedRate'), 15)}`,
      );
    }
    parts.push(groupLines.join('\n'));
  }
  parts.push(section('Needs (one caller’s problem across attempts)', summary.needs, mean));
  parts.push(section('Cost', summary.cost, mean, undefined, summary.definitions.currency));
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
  const line = (key: string) =>
    `  ${key.padEnd(36)}${formatMeasureEstimate(key, get(key), { mean: summary.replications > 1 })}`;
  return [
    `Hardest half-hour: ${String(worst.weekday)} ${String(worst.interval)} (average over that weekday's days; ${HARDEST_INTERVAL_RULE})`,
    line('offeredPerDay'),
    line('serviceLevel'),
    line('probabilityAbandon'),
    line('operators'),
  ].join('\n');
}
