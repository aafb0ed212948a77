import type { RosterRefinement } from './refine-roster.js';
import { fixed } from '../units/fixed.js';

const percent = (x: number | null) => (x === null ? 'n/a' : `${fixed(100 * x, 1)} %`);

/**
 * One line for people about a roster refinement: hours changed, operator-hours, rounds, and the
 * abandonment of queued calls over the compared hours (model with the Erlang A roster, with the
 * refined one, records). Cost: O(1).
 */
export function rosterRefinementSummary(r: RosterRefinement): string {
  const { erlangA, refined } = r.operatorHours;
  const change = refined - erlangA;
  return (
    `roster refined by simulation: ${r.hoursChanged} of ${r.hoursCompared} hours changed ` +
    `(${change >= 0 ? '+' : ''}${change} operator-hours a week), ${r.rounds.length} round(s)` +
    `${r.converged ? '' : ' (round cap reached)'}; abandonment ${percent(r.abandonSimulatedErlangA)}` +
    ` (Erlang A roster) → ${percent(r.abandonSimulated)}, records ${percent(r.abandonObserved)}` +
    ` (${r.days} days × ${r.replications} replications, seed ${r.seed})`
  );
}
