/**
 * The `compare` report page: what the variant changes, one row per measure (base, variant,
 * difference with its 95 % confidence interval as a bar with whiskers, verdict by word, colour
 * and fill), the same table in numbers, and the interval charts of both scenarios overlaid —
 * opened by a summary generated from the detectable differences, largest first.
 * Cost: O(measures + intervals).
 */

import { differenceChart, normaliseVerdict } from '../charts/difference-chart.js';
import { scenarioOverlayChart } from '../charts/interval-chart.js';
import type { ReportDocument, ReportSection } from '../document.js';
import {
  type Estimate,
  formatDifferenceEstimate,
  formatEstimate,
  formatPercent,
} from '../format.js';
import {
  type MeasureUnit,
  measureDefinition,
  measureKey,
} from '../../measures/measure-catalogue.js';
import { measureInfo } from '../measures.js';
import { describeChange, listPhrases, sentence } from '../sentences.js';
import { intervalPoints } from './page-parts.js';
import { levelText } from '../../measures/target-verdict.js';
import type { TargetLevel } from '../../switchboard/compare-scenarios.js';
import type { CompareMeasure, CompareReportInput, SimulateIntervalRow } from './simulate-input.js';

/** The measures the reason and group tables show (all are in `compare --json`). */
const ROW_MEASURES = new Set(['resolvedRate', 'asaSeconds', 'abandoned', 'lostNeeds']);

/** How many half-widths of its interval a difference is away from zero (its strength). */
/** The keys of the measures a manager asks about first, summarised before any other. */
const HEADLINE_KEYS: ReadonlySet<string> = new Set(['serviceLevel', 'probabilityAbandon', 'total']);

function strength(difference: Estimate): number {
  const half = Math.abs(difference.ci95[1] - difference.ci95[0]) / 2;
  return half > 0 ? Math.abs(difference.mean) / half : Number.POSITIVE_INFINITY;
}

const series = (
  name: string,
  rows: readonly SimulateIntervalRow[],
  pick: (r: SimulateIntervalRow) => Estimate | undefined,
) => ({
  name,
  points: intervalPoints(rows, pick),
});

/**
 * The variant's name without the base scenario's name in front: a variant of a file is named
 * `<base name> — <variant>` (or `<base name> - <variant>`, `<base name>#<variant>`), and a page
 * titled "<variant> compared with <base>" should not repeat the base. Other names are kept.
 */
export function variantLabel(baseName: string, variantName: string): string {
  for (const separator of [' — ', ' – ', ' - ', '#', ': '])
    if (variantName.startsWith(baseName + separator)) {
      const rest = variantName.slice(baseName.length + separator.length).trim();
      if (rest.length > 0) return rest;
    }
  return variantName;
}

/** Units whose measures are counted things, named in the plural. */
const COUNTED: ReadonlySet<MeasureUnit> = new Set(['calls', 'needs', 'hours', 'operators']);

/** Build the compare report document from `compare --json`-shaped input. */
export function compareReport(input: CompareReportInput): ReportDocument {
  const variantName = variantLabel(input.baseName, input.variantName);
  const measures = input.measures.map((m) => ({ ...m, verdictWord: normaliseVerdict(m.verdict) }));
  const noun = (m: CompareMeasure) => measureInfo(m.name).label.toLowerCase();
  const detectable = measures
    .filter((m) => m.verdictWord === 'better' || m.verdictWord === 'worse')
    .sort((a, b) => strength(b.difference) - strength(a.difference));
  const better = detectable.filter((m) => m.verdictWord === 'better');
  const worse = detectable.filter((m) => m.verdictWord === 'worse');

  const summary: string[] = [];
  if (input.change) summary.push(sentence(input.change));
  summary.push(
    sentence(
      `compared with ${input.baseName} over ${input.days} days and ${input.replications} paired replications (same random numbers), ${variantName} makes ${better.length} of ${measures.length} measures better and ${worse.length} worse`,
    ),
  );
  // The strongest worsening and the strongest improvement when both exist (a manager weighs
  // one against the other), else the two strongest changes; the measures a manager asks about
  // (service level, abandonment, total cost) before others, however strong the others are (a
  // count that drops to 0 is the strongest change by interval, and the least telling).
  const headlineFirst = (list: typeof detectable) => [
    ...list.filter((m) => HEADLINE_KEYS.has(measureKey(m.name))),
    ...list.filter((m) => !HEADLINE_KEYS.has(measureKey(m.name))),
  ];
  const highlights =
    better.length > 0 && worse.length > 0
      ? [headlineFirst(worse)[0]!, headlineFirst(better)[0]!]
      : headlineFirst(detectable).slice(0, 2);
  for (const m of highlights)
    summary.push(
      sentence(
        describeChange({
          noun: noun(m),
          base: m.base.mean,
          variant: m.variant.mean,
          difference: m.difference,
          unit: measureInfo(m.name, input.replications).unit,
          currency: input.currency,
          // Counts and hours are named in the plural ("transfers", "operator hours").
          plural: COUNTED.has(measureDefinition(m.name).unit),
        }),
      ),
    );
  const moved = measures.filter((m) => m.verdictWord === 'higher' || m.verdictWord === 'lower');
  if (moved.length > 0)
    summary.push(
      sentence(
        `${listPhrases(
          moved.map((m) => `${noun(m)} ${m.verdictWord}`),
          4,
        )}: beyond the practical margin, but neither better nor worse in itself`,
      ),
    );
  const named = (word: string) => measures.filter((m) => m.verdictWord === word).map(noun);
  const equivalent = named('equivalent');
  if (equivalent.length > 0)
    summary.push(
      sentence(`within the practical margin (equivalent): ${listPhrases(equivalent, 4)}`),
    );
  const unsettled = named('not settled');
  if (unsettled.length > 0)
    summary.push(
      sentence(
        `a difference is seen, but its size against the practical margin is not settled (more replications would settle it): ${listPhrases(unsettled, 4)}`,
      ),
    );
  const undetected = named('no difference');
  if (undetected.length > 0)
    summary.push(sentence(`no difference is detectable at 95 % in ${listPhrases(undetected, 4)}`));

  const sections: ReportSection[] = [
    {
      heading: 'Measure by measure',
      intro: `Difference = ${variantName} − ${input.baseName}, paired over replications; whiskers are 95 % confidence intervals. Better or worse only when the whole interval lies beyond the measure's practical margin and stays beyond it once every measure of the comparison is adjusted together (Benjamini–Hochberg: among some 150 measures a few lie beyond their margin by chance; the whiskers are not adjusted); equivalent when it lies within ± margin; not settled when the interval excludes zero but is neither; no difference detectable when it holds zero.`,
      blocks: [
        differenceChart(
          measures.map((m) => ({
            label: measureInfo(m.name).label,
            difference: m.difference,
            verdict: m.verdictWord,
            unit: measureInfo(m.name, input.replications).unit,
            currency: input.currency,
          })),
          { title: `Difference per measure (${variantName} − ${input.baseName})` },
        ),
        {
          kind: 'table',
          caption: 'Measures of both scenarios, mean [95 % CI]',
          columns: [
            { label: 'Measure' },
            { label: input.baseName, numeric: true },
            { label: variantName, numeric: true },
            { label: 'Difference [95 % CI]', numeric: true },
            { label: 'Verdict' },
          ],
          rows: measures.map((m) => {
            const unit = measureInfo(m.name, input.replications).unit;
            return [
              measureInfo(m.name).label,
              formatEstimate(m.base, unit, input.currency),
              formatEstimate(m.variant, unit, input.currency),
              formatDifferenceEstimate(m.difference, unit, input.currency),
              {
                text: m.verdictWord,
                strong: m.verdictWord === 'better' || m.verdictWord === 'worse',
              },
            ];
          }),
        },
      ],
    },
  ];
  const effects = (
    heading: string,
    label: string,
    groups: readonly { name: string; measures: readonly CompareMeasure[] }[],
  ) => {
    const rows = [];
    for (const group of groups)
      for (const m of group.measures) {
        if (!ROW_MEASURES.has(m.name.replace(/^by(Reason|Group)\./, ''))) continue;
        const unit = measureInfo(m.name, input.replications).unit;
        const word = normaliseVerdict(m.verdict);
        rows.push([
          group.name,
          measureInfo(m.name).label,
          formatEstimate(m.base, unit, input.currency),
          formatEstimate(m.variant, unit, input.currency),
          formatDifferenceEstimate(m.difference, unit, input.currency),
          { text: word, strong: word === 'better' || word === 'worse' },
        ]);
      }
    if (rows.length > 0)
      sections.push({
        heading,
        intro: `Paired differences for each ${label.toLowerCase()}'s callers (${variantName} − ${input.baseName}); same verdict rule as above.`,
        blocks: [
          {
            kind: 'table',
            caption: `By ${label.toLowerCase()}, mean [95 % CI]`,
            columns: [
              { label },
              { label: 'Measure' },
              { label: input.baseName, numeric: true },
              { label: variantName, numeric: true },
              { label: 'Difference [95 % CI]', numeric: true },
              { label: 'Verdict' },
            ],
            rows,
          },
        ],
      });
  };
  const checks = input.targetChecks ?? [];
  if (checks.length > 0) {
    const level = (l: TargetLevel) =>
      l.mean === null
        ? l.status
        : `${l.status}: ${formatPercent(l.mean)}${l.ci95[0] === null || l.ci95[1] === null ? '' : ` (${formatPercent(l.ci95[0])} to ${formatPercent(l.ci95[1])})`}`;
    const cell = (l: TargetLevel) => ({ text: level(l), strong: l.status === 'missed' });
    const dates = checks[0]!.byDay.map((d) => d.dates);
    sections.push({
      heading: 'Targets by day',
      intro: `The targets of ${input.baseName}, judged in both scenarios over the horizon and on each day: met (or missed) when the whole 95 % interval is on the target's side (or the other), else uncertain. A day is a weekday of the horizon${dates.every((n) => n === 1) ? '' : ', its dates pooled'}; a queue's own target is judged on that queue's calls.`,
      blocks: [
        {
          kind: 'table',
          caption: 'Targets, level [95 % CI]',
          columns: [
            { label: 'Target' },
            { label: 'Day' },
            { label: input.baseName, numeric: true },
            { label: variantName, numeric: true },
          ],
          rows: checks.flatMap((t) => {
            const label = `${t.queue === undefined ? '' : `queue ${t.queue}: `}${levelText(
              {
                serviceLevel: t.bound === 'at least' ? t.target : undefined,
                maxAbandon: t.bound === 'at most' ? t.target : undefined,
                thresholdSeconds: t.thresholdSeconds ?? 0,
              },
              t.bound === 'at least' ? 'serviceLevel' : 'probabilityAbandon',
            )}`;
            return [
              [label, 'horizon', cell(t.horizon.base), cell(t.horizon.variant)],
              ...t.byDay.map((d) => [
                label,
                d.dates === 1 ? d.weekday : `${d.weekday} (${d.dates} dates)`,
                cell(d.base),
                cell(d.variant),
              ]),
            ];
          }),
        },
      ],
    });
  }
  if (input.byReason)
    effects(
      'Effects by reason',
      'Reason',
      input.byReason.map((r) => ({ name: r.reason, measures: r.measures })),
    );
  if (input.byGroup)
    effects(
      'Effects by caller group',
      'Group',
      input.byGroup.map((g) => ({ name: g.group, measures: g.measures })),
    );
  if (input.byInterval) {
    const { base, variant } = input.byInterval;
    const slTarget = input.targets?.serviceLevel ?? 0.8;
    const threshold = input.targets?.thresholdSeconds ?? 20;
    sections.push({
      heading: 'Across the day and week',
      intro: `${input.baseName} solid, ${variantName} dashed; shaded bands are 95 % confidence intervals.`,
      blocks: [
        scenarioOverlayChart(
          series(input.baseName, base, (r) => r.serviceLevel),
          series(variantName, variant, (r) => r.serviceLevel),
          {
            title: 'Service level per interval',
            yTitle: 'service level',
            unit: 'share',
            target: {
              value: slTarget,
              label: `target\n${formatPercent(slTarget, 0)} in ${threshold}\u00a0s`,
            },
          },
        ),
        scenarioOverlayChart(
          series(input.baseName, base, (r) => r.abandoned),
          series(variantName, variant, (r) => r.abandoned),
          { title: 'Abandoned calls per interval', yTitle: 'calls abandoned', unit: 'count' },
        ),
      ],
    });
  }
  return {
    title: `${variantName} compared with ${input.baseName}`,
    subtitle: `${input.days} days, ${input.replications} paired replications (common random numbers)`,
    summary,
    sections,
    footer: 'Generated by switchboard compare.',
  };
}
