import {
  type Better,
  measureDefinition,
  measureKey,
  unitLabel,
  unitRange,
} from '../measures/measure-catalogue.js';
import {
  describeMargin,
  type Margin,
  type MarginContext,
  type MarginOverrides,
  marginAmount,
  marginOf,
  type Verdict,
  familyVerdicts,
  verdictOf,
} from '../measures/verdict.js';
import {
  comparedGroupMeasures,
  comparedMeasures,
  comparedReasonMeasures,
} from '../measures/compared-measures.js';
import { inputError } from '../errors.js';
import {
  judgeSpan,
  type SpanCounts,
  spanCounts,
  type SpanVerdict,
  TARGET_BOUND,
  type TargetMeasure,
  targetGroups,
  targetOf,
  type TargetStatus,
} from '../measures/target-verdict.js';
import { WEEKDAY_KEYS, type WeekdayKey as Weekday } from '../calendar/weekdays.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { distinctLabels } from '../scenario/distinct-labels.js';
import {
  INTERVAL_METHOD,
  type MeasureEstimate,
  measureEstimate,
} from '../stats/confidence-interval.js';
import {
  type EstimateRow,
  runScenariosReplications,
  describeRun,
  type RunDescription,
  scenarioRunOptions,
  type SimulateScenarioOptions,
  summarize,
} from './simulate-scenario.js';
import type { ReplicationResult } from './tallies.js';

/** One measure of a comparison. */
export interface ComparedMeasure {
  name: string;
  /** Its unit (the scenario's currency for money), from the measure catalogue. */
  unit: string;
  /** Which way it is better, from the measure catalogue. */
  better: Better;
  /** The practical margin, in the measure's unit, and how it was set. */
  margin: { amount: number; rule: string };
  /** The measure in the base scenario, over replications. */
  base: MeasureEstimate;
  /** The measure in the variant, over the same replications. */
  variant: MeasureEstimate;
  difference: MeasureEstimate;
  verdict: Verdict;
  /**
   * One-sided p-value of a difference beyond the margin, Benjamini–Hochberg-adjusted over every
   * measure of the comparison (overall, per reason, per group); null without a test (fewer than
   * two values) or before {@link compareScenarios} adjusts the family.
   */
  pAdjusted: number | null;
}

/** The paired differences behind each compared measure, for the family's Holm step. */
const pairedDifferences = new WeakMap<ComparedMeasure, { differences: number[]; amount: number }>();

/**
 * Give the verdicts of one comparison's measures (overall, per reason, per group) together: a
 * finding needs its adjusted p-value below 2.5 % (see {@link familyVerdicts}).
 */
export function adjustComparison(measures: readonly ComparedMeasure[]): void {
  const members = measures.map((m) => {
    const paired = pairedDifferences.get(m);
    return {
      measure: m,
      difference: m.difference,
      better: m.better,
      marginAmount: paired?.amount ?? m.margin.amount,
      differences: paired?.differences ?? [],
      verdict: m.verdict,
      pAdjusted: m.pAdjusted,
    };
  });
  familyVerdicts(members);
  for (const member of members) {
    member.measure.verdict = member.verdict;
    member.measure.pAdjusted = member.pAdjusted;
  }
}

/** The paired differences of one reason. */
export interface ReasonComparison {
  reason: string;
  measures: ComparedMeasure[];
}

/** The paired differences of one caller group. */
export interface GroupComparison {
  group: string;
  measures: ComparedMeasure[];
}

/** One level of a target over a span (the horizon, a day) in one run. */
export interface TargetLevel {
  status: TargetStatus;
  /** The level's mean over replications and its 95 % interval, cut to [0, 1]. */
  mean: number | null;
  ci95: [number | null, number | null];
}

/** One day of a target: a weekday of the horizon, its dates pooled. */
export interface TargetDay {
  weekday: Weekday;
  /** How many dates of the horizon fall on this weekday (their entries are pooled). */
  dates: number;
  base: TargetLevel;
  variant: TargetLevel;
}

/** One target of the base scenario's `targets:`, read against base and variant. */
export interface TargetCheck {
  /** The level it reads: `overall.serviceLevel`, `overall.probabilityAbandon` (the whole switchboard) or `byQueue.…` (a queue's own). */
  name: string;
  /** The queue whose own target it is (`targets.byQueue`); absent for the whole switchboard. */
  queue?: string;
  /** `at least` for the service level, `at most` for abandonment. */
  bound: 'at least' | 'at most';
  target: number;
  /** The service level's threshold, seconds. */
  thresholdSeconds?: number;
  /** Over the horizon. */
  base: TargetStatus;
  variant: TargetStatus;
  /** The levels over the horizon, with their intervals. */
  horizon: { base: TargetLevel; variant: TargetLevel };
  /** Per weekday the horizon holds with calls to these queues, Monday first (see {@link TargetDay}). */
  byDay: TargetDay[];
  /** Weekdays of the horizon without a call to these queues in either run: not judged. */
  noCalls: Weekday[];
}

/** The per-replication counts of a run's entries in `queues` on the given weekdays. */
function runCounts(
  results: readonly ReplicationResult[],
  queues: readonly number[],
  days: readonly number[],
): SpanCounts[] {
  return results.map((r) =>
    spanCounts(queues.flatMap((q) => days.map((w) => r.byQueueWeekday[q * 7 + w] ?? {}))),
  );
}

/** A level of a judged span, as compare reports it. */
function reportedLevel(verdict: SpanVerdict, measure: TargetMeasure): TargetLevel {
  const e = verdict[measure];
  const cut = (x: number) => (Number.isNaN(x) ? null : Math.min(1, Math.max(0, x)));
  return {
    status: verdict.levels[measure] ?? 'met',
    mean: Number.isNaN(e.mean) ? null : e.mean,
    ci95: [cut(e.ci95[0]), cut(e.ci95[1])],
  };
}

/**
 * The base scenario's targets (the whole switchboard's, then each queue's own: see
 * {@link targetGroups}) judged by {@link judgeSpan} in base and variant, over the horizon and
 * per weekday it holds. The variant's queues are matched by name. Cost O(R × queues × 7).
 */
function checkTargets(
  base: Scenario,
  variant: Scenario,
  baseResults: readonly ReplicationResult[],
  variantResults: readonly ReplicationResult[],
  days: number,
): TargetCheck[] {
  const dates = new Array<number>(7).fill(0);
  for (let d = 0; d < days; d++) dates[(base.startWeekday + d) % 7]!++;
  const horizon = WEEKDAY_KEYS.map((_, w) => w).filter((w) => dates[w]! > 0);
  const variantIndex = (q: number) =>
    variant.queues.findIndex((v) => v.name === base.queues[q]!.name);
  const checks: TargetCheck[] = [];
  for (const group of targetGroups(base.targets, base.queues.length)) {
    const variantQueues = group.queues.map(variantIndex).filter((q) => q >= 0);
    const judge = (on: readonly number[]) => ({
      base: judgeSpan(runCounts(baseResults, group.queues, on), group.levels),
      variant: judgeSpan(runCounts(variantResults, variantQueues, on), group.levels),
    });
    const whole = judge(horizon);
    // A weekday nobody called in either run is not a day of the target.
    const judged = horizon.map((w) => ({ w, verdict: judge([w]) }));
    const byDay = judged.filter((d) => d.verdict.base.decided > 0 || d.verdict.variant.decided > 0);
    const noCalls = judged.filter((d) => !byDay.includes(d)).map((d) => WEEKDAY_KEYS[d.w]!);
    for (const measure of ['serviceLevel', 'probabilityAbandon'] as const) {
      const target = targetOf(group.levels, measure);
      if (target === undefined) continue;
      const h = {
        base: reportedLevel(whole.base, measure),
        variant: reportedLevel(whole.variant, measure),
      };
      checks.push({
        name: `${group.queue === null ? 'overall' : 'byQueue'}.${measure}`,
        ...(group.queue === null ? {} : { queue: group.queue }),
        bound: TARGET_BOUND[measure],
        target,
        ...(measure === 'serviceLevel' ? { thresholdSeconds: group.levels.thresholdSeconds } : {}),
        base: h.base.status,
        variant: h.variant.status,
        horizon: h,
        noCalls,
        byDay: byDay.map(({ w, verdict }) => ({
          weekday: WEEKDAY_KEYS[w]!,
          dates: dates[w]!,
          base: reportedLevel(verdict.base, measure),
          variant: reportedLevel(verdict.variant, measure),
        })),
      });
    }
  }
  return checks;
}

/** A variant compared with the base. */
export interface Comparison {
  /** The variant's name; followed by its file, `name (six.yaml)`, when another scenario of the comparison has that name. */
  variant: string;
  file: string | null;
  measures: ComparedMeasure[];
  /** Paired differences per reason (reasons of the base, matched by name). */
  byReason: ReasonComparison[];
  /** Paired differences per caller group, when the base scenario defines `callerGroups:`. */
  byGroup?: GroupComparison[];
  /**
   * The base scenario's `targets:` (the whole switchboard's, then each queue's own) judged in
   * base and variant over the horizon and per day, with their 95 % intervals (see
   * src/measures/target-verdict.ts); empty without targets.
   */
  targets: TargetCheck[];
  /** The variant's rows by weekday and interval, as `simulate --json`'s `byWeekdayInterval`. */
  byWeekdayInterval: EstimateRow[];
}

/** What `switchboard compare` reports. */
export interface ComparisonReport extends RunDescription {
  /** The base scenario's name (with its file when a variant has that name, as for `variant`). */
  base: string;
  /** The base scenario's currency (`costs.currency`). */
  currency: string;
  method: string;
  /** How verdicts are given. */
  verdicts: string;
  comparisons: Comparison[];
  /** The base's rows by weekday and interval, as `simulate --json`'s `byWeekdayInterval`. */
  byWeekdayInterval: EstimateRow[];
  /** The measures of the only variant, when one variant is compared. */
  measures?: ComparedMeasure[];
}

/** Options of {@link compareResults}. */
export interface CompareResultsOptions {
  /** The currency written as the unit of money (default EUR). */
  currency?: string;
  /** Practical margins set by the user (scenario, command line), by key or `table.key` name. */
  margins?: MarginOverrides;
}

/** One measure of a row (the switchboard, a reason, a group) in every paired replication. */
type RowValues = (key: string) => { base: number[]; variant: number[] };

const meanOf = (values: readonly number[]): number | null => {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length === 0 ? null : finite.reduce((a, b) => a + b, 0) / finite.length;
};

const sum = (xs: readonly number[]) => xs.reduce((a, x) => (Number.isFinite(x) ? a + x : a), 0);

/**
 * What the money margin of a row reads (see `defaultMargin` in measures/verdict.ts): the row's
 * total cost (its `total`, else the sum of the total's parts it has: a reason's or a group's
 * lost-need cost), the largest margin of a count the row prices at that count's mean price over
 * base and variant (the counts' own margins, as the user set them or by default), and for money
 * per day or per answered call the ratio of its base to the total's.
 */
function moneyContext(name: string, row: RowValues, options: CompareResultsOptions): MarginContext {
  const table = name.slice(0, name.length - measureKey(name).length);
  const total = measureDefinition('total');
  const parts = (total.parts ?? []).filter((key) => meanOf(row(key).base) !== null);
  const rowCost =
    meanOf(row('total').base) ?? parts.reduce((a, key) => a + meanOf(row(key).base)!, 0);
  let pricedCountMargin = 0;
  for (const key of parts) {
    const count = measureDefinition(key).prices;
    if (count === undefined) continue;
    const counted = sum(row(count).base) + sum(row(count).variant);
    if (!(counted > 0)) continue;
    const price = (sum(row(key).base) + sum(row(key).variant)) / counted;
    pricedCountMargin = Math.max(
      pricedCountMargin,
      marginIn(`${table}${count}`, row, options).amount * price,
    );
  }
  const rateOf = measureDefinition(name).rateOf;
  const scale =
    rateOf === undefined ? 1 : (meanOf(row(measureKey(name)).base) ?? 0) / (rowCost || 1);
  return { rowCost, pricedCountMargin, scale };
}

/**
 * The margin of measure `name` in a row, as an amount: the user's or its unit's default, which
 * may read the row's volume (calls offered for calls, needs for needs) and, for money, the row's
 * one money margin (see {@link moneyContext}).
 */
function marginIn(
  name: string,
  row: RowValues,
  options: CompareResultsOptions,
): { margin: Margin; amount: number } {
  const info = measureDefinition(name);
  const margin = marginOf(name, options.margins);
  let context: MarginContext = {};
  if (info.unit === 'calls' || info.unit === 'needs')
    context.volume = meanOf(row(info.unit === 'needs' ? 'needs' : 'offered').base);
  if (info.unit === 'currency' && 'ofRowCost' in margin) context = moneyContext(name, row, options);
  return { margin, amount: marginAmount(margin, meanOf(row(measureKey(name)).base), context) };
}

/** One compared measure from the paired values of base and variant in its row. */
function compareValues(
  name: string,
  row: RowValues,
  options: CompareResultsOptions,
): ComparedMeasure {
  const info = measureDefinition(name);
  const { base, variant } = row(measureKey(name));
  const differences = variant.map((x, i) => x - base[i]!);
  const difference = measureEstimate(differences);
  const baseEstimate = measureEstimate(base, unitRange(info.unit));
  const { margin, amount } = marginIn(name, row, options);
  const measure: ComparedMeasure = {
    name,
    unit: unitLabel(info.unit, options.currency ?? 'EUR'),
    better: info.better,
    margin: { amount, rule: describeMargin(margin, info.unit, info.rateOf !== undefined) },
    base: baseEstimate,
    variant: measureEstimate(variant, unitRange(info.unit)),
    difference,
    verdict: verdictOf(difference, info.better, amount),
    pAdjusted: null,
  };
  pairedDifferences.set(measure, { differences, amount });
  return measure;
}

const OVERALL_TABLES = ['overall', 'needs', 'cost'] as const;

/** Compare replications of a base and a variant run under the same seeds (paired). */
export function compareResults(
  base: readonly ReplicationResult[],
  variant: readonly ReplicationResult[],
  options: CompareResultsOptions = {},
): ComparedMeasure[] {
  return comparedMeasures.map((name) => {
    const own = name.slice(0, name.indexOf('.')) as (typeof OVERALL_TABLES)[number];
    // The whole switchboard is one row spread over three tables: a key is read from the
    // measure's own table, else from the first that has it (offered, needs, lostNeeds).
    const row: RowValues = (key) => {
      const table = [own, ...OVERALL_TABLES].find((t) => base[0]?.[t][key] !== undefined) ?? own;
      const values = (results: readonly ReplicationResult[]) =>
        results.map((r) => r[table][key] ?? Number.NaN);
      return { base: values(base), variant: values(variant) };
    };
    return compareValues(name, row, options);
  });
}

/**
 * Paired differences per reason: for each reason of the base (matched by name in the variant;
 * a reason the variant lacks gives no values), the {@link comparedReasonMeasures}.
 */
export function compareReasons(
  baseReasons: readonly string[],
  base: readonly ReplicationResult[],
  variantReasons: readonly string[],
  variant: readonly ReplicationResult[],
  options: CompareResultsOptions = {},
): ReasonComparison[] {
  return compareRows('byReason', baseReasons, base, variantReasons, variant, options).map(
    ({ name, measures }) => ({ reason: name, measures }),
  );
}

/** Paired differences per caller group, as {@link compareReasons} per reason. */
export function compareGroups(
  baseGroups: readonly string[],
  base: readonly ReplicationResult[],
  variantGroups: readonly string[],
  variant: readonly ReplicationResult[],
  options: CompareResultsOptions = {},
): GroupComparison[] {
  return compareRows('byGroup', baseGroups, base, variantGroups, variant, options).map(
    ({ name, measures }) => ({ group: name, measures }),
  );
}

function compareRows(
  table: 'byReason' | 'byGroup',
  baseNames: readonly string[],
  base: readonly ReplicationResult[],
  variantNames: readonly string[],
  variant: readonly ReplicationResult[],
  options: CompareResultsOptions,
): { name: string; measures: ComparedMeasure[] }[] {
  const keys = table === 'byReason' ? comparedReasonMeasures : comparedGroupMeasures;
  return baseNames.map((name, r) => {
    const v = variantNames.indexOf(name);
    const row: RowValues = (key) => ({
      base: base.map((result) => result[table][r]?.[key] ?? Number.NaN),
      variant: variant.map((result) =>
        v >= 0 ? (result[table][v]?.[key] ?? Number.NaN) : Number.NaN,
      ),
    });
    return { name, measures: keys.map((key) => compareValues(`${table}.${key}`, row, options)) };
  });
}

/** Options of {@link compareScenarios}. */
export interface CompareScenariosOptions extends SimulateScenarioOptions {
  /** Practical margins from the command line; they win over the base scenario's `measures.margins`. */
  margins?: MarginOverrides;
}

/** How `compare` turns a paired interval into a verdict, stated with every comparison. */
export const VERDICT_RULE =
  'better / worse (higher / lower for measures better neither way) when the whole 95 % interval of the difference lies beyond the practical margin and the one-sided p-value of a difference beyond the margin, adjusted over every measure of the comparison (overall, per reason, per group) by Benjamini–Hochberg, stays below 2.5 % (so a comparison of many measures does not find effects by chance; intervals are not adjusted); equivalent when it lies within ± margin; not settled when the interval excludes zero but is neither (a difference is seen, its size against the margin is not settled: more replications settle it); otherwise (the interval holds zero) no difference detectable. Default margins: 0.5 point for shares, 1 s for durations, 0.01 for ratios, 0.1 operator; for counts the largest of 1 % of the base, 0.5 % of the row’s calls offered (needs, for needs) and 1; 1 % of the base for hours; for money one amount for every cost of a row (its total and the parts that add up to it): 1 % of the row’s total cost, at least the margin of each count it prices (operator hours, lost needs, transfers, repeat attempts) at its price, and that amount per answered call for the cost per answered call; set others with measures.margins in the scenario or --margin NAME=VALUE';

/**
 * Run a base scenario and variants with the same replication seeds (common random numbers: the
 * same callers arrive with the same patience and handling times in both), then report paired
 * differences with Student-t 95 % intervals and a verdict per measure (see {@link verdictOf}),
 * overall and per reason. Cost: (1 + variants) × replications × days of simulation.
 */
export async function compareScenarios(
  base: Scenario,
  variants: readonly Scenario[],
  options: CompareScenariosOptions = {},
): Promise<ComparisonReport> {
  for (const variant of variants)
    if (variant.costs.currency !== base.costs.currency)
      throw inputError(
        'costs.currency',
        `the base's currency, ${base.costs.currency} (a comparison adds and subtracts money in one currency)`,
        variant.costs.currency,
        { file: variant.file ?? variant.name },
      );
  const full = scenarioRunOptions(options);
  const margins = new Map([...base.margins, ...(options.margins ?? new Map())]);
  const compareOptions: CompareResultsOptions = { currency: base.costs.currency, margins };
  const [baseResults, ...variantResults] = await runScenariosReplications(
    [base, ...variants],
    full,
  );
  const reasonNames = (s: Scenario) => s.reasons.map((r) => r.name);
  // Two files with the same `name:` are told apart by their files.
  const [baseLabel, ...variantLabels] = distinctLabels([base, ...variants]);
  const comparisons: Comparison[] = [];
  for (const [i, variant] of variants.entries()) {
    const results = variantResults[i]!;
    const measures = compareResults(baseResults!, results, compareOptions);
    comparisons.push({
      variant: variantLabels[i]!,
      file: variant.file ?? null,
      measures,
      byReason: compareReasons(
        reasonNames(base),
        baseResults!,
        reasonNames(variant),
        results,
        compareOptions,
      ),
      byWeekdayInterval: summarize(variant, results, full).byWeekdayInterval,
      targets: checkTargets(base, variant, baseResults!, results, full.days),
    });
    if (base.callerGroups.length > 0)
      comparisons[comparisons.length - 1]!.byGroup = compareGroups(
        base.callerGroups.map((g) => g.name),
        baseResults!,
        variant.callerGroups.map((g) => g.name),
        results,
        compareOptions,
      );
    const comparison = comparisons[comparisons.length - 1]!;
    adjustComparison([
      ...comparison.measures,
      ...comparison.byReason.flatMap((r) => r.measures),
      ...(comparison.byGroup ?? []).flatMap((g) => g.measures),
    ]);
  }
  const report: ComparisonReport = {
    base: baseLabel!,
    ...describeRun(base, full),
    currency: base.costs.currency,
    method: `paired differences (variant − base) over replications run with the same seeds; Student-t 95 % CI; ${INTERVAL_METHOD}`,
    verdicts: VERDICT_RULE,
    comparisons,
    byWeekdayInterval: summarize(base, baseResults!, full).byWeekdayInterval,
  };
  if (comparisons.length === 1) report.measures = comparisons[0]!.measures;
  return report;
}
