import { combined } from './combined.js';
import { doubleSeasonalHoltWinters } from './double-seasonal-holt-winters.js';
import { profileSmoothing } from './profile-smoothing.js';
import { seasonalNaive, weekdayMean } from './seasonal-naive.js';
import type { ForecastMethod } from './series-grid.js';

export { combined } from './combined.js';
export { doubleSeasonalHoltWinters } from './double-seasonal-holt-winters.js';
export { profileSmoothing } from './profile-smoothing.js';
export { seasonalNaive, weekdayMean } from './seasonal-naive.js';
export type { ForecastMethod, SeriesGrid } from './series-grid.js';

/** Every method by name, in the order backtests list them. */
export const forecastMethods: readonly ForecastMethod[] = [
  seasonalNaive,
  weekdayMean,
  profileSmoothing,
  doubleSeasonalHoltWinters,
  combined,
];

/** Names accepted by `--method` (besides `auto`). */
export const methodNames: readonly string[] = forecastMethods.map((m) => m.name);
