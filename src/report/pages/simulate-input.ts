/**
 * The input of {@link simulateReport} and {@link compareReport}: plain objects whose key names
 * mirror the JSON of `switchboard simulate --json` and `switchboard compare --json` (issue 5):
 * every measure is `{ mean, ci95: [lo, hi] }`, named `serviceLevel`, `asaSeconds`,
 * `probabilityAbandon`, `occupancy`…, and `overall` holds the counts.
 */

import type { CallPathCounts } from '../charts/call-path-flow.js';
import type { HistogramBin } from '../charts/histogram-chart.js';
import type { Estimate } from '../format.js';
import type { TargetCheck } from '../../switchboard/compare-scenarios.js';

/** Measures of one interval (half-hour) of the horizon. */
export interface SimulateIntervalRow {
  /** Start of the interval, ISO 8601 with offset: `2026-03-02T08:30:00+01:00`. */
  intervalStart: string;
  offered: Estimate;
  answered: Estimate;
  abandoned: Estimate;
  busy?: Estimate;
  serviceLevel?: Estimate;
  asaSeconds?: Estimate;
  occupancy?: Estimate;
}

/** The `overall` block: counts and the headline measures. */
export interface SimulateOverall {
  offered: Estimate;
  answered: Estimate;
  abandoned: Estimate;
  busy: Estimate;
  inSystemAtEnd: Estimate;
  transfers: Estimate;
  bouncedBack: Estimate;
  /** Shares and waits of queue entries: absent when no call entered a queue. */
  serviceLevel?: Estimate;
  asaSeconds?: Estimate;
  probabilityAbandon?: Estimate;
  occupancy: Estimate;
  /** Any further measure (`shortAbandoned`, `transfersWild`, `failedTransfers`…). */
  [measure: string]: Estimate | undefined;
}

/** Targets the report judges figures against (defaults: 80 % within 20 s; abandonment ≤ 5 %). */
export interface ReportTargets {
  /** Service-level target share, e.g. 0.8. */
  serviceLevel?: number;
  /** Service-level threshold, seconds, e.g. 20. */
  thresholdSeconds?: number;
  /** Abandonment ceiling share, e.g. 0.05. */
  abandon?: number;
}

/** Everything {@link simulateReport} can show; only `scenario`, `overall`, `byInterval` are required. */
export interface SimulateReportInput {
  /** Scenario name or file. */
  scenario: string;
  days: number;
  replications: number;
  seed?: number;
  targets?: ReportTargets;
  /** How service level is computed: `answered within 20 s / (answered + abandoned)`. */
  serviceLevelDefinition?: string;
  overall: SimulateOverall;
  byInterval: readonly SimulateIntervalRow[];
  byQueue?: Readonly<Record<string, Readonly<Record<string, Estimate>>>>;
  byReason?: Readonly<Record<string, Readonly<Record<string, Estimate>>>>;
  /** Per-need measures as `simulate --json` names them: `needs`, `resolved`, `unresolved`, `openAtEnd`, `resolvedRate`, `firstContactResolution`, `attemptsPerNeed`, `totalWaitSeconds`, `transfersPerNeed`. */
  needs?: Readonly<Record<string, Estimate>>;
  /** Cost items (`operatorHours`, `operatorCost`, `lostNeeds`, `lostNeedCost`, `total`…) and `currency`. */
  cost?: Readonly<Record<string, Estimate | string>>;
  /** Distribution of waits of answered calls, seconds (means over replications). */
  waitHistogram?: readonly HistogramBin[];
  /** Counts along the call path for the flow diagram (means over replications). */
  callPath?: CallPathCounts;
  /** Share of needs taking 1, 2, 3… attempts. */
  attemptsDistribution?: readonly { attempts: number; share: number }[];
}

/** One row of `compare --json`'s `measures`. */
export interface CompareMeasure {
  name: string;
  base: Estimate;
  variant: Estimate;
  difference: Estimate;
  /** `better`, `worse`, `equivalent` or `no difference` (any spelling starting so). */
  verdict: string;
}

/** Paired differences of one reason, as `compare --json`'s `byReason`. */
export interface CompareReasonMeasures {
  reason: string;
  measures: readonly CompareMeasure[];
}

/** Everything {@link compareReport} can show. */
export interface CompareReportInput {
  baseName: string;
  variantName: string;
  days: number;
  replications: number;
  /** What the variant changes, in a manager's words: "Adds option 4 (building works) to the menu". */
  change?: string;
  measures: readonly CompareMeasure[];
  /** Paired differences per reason. */
  byReason?: readonly CompareReasonMeasures[];
  /** Paired differences per caller group. */
  byGroup?: readonly { group: string; measures: readonly CompareMeasure[] }[];
  /** Interval rows of both scenarios, for the overlaid charts. */
  byInterval?: { base: readonly SimulateIntervalRow[]; variant: readonly SimulateIntervalRow[] };
  targets?: ReportTargets;
  /** The base's targets judged in both scenarios, over the horizon and per day (`compare --json` `targets`). */
  targetChecks?: readonly TargetCheck[];
  currency?: string;
}
