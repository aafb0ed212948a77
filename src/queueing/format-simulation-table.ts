import type { ReplicationEstimate } from '../stats/confidence-interval.js';
import type { SimulatedStaffing } from './simulate-staffing.js';

/** The formula's value of each measure (a staffing evaluation), `null` where it has none. */
export type FormulaMeasures = Partial<Record<keyof SimulatedStaffing, number | null | unknown>> & {
  model?: string;
};

const ROWS: [keyof SimulatedStaffing, string, 'percent' | 'seconds' | 'count'][] = [
  ['serviceLevel', 'service level', 'percent'],
  ['probabilityWait', 'waiting', 'percent'],
  ['asaSeconds', 'ASA (answered)', 'seconds'],
  ['meanWaitSeconds', 'mean wait (all)', 'seconds'],
  ['occupancy', 'occupancy', 'percent'],
  ['probabilityAbandon', 'abandoned', 'percent'],
  ['probabilityBlocking', 'blocked', 'percent'],
  ['offered', 'calls offered', 'count'],
  ['answered', 'calls answered', 'count'],
  ['abandoned', 'calls abandoned', 'count'],
  ['blocked', 'calls blocked', 'count'],
];

/**
 * The simulation beside the formula, as the short table `switchboard staff --simulate` prints:
 * one measure a line, the formula's value, the simulated mean and its 95 % interval over the
 * replications, so a reader sees where Erlang holds and where it does not. Cost O(1).
 */
export function formatSimulationTable(formula: FormulaMeasures, sim: SimulatedStaffing): string {
  const show = (value: number, kind: string): string => {
    if (!Number.isFinite(value)) return '—';
    if (kind === 'percent') return `${(100 * value).toFixed(2)} %`;
    if (kind === 'seconds') return `${value.toFixed(1)} s`;
    return value.toFixed(0);
  };
  const header = ['measure', 'formula', 'simulated', '95 % interval'];
  const rows = ROWS.map(([key, label, kind]) => {
    const est = sim[key] as ReplicationEstimate;
    const f = formula[key];
    const formulaText = typeof f === 'number' ? show(f, kind) : '—';
    const [lo, hi] = est.ci95;
    return [label, formulaText, show(est.mean, kind), `${show(lo, kind)} – ${show(hi, kind)}`];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const overloaded = formula.model === 'erlang-c' && formula.asaSeconds === null;
  const note = overloaded
    ? ['note: overloaded, there is no steady state: the simulated waits grow with --horizon', '']
    : [''];
  return [
    `simulation: ${sim.replications} replications, seed ${String(sim.seed)}, ${sim.events} events, ${sim.wallSeconds} s`,
    line(header),
    ...rows.map(line),
    ...note,
  ].join('\n');
}
