/**
 * Holt-Winters on daily totals: level, damped trend and multiplicative weekly factors,
 * smoothing constants chosen on a small grid by the squared error of the 1- to 7-day-ahead
 * forecasts made from every day. Unknown days (`NaN`)
 * are skipped: the state is carried forward. Reference: Gardner & McKenzie (1985) damped trend;
 * Hyndman & Athanasopoulos, *FPP3* §8.3 (Holt-Winters multiplicative, damped).
 * Cost: O(7 × days × 40 parameter sets). Returns the forecast daily totals for `horizonDays`.
 */
export function forecastDailyTotals(
  totals: Float64Array,
  firstWeekday: number,
  horizonDays: number,
): Float64Array {
  const init = initialState(totals, firstWeekday);
  let best: { sse: number; forecast: Float64Array } = {
    sse: Number.POSITIVE_INFINITY,
    forecast: new Float64Array(horizonDays),
  };
  for (const alpha of [0.02, 0.05, 0.1, 0.2, 0.3, 0.5]) {
    for (const beta of [0, 0.05]) {
      for (const gamma of [0.05, 0.1, 0.2, 0.3, 0.5, 0.7]) {
        for (const phi of [0.9, 0.98]) {
          const run = smooth(totals, firstWeekday, horizonDays, init, alpha, beta, gamma, phi);
          if (run.sse < best.sse) best = run;
        }
      }
    }
  }
  return best.forecast;
}

interface State {
  level: number;
  factors: number[];
}

function initialState(totals: Float64Array, firstWeekday: number): State {
  const span = Math.min(totals.length, 28);
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  for (let d = 0; d < span; d++) {
    const value = totals[d]!;
    if (Number.isNaN(value)) continue;
    const w = (firstWeekday + d) % 7;
    sums[w]! += value;
    counts[w]!++;
  }
  const means = sums.map((s, w) => (counts[w]! > 0 ? s / counts[w]! : Number.NaN));
  const known = means.filter((m) => !Number.isNaN(m));
  const level = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 0;
  const factors = means.map((m) => (Number.isNaN(m) || level <= 0 ? 1 : m / level));
  return { level, factors };
}

function smooth(
  totals: Float64Array,
  firstWeekday: number,
  horizonDays: number,
  init: State,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
): { sse: number; forecast: Float64Array } {
  let level = init.level;
  let trend = 0;
  const factors = [...init.factors];
  let sse = 0;
  const warmUp = Math.min(14, Math.floor(totals.length / 2));
  for (let d = 0; d < totals.length; d++) {
    const w = (firstWeekday + d) % 7;
    const factor = factors[w]!;
    const base = level + phi * trend;
    const value = totals[d]!;
    if (d >= warmUp) {
      // Score the forecasts of the next week from today's state: the planner's horizon, not
      // one step, so the chosen constants do not chase the last day.
      let damping = 0;
      let power = 1;
      for (let k = 0; k < 7 && d + k < totals.length; k++) {
        if (k > 0) {
          power *= phi;
          damping += power;
        }
        const actual = totals[d + k]!;
        if (Number.isNaN(actual)) continue;
        const error = actual - (level + phi * trend + damping * trend) * factors[(w + k) % 7]!;
        sse += error * error;
      }
    }
    if (Number.isNaN(value)) {
      level = base;
      trend *= phi;
      continue;
    }
    const newLevel = factor > 1e-9 ? alpha * (value / factor) + (1 - alpha) * base : base;
    trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
    level = Math.max(newLevel, 0);
    if (level > 1e-9) factors[w] = gamma * (value / level) + (1 - gamma) * factor;
  }
  const forecast = new Float64Array(horizonDays);
  let damping = 0;
  let power = 1;
  for (let h = 0; h < horizonDays; h++) {
    power *= phi;
    damping += power;
    const w = (firstWeekday + totals.length + h) % 7;
    forecast[h] = Math.max(0, (level + damping * trend) * factors[w]!);
  }
  return { sse, forecast };
}
