import type { ComparisonReport } from '../switchboard/compare-scenarios.js';
import { formatMeasureEstimate, formatMeasureValue } from './format-simulation-summary.js';

/** The plain-text report of `switchboard compare`. */
export function formatComparison(report: ComparisonReport): string {
  const lines = [
    `Base: ${report.base} — ${report.days} days × ${report.replications} replications, seed ${report.seed}`,
    `Method: ${report.method}`,
  ];
  for (const comparison of report.comparisons) {
    lines.push('', `Variant: ${comparison.variant}`);
    lines.push(
      `  ${'measure'.padEnd(32)}${'base'.padStart(12)}${'variant'.padStart(12)}   ${'difference [95 % CI]'.padEnd(34)}verdict`,
    );
    for (const m of comparison.measures) {
      const key = m.name.split('.')[1]!;
      lines.push(
        `  ${m.name.padEnd(32)}${formatMeasureValue(key, m.base.mean).padStart(12)}${formatMeasureValue(key, m.variant.mean).padStart(12)}   ${formatMeasureEstimate(key, m.difference).padEnd(34)}${m.verdict}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
