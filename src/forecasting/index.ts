/**
 * Forecasting calls by day, interval and reason. Not the library's API (`src/index.ts` is) and
 * not imported by the program: the one import of this folder's tests.
 */
export {
  type BacktestOptions,
  type BacktestReport,
  type BacktestScore,
  backtest,
  truncateHistory,
} from './backtest.js';
export {
  type AbsentIntervals,
  type BuildCallHistoryOptions,
  buildCallHistory,
  type CallHistory,
  type HistoryRecord,
  type HistoryWarning,
} from './call-history.js';
export { countInclusion, countQuantile } from './count-intervals.js';
export { BUSY_MEAN, countSize, fitCountDispersion } from './fit-count-dispersion.js';
export {
  type CallForecast,
  type CallForecastRow,
  type ForecastCallsOptions,
  forecastCalls,
} from './forecast-calls.js';
export { FORECAST_CSV_HEADER, formatForecastCsv } from './forecast-csv.js';
export { forecastGrid, type GridForecast } from './forecast-grid.js';
export { formatInstant } from '../calendar/time-zone.js';
export {
  doubleSeasonalHoltWinters,
  type ForecastMethod,
  forecastMethods,
  methodNames,
  profileSmoothing,
  type SeriesGrid,
  seasonalNaive,
  weekdayMean,
} from './methods/index.js';
export {
  type ParseHistoryCsvOptions,
  parseHistoryCsv,
  readHistoryCsv,
} from './parse-history-csv.js';
export {
  HOLIDAY_LABEL,
  parseSpecialDaysCsv,
  publicHolidays,
  readSpecialDaysCsv,
  type SpecialDay,
} from './special-days.js';
export { DAY_AFTER_HOLIDAY_LABEL } from './day-after-holiday.js';
