import { InputError, inputError } from '../errors.js';
import {
  type Better,
  measureDefinition,
  unitLabel,
  unitRange,
} from '../measures/measure-catalogue.js';
import { parseScenario } from '../scenario/parse-scenario.js';
import type { Scenario } from '../scenario/scenario-types.js';
import { type MeasureEstimate, measureEstimate } from '../stats/confidence-interval.js';
import { holmAdjust } from '../stats/adjust-p-values.js';
import { pairedTTestPValue } from '../stats/paired-t-test.js';
import { comparedMeasures } from '../measures/compared-measures.js';
import {
  describeRun,
  type RunDescription,
  runScenariosReplications,
  scenarioRunOptions,
  type SimulateScenarioOptions,
} from './simulate-scenario.js';
import type { ReplicationResult } from './tallies.js';

/** One varied value: a path into the scenario document and the values it takes. */
export interface SweepAxis {
  path: string;
  values: (number | string | boolean)[];
}

/** One combination of the axes' values: a variant of the base. */
export interface SweepVariant {
  /** `path=value, path=value`. */
  label: string;
  settings: { path: string; value: number | string | boolean }[];
  scenario: Scenario;
}

/** The most combinations a sweep runs. */
export const MAX_SWEEP_VARIANTS = 10_000;

/** The measures a sweep reports unless told others. */
export const DEFAULT_SWEEP_MEASURES = [
  'overall.serviceLevel',
  'overall.asaSeconds',
  'overall.probabilityAbandon',
  'overall.occupancy',
  'cost.total',
] as const;

const SCALAR = 'a single value (a number, text or true/false)';

/** The value at `path` (dot-separated keys, list positions as numbers) of a document, or undefined. */
function valueAt(document: unknown, parts: readonly string[]): unknown {
  let here: unknown = document;
  for (const part of parts) {
    if (here === null || typeof here !== 'object') return undefined;
    if (Array.isArray(here)) {
      if (!/^\d+$/.test(part)) return undefined;
      here = here[Number(part)];
    } else {
      if (!Object.hasOwn(here, part)) return undefined;
      here = (here as Record<string, unknown>)[part];
    }
  }
  return here;
}

function setAt(document: unknown, parts: readonly string[], value: unknown): void {
  let here = document as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) here = here[part] as Record<string, unknown>;
  here[parts.at(-1)!] = value;
}

/**
 * Read the values given for `path` as the type of the value the scenario holds there: a
 * number where it has a number, true/false where it has one, text where it has text. Throws an
 * InputError naming `--vary` when the path is not in the document, holds a section rather than
 * a value, or a value is of the wrong type.
 */
export function readSweepAxis(document: unknown, path: string, raw: readonly string[]): SweepAxis {
  const parts = path.split('.');
  if (parts.some((p) => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype'))
    throw inputError('--vary', 'a path such as transfers.mode (keys joined by dots)', path);
  if (parts[0] === 'variants' || parts[0] === 'name')
    throw inputError('--vary', 'a path to a value of the simulated switchboard', path);
  const current = valueAt(document, parts);
  if (current === undefined)
    throw inputError(
      '--vary',
      'a path to a value written in the scenario (such as transfers.mode)',
      path,
      {
        hint: 'write the value in the scenario first, or sweep a --variant that has it',
      },
    );
  if (current === null || typeof current === 'object')
    throw inputError(`--vary ${path}`, `a path to ${SCALAR}, not a section`, current);
  const values = raw.map((text) => {
    if (typeof current === 'number') {
      const n = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text)
        ? Number(text)
        : Number.NaN;
      if (!Number.isFinite(n))
        throw inputError(`--vary ${path}`, `numbers (the scenario has ${current} there)`, text);
      return n;
    }
    if (typeof current === 'boolean') {
      if (text !== 'true' && text !== 'false')
        throw inputError(
          `--vary ${path}`,
          `true or false (the scenario has ${current} there)`,
          text,
        );
      return text === 'true';
    }
    return text;
  });
  if (new Set(values.map(String)).size !== values.length)
    throw inputError(`--vary ${path}`, 'different values', raw.join(','));
  return { path, values };
}

/**
 * Every combination of the axes' values, each a variant of the base scenario (its document with
 * those values set), checked as a scenario: a value the scenario format refuses is reported as
 * the `--vary` flag that gave it. Throws InputError; at most {@link MAX_SWEEP_VARIANTS}.
 */
export function sweepVariants(base: Scenario, axes: readonly SweepAxis[]): SweepVariant[] {
  const count = axes.reduce((n, a) => n * a.values.length, 1);
  if (count > MAX_SWEEP_VARIANTS)
    throw inputError('--vary', `at most ${MAX_SWEEP_VARIANTS} combinations`, count);
  const paths = axes.map((a) => a.path);
  if (new Set(paths).size !== paths.length)
    throw inputError('--vary', 'each path once', paths.join(' '));
  let combinations: { path: string; value: number | string | boolean }[][] = [[]];
  for (const axis of axes)
    combinations = combinations.flatMap((c) =>
      axis.values.map((value) => [...c, { path: axis.path, value }]),
    );
  return combinations.map((settings) => {
    const document = structuredClone(base.document) as Record<string, unknown>;
    for (const { path, value } of settings) setAt(document, path.split('.'), value);
    const label = settings.map((s) => `${s.path}=${String(s.value)}`).join(', ');
    let scenario: Scenario;
    try {
      scenario = parseScenario(document, {
        ...(base.file === undefined ? {} : { file: base.file }),
        // The base's forecast, unless a setting names another file.
        ...(base.forecastFile === undefined || paths.includes('arrivals.forecast')
          ? {}
          : { forecastFile: base.forecastFile }),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const problem = error.problems[0]!;
      throw inputError(
        `--vary ${label}`,
        `${problem.path}: ${problem.expected}`,
        problem.received,
        {
          raw: true,
        },
      );
    }
    scenario.name = `${base.name} — ${label}`;
    return { label, settings, scenario };
  });
}

/** One measure of a variant against the base. */
export interface SweepMeasure {
  name: string;
  unit: string;
  better: Better;
  variant: MeasureEstimate;
  /** Paired difference variant − base, Student-t 95 % interval (not adjusted). */
  difference: MeasureEstimate;
  /** Two-sided paired t-test of a difference ≠ 0; null with fewer than 2 replications. */
  pValue: number | null;
  /** Holm-adjusted over the whole table. */
  pHolm: number | null;
  verdict: 'better' | 'worse' | 'higher' | 'lower' | 'no difference detectable';
}

/** What `switchboard sweep` reports. */
export interface SweepReport extends RunDescription {
  /** The base scenario's name. */
  base: string;
  /** The base's currency (`costs.currency`), the unit of money. */
  currency: string;
  axes: SweepAxis[];
  method: string;
  correction: string;
  rankBy: string;
  /** The base's measures. */
  baseMeasures: { name: string; unit: string; estimate: MeasureEstimate }[];
  /** The variants, best first by `rankBy`. */
  variants: {
    rank: number;
    label: string;
    settings: SweepVariant['settings'];
    measures: SweepMeasure[];
  }[];
}

/** Options of {@link runSweep}. */
export interface SweepOptions extends SimulateScenarioOptions {
  /** `table.key` names of the measures reported (default {@link DEFAULT_SWEEP_MEASURES}). */
  measures?: readonly string[];
  /** The measure ranked on (default the first of `measures`). */
  rankBy?: string;
  /** The variants, when {@link sweepVariants} made them already (the CLI checks them first). */
  variants?: readonly SweepVariant[];
}

/** Check measure names for `flag` against those compare knows. */
export function checkSweepMeasures(names: readonly string[], flag: string): void {
  for (const name of names)
    if (!comparedMeasures.includes(name))
      throw inputError(flag, `measures among ${comparedMeasures.join(', ')}`, name);
}

function pick(result: ReplicationResult, name: string): number {
  const [table, key] = name.split('.') as ['overall' | 'needs' | 'cost', string];
  return result[table][key] ?? Number.NaN;
}

/**
 * Sweep a scenario: every combination of the axes' values ({@link sweepVariants}) and the base
 * run on the same seeds (common random numbers) in one batch — on
 * this machine's threads, or on workers with `remote` — then compare each variant with the base
 * on the chosen measures: paired differences with Student-t 95 % intervals, and a two-sided
 * paired t-test per variant and measure whose p-values are adjusted together by Holm's method,
 * so the verdicts of the whole table hold a 5 % family-wise error rate. Variants are ranked on
 * `rankBy` (its better direction; higher first for a measure better neither way).
 * Cost: (1 + variants) × replications × days of simulation.
 */
export async function runSweep(
  base: Scenario,
  axes: readonly SweepAxis[],
  options: SweepOptions = {},
): Promise<SweepReport> {
  const variants = options.variants ?? sweepVariants(base, axes);
  const full = scenarioRunOptions(options);
  const names = options.measures ?? [...DEFAULT_SWEEP_MEASURES];
  const rankBy = options.rankBy ?? names[0]!;
  const currency = base.costs.currency;
  const [baseResults, ...variantResults] = await runScenariosReplications(
    [base, ...variants.map((v) => v.scenario)],
    full,
  );
  const baseValues = new Map(names.map((name) => [name, baseResults!.map((r) => pick(r, name))]));
  const rows = variants.map((variant, v) => ({
    label: variant.label,
    settings: variant.settings,
    measures: names.map((name) => {
      const info = measureDefinition(name);
      const b = baseValues.get(name)!;
      const values = variantResults[v]!.map((r) => pick(r, name));
      const differences = values.map((x, i) => x - b[i]!);
      return {
        name,
        unit: unitLabel(info.unit, currency),
        better: info.better,
        variant: measureEstimate(values, unitRange(info.unit)),
        difference: measureEstimate(differences),
        pValue: pairedTTestPValue(differences),
        pHolm: null as number | null,
        verdict: 'no difference detectable' as SweepMeasure['verdict'],
      };
    }),
  }));
  const all = rows.flatMap((r) => r.measures);
  const adjusted = holmAdjust(all.map((m) => m.pValue));
  all.forEach((m, i) => {
    m.pHolm = adjusted[i]!;
    const mean = m.difference.mean;
    if (m.pHolm === null || m.pHolm >= 0.05 || mean === null || mean === 0) return;
    const up = mean > 0;
    if (m.better === 'neither') m.verdict = up ? 'higher' : 'lower';
    else m.verdict = up === (m.better === 'higher') ? 'better' : 'worse';
  });
  const rankIndex = names.indexOf(rankBy);
  const direction = measureDefinition(rankBy).better === 'lower' ? 1 : -1;
  const key = (r: (typeof rows)[number]) => r.measures[rankIndex]!.variant.mean;
  const ranked = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const x = key(a.r);
      const y = key(b.r);
      if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
      return x === y ? a.i - b.i : direction * (x - y);
    })
    .map(({ r }, rank) => ({ rank: rank + 1, ...r }));
  const tests = all.filter((m) => m.pValue !== null).length;
  return {
    base: base.name,
    ...describeRun(base, full),
    currency,
    axes: [...axes],
    method:
      'every combination of the --vary values as a variant of the base, all run with the same replication seeds (common random numbers); paired differences (variant − base) with Student-t 95 % intervals',
    correction: `Holm's step-down correction over the ${tests} paired t-tests of the table (${variants.length} variants × ${names.length} measures): better / worse (higher / lower for measures better neither way) when the Holm-adjusted p-value is below 0.05, a family-wise error rate of 5 %; the intervals shown are not adjusted`,
    rankBy,
    baseMeasures: names.map((name) => {
      const info = measureDefinition(name);
      return {
        name,
        unit: unitLabel(info.unit, currency),
        estimate: measureEstimate(baseValues.get(name)!, unitRange(info.unit)),
      };
    }),
    variants: ranked,
  };
}
