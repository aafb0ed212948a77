import { FINDINGS } from '../measures/verdict.js';
import type {
  ComparedMeasure,
  Comparison,
  ComparisonReport,
  TargetDay,
} from '../switchboard/compare-scenarios.js';
import { levelText, type TargetStatus } from '../measures/target-verdict.js';
import { formatMeasureEstimate, formatMeasureValue } from './format-simulation-summary.js';
import { countText } from '../units/fixed.js';

function measureLines(
  measures: readonly ComparedMeasure[],
  indent: string,
  mean: boolean,
): string[] {
  const lines = [
    `${indent}${'measure'.padEnd(32)}${'base'.padStart(14)}${'variant'.padStart(14)}   ${'difference [95 % CI]'.padEnd(36)}${'margin'.padEnd(12)}verdict`,
  ];
  for (const m of measures) {
    const value = { unit: m.unit, mean };
    const difference = { ...value, difference: true };
    lines.push(
      `${indent}${m.name.padEnd(32)}${formatMeasureValue(m.name, m.base.mean, value).padStart(14)}${formatMeasureValue(m.name, m.variant.mean, value).padStart(14)}   ${formatMeasureEstimate(m.name, m.difference, difference).padEnd(36)}${`±${formatMeasureValue(m.name, m.margin.amount, difference)}`.padEnd(12)}${m.verdict}`,
    );
  }
  return lines;
}

/** Per reason or caller group: the measures that moved beyond their margin, and how many did not. */
function rowLines(
  what: string,
  rows: readonly [string, readonly ComparedMeasure[]][],
  mean: boolean,
): string[] {
  const lines = [
    '',
    `  By ${what}: the measures that moved beyond their margin (all of them in --json)`,
  ];
  for (const [name, measures] of rows) {
    const moved = measures.filter((m) => FINDINGS.has(m.verdict));
    const count = (verdict: string) => measures.filter((m) => m.verdict === verdict).length;
    lines.push(
      `  ${name}: ${moved.length} moved, ${count('equivalent')} equivalent, ${count('not settled')} not settled, ${count('no difference detectable')} no difference detectable`,
    );
    if (moved.length > 0) lines.push(...measureLines(moved, '    ', mean).slice(1));
  }
  return lines;
}

/**
 * How the days of a target are counted: each weekday the horizon holds, its dates pooled
 * (`its 4 dates pooled`, or per weekday when the horizon is not whole weeks).
 */
export function targetDaysNote(
  days: readonly TargetDay[],
  noCalls: readonly string[] = [],
): string {
  const counts = new Set(days.map((d) => d.dates));
  const n = days[0]?.dates ?? 0;
  const note =
    counts.size > 1
      ? `a day is a weekday of the horizon, its dates pooled (${days.map((d) => `${shortDay(d.weekday)} ${d.dates}`).join(', ')})`
      : n === 1
        ? 'a day is a weekday of the horizon'
        : `a day is a weekday of the horizon, its ${n} dates pooled`;
  return noCalls.length === 0
    ? note
    : `${note}; ${noCalls.map(shortDay).join(', ')}: no calls, not counted`;
}

const shortDay = (weekday: string) => weekday.charAt(0).toUpperCase() + weekday.slice(1, 3);

/** `met, 5/7 days met (missed Mon, Tue; uncertain Wed)`: a run's horizon verdict and its days. */
function runTargetText(
  horizon: TargetStatus,
  days: readonly TargetStatus[],
  names: readonly string[],
): string {
  const met = days.filter((d) => d === 'met').length;
  const which = (status: TargetStatus) => names.filter((_, i) => days[i] === status).map(shortDay);
  const notMet = (['missed', 'uncertain'] as const)
    .map((status) => [status, which(status)] as const)
    .filter(([, list]) => list.length > 0)
    .map(([status, list]) => `${status} ${list.join(', ')}`);
  return `${horizon}, ${met}/${countText(days.length, 'day')} met${notMet.length > 0 ? ` (${notMet.join('; ')})` : ''}`;
}

/**
 * `Targets (…)` and one line per target: the base's and the variant's verdict over the horizon,
 * then how many days met it and which did not.
 */
function targetLines(comparison: Comparison): string[] {
  if (comparison.targets.length === 0) return [];
  const lines = [
    '',
    `  Targets (the base scenario's; met / missed when the whole 95 % interval is on one side, else uncertain; over the horizon, then by day: ${targetDaysNote(comparison.targets[0]!.byDay, comparison.targets[0]!.noCalls)})`,
  ];
  for (const t of comparison.targets) {
    const levels = {
      serviceLevel: t.bound === 'at least' ? t.target : undefined,
      maxAbandon: t.bound === 'at most' ? t.target : undefined,
      thresholdSeconds: t.thresholdSeconds ?? 0,
    };
    const measure = t.bound === 'at least' ? 'serviceLevel' : 'probabilityAbandon';
    const names = t.byDay.map((d) => d.weekday);
    const run = (side: 'base' | 'variant') =>
      runTargetText(
        t[side],
        t.byDay.map((d) => d[side].status),
        names,
      );
    lines.push(
      `    ${t.queue === undefined ? '' : `queue ${t.queue}: `}${levelText(levels, measure)}: base ${run('base')}; variant ${run('variant')}`,
    );
  }
  return lines;
}

/** The plain-text report of `switchboard compare`: every measure, then each reason's. */
export function formatComparison(report: ComparisonReport): string {
  const lines = [
    `Base: ${report.base} — ${countText(report.days, 'day')} × ${countText(report.replications, 'replication')}, seed ${report.seed}`,
    `Method: ${report.method}`,
    `Verdicts: ${report.verdicts}`,
  ];
  const mean = report.replications > 1;
  for (const comparison of report.comparisons) {
    lines.push('', `Variant: ${comparison.variant}`);
    lines.push(...measureLines(comparison.measures, '  ', mean));
    lines.push(...targetLines(comparison));
    lines.push(
      ...rowLines(
        'reason',
        comparison.byReason.map((r) => [r.reason, r.measures]),
        mean,
      ),
    );
    if (comparison.byGroup)
      lines.push(
        ...rowLines(
          'caller group',
          comparison.byGroup.map((g) => [g.group, g.measures]),
          mean,
        ),
      );
  }
  return `${lines.join('\n')}\n`;
}
