import type { Estimate as ReportEstimate } from '../report/format.js';
import type {
  CompareMeasure,
  SimulateIntervalRow,
  SimulateOverall,
  SimulateReportInput,
} from '../report/pages/simulate-input.js';
import type { Scenario } from '../scenario/scenario-types.js';
import type { ComparedMeasure } from './compare-scenarios.js';
import type { MeasureEstimate } from './confidence-interval.js';
import { startEpochSeconds } from './queue-log.js';
import type { EstimateRow, SimulationSummary } from './simulate-scenario.js';

/** An estimate for the report pages (which need numbers): undefined when it has no mean. */
export function reportEstimate(e: MeasureEstimate | undefined): ReportEstimate | undefined {
  if (e === undefined || e.mean === null) return undefined;
  return { mean: e.mean, ci95: [e.ci95[0] ?? e.mean, e.ci95[1] ?? e.mean] };
}

function estimates(
  record: Record<string, MeasureEstimate | string>,
): Record<string, ReportEstimate> {
  const out: Record<string, ReportEstimate> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') continue;
    const e = reportEstimate(value);
    if (e) out[key] = e;
  }
  return out;
}

function offsetOf(scenario: Scenario): string {
  const epoch = startEpochSeconds(scenario);
  const utcMidnight = Date.parse(`${scenario.startDate}T00:00:00Z`) / 1000;
  const minutes = Math.round((utcMidnight - epoch) / 60);
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const ZERO: ReportEstimate = { mean: 0, ci95: [0, 0] };

/**
 * The interval rows of an average week, dated on the horizon's first week (the report pages
 * chart dated intervals; ours are averages over the days of each weekday): the first
 * min(days, 7) days from the start date.
 */
export function reportIntervals(
  scenario: Scenario,
  summary: SimulationSummary,
): SimulateIntervalRow[] {
  const offset = offsetOf(scenario);
  const intervals = Math.round(1440 / scenario.intervalMinutes);
  const start = Date.parse(`${scenario.startDate}T00:00:00Z`);
  const rows: SimulateIntervalRow[] = [];
  for (let d = 0; d < Math.min(summary.days, 7); d++) {
    const weekday = (scenario.startWeekday + d) % 7;
    const date = new Date(start + d * 86400000).toISOString().slice(0, 10);
    for (let k = 0; k < intervals; k++) {
      const row = summary.byWeekdayInterval[weekday * intervals + k]!;
      const e = (key: string) => reportEstimate(row[key] as MeasureEstimate | undefined);
      const out: SimulateIntervalRow = {
        intervalStart: `${date}T${String(row.interval)}:00${offset}`,
        offered: e('offeredPerDay') ?? ZERO,
        answered: e('answeredPerDay') ?? ZERO,
        abandoned: e('abandonedPerDay') ?? ZERO,
      };
      const busy = e('busyPerDay');
      if (busy) out.busy = busy;
      const sl = e('serviceLevel');
      if (sl) out.serviceLevel = sl;
      const asa = e('asaSeconds');
      if (asa) out.asaSeconds = asa;
      const occupancy = e('occupancy');
      if (occupancy) out.occupancy = occupancy;
      rows.push(out);
    }
  }
  return rows;
}

/** The input of the report module's `simulateReport` for a simulation summary. */
export function simulateReportInput(
  scenario: Scenario,
  summary: SimulationSummary,
): SimulateReportInput {
  const overall = estimates(summary.overall) as SimulateOverall;
  const byName = (rows: readonly EstimateRow[], label: string) =>
    Object.fromEntries(rows.map((row) => [String(row[label]), estimates(row)]));
  const input: SimulateReportInput = {
    scenario: summary.scenario,
    days: summary.days,
    replications: summary.replications,
    targets: { thresholdSeconds: scenario.serviceLevelSeconds },
    serviceLevelDefinition: summary.definitions.serviceLevel!,
    overall,
    byInterval: reportIntervals(scenario, summary),
    byQueue: byName(summary.byQueue, 'queue'),
    byReason: byName(summary.byReason, 'reason'),
    needs: estimates(summary.needs),
    cost: estimates(summary.cost),
  };
  if (typeof summary.seed === 'number') input.seed = summary.seed;
  return input;
}

/** `compare --json` measures in the shape of the report module's `compareReport`. */
export function compareReportMeasures(measures: readonly ComparedMeasure[]): CompareMeasure[] {
  const out: CompareMeasure[] = [];
  for (const m of measures) {
    // The pages read any verdict other than better/worse as "no difference": leave out the
    // measures that are neither good nor bad (higher/lower) rather than mislabel them.
    if (m.verdict === 'higher' || m.verdict === 'lower') continue;
    const base = reportEstimate(m.base);
    const variant = reportEstimate(m.variant);
    const difference = reportEstimate(m.difference);
    if (base && variant && difference)
      out.push({ name: m.name, base, variant, difference, verdict: m.verdict });
  }
  return out;
}
