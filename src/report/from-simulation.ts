import type { CallPathCounts } from './charts/call-path-flow.js';
import type { Estimate as ReportEstimate } from './format.js';
import type {
  CompareMeasure,
  ReportTargets,
  SimulateIntervalRow,
  SimulateOverall,
  SimulateReportInput,
} from './pages/simulate-input.js';
import type { Scenario } from '../scenario/scenario-types.js';
import type { ComparedMeasure } from '../switchboard/compare-scenarios.js';
import type { MeasureEstimate } from '../stats/confidence-interval.js';
import { wallClockEpoch } from '../calendar/wall-clock-epoch.js';
import type { EstimateRow, SimulationSummary } from '../switchboard/simulate-scenario.js';
import { offsetText } from '../calendar/time-of-day.js';

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

const ZERO: ReportEstimate = { mean: 0, ci95: [0, 0] };

/**
 * The interval rows of an average week, dated on the horizon's first week (the report pages
 * chart dated intervals; ours are averages over the days of each weekday): the first
 * min(days, 7) days from the start date.
 */
export function reportIntervals(
  scenario: Scenario,
  summary: Pick<SimulationSummary, 'days' | 'byWeekdayInterval'>,
): SimulateIntervalRow[] {
  const epochOf = wallClockEpoch(scenario);
  const intervals = Math.round(1440 / scenario.intervalMinutes);
  const start = Date.parse(`${scenario.startDate}T00:00:00Z`);
  const rows: SimulateIntervalRow[] = [];
  for (let d = 0; d < Math.min(summary.days, 7); d++) {
    const weekday = (scenario.startWeekday + d) % 7;
    const date = new Date(start + d * 86400000).toISOString().slice(0, 10);
    for (let k = 0; k < intervals; k++) {
      const row = summary.byWeekdayInterval[weekday * intervals + k]!;
      const e = (key: string) => reportEstimate(row[key] as MeasureEstimate | undefined);
      // The zone's offset at this wall-clock time (it changes on daylight-saving days).
      const wall = (start + d * 86400000) / 1000 + k * scenario.intervalMinutes * 60;
      const offset = offsetText(Math.round((wall - epochOf(wall - start / 1000)) / 60));
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

/**
 * The scenario's `targets:` as the pages read them (the threshold always; the service-level and
 * abandonment targets when the scenario sets them, else the pages' stated defaults).
 */
export function reportTargets(scenario: Scenario): ReportTargets {
  const targets: ReportTargets = { thresholdSeconds: scenario.serviceLevelSeconds };
  if (scenario.targets?.serviceLevel !== undefined)
    targets.serviceLevel = scenario.targets.serviceLevel;
  if (scenario.targets?.maxAbandon !== undefined) targets.abandon = scenario.targets.maxAbandon;
  return targets;
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
    targets: reportTargets(scenario),
    serviceLevelDefinition: summary.definitions.serviceLevel!,
    overall,
    byInterval: reportIntervals(scenario, summary),
    byQueue: byName(summary.byQueue, 'queue'),
    byReason: byName(summary.byReason, 'reason'),
    needs: estimates(summary.needs),
    cost: { ...estimates(summary.cost), currency: scenario.costs.currency },
  };
  if (typeof summary.seed === 'number') input.seed = summary.seed;
  const paths = reportPaths(scenario, summary);
  input.callPath = paths.callPath;
  if (paths.waitHistogram.some((b) => b.count > 0)) input.waitHistogram = paths.waitHistogram;
  if (paths.attemptsDistribution.length > 0)
    input.attemptsDistribution = paths.attemptsDistribution;
  return input;
}

/**
 * The call path, the wait histogram and the attempts distribution of a simulation, from the
 * `overall` and `paths` tables (means over replications). The open last wait bin (120 s or
 * more) is drawn 5 s wide like the others; the chart's description says so. Cost: O(bins).
 */
export function reportPaths(
  scenario: Scenario,
  summary: SimulationSummary,
): Required<Pick<SimulateReportInput, 'callPath' | 'waitHistogram' | 'attemptsDistribution'>> {
  const m = (table: Record<string, MeasureEstimate>, key: string) => table[key]?.mean ?? 0;
  const o = (key: string) => m(summary.overall, key);
  const p = (key: string) => m(summary.paths, key);
  const callPath: CallPathCounts = {
    offered: o('offered'),
    busy: o('busy'),
    // Every queue answer (a bounced-back or misrouted call is answered again), so that the
    // answered node splits exactly into resolved, put through and transferred.
    answered: summary.byQueue.reduce(
      (total, q) => total + m(q as Record<string, MeasureEstimate>, 'answered'),
      0,
    ),
    abandoned: o('abandoned'),
    inSystemAtEnd: o('inSystemAtEnd'),
  };
  if (scenario.ivr) callPath.ivr = { hungUp: o('ivrAbandoned'), resolved: o('ivrResolved') };
  const transfers: NonNullable<CallPathCounts['transfers']> = {};
  if (o('warmTransfers') > 0)
    transfers.warm = {
      answered: p('warmAnswered'),
      takenBack: p('warmTakenBack'),
      bouncedBack: 0,
      lost: 0,
    };
  if (o('wildTransfers') > 0)
    transfers.wild = {
      answered: p('wildAnswered'),
      voicemail: p('wildVoicemail'),
      bouncedBack: p('wildBouncedBack'),
      lost: p('wildLost'),
    };
  if (transfers.warm || transfers.wild) callPath.transfers = transfers;
  if (p('putThrough') > 0) callPath.putThrough = p('putThrough');
  const waitHistogram = Object.keys(summary.paths)
    .filter((key) => key.startsWith('wait'))
    .map((key) => {
      const [, from, to] = /^wait(\d+)(?:to(\d+)|plus)$/.exec(key) ?? [];
      const lo = Number(from);
      return { from: lo, to: to === undefined ? lo + 5 : Number(to), count: p(key) };
    });
  const ended = [1, 2, 3].map((k) => p(`needsEnded${k}`)).concat(p('needsEnded4Plus'));
  const total = ended.reduce((a, b) => a + b, 0);
  const attemptsDistribution =
    total > 0 ? ended.map((n, i) => ({ attempts: i + 1, share: n / total })) : [];
  return { callPath, waitHistogram, attemptsDistribution };
}

/** `compare --json` measures in the shape of the report module's `compareReport`. */
export function compareReportMeasures(measures: readonly ComparedMeasure[]): CompareMeasure[] {
  const out: CompareMeasure[] = [];
  for (const m of measures) {
    const base = reportEstimate(m.base);
    const variant = reportEstimate(m.variant);
    const difference = reportEstimate(m.difference);
    if (base && variant && difference)
      out.push({ name: m.name, base, variant, difference, verdict: m.verdict });
  }
  return out;
}
