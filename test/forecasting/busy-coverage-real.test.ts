import { describe, expect, it } from 'vitest';
import {
  type CallHistory,
  countInclusion,
  countQuantile,
  countSize,
  fitCountDispersion,
  forecastGrid,
  readHistoryCsv,
  truncateHistory,
} from '../../src/forecasting/index.js';
import { pitInclusion } from '../../src/forecasting/count-intervals.js';
import { sharedData } from '../shared-data.js';

// Issue 14: on held-out weeks, the 80 % intervals of intervals expecting 10 calls or more held
// 91–93 % of the 911 sample's actuals (too wide for a planner who staffs to the upper bound),
// and, after a first fix (busy intervals matched on their fair coverage), still 85.6 % of the
// bank 1999 series by type. These tests re-score the real series at the backtest's origins,
// with the method `auto` picks there, against the actual counts in ../shared/data, and restate
// each earlier rule to show its figure. The full nested backtest of every series is in
// benchmarks/forecast-accuracy.bench.js (benchmarks/README.md).

const LEVEL = 0.8;
const HORIZON = 7;

/**
 * The interval rule before issue 14, restated: an NB2 size (variance μ + μ²/k) per reason and
 * for the total by the method of moments, 1/k = Σ((y − μ)² − μ) / Σμ² (Cameron & Trivedi,
 * Regression Analysis of Count Data, 2nd ed., §3.2), over the same two held-out weeks.
 */
function momentSize(actual: number[], mean: number[]): number {
  let excess = 0;
  let scale = 0;
  actual.forEach((y, i) => {
    if (Number.isNaN(y)) return;
    excess += (y - mean[i]!) ** 2 - mean[i]!;
    scale += mean[i]! ** 2;
  });
  return excess > 0 && scale > 0 ? scale / excess : Number.POSITIVE_INFINITY;
}

/**
 * The busy-cell rule of issue 14's first fix, restated: NB1 with the dispersion at which the
 * busy calibration cells' (≥ 10 expected calls, 20 or more of them) *fair* coverage
 * ({@link pitInclusion}) is the level, found by bisection on its logarithm; else the maximum
 * likelihood dispersion, which the current rule keeps.
 */
function fairMatchedDispersion(actual: number[], mean: number[]): number {
  const busy = mean.flatMap((m, i) => (m >= 10 && !Number.isNaN(actual[i]!) ? [i] : []));
  if (busy.length < 20) return fitCountDispersion(actual, mean, LEVEL);
  const fair = (d: number) =>
    busy.reduce(
      (t, i) => t + pitInclusion(actual[i]!, mean[i]!, countSize(mean[i]!, d), LEVEL),
      0,
    ) / busy.length;
  let low = Math.log(1e-3);
  let high = Math.log(1e3);
  if (fair(Math.exp(low)) >= LEVEL) return 0;
  for (let step = 0; step < 40; step++) {
    const mid = (low + high) / 2;
    if (fair(Math.exp(mid)) < LEVEL) low = mid;
    else high = mid;
  }
  return Math.exp(high);
}

interface Tally {
  busy: number;
  busyInside: number;
  oldBusyInside: number;
  reasonCells: number;
  reasonFair: number;
}

/** Scores the week after `origin` days: new bounds, and the old rule's bounds, per cell. */
function scoreOrigin(
  history: CallHistory,
  origin: number,
  tally: Tally,
  old: 'nb2' | 'fair' | false,
  method = 'profile-smoothing',
): void {
  const slots = history.slotsPerDay;
  const reasons = history.counts.length;
  const train = truncateHistory(history, origin);
  const forecast = forecastGrid(train, method, HORIZON, { level: LEVEL });
  // The old rule's negative binomial size for a cell of mean m, per reason and for the total.
  const oldSizes: ((m: number) => number)[] = [];
  if (old) {
    const actual: number[][] = Array.from({ length: reasons + 1 }, () => []);
    const mean: number[][] = Array.from({ length: reasons + 1 }, () => []);
    for (let fold = 1; fold <= 2; fold++) {
      const heldOut = fold === 1 ? Math.min(7, origin - 10) : 7;
      const fitDays = origin - (fold - 1) * 7 - heldOut;
      if (heldOut < 1 || fitDays < 10) break;
      const fit = forecastGrid(truncateHistory(train, fitDays), method, heldOut, { level: LEVEL });
      for (let i = 0; i < heldOut * slots; i++) {
        let y = 0;
        let m = 0;
        for (let r = 0; r < reasons; r++) {
          actual[r]!.push(train.counts[r]![fitDays * slots + i]!);
          mean[r]!.push(fit.means[r]![i]!);
          y += train.counts[r]![fitDays * slots + i]!;
          m += fit.means[r]![i]!;
        }
        actual[reasons]!.push(y);
        mean[reasons]!.push(m);
      }
    }
    actual.forEach((a, r) => {
      if (old === 'nb2') {
        const size = momentSize(a, mean[r]!);
        oldSizes.push(() => size);
      } else {
        const dispersion = fairMatchedDispersion(a, mean[r]!);
        oldSizes.push((m) => countSize(m, dispersion));
      }
    });
  }
  for (let i = 0; i < HORIZON * slots; i++) {
    let total = 0;
    for (let r = 0; r <= reasons; r++) {
      const isTotal = r === reasons;
      if (isTotal && reasons === 1) continue;
      const y = isTotal ? total : history.counts[r]![origin * slots + i]!;
      if (!isTotal) total += y;
      const m = isTotal ? forecast.total.mean[i]! : forecast.means[r]![i]!;
      const lower = isTotal ? forecast.total.lower[i]! : forecast.lower[r]![i]!;
      const upper = isTotal ? forecast.total.upper[i]! : forecast.upper[r]![i]!;
      if (Number.isNaN(y) || !(y > 0 || m > 0)) continue;
      if (!isTotal && reasons > 1) {
        tally.reasonCells++;
        const size = countSize(m, forecast.dispersion[r]!);
        tally.reasonFair += countInclusion(y, lower, upper, m, size, LEVEL);
      }
      if (m < 10) continue;
      tally.busy++;
      if (y >= lower && y <= upper) tally.busyInside++;
      if (old) {
        const size = oldSizes[r]!(m);
        if (y >= countQuantile(0.1, m, size) && y <= countQuantile(0.9, m, size))
          tally.oldBusyInside++;
      }
    }
  }
}

function score(
  history: CallHistory,
  origins: number[],
  old: 'nb2' | 'fair' | false,
  methods: string[] = [],
): Tally {
  const tally = { busy: 0, busyInside: 0, oldBusyInside: 0, reasonCells: 0, reasonFair: 0 };
  origins.forEach((origin, k) => scoreOrigin(history, origin, tally, old, methods[k]));
  return tally;
}

const montco = sharedData('forecast/montco-911-30min-by-reason.csv');
const bank5 = sharedData('forecast/bank-calls-5min.csv');

describe.skipIf(!montco)('80 % intervals where 10+ calls are expected: 911 sample', () => {
  // The backtest's four daily origins (2015-12-25 … 28), 14–17 days of history each.
  let scored: Tally | undefined;
  const tally = () =>
    (scored ??= score(
      readHistoryCsv(montco!, { timeZone: 'America/New_York' }),
      [14, 15, 16, 17],
      'nb2',
    ));

  it('held 92.8 % of actuals with the old NB2 sizes; 75–85 % now', () => {
    const t = tally();
    expect(t.busy).toBe(484);
    const before = t.oldBusyInside / t.busy;
    const after = t.busyInside / t.busy;
    expect(before).toBeGreaterThan(0.85);
    expect(after).toBeGreaterThanOrEqual(0.75);
    expect(after).toBeLessThanOrEqual(0.85);
  });

  it('keeps the fair coverage of its sparse reasons (means mostly under 1 call) at 75–85 %', () => {
    const t = tally();
    expect(t.reasonCells).toBeGreaterThan(10_000);
    const fair = t.reasonFair / t.reasonCells;
    expect(fair).toBeGreaterThanOrEqual(0.75);
    expect(fair).toBeLessThanOrEqual(0.85);
  });
});

describe.skipIf(!bank5)('80 % intervals where 10+ calls are expected: bank 5-minute series', () => {
  // The backtest's four weekly origins (2003-09-27 … 10-18; about 2 s each). The bank series
  // was already right (81 % before, benchmarks/README.md); it must stay in the band. A single
  // week is not enough: weeks range from 68 % (Columbus Day week) to 85 %.
  it('stays within 75–85 % over four weeks', () => {
    const history = readHistoryCsv(bank5!, { timeZone: 'America/New_York' });
    const last = history.dayCount - HORIZON;
    const t = score(history, [last - 21, last - 14, last - 7, last], false);
    expect(t.busy).toBe(3211);
    const after = t.busyInside / t.busy;
    expect(after).toBeGreaterThanOrEqual(0.75);
    expect(after).toBeLessThanOrEqual(0.85);
  });
});

const bank1999 = sharedData('forecast/anonymous-bank-1999-30min-by-type.csv');

describe.skipIf(!bank1999)('80 % intervals where 10+ calls are expected: bank 1999 by type', () => {
  // The backtest's four weekly origins (1999-10-04 … 25), with the method `--method auto` picks
  // at each from the history before it (benchmarks/README.md: profile-smoothing twice, then
  // combined twice). 854 reason cells and 779 total cells expect 10 calls or more.
  let scored: Tally | undefined;
  const tally = () => {
    if (scored) return scored;
    const history = readHistoryCsv(bank1999!, { timeZone: 'Asia/Jerusalem' });
    const last = history.dayCount - HORIZON;
    scored = score(history, [last - 21, last - 14, last - 7, last], 'fair', [
      'profile-smoothing',
      'profile-smoothing',
      'combined',
      'combined',
    ]);
    return scored;
  };

  it("held 85.6 % with dispersions matched to the busy cells' fair coverage; 75–85 % now", () => {
    const t = tally();
    expect(t.busy).toBe(1633);
    const before = t.oldBusyInside / t.busy;
    const after = t.busyInside / t.busy;
    expect(before).toBeGreaterThan(0.85);
    expect(after).toBeGreaterThanOrEqual(0.75);
    expect(after).toBeLessThanOrEqual(0.845);
  });

  it('keeps the fair coverage of its reasons (most cells under 3 calls) at 75–85 %', () => {
    const t = tally();
    const fair = t.reasonFair / t.reasonCells;
    expect(fair).toBeGreaterThanOrEqual(0.75);
    expect(fair).toBeLessThanOrEqual(0.85);
  });
});
