import * as highsModule from 'highs';
import type { LegacyHighs } from 'highs';
import type { ShiftTemplate } from '../scenario/scenario-types.js';
import type { ShiftPattern } from './shift-patterns.js';

/** Options of {@link solveCover}. */
export interface SolveCoverOptions {
  /** Most paid hours in all (the `--budget`), or undefined for no limit. */
  budgetHours?: number;
  /** Stop the solver after this many seconds and keep the best roster found (default 30). */
  timeLimitSeconds?: number;
}

/** A solved cover: how many operators work each pattern, and what that gives per slot. */
export interface Cover {
  /** counts[i]: operators on pattern i. */
  counts: Int32Array;
  /** Operators on the phones per slot of the week. */
  scheduled: Int32Array;
  /** Operators short of the requirement per slot (all 0 when the requirement is covered). */
  shortfall: Int32Array;
  paidHours: number;
  cost: number;
  /** `Optimal`, or the solver's status when it stopped early with a roster. */
  status: string;
}

// The package's types are declared as CommonJS while Node imports its ES module build: the
// loader is the namespace's default export either way.
type HighsLoader = () => Promise<LegacyHighs>;
let loaded: Promise<LegacyHighs> | undefined;

/** HiGHS, compiled to WebAssembly, loaded once per thread. */
function highs(): Promise<LegacyHighs> {
  loaded ??= (highsModule as unknown as { default: HighsLoader }).default();
  return loaded;
}

function sum(terms: string[]): string {
  // LP-format lines stay short: a term per line after the first few.
  return terms.length === 0 ? '0 x_none' : terms.join('\n  + ');
}

/**
 * Cover a requirement (operators per slot of the week) with shifts at the least cost — Dantzig's
 * set-covering model of shift scheduling, one integer column per pattern (template, weekday,
 * start, break placement), solved by HiGHS as a mixed-integer programme:
 *
 *   minimise Σ cost_p x_p + M Σ u_s   such that   Σ_{p covers s} x_p + u_s ≥ required_s,
 *   min_t ≤ Σ_{p of t on day d} x_p ≤ max_t,   Σ paidHours_p x_p ≤ budget,   x ∈ ℕ, u ≥ 0.
 *
 * The shortfall u (priced M, above any shift's cost) keeps the programme feasible when the
 * templates cannot cover a slot or their `max` forbids it: the answer is then the best roster
 * found, short where `shortfall` says. Cost: HiGHS's branch and bound; a week of half-hours with
 * a dozen templates solves in well under a second (benchmarks/roster.bench.js).
 */
export async function solveCover(
  patterns: readonly ShiftPattern[],
  templates: readonly ShiftTemplate[],
  required: ArrayLike<number>,
  options: SolveCoverOptions = {},
): Promise<Cover> {
  const slots = required.length;
  const covering: number[][] = Array.from({ length: slots }, () => []);
  patterns.forEach((p, i) => {
    for (const s of p.slots) covering[s]!.push(i);
  });
  const maxCost = patterns.reduce((m, p) => Math.max(m, p.cost, p.paidHours), 1);
  const penalty = Math.ceil(10 * maxCost) + 1;
  const objective: string[] = patterns.map((p, i) => `${p.cost + p.paidHours * 1e-6} x${i}`);
  const rows: string[] = [];
  const shortSlots: number[] = [];
  for (let s = 0; s < slots; s++) {
    const need = required[s]!;
    if (!(need > 0)) continue;
    shortSlots.push(s);
    objective.push(`${penalty} u${s}`);
    rows.push(` c${s}: ${sum([...covering[s]!.map((i) => `x${i}`), `u${s}`])} >= ${need}`);
  }
  templates.forEach((t, ti) => {
    for (let d = 0; d < 7; d++) {
      if (!t.days[d]) continue;
      const terms = patterns.flatMap((p, i) =>
        p.template === ti && p.weekday === d ? [`x${i}`] : [],
      );
      if (terms.length === 0) continue;
      if (t.min > 0) rows.push(` min${ti}_${d}: ${sum(terms)} >= ${t.min}`);
      if (Number.isFinite(t.max)) rows.push(` max${ti}_${d}: ${sum(terms)} <= ${t.max}`);
    }
  });
  if (options.budgetHours !== undefined) {
    const terms = patterns.map((p, i) => `${p.paidHours} x${i}`);
    rows.push(` budget: ${sum(terms)} <= ${options.budgetHours}`);
  }
  const counts = new Int32Array(patterns.length);
  const shortfall = new Int32Array(slots);
  let status = 'Optimal';
  if (patterns.length > 0 && (rows.length > 0 || shortSlots.length > 0)) {
    const model = [
      'Minimize',
      ` cost: ${sum(objective)}`,
      'Subject To',
      ...(rows.length > 0 ? rows : [' none: x0 >= 0']),
      'Bounds',
      ...patterns.map((_, i) => ` x${i} >= 0`),
      ...shortSlots.map((s) => ` u${s} >= 0`),
      'General',
      ...patterns.map((_, i) => ` x${i}`),
      'End',
    ].join('\n');
    const solver = await highs();
    const solution = solver.solve(model, {
      output_flag: false,
      mip_rel_gap: 1e-6,
      time_limit: options.timeLimitSeconds ?? 30,
    });
    status = solution.Status;
    if (status === 'Infeasible') {
      throw new RangeError(
        'solveCover: the template minimums exceed the budget (no roster within it)',
      );
    }
    const columns = solution.Columns as Record<string, { Primal?: number }>;
    if (columns.x0?.Primal === undefined)
      throw new Error(`solveCover: HiGHS found no roster (${status})`);
    patterns.forEach((_, i) => {
      counts[i] = Math.round(columns[`x${i}`]?.Primal ?? 0);
    });
  } else {
    for (const s of shortSlots) shortfall[s] = required[s]!;
  }
  return coverOf(patterns, counts, required, status);
}

/** The slots, shortfall, hours and cost of pattern counts against a requirement. Cost O(Σ slots). */
export function coverOf(
  patterns: readonly ShiftPattern[],
  counts: Int32Array,
  required: ArrayLike<number>,
  status = 'Optimal',
): Cover {
  const scheduled = new Int32Array(required.length);
  let paidHours = 0;
  let cost = 0;
  patterns.forEach((p, i) => {
    const n = counts[i]!;
    if (n === 0) return;
    paidHours += n * p.paidHours;
    cost += n * p.cost;
    for (const s of p.slots) scheduled[s]! += n;
  });
  const shortfall = new Int32Array(required.length);
  for (let s = 0; s < required.length; s++)
    shortfall[s] = Math.max(0, required[s]! - scheduled[s]!);
  return { counts, scheduled, shortfall, paidHours, cost, status };
}
