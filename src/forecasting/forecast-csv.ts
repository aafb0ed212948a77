import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { RunError } from '../errors.js';
import type { CallForecastRow } from './forecast-calls.js';

/** The forecast file's header, exactly: read by `staff --plan` and scenario arrivals. */
export const FORECAST_CSV_HEADER = 'interval_start,reason,forecast,lower,upper';

/** Quote a CSV cell when it needs it (RFC 4180). */
function cell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The forecast as CSV text: {@link FORECAST_CSV_HEADER}, then one line per row. Cost: O(rows). */
export function formatForecastCsv(rows: readonly CallForecastRow[]): string {
  const lines = [FORECAST_CSV_HEADER];
  for (const row of rows) {
    lines.push(
      `${row.intervalStart},${cell(row.reason)},${row.forecast},${row.lower},${row.upper}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Write `text` to `path` whole or not at all: into a temporary file beside it, then renamed
 * over it (atomic on one file system). A failure is a {@link RunError}; the temporary file is
 * removed.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new RunError(`cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}
