import type { ReplicationEstimate } from '../stats/confidence-interval.js';
import { formatDuration } from '../units/duration.js';
import type { RetryMeasures } from '../queueing/retry-measures.js';
import type { SimulatedStaffing } from '../queueing/simulate-staffing.js';
import { fixed } from '../units/fixed.js';
import { unitDecimals } from '../measures/measure-catalogue.js';

/** The formula's value of each measure (a staffing evaluation), `null` where it has none. */
export type FormulaMeasures = Partial<Record<keyof SimulatedStaffing, number | null | unknown>> & {
  model?: string;
};

type Kind = 'percent' | 'seconds' | 'count' | 'ratio' | 'erlangs';

const ROWS: [keyof SimulatedStaffing, string, Kind][] = [
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

// With retries every attempt is a call: the rows above count attempts.
const RETRY_LABELS: Partial<Record<keyof SimulatedStaffing, string>> = {
  probabilityBlocking: 'blocked per attempt',
  offered: 'attempts offered',
  answered: 'attempts answered',
  abandoned: 'attempts abandoned',
  blocked: 'attempts blocked',
};

const RETRY_ROWS: [keyof RetryMeasures, string, Kind][] = [
  ['probabilityLost', 'callers lost', 'percent'],
  ['attemptsPerCaller', 'attempts per caller', 'ratio'],
  ['offeredErlangs', 'offered with retries', 'erlangs'],
];

/**
 * The simulation beside the formula, as the short table `switchboard staff --simulate` prints:
 * one measure a line, the formula's value, the simulated mean and its 95 % interval over the
 * replications, so a reader sees where Erlang holds and where it does not. With Erlang B
 * retries, the counts are attempts and three rows follow (callers lost, attempts per caller,
 * offered load with retries) beside Extended Erlang B. Cost O(1).
 */
export function formatSimulationTable(formula: FormulaMeasures, sim: SimulatedStaffing): string {
  const show = (value: number, kind: Kind): string => {
    if (!Number.isFinite(value)) return '—';
    if (kind === 'percent') return `${fixed(100 * value, 2)} %`;
    if (kind === 'seconds') return `${fixed(value, 1)} s`;
    if (kind === 'ratio') return fixed(value, 4);
    if (kind === 'erlangs') return `${fixed(value, 3)} E`;
    // Counts of calls: whole from one replication, one decimal as a mean (the catalogue's rule).
    return fixed(value, unitDecimals('calls', sim.replications > 1));
  };
  const row = (label: string, f: unknown, est: ReplicationEstimate, kind: Kind): string[] => {
    const [lo, hi] = est.ci95;
    const formulaText = typeof f === 'number' ? show(f, kind) : '—';
    return [label, formulaText, show(est.mean, kind), `${show(lo, kind)} – ${show(hi, kind)}`];
  };
  const retries = sim.retries;
  const header = ['measure', 'formula', 'simulated', '95 % interval'];
  const rows = ROWS.map(([key, label, kind]) =>
    row(
      (retries && RETRY_LABELS[key]) || label,
      formula[key],
      sim[key] as ReplicationEstimate,
      kind,
    ),
  );
  const retryLines: string[] = [];
  if (retries !== undefined) {
    for (const [key, label, kind] of RETRY_ROWS) {
      rows.push(row(label, retries.extendedErlangB[key], retries[key], kind));
    }
    retryLines.push(
      `retries: ${fixed(100 * retries.retryFraction, 0)} % of blocked attempts retry after an exponential delay of mean ${formatDuration(retries.retryDelaySeconds)}; formula: Extended Erlang B (retries as Poisson traffic)`,
    );
  }
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
    `simulation: ${sim.replications} replications, seed ${String(sim.seed)}, ${sim.events} events, ${fixed(sim.wallSeconds, 2)} s`,
    ...retryLines,
    line(header),
    ...rows.map(line),
    ...note,
  ].join('\n');
}
