import { stringify } from 'csv-stringify/sync';
import { CSV_CAST } from '../io/csv-cell.js';
import { RunError } from '../errors.js';
import {
  checkOutputDirectory,
  removeStalePartials,
  StagingDirectory,
} from '../io/staging-directory.js';
import type { MeasureEstimate } from '../stats/confidence-interval.js';
import type { EstimateRow, SimulationSummary } from './simulate-scenario.js';

function isEstimate(value: unknown): value is MeasureEstimate {
  return typeof value === 'object' && value !== null && 'ci95' in value;
}

/** A measures record as CSV: `measure,mean,ci95_low,ci95_high`. */
export function measuresCsv(measures: Record<string, MeasureEstimate>): string {
  const rows = Object.entries(measures).map(([name, e]) => [name, e.mean, e.ci95[0], e.ci95[1]]);
  return stringify([['measure', 'mean', 'ci95_low', 'ci95_high'], ...rows], { cast: CSV_CAST });
}

/** A table of labelled rows as long CSV: `<labels…>,measure,mean,ci95_low,ci95_high`. */
export function tableCsv(rows: readonly EstimateRow[], ...labels: string[]): string {
  const out: unknown[][] = [[...labels, 'measure', 'mean', 'ci95_low', 'ci95_high']];
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (isEstimate(value))
        out.push([...labels.map((l) => row[l]), name, value.mean, value.ci95[0], value.ci95[1]]);
    }
  }
  return stringify(out, { cast: CSV_CAST });
}

/**
 * The files `--out` writes, by name: the whole summary as JSON, then one CSV per table
 * (`paths.csv` is the call-path table: transfer outcomes, operator-ended answers, ended needs
 * by attempts and the wait histogram bins, totals over the horizon; `by-group.csv` only for a
 * scenario with caller groups, as the text's table). Cost: one pass per table.
 */
export function resultFiles(summary: SimulationSummary): Record<string, string> {
  return {
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
    'overall.csv': measuresCsv(summary.overall),
    'by-interval.csv': tableCsv(summary.byInterval, 'interval'),
    'by-weekday-interval.csv': tableCsv(summary.byWeekdayInterval, 'weekday', 'interval'),
    'by-queue.csv': tableCsv(summary.byQueue, 'queue'),
    'by-reason.csv': tableCsv(summary.byReason, 'reason'),
    ...(summary.byGroup.length > 0 ? { 'by-group.csv': tableCsv(summary.byGroup, 'group') } : {}),
    'needs.csv': measuresCsv(summary.needs),
    'cost.csv': measuresCsv(summary.cost),
    'paths.csv': measuresCsv(summary.paths),
  };
}

/**
 * Write `files` into directory `dir` whole or not at all: they are written into a fresh sibling
 * directory, which is then renamed to `dir` (an atomic step on one file system; see
 * {@link StagingDirectory}). `dir` must not exist or be empty. On failure nothing is left
 * behind. Returns the names of the partial directories of killed earlier runs it removed.
 */
export function writeDirectoryAtomically(dir: string, files: Record<string, string>): string[] {
  checkOutputDirectory(dir);
  const staleRemoved = removeStalePartials(dir);
  let staging: StagingDirectory;
  try {
    staging = StagingDirectory.create(dir);
  } catch (error) {
    throw new RunError(`cannot write results beside ${dir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    for (const [name, text] of Object.entries(files)) staging.writeFile(name, text);
    staging.commit('replace-empty');
    return staleRemoved;
  } catch (error) {
    staging.abort();
    throw new RunError(`cannot write results to ${dir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
