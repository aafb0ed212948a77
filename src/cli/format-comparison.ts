import { FINDINGS } from '../measures/verdict.js';
import type {
  ComparedMeasure,
  Comparison,
  ComparisonReport,
} from '../switchboard/compare-scenarios.js';
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

/** `Targets (scenario, over the horizon): serviceLevel ≥ 80.0 % within 20 s: base met, variant missed; …` */
function targetLine(comparison: Comparison, mean: boolean): string[] {
  if (comparison.targets.length === 0) return [];
  const parts = comparison.targets.map((t) => {
    const m = comparison.measures.find((x) => x.name === t.name)!;
    const level = formatMeasureValue(t.name, t.target, { unit: m.unit, mean });
    const threshold = t.thresholdSeconds === undefined ? '' : ` within ${t.thresholdSeconds} s`;
    return `${t.name.slice(t.name.indexOf('.') + 1)} ${t.bound === 'at least' ? '≥' : '≤'} ${level}${threshold}: base ${t.base}, variant ${t.variant}`;
  });
  return [
    '',
    `  Targets (the base scenario's, over the horizon; met / missed when the whole 95 % interval is on one side): ${parts.join('; ')}`,
  ];
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
    lines.push(...targetLine(comparison, mean));
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
