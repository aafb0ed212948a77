import { ownTargetsDocument } from './roster-search.js';
import { stringify as csv } from 'csv-stringify/sync';
import { neutraliseFormula as cell } from '../io/csv-cell.js';
import { yamlText } from '../io/yaml-text.js';
import { portableScenario } from '../scenario/portable-document.js';
import type { Scenario } from '../scenario/scenario-types.js';
import type { RosterResult } from './build-roster.js';
import { rosterDocument } from './roster-document.js';

/**
 * `roster.csv`: one row per group of shifts — queue, template, start, breaks (`;`-separated),
 * days (`;`-separated), operators — names guarded against spreadsheet formulas. Cost O(shifts).
 */
export function rosterCsv(result: RosterResult): string {
  return csv([
    ['queue', 'template', 'start', 'breaks', 'days', 'operators'],
    ...result.shifts.map((s) => [
      cell(s.queue),
      cell(s.template),
      s.start,
      s.breaks.join(';'),
      s.days.join(';'),
      s.count,
    ]),
  ]);
}

/**
 * The files of `roster --out`: `scenario.yaml` (the scenario with the roster as its rostered
 * queues' operators, and the targets it was built for: `simulate` and `compare` run it as is),
 * `roster.csv`, `per-interval.csv` and `roster.json` (the whole result); with a forecast, its
 * CSV beside the scenario as `forecast.csv` (see {@link portableScenario}: the directory can be
 * moved and still runs). Cost: linear in the roster, the document and the forecast.
 */
export function rosterFiles(scenario: Scenario, result: RosterResult): Record<string, string> {
  const byQueue = new Map<string, number[]>();
  for (const row of result.perInterval) {
    const list = byQueue.get(row.queue) ?? [];
    list.push(row.scheduled);
    byQueue.set(row.queue, list);
  }
  const { document, files } = portableScenario(
    rosterDocument(
      scenario,
      [...byQueue].map(([name, scheduled]) => ({
        queue: scenario.queues.findIndex((q) => q.name === name),
        scheduled,
      })),
      {
        threshold: `${result.targets.thresholdSeconds}s`,
        ...(result.targets.serviceLevel === undefined
          ? {}
          : { serviceLevel: result.targets.serviceLevel }),
        ...(result.targets.maxAbandon === undefined
          ? {}
          : { maxAbandon: result.targets.maxAbandon }),
        ...ownTargetsDocument(result.targets),
      },
      // Paid hours a week the written operators do not show: the breaks (when paid).
      Math.max(
        0,
        Math.round(
          (result.operatorHours -
            (result.perInterval.reduce((s, r) => s + r.scheduled, 0) * scenario.intervalMinutes) /
              60) *
            100,
        ) / 100,
      ),
    ),
  );
  const header = `# Roster by switchboard roster: ${result.operatorHours} paid hours a week (Erlang plan: ${result.erlangPlan.operatorHours}).\n`;
  return {
    'scenario.yaml': header + yamlText(document, { lineWidth: 100, version: '1.1' }),
    'roster.csv': rosterCsv(result),
    'per-interval.csv': csv([
      ['queue', 'weekday', 'interval', 'erlang', 'required', 'scheduled'],
      ...result.perInterval.map((r) => [
        cell(r.queue),
        r.weekday,
        r.interval,
        r.erlang,
        r.required,
        r.scheduled,
      ]),
    ]),
    'roster.json': `${JSON.stringify(result, null, 2)}\n`,
    ...files,
  };
}
