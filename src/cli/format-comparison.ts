import type { Verdict } from '../measures/verdict.js';
import type { ComparedMeasure, ComparisonReport } from '../switchboard/compare-scenarios.js';
import { formatMeasureEstimate, formatMeasureValue } from './format-simulation-summary.js';

const MOVED: ReadonlySet<Verdict> = new Set(['better', 'worse', 'higher', 'lower']);

function measureLines(measures: readonly ComparedMeasure[], indent: string): string[] {
  const lines = [
    `${indent}${'measure'.padEnd(32)}${'base'.padStart(14)}${'variant'.padStart(14)}   ${'difference [95 % CI]'.padEnd(36)}${'margin'.padEnd(12)}verdict`,
  ];
  for (const m of measures)
    lines.push(
      `${indent}${m.name.padEnd(32)}${formatMeasureValue(m.name, m.base.mean, m.unit).padStart(14)}${formatMeasureValue(m.name, m.variant.mean, m.unit).padStart(14)}   ${formatMeasureEstimate(m.name, m.difference, m.unit, true).padEnd(36)}${`±${formatMeasureValue(m.name, m.margin.amount, m.unit, true)}`.padEnd(12)}${m.verdict}`,
    );
  return lines;
}

/** Per reason or caller group: the measures that moved beyond their margin, and how many did not. */
function rowLines(what: string, rows: readonly [string, readonly ComparedMeasure[]][]): string[] {
  const lines = [
    '',
    `  By ${what}: the measures that moved beyond their margin (all of them in --json)`,
  ];
  for (const [name, measures] of rows) {
    const moved = measures.filter((m) => MOVED.has(m.verdict));
    const equivalent = measures.filter((m) => m.verdict === 'equivalent').length;
    const undetected = measures.length - moved.length - equivalent;
    lines.push(
      `  ${name}: ${moved.length} moved, ${equivalent} equivalent, ${undetected} no difference detectable`,
    );
    if (moved.length > 0) lines.push(...measureLines(moved, '    ').slice(1));
  }
  return lines;
}

/** The plain-text report of `switchboard compare`: every measure, then each reason's. */
export function formatComparison(report: ComparisonReport): string {
  const lines = [
    `Base: ${report.base} — ${report.days} days × ${report.replications} replications, seed ${report.seed}`,
    `Method: ${report.method}`,
    `Verdicts: ${report.verdicts}`,
  ];
  for (const comparison of report.comparisons) {
    lines.push('', `Variant: ${comparison.variant}`);
    lines.push(...measureLines(comparison.measures, '  '));
    lines.push(
      ...rowLines(
        'reason',
        comparison.byReason.map((r) => [r.reason, r.measures]),
      ),
    );
    if (comparison.byGroup)
      lines.push(
        ...rowLines(
          'caller group',
          comparison.byGroup.map((g) => [g.group, g.measures]),
        ),
      );
  }
  return `${lines.join('\n')}\n`;
}
