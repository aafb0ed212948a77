import { doubleSeasonalHoltWinters } from './double-seasonal-holt-winters.js';
import { profileSmoothing } from './profile-smoothing.js';
import { weekdayMean } from './seasonal-naive.js';
import { cachedForecast, type ForecastMethod } from './series-grid.js';

/**
 * Equal-weight combination of the profile model, double-seasonal Holt-Winters and the
 * four-weekday mean: the mean of their forecasts, interval by interval and reason by reason
 * (so the reasons still add up to the total). Combining forecasts of different kinds cancels
 * part of their errors. Reference: Bates & Granger (1969), "The combination of forecasts",
 * Oper. Res. Q. 20(4); Makridakis et al. (2020), the M4 competition, IJF 36(1).
 * Cost: the sum of the three methods.
 */
export const combined: ForecastMethod = {
  name: 'combined',
  describe: 'mean of profile-smoothing, double-seasonal-hw and weekday-mean',
  forecast: (grid, horizonDays) => {
    const parts = [profileSmoothing, doubleSeasonalHoltWinters, weekdayMean].map((m) =>
      cachedForecast(m, grid, horizonDays),
    );
    return parts[0]!.map((first, r) => {
      const out = new Float64Array(first.length);
      for (const part of parts) {
        const series = part[r]!;
        for (let i = 0; i < out.length; i++) out[i]! += series[i]! / parts.length;
      }
      return out;
    });
  },
};
