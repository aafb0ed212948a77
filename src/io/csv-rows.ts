import { parse } from 'csv-parse/sync';

/** One CSV record and the line it ends on (for error messages). */
export interface CsvRow {
  record: string[];
  info: { lines: number };
}

/**
 * The records of a CSV text as people save them from spreadsheets: blank lines skipped, cells
 * trimmed, a byte-order mark dropped, rows of any length kept (the caller checks each against
 * its header), each with its line number. Throws csv-parse's error when the text cannot be read
 * as CSV (an unclosed quote). Cost: O(text).
 */
export function csvRows(text: string): CsvRow[] {
  return parse(text, {
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    bom: true,
  }) as unknown as CsvRow[];
}
