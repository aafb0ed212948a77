/**
 * CSV cells that a spreadsheet reads as data, never as a formula. A text cell beginning with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel, LibreOffice and
 * Google Sheets ("CSV injection", OWASP); such a cell is written with a leading apostrophe, which
 * the spreadsheets show as text and hide. Plain numbers (`-1.5`, `2e-3`) are left alone. Then
 * the cell is quoted as RFC 4180 asks when it holds a comma, a quote or a line break.
 * Every CSV the tool writes goes through here ({@link csvCell}, or {@link CSV_CAST} for
 * csv-stringify); readers of the tool's own CSVs undo the apostrophe with {@link readCsvText}.
 */

import { shownName } from './control-characters.js';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * `text` as a CSV text cell: control characters, line breaks and tabs included, shown as visible
 * `\u000a`-style escapes ({@link shownName}: a cell is one name or value, never a text of
 * several lines), then a leading apostrophe when a
 * spreadsheet would run it as a formula — or when it already starts with an apostrophe (which
 * spreadsheets would hide), so that {@link readCsvText} gives back the name as it was.
 */
export function neutraliseFormula(text: string): string {
  const shown = shownName(text);
  const formula = FORMULA_START.test(shown) && !PLAIN_NUMBER.test(shown);
  return formula || shown.startsWith("'") ? `'${shown}` : shown;
}

/** One CSV cell: formula neutralised, quoted when needed (RFC 4180). */
export function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The `cast` option of csv-stringify that neutralises formulas in text cells. */
export const CSV_CAST = { string: (value: string): string => neutraliseFormula(value) };

/** A text cell as written by {@link csvCell}: the apostrophe it put before a formula character or an apostrophe removed. */
export function readCsvText(cell: string): string {
  return cell.startsWith("'") && /^[=+\-@\t\r']/.test(cell.slice(1)) ? cell.slice(1) : cell;
}
