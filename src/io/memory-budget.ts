import { getHeapStatistics } from 'node:v8';

/**
 * Heap bytes the process may hold per byte of an input file read whole and parsed (a history,
 * a plan, a scenario): measured at about 40 for a history CSV (`forecast --history` of 2.2 MB
 * and 8.6 MB files: 218 MB and 497 MB resident), rounded up for the work after the parse.
 */
export const HEAP_BYTES_PER_INPUT_BYTE = 64;

/**
 * Heap bytes the process may hold per byte of a YAML file (a scenario, a column map): the
 * parser's document tree is heavy — a 1.7 MB scenario of 20,000 reasons outgrew a heap of
 * 112 MB (`--max-old-space-size=64`). 256 keeps the scenario limit at 16 MB with the default heap.
 */
export const HEAP_BYTES_PER_YAML_BYTE = 256;

/**
 * Heap bytes per character of one record line or SQL statement: the line's pieces, the joined
 * line (two bytes a character when it is not Latin-1), and the values and records read from it
 * at once — a one-line INSERT of 80,000 queue_log rows (7.2 million characters) outgrew a heap
 * of 112 MB (`--max-old-space-size=64`).
 */
export const HEAP_BYTES_PER_LINE_CHAR = 64;

/**
 * The heap this process may grow to, in bytes: V8's `heap_size_limit` (about 4 GB by default
 * on 64-bit, set by `--max-old-space-size`).
 */
export function heapLimitBytes(): number {
  return getHeapStatistics().heap_size_limit;
}

/**
 * `limit`, lowered so that `limit × heapBytesPerUnit` fits in the heap: an input bound that a
 * smaller heap (`node --max-old-space-size=64`, a container) cannot hold is reduced to one it
 * can, so an oversized input is refused with a clear message instead of ending the process
 * with "JavaScript heap out of memory". Cost: O(1).
 */
export function heapBound(limit: number, heapBytesPerUnit: number): number {
  return Math.max(1, Math.min(limit, Math.floor(heapLimitBytes() / heapBytesPerUnit)));
}

/** The hint of an error refusing input over a heap-derived bound. */
export const HEAP_HINT =
  'This limit follows the memory Node.js may use: NODE_OPTIONS=--max-old-space-size=MB raises it';
