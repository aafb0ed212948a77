/**
 * The staffing calculator: Erlang B (with retries), Erlang C, Erlang A, finite lines and Erlang A
 * on finite lines, their solvers for operators and for traffic, shrinkage, and multi-interval
 * plans. Not the library's API (`src/index.ts` is) and not imported by the program: the one
 * import of this folder's tests.
 */

export * from './erlang-a.js';
export * from './erlang-a-lines.js';
export * from './erlang-b.js';
export * from './erlang-c.js';
export * from './erlang-c-measures.js';
export * from './evaluate-staffing.js';
export * from './extended-erlang-b.js';
export * from './finite-lines.js';
export * from './meets-targets.js';
export * from './plan-staffing.js';
export * from './positions-after-shrinkage.js';
export type { QueueMeasures } from './queue-measures.js';
export * from './read-load-csv.js';
export * from './solve-agents.js';
export * from './solve-traffic.js';
export * from './staffing-question.js';
