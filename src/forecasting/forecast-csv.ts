import { csvCell } from '../io/csv-cell.js';
import type { CallForecastRow } from './forecast-calls.js';

/** The forecast file's header, exactly: read by `staff --plan` and scenario arrivals. */
export const FORECAST_CSV_HEADER = 'interval_start,reason,forecast,lower,upper';

/** The forecast as CSV text: {@link FORECAST_CSV_HEADER}, then one line per row. Cost: O(rows). */
export function formatForecastCsv(rows: readonly CallForecastRow[]): string {
  const lines = [FORECAST_CSV_HEADER];
  for (const row of rows) {
    lines.push(
      `${row.intervalStart},${csvCell(row.reason)},${row.forecast},${row.lower},${row.upper}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Write a forecast file whole or not at all (see {@link writeFileAtomic}). */
export { writeFileAtomic } from '../io/write-file-atomic.js';
