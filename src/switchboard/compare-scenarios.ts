import {
  type Better,
  measureDefinition,
  unitLabel,
  unitRange,
} from '../measures/measure-catalogue.js';
import {
  describeMargin,
  type MarginOverrides,
  marginAmount,
  marginOf,
  type Verdict,
  verdictOf,
} from '../measures/verdict.js';
import type { Scenario } from '../scenario/scenario-types.js';
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

/** The measures `compare` reports, by `table.key` name; units and directions come from the catalogue. */
export const comparedMeasures: readonly string[] = [
  'overall.offered',
  'overall.answered',
  'overall.abandoned',
  'overall.busy',
  'overall.ivrAbandoned',
  'overall.ivrResolved',
  'overall.serviceLevel',
  'overall.asaSeconds',
  'overall.probabilityAbandon',
  'overall.occupancy',
  'overall.transfers',
  'overall.failedTransfers',
  'overall.bouncedBack',
  'overall.redials',
  'overall.voicemailGeneratedCalls',
  'overall.callbackAccepted',
  'overall.outboundReached',
  'overall.outboundMessages',
  'overall.inSystemAtEnd',
  'needs.resolvedRate',
  'needs.firstContactResolution',
  'needs.attemptsPerNeed',
  'needs.totalWaitSeconds',
  'needs.transfersPerNeed',
  'needs.unresolved',
  'cost.operatorHours',
  'cost.lostNeeds',
  'cost.lostNeedCost',
  'cost.total',
  'cost.perAnsweredCall',
];

/** The needs' measures `compare` reports for each reason and each caller group. */
const comparedNeedMeasures = [
  'asaSeconds',
  'needs',
  'resolvedRate',
  'firstContactResolution',
  'attemptsPerNeed',
  'lostNeeds',
  'lostNeedCost',
] as const;

/** The measures `compare` reports for each reason (keys of `simulate --json`'s `byReason` rows). */
export const comparedReasonMeasures: readonly string[] = [
  'offered',
  'answered',
  'reanswered',
  'abandoned',
  'busy',
  'transfers',
  'bouncedBack',
  ...comparedNeedMeasures,
];

/** The measures `compare` reports for each caller group (keys of `simulate --json`'s `byGroup`). */
export const comparedGroupMeasures: readonly string[] = [
  'offered',
  'answered',
  'abandoned',
  'ivrAbandoned',
  ...comparedNeedMeasures,
];

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

/** A variant compared with the base. */
export interface Comparison {
  variant: string;
  file: string | null;
  measures: ComparedMeasure[];
  /** Paired differences per reason (reasons of the base, matched by name). */
  byReason: ReasonComparison[];
  /** Paired differences per caller group, when the base scenario defines `callerGroups:`. */
  byGroup?: GroupComparison[];
  /** The variant's rows by weekday and interval, as `simulate --json`'s `byWeekdayInterval`. */
  byWeekdayInterval: EstimateRow[];
}

/** What `switchboard compare` reports. */
export interface ComparisonReport extends RunDescription {
  /** The base scenario's name. */
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

function pick(result: ReplicationResult, name: string): number {
  const [table, key] = name.split('.') as ['overall' | 'needs' | 'cost', string];
  return result[table][key] ?? Number.NaN;
}

/** One compared measure from the paired values of base and variant. */
function compareValues(
  name: string,
  base: readonly number[],
  variant: readonly number[],
  options: CompareResultsOptions,
): ComparedMeasure {
  const info = measureDefinition(name);
  const difference = measureEstimate(variant.map((x, i) => x - base[i]!));
  const baseEstimate = measureEstimate(base, unitRange(info.unit));
  const margin = marginOf(name, options.margins);
  const amount = marginAmount(margin, baseEstimate.mean);
  return {
    name,
    unit: unitLabel(info.unit, options.currency ?? 'EUR'),
    better: info.better,
    margin: { amount, rule: describeMargin(margin, info.unit) },
    base: baseEstimate,
    variant: measureEstimate(variant, unitRange(info.unit)),
    difference,
    verdict: verdictOf(difference, info.better, amount),
  };
}

/** Compare replications of a base and a variant run under the same seeds (paired). */
export function compareResults(
  base: readonly ReplicationResult[],
  variant: readonly ReplicationResult[],
  options: CompareResultsOptions = {},
): ComparedMeasure[] {
  return comparedMeasures.map((name) =>
    compareValues(
      name,
      base.map((r) => pick(r, name)),
      variant.map((r) => pick(r, name)),
      options,
    ),
  );
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
    return {
      name,
      measures: keys.map((key) =>
        compareValues(
          `${table}.${key}`,
          base.map((result) => result[table][r]?.[key] ?? Number.NaN),
          variant.map((result) => (v >= 0 ? (result[table][v]?.[key] ?? Number.NaN) : Number.NaN)),
          options,
        ),
      ),
    };
  });
}

/** Options of {@link compareScenarios}. */
export interface CompareScenariosOptions extends SimulateScenarioOptions {
  /** Practical margins from the command line; they win over the base scenario's `measures.margins`. */
  margins?: MarginOverrides;
}

/** How `compare` turns a paired interval into a verdict, stated with every comparison. */
export const VERDICT_RULE =
  'better / worse (higher / lower for measures better neither way) when the whole 95 % interval of the difference lies beyond the practical margin; equivalent when it lies within ± margin; otherwise no difference detectable. Default margins: 0.5 point for shares, 1 s for durations, 0.01 for ratios, 1 % of the base for counts, hours and money; set others with measures.margins in the scenario or --margin NAME=VALUE';

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
  const full = scenarioRunOptions(options);
  const margins = new Map([...base.margins, ...(options.margins ?? new Map())]);
  const compareOptions: CompareResultsOptions = { currency: base.costs.currency, margins };
  const [baseResults, ...variantResults] = await runScenariosReplications(
    [base, ...variants],
    full,
  );
  const reasonNames = (s: Scenario) => s.reasons.map((r) => r.name);
  const comparisons: Comparison[] = [];
  for (const [i, variant] of variants.entries()) {
    const results = variantResults[i]!;
    comparisons.push({
      variant: variant.name,
      file: variant.file ?? null,
      measures: compareResults(baseResults!, results, compareOptions),
      byReason: compareReasons(
        reasonNames(base),
        baseResults!,
        reasonNames(variant),
        results,
        compareOptions,
      ),
      byWeekdayInterval: summarize(variant, results, full).byWeekdayInterval,
    });
    if (base.callerGroups.length > 0)
      comparisons[comparisons.length - 1]!.byGroup = compareGroups(
        base.callerGroups.map((g) => g.name),
        baseResults!,
        variant.callerGroups.map((g) => g.name),
        results,
        compareOptions,
      );
  }
  const report: ComparisonReport = {
    base: base.name,
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
