import { stringify } from 'csv-stringify/sync';
import type { SweepMeasure, SweepReport } from '../switchboard/sweep.js';
import { formatMeasureEstimate, formatMeasureValue } from './format-simulation-summary.js';
import { countText } from '../units/fixed.js';
import { CSV_CAST } from '../io/csv-cell.js';

const SHORT: Record<SweepMeasure['verdict'], string> = {
  better: 'better',
  worse: 'worse',
  higher: 'higher',
  lower: 'lower',
  'no difference detectable': '',
};

/** `95.0 % (+0.9 pt better)`: the variant's mean, its difference from the base and the verdict. */
function cell(m: SweepMeasure, mean: boolean): string {
  const diff = m.difference.mean;
  const text = formatMeasureValue(m.name, diff, { unit: m.unit, difference: true, mean });
  // No sign on a difference that rounds to zero (the formatter never writes -0).
  const sign = diff !== null && diff > 0 && /[1-9]/.test(text) ? '+' : '';
  const verdict = SHORT[m.verdict];
  return `${formatMeasureValue(m.name, m.variant.mean, { unit: m.unit, mean })} (${sign}${text}${verdict ? ` ${verdict}` : ''})`;
}

/** The plain-text table of `switchboard sweep`: the base, then the variants best first. */
export function formatSweep(report: SweepReport): string {
  const names = report.baseMeasures.map((m) => m.name);
  const mean = report.replications > 1;
  const header = ['rank', 'variant', ...names.map((n) => n.split('.')[1]!)];
  const rows = [
    [
      '',
      'base',
      ...report.baseMeasures.map((m) =>
        formatMeasureValue(m.name, m.estimate.mean, { unit: m.unit, mean }),
      ),
    ],
    ...report.variants.map((v) => [
      String(v.rank),
      v.label,
      ...v.measures.map((m) => cell(m, mean)),
    ]),
  ];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r
      .map((x, c) => (c === 0 ? x.padStart(widths[c]!) : x.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const axes = report.axes.map((a) => `${a.path} (${a.values.length})`).join(' × ');
  return `${[
    `Sweep of ${report.base}: ${report.variants.length} variants (${axes}), ${countText(report.days, 'day')} × ${countText(report.replications, 'replication')}, seed ${report.seed}`,
    `Method: ${report.method}`,
    `Correction: ${report.correction}`,
    `Ranked by ${report.rankBy}; each cell: the variant's mean (difference from the base, verdict)`,
    '',
    line(header),
    ...rows.map(line),
    '',
    'Intervals: --json, or --out DIR (sweep.csv); base intervals: ' +
      report.baseMeasures
        .map(
          (m) =>
            `${m.name.split('.')[1]} ${formatMeasureEstimate(m.name, m.estimate, { unit: m.unit, mean })}`,
        )
        .join('; '),
  ].join('\n')}\n`;
}

/** `sweep.csv`: one row per variant and measure, with the interval, p-values and verdict. */
export function sweepCsv(report: SweepReport): string {
  const records: unknown[][] = [];
  for (const m of report.baseMeasures)
    records.push([
      '',
      'base',
      m.name,
      m.unit,
      m.estimate.mean,
      ...m.estimate.ci95,
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  for (const v of report.variants)
    for (const m of v.measures)
      records.push([
        v.rank,
        v.label,
        m.name,
        m.unit,
        m.variant.mean,
        ...m.variant.ci95,
        m.difference.mean,
        ...m.difference.ci95,
        m.pValue,
        m.pHolm,
        m.verdict,
      ]);
  return stringify(records, {
    cast: CSV_CAST,
    header: true,
    columns: [
      'rank',
      'variant',
      'measure',
      'unit',
      'mean',
      'ci95Low',
      'ci95High',
      'difference',
      'differenceLow',
      'differenceHigh',
      'pValue',
      'pHolm',
      'verdict',
    ],
  });
}
