import type { ReportDocument, TableCell } from '../document.js';
import type { SweepReport } from '../../switchboard/sweep.js';
import type { MeasureEstimate } from '../../stats/confidence-interval.js';
import { formatDifferenceEstimate, formatEstimate, formatValue } from '../format.js';
import { measureInfo } from '../measures.js';

/** An estimate as the report writes it (a dash where it is unknown). */
function estimateText(
  name: string,
  e: MeasureEstimate,
  currency: string,
  replications: number,
  difference = false,
): string {
  const unit = measureInfo(name, replications).unit;
  if (e.mean === null) return '—';
  if (e.ci95[0] === null || e.ci95[1] === null)
    return difference
      ? formatDifferenceEstimate({ mean: e.mean, ci95: [e.mean, e.mean] }, unit, currency).replace(
          / \[.*$/,
          '',
        )
      : formatValue(e.mean, unit, currency);
  const estimate = { mean: e.mean, ci95: [e.ci95[0], e.ci95[1]] as const };
  return difference
    ? formatDifferenceEstimate(estimate, unit, currency)
    : formatEstimate(estimate, unit, currency);
}

/**
 * The HTML report of `switchboard sweep`: what was varied, how verdicts were reached (the
 * stated correction), and the ranked table — each variant's mean with the interval of its
 * difference from the base and the verdict in words.
 */
export function sweepReport(report: SweepReport): ReportDocument {
  const names = report.baseMeasures.map((m) => m.name);
  const best = report.variants[0];
  const moved = report.variants.filter((v) =>
    v.measures.some((m) => m.verdict === 'better' || m.verdict === 'worse'),
  );
  const summary = [
    `${report.variants.length} combinations of ${report.axes.map((a) => a.path).join(', ')} were simulated against the base, ${report.days} days × ${report.replications} replications each, on the same random numbers.`,
    best ? `Ranked by ${report.rankBy}, the first is ${best.label}.` : 'No variant was run.',
    `${moved.length} of them differ from the base on at least one measure after Holm's correction for the ${report.variants.length * names.length} comparisons of the table.`,
  ];
  const row = (v: SweepReport['variants'][number]): (string | TableCell)[] => [
    { text: String(v.rank), numeric: true },
    v.label,
    ...v.measures.map((m) => ({
      text: `${m.variant.mean === null ? '—' : formatValue(m.variant.mean, measureInfo(m.name, report.replications).unit, report.currency)} · ${estimateText(m.name, m.difference, report.currency, report.replications, true)}${m.verdict === 'no difference detectable' ? '' : ` · ${m.verdict}`}`,
      numeric: true,
      strong: m.verdict === 'better' || m.verdict === 'worse',
    })),
  ];
  return {
    title: `Sweep: ${report.base}`,
    subtitle: `${report.variants.length} variants, ${report.days} days × ${report.replications} replications, seed ${report.seed}`,
    summary,
    sections: [
      {
        heading: 'Variants against the base',
        intro: `Each cell: the variant's mean · the difference from the base [95 % interval] · the verdict. Ranked by ${report.rankBy}.`,
        blocks: [
          {
            kind: 'table',
            caption: 'Every combination, best first',
            columns: [
              { label: 'rank', numeric: true },
              { label: 'variant' },
              ...names.map((n) => ({ label: n, numeric: true })),
            ],
            rows: [
              [
                '',
                'base',
                ...report.baseMeasures.map((m) => ({
                  text: estimateText(m.name, m.estimate, report.currency, report.replications),
                  numeric: true,
                })),
              ],
              ...report.variants.map(row),
            ],
          },
          { kind: 'note', text: `Method: ${report.method}.` },
          { kind: 'note', text: `Correction: ${report.correction}.`, tone: 'caution' },
        ],
      },
    ],
  };
}
