// Speed of `switchboard forecast`: fit and forecast a year of half-hour history for 10 reasons
// (target < 2 s), per method and for `auto` (which backtests every method first). Baseline in
// the same run: the planner's spreadsheet method (weekday-mean), quoted as a ratio.
// Run: npm run build && node benchmarks/forecast-speed.bench.js
import seedrandom from 'seedrandom';
import { buildCallHistory, forecastCalls, methodNames } from '../dist/index.js';

const DAYS = 364;
const INTERVAL = 30;
const SLOTS = 1440 / INTERVAL;
const REASONS = Array.from({ length: 10 }, (_, i) => `reason-${i + 1}`);
const random = seedrandom('forecast-speed');

/** Poisson draw by inversion (means here are small to moderate). */
function poisson(mean) {
  let x = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = random();
  while (u > s && x < 10_000) {
    x++;
    p *= mean / x;
    s += p;
  }
  return x;
}

const records = [];
const firstDay = Date.UTC(2023, 0, 2) / 86_400_000; // a Monday
for (let d = 0; d < DAYS; d++) {
  const weekday = d % 7;
  const dayFactor = weekday === 6 ? 0.2 : weekday === 5 ? 0.5 : 1 + 0.1 * (4 - weekday);
  for (let s = 0; s < SLOTS; s++) {
    const hour = s / 2;
    const intraday = hour < 7 || hour >= 20 ? 0.05 : hour === 8.5 ? 3 : 1.5;
    REASONS.forEach((reason, r) => {
      records.push({
        at: { wallMs: (firstDay + d) * 86_400_000 + s * INTERVAL * 60_000 },
        reason,
        calls: poisson((12 / (r + 1)) * dayFactor * intraday),
        line: records.length + 2,
      });
    });
  }
}
let started = performance.now();
const history = buildCallHistory(records, {
  shape: 'counts',
  intervalMinutes: INTERVAL,
  timeZone: 'Europe/Paris',
  hasReasons: true,
});
const buildSeconds = (performance.now() - started) / 1000;
console.log(
  `history: ${DAYS} days × ${SLOTS} half-hours × ${REASONS.length} reasons = ${records.length} cells, ` +
    `${history.totalCalls} calls; built in ${buildSeconds.toFixed(3)} s`,
);

function time(method) {
  const runs = 3;
  let best = Number.POSITIVE_INFINITY;
  let forecast;
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    // A fresh object each run: forecasts are memoised per history object (cold runs only).
    forecast = forecastCalls({ ...history }, { horizonDays: 14, method });
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return { seconds: best, forecast };
}

const baseline = time('weekday-mean');
console.log(
  `\nfit + forecast 14 days (best of 3), ratio to weekday-mean (${baseline.seconds.toFixed(3)} s):`,
);
for (const method of [...methodNames, 'auto']) {
  const { seconds, forecast } = method === 'weekday-mean' ? baseline : time(method);
  const chosen = method === 'auto' ? ` → ${forecast.method}` : '';
  console.log(
    `  ${method.padEnd(20)} ${seconds.toFixed(3).padStart(7)} s  ${(seconds / baseline.seconds).toFixed(1).padStart(6)}×  ` +
      `${forecast.rows.length} rows${chosen}  ${seconds < 2 ? 'under' : 'OVER'} the 2 s target`,
  );
}
