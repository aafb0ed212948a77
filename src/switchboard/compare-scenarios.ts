import type { Scenario } from '../scenario/scenario-types.js';
import { type MeasureEstimate, measureEstimate } from '../stats/confidence-interval.js';
import {
  type EstimateRow,
  runScenarioReplications,
  type SimulateScenarioOptions,
  summarize,
} from './simulate-scenario.js';
import type { ReplicationResult } from './tallies.js';

/** Which way a measure is better: `higher`, `lower`, or `neutral` (neither). */
export type Direction = 'higher' | 'lower' | 'neutral';

/** The measures `compare` reports, with the direction in which each is better. */
export const comparedMeasures: readonly { name: string; better: Direction }[] = [
  { name: 'overall.offered', better: 'lower' },
  { name: 'overall.answered', better: 'neutral' },
  { name: 'overall.abandoned', better: 'lower' },
  { name: 'overall.busy', better: 'lower' },
  { name: 'overall.ivrAbandoned', better: 'lower' },
  { name: 'overall.ivrResolved', better: 'neutral' },
  { name: 'overall.serviceLevel', better: 'higher' },
  { name: 'overall.asaSeconds', better: 'lower' },
  { name: 'overall.probabilityAbandon', better: 'lower' },
  { name: 'overall.occupancy', better: 'neutral' },
  { name: 'overall.transfers', better: 'lower' },
  { name: 'overall.failedTransfers', better: 'lower' },
  { name: 'overall.bouncedBack', better: 'lower' },
  { name: 'overall.redials', better: 'lower' },
  { name: 'overall.voicemailGeneratedCalls', better: 'lower' },
  { name: 'overall.callbackAccepted', better: 'neutral' },
  { name: 'overall.outboundReached', better: 'higher' },
  { name: 'overall.outboundMessages', better: 'neutral' },
  { name: 'overall.inSystemAtEnd', better: 'neutral' },
  { name: 'needs.resolvedRate', better: 'higher' },
  { name: 'needs.firstContactResolution', better: 'higher' },
  { name: 'needs.attemptsPerNeed', better: 'lower' },
  { name: 'needs.totalWaitSeconds', better: 'lower' },
  { name: 'needs.transfersPerNeed', better: 'lower' },
  { name: 'cost.operatorHours', better: 'lower' },
  { name: 'cost.lostCalls', better: 'lower' },
  { name: 'cost.total', better: 'lower' },
  { name: 'cost.perAnsweredCall', better: 'lower' },
];

/** One measure of a comparison. */
export interface ComparedMeasure {
  name: string;
  /** The measure in the base scenario, over replications. */
  base: MeasureEstimate;
  /** The measure in the variant, over the same replications. */
  variant: MeasureEstimate;
  difference: MeasureEstimate;
  verdict: 'better' | 'worse' | 'no difference detectable' | 'higher' | 'lower';
}

/** A variant compared with the base. */
export interface Comparison {
  variant: string;
  file: string | null;
  measures: ComparedMeasure[];
  /** The variant's rows by weekday and interval, as `simulate --json`'s `byWeekdayInterval`. */
  byWeekdayInterval: EstimateRow[];
}

/** What `switchboard compare` reports. */
export interface ComparisonReport {
  base: string;
  file: string | null;
  days: number;
  replications: number;
  seed: number | string;
  method: string;
  comparisons: Comparison[];
  /** The base's rows by weekday and interval, as `simulate --json`'s `byWeekdayInterval`. */
  byWeekdayInterval: EstimateRow[];
  /** The measures of the only variant, when one variant is compared. */
  measures?: ComparedMeasure[];
}

function pick(result: ReplicationResult, name: string): number {
  const [table, key] = name.split('.') as ['overall' | 'needs' | 'cost', string];
  return result[table][key] ?? Number.NaN;
}

/**
 * The verdict on a paired difference (variant − base): when its 95 % interval excludes 0,
 * better or worse according to the measure's direction (higher or lower for a neutral one);
 * otherwise no difference detectable.
 */
export function verdictOf(
  difference: MeasureEstimate,
  better: Direction,
): ComparedMeasure['verdict'] {
  const [lo, hi] = difference.ci95;
  if (lo === null || hi === null || (lo <= 0 && hi >= 0)) return 'no difference detectable';
  const up = lo > 0;
  if (better === 'neutral') return up ? 'higher' : 'lower';
  return up === (better === 'higher') ? 'better' : 'worse';
}

/** Compare replications of a base and a variant run under the same seeds (paired). */
export function compareResults(
  base: readonly ReplicationResult[],
  variant: readonly ReplicationResult[],
): ComparedMeasure[] {
  return comparedMeasures.map(({ name, better }) => {
    const b = base.map((r) => pick(r, name));
    const v = variant.map((r) => pick(r, name));
    const difference = measureEstimate(v.map((x, i) => x - b[i]!));
    return {
      name,
      base: measureEstimate(b),
      variant: measureEstimate(v),
      difference,
      verdict: verdictOf(difference, better),
    };
  });
}

/**
 * Run a base scenario and variants with the same replication seeds (common random numbers: the
 * same callers arrive with the same patience and handling times in both), then report paired
 * differences with Student-t 95 % intervals and a verdict per measure. Cost: (1 + variants) ×
 * replications × days of simulation.
 */
export async function compareScenarios(
  base: Scenario,
  variants: readonly Scenario[],
  options: SimulateScenarioOptions = {},
): Promise<ComparisonReport> {
  const full = {
    days: options.days ?? 7,
    replications: options.replications ?? 10,
    seed: options.seed ?? 1,
    threads: options.threads ?? 1,
  };
  const baseResults = await runScenarioReplications(base, full);
  const comparisons: Comparison[] = [];
  for (const variant of variants) {
    const results = await runScenarioReplications(variant, full);
    comparisons.push({
      variant: variant.name,
      file: variant.file ?? null,
      measures: compareResults(baseResults, results),
      byWeekdayInterval: summarize(variant, results, full).byWeekdayInterval,
    });
  }
  const report: ComparisonReport = {
    base: base.name,
    file: base.file ?? null,
    days: full.days,
    replications: full.replications,
    seed: full.seed,
    method:
      'paired differences (variant − base) over replications run with the same seeds; Student-t 95 % CI',
    comparisons,
    byWeekdayInterval: summarize(base, baseResults, full).byWeekdayInterval,
  };
  if (comparisons.length === 1) report.measures = comparisons[0]!.measures;
  return report;
}
