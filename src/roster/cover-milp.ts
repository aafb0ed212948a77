import * as highsModule from 'highs';
import type { Highs } from 'highs';
import { RunError } from '../errors.js';
import { fixed } from '../units/fixed.js';
import type { ShiftTemplate } from '../scenario/scenario-types.js';
import type { ShiftPattern } from './shift-patterns.js';

/** How far a solve may go: deterministic node limit, and the wall-clock safety net. */
export interface SolveLimits {
  /** Most branch-and-bound nodes (default {@link MAX_NODES}); reached, the best roster found. */
  maxNodes?: number;
  /**
   * Wall-clock seconds after which the solve fails with a RunError (default
   * {@link SAFETY_SECONDS}). It never stops a solve with an answer: results do not depend on time.
   */
  safetySeconds?: number;
}

/** Options of {@link solveCover}. */
export interface SolveCoverOptions extends SolveLimits {
  /** Most paid hours in all (the `--budget`), or undefined for no limit. */
  budgetHours?: number;
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
  /** `Optimal` (gap proven), or `node limit (…)` when {@link MAX_NODES} stopped it with a roster. */
  status: string;
}

// The package's types are declared as CommonJS while Node imports its ES module build: the
// loader is the namespace's default export either way.
type HighsLoader = () => Promise<Highs>;
let loaded: Promise<Highs> | undefined;

/** HiGHS, compiled to WebAssembly, loaded once per thread. */
function highs(): Promise<Highs> {
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
  rows.push(...templateRows(patterns, templates));
  if (options.budgetHours !== undefined) rows.push(budgetRow(patterns, options.budgetHours));
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
    const solved = await solveModel(model, patterns.length, options);
    status = solved.status;
    counts.set(solved.counts);
  } else {
    for (const s of shortSlots) shortfall[s] = required[s]!;
  }
  return coverOf(patterns, counts, required, status);
}

/** The template rows: each template's `min`/`max` operators per weekday it works. */
function templateRows(
  patterns: readonly ShiftPattern[],
  templates: readonly ShiftTemplate[],
): string[] {
  const rows: string[] = [];
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
  return rows;
}

/** The budget row: paid hours of every operator at most `hours`. */
function budgetRow(patterns: readonly ShiftPattern[], hours: number): string {
  return ` budget: ${sum(patterns.map((p, i) => `${p.paidHours} x${i}`))} <= ${hours}`;
}

/**
 * Most branch-and-bound nodes of one solve (`mip_max_nodes`): the deterministic limit. Reached,
 * the solve keeps the best roster found by then, the same on every machine. The rosters of
 * `roster` prove their gap in a few hundred nodes (benchmarks/roster.bench.js).
 */
export const MAX_NODES = 20_000;

/**
 * Wall-clock seconds after which a solve is abandoned with an error (`time_limit`): a safety net
 * for a machine too slow to reach {@link MAX_NODES}, never a way to stop early, since a roster
 * found by the clock would differ from one machine to the next.
 */
export const SAFETY_SECONDS = 600;

/** HiGHS's model status codes read here (`ModelStatusCode` of the `highs` package). */
const ModelStatus = { optimal: 7, infeasible: 8, timeLimit: 13, solutionLimit: 16 } as const;
/** `primal_solution_status` of a feasible solution. */
const FEASIBLE = 2;

/**
 * Solve an LP-format model by HiGHS and read the pattern counts `x0…`. The solve stops on
 * deterministic criteria only: the gap proven (`Optimal`) or {@link MAX_NODES} nodes (the best
 * roster found by then, `node limit`). HiGHS runs on one thread with its default random seed, so
 * the counts depend on the model alone. The wall clock only guards: reached, it is a RunError.
 */
async function solveModel(
  model: string,
  patterns: number,
  limits: SolveLimits,
  gap: { relative: number; absolute?: number } = { relative: 1e-6 },
): Promise<{ counts: Int32Array; status: string }> {
  const solver = await highs();
  const maxNodes = limits.maxNodes ?? MAX_NODES;
  const safety = limits.safetySeconds ?? SAFETY_SECONDS;
  return solver.withModel({ format: 'lp', data: model }, (m) => {
    m.options.set({
      output_flag: false,
      random_seed: 0,
      mip_rel_gap: gap.relative,
      ...(gap.absolute === undefined ? {} : { mip_abs_gap: gap.absolute }),
      mip_max_nodes: maxNodes,
      time_limit: safety,
    });
    const status = m.run().modelStatus;
    if (status === ModelStatus.infeasible)
      throw new RangeError(
        'solveCover: the template minimums exceed the budget (no roster within it)',
      );
    if (status === ModelStatus.timeLimit)
      throw new RunError(
        `the shift-cover solver (HiGHS) ran past its ${safety} s safety limit before proving its answer or reaching its ${maxNodes}-node limit; ` +
          'a roster cut short by the clock would differ from machine to machine, so none is given ' +
          '(a less loaded machine, or fewer templates, starts or break placements)',
      );
    const feasible = Number(m.info.get('primal_solution_status')) === FEASIBLE;
    if (!feasible || (status !== ModelStatus.optimal && status !== ModelStatus.solutionLimit))
      throw new Error(`solveCover: HiGHS found no roster (model status ${status})`);
    const values = m.getSolution().colValue;
    const counts = new Int32Array(patterns);
    for (let i = 0; i < patterns; i++) counts[i] = Math.round(values[m.getColByName(`x${i}`)]!);
    return {
      counts,
      status:
        status === ModelStatus.optimal
          ? 'Optimal'
          : `node limit (${maxNodes} nodes, gap ${fixed(100 * Number(m.info.get('mip_gap')), 2)} %)`,
    };
  });
}

function sum0(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Optimality gap of the budget cover, as a share of the whole value at stake. */
const VALUE_GAP = 1e-3;

/**
 * The best use of a budget: the shifts, within `budgetHours` paid hours, the templates' `min`
 * and `max`, and at least `least[s]` operators in each slot a pattern covers, that maximise the
 * value of the operators on the phones, where `increments[s][k]` is what the (k+1)-th operator
 * of slot s adds (calls answered within the threshold, say). The increments of a slot must not
 * increase (a concave value, see {@link concaveIncrements}): then the programme
 *
 *   maximise Σ_s Σ_k increments[s][k] y_sk − ε Σ cost_p x_p
 *   such that Σ_k y_sk ≤ Σ_{p covers s} x_p,   Σ_{p covers s} x_p ≥ least_s,
 *   Σ paidHours_p x_p ≤ budget,   min_t ≤ Σ_{p of t on day d} x_p ≤ max_t,   x ∈ ℕ, 0 ≤ y ≤ 1
 *
 * credits each slot with the value of its first operators, and HiGHS places the hours where
 * they are worth most (ε: the cheaper of equally good rosters). Hours worth nothing more are not
 * spent. Throws a RangeError when no roster fits the budget. Cost: HiGHS's branch and bound,
 * Σ increments more columns than {@link solveCover}.
 */
export async function solveValueCover(
  patterns: readonly ShiftPattern[],
  templates: readonly ShiftTemplate[],
  least: ArrayLike<number>,
  increments: readonly (readonly number[])[],
  budgetHours: number,
  options: SolveLimits = {},
): Promise<Cover> {
  const slots = least.length;
  const covering: number[][] = Array.from({ length: slots }, () => []);
  patterns.forEach((p, i) => {
    for (const s of p.slots) covering[s]!.push(i);
  });
  const objective: string[] = patterns.map(
    (p, i) => `${1e-6 * (p.cost + p.paidHours * 1e-6)} x${i}`,
  );
  const rows: string[] = [];
  const values: string[] = [];
  for (let s = 0; s < slots; s++) {
    if (covering[s]!.length === 0) continue;
    const x = covering[s]!.map((i) => `x${i}`);
    if (least[s]! > 0) rows.push(` l${s}: ${sum(x)} >= ${least[s]}`);
    // The first least[s] operators are there anyway: only the steps beyond them are columns.
    const floor = Math.max(0, least[s]!);
    const steps = (increments[s] ?? []).slice(floor);
    if (steps.length === 0) continue;
    const y = steps.map((_, k) => `y${s}_${k}`);
    steps.forEach((w, k) => {
      objective.push(`- ${w} ${y[k]}`);
      values.push(` 0 <= ${y[k]} <= 1`);
    });
    rows.push(
      ` v${s}: ${[...y, ...x.map((t) => `- ${t}`)].join('\n  + ').replaceAll('+ - ', '- ')} <= ${-floor}`,
    );
  }
  rows.push(...templateRows(patterns, templates));
  rows.push(budgetRow(patterns, budgetHours));
  const model = [
    'Minimize',
    ` value: ${objective.join('\n  + ').replaceAll('+ - ', '- ')}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...patterns.map((_, i) => ` x${i} >= 0`),
    ...values,
    'General',
    ...patterns.map((_, i) => ` x${i}`),
    'End',
  ].join('\n');
  const counts =
    patterns.length === 0
      ? { counts: new Int32Array(0), status: 'Optimal' }
      : // Within 0.1 % of the whole value at stake: below what the simulations tell apart.
        await solveModel(model, patterns.length, options, {
          relative: 1e-2,
          absolute: VALUE_GAP * increments.reduce((v, steps) => v + sum0(steps), 0),
        });
  return coverOf(patterns, counts.counts, least, counts.status);
}

/**
 * Non-increasing increments from a value of 0, 1, 2… operators (`value[0]` for none): the steps
 * of its least concave majorant, so that a programme crediting the first operators first
 * credits the value itself wherever it is concave. Cost O(value.length).
 */
export function concaveIncrements(value: readonly number[]): number[] {
  // Upper hull of the points (k, value[k]) from k = 0.
  const hull: number[] = [];
  for (let k = 0; k < value.length; k++) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2]!;
      const b = hull[hull.length - 1]!;
      // b lies on or under the chord from a to k: drop it.
      if ((value[b]! - value[a]!) * (k - a) <= (value[k]! - value[a]!) * (b - a)) hull.pop();
      else break;
    }
    hull.push(k);
  }
  const steps: number[] = [];
  for (let h = 1; h < hull.length; h++) {
    const a = hull[h - 1]!;
    const b = hull[h]!;
    const slope = (value[b]! - value[a]!) / (b - a);
    for (let k = a; k < b; k++) steps.push(slope);
  }
  return steps;
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
