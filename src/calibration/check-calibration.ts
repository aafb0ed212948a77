import type { AuditReport } from '../audit/audit-report.js';
import type { CalibrationCheck, CheckEstimate, RouteCheck } from '../audit/calibration-check.js';
import type { CalibratedParameters } from '../audit/calibration-tracker.js';
import { calibrationToScenario } from '../audit/scenario-writer.js';
import { parseScenario } from '../scenario/parse-scenario.js';
import { confidenceInterval } from '../stats/confidence-interval.js';
import { fixed, percentText, signedFixed } from '../units/fixed.js';
import type { AuditedGroup } from './hourly-queue-outcomes.js';
import { simulateAudited } from './simulate-hourly-abandonment.js';

export type { CalibrationCheck, CheckEstimate, RouteCheck };

/** Options of {@link checkCalibration}. */
export interface CheckCalibrationOptions {
  days: number;
  replications: number;
  seed?: number;
  threads?: number;
}

const binomial = (k: number, n: number): CheckEstimate => {
  const p = n > 0 ? k / n : 0;
  const half = n > 0 ? 1.96 * Math.sqrt((p * (1 - p)) / n) : 0;
  return { value: p, ci95: [Math.max(0, p - half), Math.min(1, p + half)] };
};

const overReplications = (values: number[]): CheckEstimate => {
  const value = values.reduce((a, b) => a + b, 0) / values.length;
  const [low, high] = confidenceInterval(values, 0.95);
  return {
    value,
    ci95: [Number.isFinite(low) ? low : value, Number.isFinite(high) ? high : value],
  };
};

/** Mean and interval over replications of their ASA (null when none answered a call). */
const asaOf = (groups: AuditedGroup[]): CheckEstimate | null => {
  const waits = groups.filter((g) => g.answered > 0).map((g) => g.waitAnsweredSeconds / g.answered);
  return waits.length > 0 ? overReplications(waits) : null;
};

/** Abandoned calls ÷ offered calls of a group (0 when none was offered). */
const abandonment = (g: AuditedGroup) => (g.offered > 0 ? g.abandoned / g.offered : 0);

/**
 * Simulate the scenario the audit writes from `calibration` (`days` × `replications`, one seed)
 * and set its weekly volume, abandonment and ASA, overall and route by route, against the
 * records' (`report`): what a consultant shows before using the model for what-ifs. Each
 * replication is measured by the audit itself ({@link simulateAudited}: its calls as a
 * queue_log, read back by the audit's reader), so model and records share one definition
 * (abandoned calls never answered ÷ calls offered to a queue, a call on its first queue's
 * route). Cost: the simulation's, plus reading its queue_log.
 */
export async function checkCalibration(
  report: AuditReport,
  calibration: CalibratedParameters,
  options: CheckCalibrationOptions,
): Promise<CalibrationCheck> {
  const seed = options.seed ?? 1;
  const scenario = parseScenario(calibrationToScenario(calibration));
  const results = await simulateAudited(scenario, {
    days: options.days,
    replications: options.replications,
    seed,
    threads: options.threads ?? 1,
  });
  const perWeekday = [0, 0, 0, 0, 0, 0, 0];
  for (const cell of report.byHour) perWeekday[cell.weekday]! += cell.offered;
  let recordedPerWeek = 0;
  perWeekday.forEach((n, d) => {
    const days = calibration.daysObserved[d]!;
    if (days > 0) recordedPerWeek += n / days;
  });
  const observedDays = calibration.daysObserved.reduce((a, b) => a + b, 0);
  const weeks = options.days / 7;
  const simulatedPerWeek = overReplications(results.map((r) => r.overall.offered / weeks));
  const overallSimulated = overReplications(results.map((r) => abandonment(r.overall)));
  const overallRecorded = binomial(report.calls.abandoned, report.calls.offered);
  const routes = report.byQueue.flatMap((q): RouteCheck[] => {
    const index = scenario.queues.findIndex((g) => g.name === q.queue);
    if (index < 0) return [];
    const recorded = binomial(q.abandoned, q.offered);
    const simulated = overReplications(results.map((r) => abandonment(r.byQueue[index]!)));

    return [
      {
        route: q.queue,
        offered: q.offered,
        recorded,
        simulated,
        difference: simulated.value - recorded.value,
        asaSeconds: {
          recorded: q.asaSeconds,
          simulated: asaOf(results.map((r) => r.byQueue[index]!)),
        },
      },
    ];
  });
  return {
    days: options.days,
    replications: options.replications,
    seed,
    volume: {
      recordedPerWeek,
      recordedPerObservedWeek: observedDays > 0 ? (report.calls.offered / observedDays) * 7 : 0,
      simulatedPerWeek,
      gap: recordedPerWeek > 0 ? simulatedPerWeek.value / recordedPerWeek - 1 : 0,
    },
    overall: {
      recorded: overallRecorded,
      simulated: overallSimulated,
      difference: overallSimulated.value - overallRecorded.value,
      asaSeconds: { recorded: report.asaSeconds, simulated: asaOf(results.map((r) => r.overall)) },
    },
    routes,
    definitions:
      'abandonment = abandoned calls (never answered) ÷ calls offered to a queue, a call counted on the route of its first queue (redials are calls of their own), the same for records and model: each simulated replication is written as a queue_log and read back by the audit; records: 95 % binomial interval (calls of one hour share the queue, so it is too narrow); model: mean and Student-t 95 % interval over replications; volume = queue calls a week, the records’ as the sum over weekdays of each weekday’s mean; ASA = mean wait to the first answer of the route’s answered calls (the records’ documented queue time), the model’s with its Student-t 95 % interval over replications',
  };
}

/** The check as lines for a terminal. */
export function formatCalibrationCheck(check: CalibrationCheck): string {
  const pct = (x: number) => percentText(x);
  const interval = (e: CheckEstimate) => `${pct(e.value)} [${pct(e.ci95[0])}, ${pct(e.ci95[1])}]`;
  const lines = [
    `calibration check: the written scenario simulated ${check.days} days × ${check.replications} replications (seed ${check.seed}) against the records`,
    `  queue calls a week: model ${fixed(check.volume.simulatedPerWeek.value, 0)} [${fixed(check.volume.simulatedPerWeek.ci95[0], 0)}, ${fixed(check.volume.simulatedPerWeek.ci95[1], 0)}], records ${fixed(check.volume.recordedPerWeek, 0)} (mean week; ${fixed(check.volume.recordedPerObservedWeek, 0)} averaged over the days observed): ${signedFixed(100 * check.volume.gap, 1)} %`,
    `  ${'abandonment'.padEnd(12)} ${'records'.padEnd(24)} ${'model'.padEnd(24)} ${'difference'.padEnd(13)} ASA records  model`,
  ];
  const wait = (s: number | null) => (s === null ? '—' : `${fixed(s, 0)} s`);
  for (const r of [{ route: 'all', ...check.overall }, ...check.routes]) {
    const model = r.asaSeconds.simulated;
    const asa = `${wait(r.asaSeconds.recorded).padEnd(12)} ${model === null ? '—' : `${wait(model.value)} [${fixed(model.ci95[0], 0)}, ${fixed(model.ci95[1], 0)}]`}`;
    lines.push(
      `  ${r.route.padEnd(12).slice(0, 12)} ${interval(r.recorded).padEnd(24)} ${interval(r.simulated).padEnd(24)} ${`${fixed(100 * r.difference, 1)} points`.padEnd(13)} ${asa}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
