import type { MeasureEstimate } from '../stats/confidence-interval.js';
import type { SimulationSummary } from '../switchboard/simulate-scenario.js';

const PERCENT = new Set([
  'serviceLevel',
  'serviceLevelExcludingShortAbandons',
  'probabilityAbandon',
  'probabilityAbandonExcludingShort',
  'probabilityBusy',
  'occupancy',
  'resolvedRate',
  'firstContactResolution',
]);

/** A value for people: percentages for rates, 1 decimal for seconds and counts. */
export function formatMeasureValue(name: string, value: number | null): string {
  if (value === null) return '—';
  if (PERCENT.has(name)) return `${(value * 100).toFixed(1)} %`;
  if (Math.abs(value) >= 1000) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** `mean [lo, hi]` of an estimate. */
export function formatMeasureEstimate(name: string, e: MeasureEstimate): string {
  if (e.ci95[0] === null) return formatMeasureValue(name, e.mean);
  return `${formatMeasureValue(name, e.mean)} [${formatMeasureValue(name, e.ci95[0])}, ${formatMeasureValue(name, e.ci95[1])}]`;
}

function section(
  title: string,
  measures: Record<string, MeasureEstimate>,
  keys?: string[],
): string {
  const lines = [title];
  for (const key of keys ?? Object.keys(measures)) {
    const e = measures[key];
    if (e) lines.push(`  ${key.padEnd(36)}${formatMeasureEstimate(key, e)}`);
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
    `${summary.scenario} — ${summary.days} day${summary.days === 1 ? '' : 's'} from ${summary.startDate} × ${summary.replications} replications, seed ${summary.seed}`,
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
    const abandon =
      (get('abandoned') ?? 0) / Math.max(1, (get('answered') ?? 0) + (get('abandoned') ?? 0));
    reasonLines.push(
      `  ${String(row.reason).padEnd(22)}${formatMeasureValue('n', get('offered')).padStart(9)}${formatMeasureValue('n', get('answered')).padStart(14)}${(abandon * 100).toFixed(1).padStart(12)}${formatMeasureValue('n', get('transfers')).padStart(12)}${formatMeasureValue('resolvedRate', get('resolvedRate')).padStart(13)}`,
    );
  }
  parts.push(reasonLines.join('\n'));
  parts.push(section('Needs (one caller’s problem across attempts)', summary.needs));
  parts.push(section('Cost', summary.cost));
  parts.push(
    ['Definitions', ...Object.entries(summary.definitions).map(([k, v]) => `  ${k}: ${v}`)].join(
      '\n',
    ),
  );
  return `${parts.join('\n\n')}\n`;
}

/**
 * The weekday half-hour with the lowest service level among those with calls, in one line:
 * where a manager looks first.
 */
export function hardestInterval(summary: SimulationSummary): string | undefined {
  let worst: (typeof summary.byWeekdayInterval)[number] | undefined;
  let worstLevel = Number.POSITIVE_INFINITY;
  for (const row of summary.byWeekdayInterval) {
    const level = (row.serviceLevel as MeasureEstimate).mean;
    const offered = (row.offeredPerDay as MeasureEstimate).mean;
    if (level === null || offered === null || offered < 1) continue;
    if (level < worstLevel) {
      worstLevel = level;
      worst = row;
    }
  }
  if (!worst) return undefined;
  const get = (key: string) => worst[key] as MeasureEstimate;
  return [
    `Hardest half-hour: ${String(worst.weekday)} ${String(worst.interval)} (average over that weekday's days)`,
    `  ${'offeredPerDay'.padEnd(36)}${formatMeasureEstimate('n', get('offeredPerDay'))}`,
    `  ${'serviceLevel'.padEnd(36)}${formatMeasureEstimate('serviceLevel', get('serviceLevel'))}`,
    `  ${'probabilityAbandon'.padEnd(36)}${formatMeasureEstimate('probabilityAbandon', get('probabilityAbandon'))}`,
    `  ${'operators'.padEnd(36)}${formatMeasureEstimate('n', get('operators'))}`,
  ].join('\n');
}
