import type { ForecastMethod, SeriesGrid } from './series-grid.js';

const ALPHAS = [0.01, 0.03, 0.1];
const DELTAS = [0.05, 0.15, 0.3];
const OMEGAS = [0.05, 0.15, 0.3];

/**
 * Double-seasonal Holt-Winters (additive, no trend) on interval counts, with a daily cycle of
 * `slotsPerDay` intervals and a weekly cycle of 7 days, fitted per reason; the total is the sum
 * of the reasons. Smoothing constants (level α, daily δ, weekly ω) are chosen on a 3 × 3 × 3
 * grid by one-step squared error, one coordinate at a time. Unknown intervals carry the state forward unchanged.
 * Forecasts below zero are cut to zero.
 * Reference: J. W. Taylor (2003), "Short-term electricity demand forecasting using double
 * seasonal exponential smoothing", J. Oper. Res. Soc. 54(8):799–805, eqs. (5)–(8) without
 * the AR(1) error term. Cost: O(7 × days × intervals) per reason.
 */
export const doubleSeasonalHoltWinters: ForecastMethod = {
  name: 'double-seasonal-hw',
  describe: 'double-seasonal Holt-Winters (Taylor 2003) on interval counts, per reason',
  forecast: (grid, horizonDays) =>
    grid.series.map((series) => forecastSeries(series, grid, horizonDays)),
};

function forecastSeries(series: Float64Array, grid: SeriesGrid, horizonDays: number): Float64Array {
  const daily = grid.slotsPerDay;
  const weekly = 7 * daily;
  const out = new Float64Array(horizonDays * daily);
  const init = initialState(series, daily, weekly);
  if (!init) return out;
  // Coordinate search from the middle of the grid: one sweep over α, then δ, then ω
  // (7 runs instead of 27; on the real series it lands on the same or an equally good point).
  const choice = [ALPHAS[1]!, DELTAS[1]!, OMEGAS[1]!];
  let best = smooth(series, daily, weekly, init, choice[0]!, choice[1]!, choice[2]!);
  [ALPHAS, DELTAS, OMEGAS].forEach((values, which) => {
    const chosen = choice[which]!;
    for (const value of values) {
      if (value === chosen) continue;
      const trial = [...choice];
      trial[which] = value;
      const run = smooth(series, daily, weekly, init, trial[0]!, trial[1]!, trial[2]!);
      if (run.sse < best.sse) {
        best = run;
        choice[which] = value;
      }
    }
  });
  const { level, dailyCycle, weeklyCycle } = best;
  const n = series.length;
  for (let k = 0; k < out.length; k++) {
    const t = n + k;
    out[k] = Math.max(0, level + dailyCycle[t % daily]! + weeklyCycle[t % weekly]!);
  }
  return out;
}

interface Run {
  sse: number;
  level: number;
  dailyCycle: Float64Array;
  weeklyCycle: Float64Array;
}

/** Level = mean of the first two weeks; daily cycle = mean by interval; weekly = the rest. */
function initialState(
  series: Float64Array,
  daily: number,
  weekly: number,
): Omit<Run, 'sse'> | undefined {
  const span = Math.min(series.length, 2 * weekly);
  let sum = 0;
  let n = 0;
  for (let t = 0; t < span; t++) {
    if (!Number.isNaN(series[t]!)) {
      sum += series[t]!;
      n++;
    }
  }
  if (n === 0) return undefined;
  const level = sum / n;
  const dailyCycle = new Float64Array(daily);
  const dailyN = new Float64Array(daily);
  for (let t = 0; t < span; t++) {
    if (Number.isNaN(series[t]!)) continue;
    dailyCycle[t % daily]! += series[t]! - level;
    dailyN[t % daily]!++;
  }
  for (let s = 0; s < daily; s++) if (dailyN[s]! > 0) dailyCycle[s]! /= dailyN[s]!;
  const weeklyCycle = new Float64Array(weekly);
  const weeklyN = new Float64Array(weekly);
  for (let t = 0; t < span; t++) {
    if (Number.isNaN(series[t]!)) continue;
    weeklyCycle[t % weekly]! += series[t]! - level - dailyCycle[t % daily]!;
    weeklyN[t % weekly]!++;
  }
  for (let j = 0; j < weekly; j++) if (weeklyN[j]! > 0) weeklyCycle[j]! /= weeklyN[j]!;
  return { level, dailyCycle, weeklyCycle };
}

function smooth(
  series: Float64Array,
  daily: number,
  weekly: number,
  init: Omit<Run, 'sse'>,
  alpha: number,
  delta: number,
  omega: number,
): Run {
  let level = init.level;
  const dailyCycle = init.dailyCycle.slice();
  const weeklyCycle = init.weeklyCycle.slice();
  let sse = 0;
  const warmUp = Math.min(weekly, series.length >> 1);
  let i = 0;
  let j = 0;
  for (let t = 0; t < series.length; t++) {
    const y = series[t]!;
    const d = dailyCycle[i]!;
    const w = weeklyCycle[j]!;
    if (!Number.isNaN(y)) {
      const error = y - level - d - w;
      if (t >= warmUp) sse += error * error;
      const newLevel = level + alpha * error;
      dailyCycle[i] = d + delta * (y - newLevel - w - d);
      weeklyCycle[j] = w + omega * (y - newLevel - d - w);
      level = newLevel;
    }
    if (++i === daily) i = 0;
    if (++j === weekly) j = 0;
  }
  return { sse, level, dailyCycle, weeklyCycle };
}
