import { basename } from 'node:path';
import { inputError } from '../errors.js';
import { readFailure, readInputText } from '../io/read-input-file.js';

/** The name a written scenario gives the forecast CSV it carries beside it. */
export const WRITTEN_FORECAST_NAME = 'forecast.csv';

/**
 * A scenario document made into files another person can move and run: `scenario.document`
 * already carries intraday profiles read from CSV files as weights (parse-scenario writes them
 * in place of the files' names); the forecast CSV that `arrivals.forecast` names (an absolute
 * path of this machine there) is copied beside the written scenario as `forecast.csv`, and the
 * document names it so, relative to its own directory. So the directory written holds all a
 * `simulate` of its scenario reads, wherever it is moved; no path of the author's machine is
 * written. Returns the document (a copy when it changed) and the files to write beside it.
 * Cost: the size of the forecast file.
 */
export function portableScenario(document: Record<string, unknown>): {
  document: Record<string, unknown>;
  files: Record<string, string>;
} {
  const arrivals = document.arrivals as Record<string, unknown> | undefined;
  const forecast = arrivals?.forecast;
  if (typeof forecast !== 'string') return { document, files: {} };
  let text: string;
  try {
    text = readInputText(forecast);
  } catch (error) {
    throw inputError(
      'arrivals.forecast',
      'the forecast CSV the scenario was read with, to copy beside the written scenario',
      basename(forecast),
      { hint: readFailure(error).split('\n')[0] ?? '' },
    );
  }
  return {
    document: { ...document, arrivals: { ...arrivals, forecast: WRITTEN_FORECAST_NAME } },
    files: { [WRITTEN_FORECAST_NAME]: text },
  };
}
