// Accuracy of `switchboard forecast` on the real series of ../shared/data/forecast: rolling
// origin over the last four weeks (one week for the 24-day 911 sample), 7-day horizon, scored
// at the interval level per reason (pooled) and for the total, against the planner's
// spreadsheet (mean of the same interval on the last four same weekdays, `weekday-mean`), and,
// when Rscript with the forecast package is installed, against R's STL+ETS (stlf), TBATS and
// DSHW on the same folds (benchmarks/r/forecast-baselines.R).
// Run: npm run build && node benchmarks/forecast-accuracy.bench.js [--no-r] [--only TEXT]
// (--only keeps the series whose file name contains TEXT).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backtest, countInclusion, forecastGrid, readHistoryCsv } from '../dist/index.js';
import { truncateHistory } from '../dist/forecasting/backtest.js';
// Not in the public API (its list is kept short): the NB1 size behind each forecast's dispersion.
import { countSize } from '../dist/forecasting/fit-count-dispersion.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(here, '../../shared/data/forecast');
const SERIES = [
  { file: 'bank-calls-5min.csv', timeZone: 'America/New_York', folds: 4 },
  { file: 'anonymous-bank-1999-30min-by-type.csv', timeZone: 'Asia/Jerusalem', folds: 4 },
  { file: 'montco-911-30min-by-reason.csv', timeZone: 'America/New_York', folds: 1 },
  // The same 24 days with 4 overlapping folds, origins one day apart (days 14 to 17).
  { file: 'montco-911-30min-by-reason.csv', timeZone: 'America/New_York', folds: 4, step: 1 },
];
const HORIZON_DAYS = 7;
const LEVEL = 0.8;
/** Issue 14: coverage where a planner staffs, over intervals expecting at least this many calls. */
const BUSY_MEAN = 10;
const useR = !process.argv.includes('--no-r') && hasRForecast();
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;

function hasRForecast() {
  try {
    execFileSync('Rscript', ['-e', 'suppressMessages(library(forecast))'], { stdio: 'pipe' });
    return true;
  } catch {
    console.log('notice: Rscript with the forecast package is absent: R baselines skipped');
    return false;
  }
}

const pct = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(2)} %` : '—');
const summary = [];

for (const { file, timeZone, folds, step = HORIZON_DAYS } of SERIES) {
  if (only !== undefined && !file.includes(only)) continue;
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    console.log(`notice: ${path} is absent: skipped`);
    continue;
  }
  const history = readHistoryCsv(path, { timeZone });
  const started = performance.now();
  const report = backtest(history, {
    folds,
    horizonDays: HORIZON_DAYS,
    stepDays: step,
    level: LEVEL,
  });
  const seconds = (performance.now() - started) / 1000;
  const reasons = history.reasons;
  console.log(
    `\n${file}: ${history.rowsRead} rows, ${history.totalCalls} calls, ${reasons.length} reason(s), ` +
      `${history.intervalMinutes}-min intervals; ${folds} fold(s) × ${HORIZON_DAYS} d, ${step} d apart, from ` +
      `${report.origins.join(', ')}; backtest of ${new Set(report.scores.map((s) => s.method)).size} methods in ${seconds.toFixed(2)} s`,
  );
  const rows = new Map();
  for (const s of report.scores) {
    const row = rows.get(s.method) ?? {
      error: 0,
      calls: 0,
      inside: 0,
      fairInside: 0,
      n: 0,
      all: Number.NaN,
      allCoverage: Number.NaN,
      allFair: Number.NaN,
    };
    row.busyN ??= 0;
    row.busyInside ??= 0;
    row.allBusyN ??= 0;
    row.allBusyInside ??= 0;
    if (s.reason === 'all') {
      row.allBusyN += s.busyIntervals ?? 0;
      row.allBusyInside += s.busyInside ?? 0;
    } else {
      row.busyN += s.busyIntervals ?? 0;
      row.busyInside += s.busyInside ?? 0;
    }
    if (s.reason === 'all' || reasons.length === 1) {
      row.all = s.wape;
      row.allCoverage = s.coverage;
      row.allFair = s.fairCoverage;
    }
    if (s.reason !== 'all' || reasons.length === 1) {
      row.error += s.absoluteError;
      row.calls += s.calls;
      row.inside += s.inside;
      row.fairInside += s.fairInside;
      row.n += s.intervals;
    }
    rows.set(s.method, row);
  }
  rows.set('auto (nested)', nestedAuto(history, folds, step));
  if (useR) {
    for (const [method, row] of rBaselines(history, folds, step)) rows.set(method, row);
  }
  const baseline = rows.get('weekday-mean');
  const baselinePooled = baseline.error / baseline.calls;
  console.log(
    `${'method'.padEnd(20)} ${'WAPE reasons'.padStart(13)} ${'WAPE all'.padStart(9)} ${'vs spreadsheet'.padStart(15)} ${'80% cover (reasons)'.padStart(20)} ${'80% cover (all)'.padStart(16)} ${'fair (reasons)'.padStart(15)} ${'fair (all)'.padStart(11)} ${`cover>=${BUSY_MEAN}`.padStart(10)}`,
  );
  for (const [method, row] of rows) {
    const pooled = row.error / row.calls;
    console.log(
      `${method.padEnd(20)} ${pct(pooled).padStart(13)} ${pct(row.all).padStart(9)} ${`${(pooled / baselinePooled).toFixed(3)}×`.padStart(15)} ${pct(row.n ? row.inside / row.n : Number.NaN).padStart(20)} ${pct(row.allCoverage).padStart(16)} ${pct(row.n && row.fairInside !== undefined ? row.fairInside / row.n : Number.NaN).padStart(15)} ${pct(row.allFair ?? Number.NaN).padStart(11)} ${pct(row.busyN !== undefined ? busyFigures(row).pooled : Number.NaN).padStart(10)}`,
    );
    summary.push({
      file: step === HORIZON_DAYS ? file : `${file} (${step} d apart)`,
      method,
      pooled,
      ratio: pooled / baselinePooled,
      busy: row.busyN !== undefined ? busyFigures(row) : undefined,
    });
  }
  const auto = rows.get('auto (nested)');
  const busy = busyFigures(auto);
  console.log(
    `auto (nested), 80 % coverage where >= ${BUSY_MEAN} calls were expected: ` +
      `reasons ${pct(busy.reasons)} of ${auto.busyN}, all ${pct(busy.all)} of ${auto.allBusyN}, ` +
      `pooled ${pct(busy.pooled)} (target 75-85 %)`,
  );
}

/** Coverage over intervals expecting at least BUSY_MEAN calls: reasons, total, both pooled. */
function busyFigures(row) {
  return {
    reasons: row.busyN ? row.busyInside / row.busyN : Number.NaN,
    all: row.allBusyN ? row.allBusyInside / row.allBusyN : Number.NaN,
    pooled: (row.busyInside + row.allBusyInside) / (row.busyN + row.allBusyN),
  };
}

/**
 * `--method auto` scored honestly: at each origin, auto backtests on the history before it
 * only (4 folds of 7 days, fewer when short; profile-smoothing below 3 weeks), picks a method, and that forecast is scored.
 */
function nestedAuto(history, folds, step) {
  const slots = history.slotsPerDay;
  const row = {
    error: 0,
    calls: 0,
    inside: 0,
    fairInside: 0,
    n: 0,
    all: Number.NaN,
    allCoverage: Number.NaN,
    allFair: Number.NaN,
    busyN: 0,
    busyInside: 0,
    allBusyN: 0,
    allBusyInside: 0,
  };
  let allError = 0;
  let allCalls = 0;
  let allInside = 0;
  let allFair = 0;
  let allN = 0;
  for (let fold = folds; fold >= 1; fold--) {
    const trainDays = trainDaysOf(history, fold, step);
    const train = truncateHistory(history, trainDays);
    const innerFolds = Math.min(4, Math.floor((trainDays - 14) / HORIZON_DAYS));
    let choice = 'profile-smoothing';
    let saw = 'no backtest (history too short)';
    if (innerFolds >= 1) {
      const inner = backtest(train, { folds: innerFolds, horizonDays: HORIZON_DAYS, level: LEVEL });
      choice = inner.best;
      saw = `inner folds from ${inner.origins.join(', ')}`;
    }
    const origin = truncateHistory(history, trainDays + 1);
    console.log(
      `auto at the fold of ${originDate(origin, trainDays)}: chose ${choice} (${saw}; ` +
        `its settings tuned on days before ${originDate(origin, trainDays)} only)`,
    );
    const f = forecastGrid(train, choice, HORIZON_DAYS, { level: LEVEL });
    for (let i = 0; i < HORIZON_DAYS * slots; i++) {
      let y = 0;
      history.counts.forEach((series, r) => {
        const actual = series[trainDays * slots + i];
        y += actual;
        if (Number.isNaN(actual)) return;
        const m = f.means[r][i];
        row.error += Math.abs(actual - m);
        row.calls += actual;
        if (actual > 0 || m > 0) {
          row.n++;
          const inside = actual >= f.lower[r][i] && actual <= f.upper[r][i];
          if (inside) row.inside++;
          if (m >= BUSY_MEAN) {
            row.busyN++;
            if (inside) row.busyInside++;
          }
          row.fairInside += countInclusion(
            actual,
            f.lower[r][i],
            f.upper[r][i],
            m,
            countSize(m, f.dispersion[r]),
            LEVEL,
          );
        }
      });
      if (Number.isNaN(y)) continue;
      const m = f.total.mean[i];
      allError += Math.abs(y - m);
      allCalls += y;
      if (y > 0 || m > 0) {
        allN++;
        const inside = y >= f.total.lower[i] && y <= f.total.upper[i];
        if (inside) allInside++;
        if (m >= BUSY_MEAN && history.reasons.length > 1) {
          row.allBusyN++;
          if (inside) row.allBusyInside++;
        }
        allFair += countInclusion(
          y,
          f.total.lower[i],
          f.total.upper[i],
          m,
          countSize(m, f.totalDispersion),
          LEVEL,
        );
      }
    }
  }
  row.all = allError / allCalls;
  row.allCoverage = allInside / allN;
  row.allFair = allFair / allN;
  return row;
}

/** Days before the origin of fold `fold` (counted back from the last, fold 1). */
function trainDaysOf(history, fold, step) {
  return history.dayCount - HORIZON_DAYS - (fold - 1) * step;
}

/** ISO date of day `day` of a history (its local calendar). */
function originDate(history, day) {
  return new Date((history.firstDay + day) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Same folds in R: each reason's training series with unknown intervals filled by the last
 * observed same weekday and interval (R's models need a complete series), the last 8 weeks
 * given to R (stlf uses them all; tbats and dshw the last 4: see the R script).
 */
function rBaselines(history, folds, step) {
  const dir = mkdtempSync(join(tmpdir(), 'forecast-r-'));
  const slots = history.slotsPerDay;
  const week = 7 * slots;
  const trainWeeks = 8;
  const manifest = ['fold,reason,train,actual'];
  const tasks = [];
  for (let fold = folds; fold >= 1; fold--) {
    const trainDays = trainDaysOf(history, fold, step);
    const train = truncateHistory(history, trainDays);
    history.reasons.forEach((_reason, r) => {
      const filled = Float64Array.from(train.counts[r]);
      for (let i = 0; i < filled.length; i++) {
        if (!Number.isNaN(filled[i])) continue;
        let j = i - week;
        while (j >= 0 && Number.isNaN(filled[j])) j -= week;
        filled[i] = j >= 0 ? filled[j] : 0;
      }
      // Leading unknowns (no earlier week): fill from the next observed week.
      for (let i = filled.length - 1; i >= 0; i--)
        if (Number.isNaN(filled[i])) filled[i] = filled[i + week] ?? 0;
      const tail = filled.subarray(Math.max(0, filled.length - trainWeeks * week));
      const name = join(dir, `train-${fold}-${r}.txt`);
      writeFileSync(name, Array.from(tail).join('\n'));
      manifest.push(`${fold},${r},${name},`);
      tasks.push({ fold, r, trainDays });
    });
  }
  writeFileSync(join(dir, 'manifest.csv'), `${manifest.join('\n')}\n`);
  const script = resolve(here, 'r/forecast-baselines.R');
  const started = performance.now();
  execFileSync(
    'Rscript',
    [
      script,
      join(dir, 'manifest.csv'),
      String(slots),
      String(HORIZON_DAYS * slots),
      join(dir, 'out.csv'),
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      maxBuffer: 1 << 26,
    },
  );
  console.log(
    `R: ${tasks.length} series × 3 models in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const forecasts = new Map();
  for (const line of readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [model, fold, r, i, mean, lo, hi] = line.split(',');
    const key = `${model}|${fold}`;
    if (!forecasts.has(key)) forecasts.set(key, new Map());
    forecasts.get(key).set(`${r}|${i}`, [Number(mean), Number(lo), Number(hi)]);
  }
  const result = new Map();
  for (const model of ['R stlf (STL+ETS)', 'R tbats', 'R dshw']) {
    const row = { error: 0, calls: 0, inside: 0, n: 0, all: Number.NaN, allCoverage: Number.NaN };
    let allError = 0;
    let allCalls = 0;
    for (const { fold, r, trainDays } of tasks) {
      const got = forecasts.get(`${model}|${fold}`);
      if (!got) continue;
      for (let i = 0; i < HORIZON_DAYS * slots; i++) {
        const y = history.counts[r][trainDays * slots + i];
        if (Number.isNaN(y)) continue;
        const [mean, lo, hi] = got.get(`${r}|${i}`) ?? [0, 0, 0];
        const m = Math.max(0, mean);
        row.error += Math.abs(y - m);
        row.calls += y;
        // dshw gives no intervals (the R script writes NA): no coverage for it.
        if ((y > 0 || m > 0) && !Number.isNaN(lo)) {
          row.n++;
          if (y >= lo && y <= hi) row.inside++;
        }
      }
    }
    for (let fold = folds; fold >= 1; fold--) {
      const got = forecasts.get(`${model}|${fold}`);
      if (!got) continue;
      const trainDays = trainDaysOf(history, fold, step);
      for (let i = 0; i < HORIZON_DAYS * slots; i++) {
        let y = 0;
        let m = 0;
        history.reasons.forEach((_reason, r) => {
          y += history.counts[r][trainDays * slots + i];
          m += Math.max(0, got.get(`${r}|${i}`)?.[0] ?? 0);
        });
        if (Number.isNaN(y)) continue;
        allError += Math.abs(y - m);
        allCalls += y;
      }
    }
    row.all = allError / allCalls;
    if (row.calls > 0) result.set(model, row);
  }
  return result;
}

console.log(
  `\nSummary (pooled interval × reason WAPE; ratio to the spreadsheet method; auto: 80 % coverage where >= ${BUSY_MEAN} calls were expected, reasons and total pooled):`,
);
for (const s of summary)
  console.log(
    `  ${s.file.padEnd(40)} ${s.method.padEnd(20)} ${pct(s.pooled).padStart(9)}  ${s.ratio.toFixed(3)}×` +
      (s.busy ? `  cover>=${BUSY_MEAN} ${pct(s.busy.pooled)}` : ''),
  );
