/**
 * One weekday × hour's search for the operators that give the records' abandonment in the
 * simulation: a step at a time from the Erlang A value, never above the agents seen nor below 1,
 * remembering which numbers the simulation has ruled out so that it cannot go back and forth.
 */
export interface OperatorSearch {
  /** The operators now in the roster. */
  operators: number;
  /** The most operators allowed: the agents seen answering in that hour. */
  seen: number;
  /** Fewest operators not ruled out (too few: the model abandoned more than the records). */
  lowest: number;
  /** Most operators not ruled out (too many: the model abandoned less). */
  highest: number;
  /** |z| of each number of operators simulated, the last simulation of it. */
  tried: Record<number, number>;
  /** Numbers of operators simulated, in order. */
  path: number[];
  /** True once the search has stopped for good (within the noise once, bound reached, or bracketed). */
  settled: boolean;
}

/** A new search starting from `operators` (the Erlang A value), at most `seen`. */
export function operatorSearch(operators: number, seen: number): OperatorSearch {
  if (!(Number.isInteger(operators) && Number.isInteger(seen) && operators >= 1 && seen >= 1))
    throw new RangeError(
      `operatorSearch: operators and seen must be integers ≥ 1, got ${operators} and ${seen}`,
    );
  return {
    operators,
    seen: Math.max(seen, operators),
    lowest: 1,
    highest: Math.max(seen, operators),
    tried: {},
    path: [],
    settled: false,
  };
}

/**
 * Record the simulation of `search.operators` — `z` = (simulated − observed abandonment) ÷
 * combined standard error — and return the operators for the next round (the same when nothing
 * moves). Settled: stay. Within `threshold` standard errors: stay, and settle. Beyond: one step towards the
 * records (more operators when the model abandons more), unless the bound is reached, or the
 * step goes back to a number already ruled out from the other side — the records lie between two
 * neighbours — in which case the one of the two with the smaller |z| is kept and the search
 * settles. Mutates `search`. Cost: O(1).
 */
export function stepOperatorSearch(search: OperatorSearch, z: number, threshold: number): number {
  const at = search.operators;
  search.tried[at] = Math.abs(z);
  search.path.push(at);
  if (search.settled) return at;
  // Within the noise once: settled for good. Later rounds' differences at a number that fitted
  // are mostly noise (about 5 % of the hours beyond 2 SE each round), and a move is never taken
  // back, so re-testing fitted hours piles up moves made on noise alone.
  if (!(Math.abs(z) > threshold)) {
    search.settled = true;
    return at;
  }
  const direction = z > 0 ? 1 : -1;
  if (direction > 0) search.lowest = Math.max(search.lowest, at + 1);
  else search.highest = Math.min(search.highest, at - 1);
  const next = at + direction;
  if (next < 1 || next > search.seen) {
    search.settled = true;
    return at;
  }
  if (search.lowest > search.highest) {
    search.settled = true;
    const other = search.tried[next];
    search.operators = other !== undefined && other < Math.abs(z) ? next : at;
    return search.operators;
  }
  search.operators = next;
  return next;
}
