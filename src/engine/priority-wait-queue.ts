import { FifoQueue } from './fifo-queue.js';

/**
 * A waiting line with a few priority levels (0 is served first, as in the simulator), FIFO
 * within a level, with O(1) cancellation: one {@link FifoQueue} per level. `dequeue` costs
 * O(levels), which for the handful of levels of a switchboard is a constant.
 *
 * Tickets encode the level: `position * levels + level`.
 */
export class PriorityWaitQueue {
  private readonly lines: FifoQueue[] = [];
  private live = 0;

  constructor(
    readonly levels: number,
    initialCapacity = 64,
  ) {
    if (!Number.isInteger(levels) || levels < 1 || levels > 256) {
      throw new RangeError(`PriorityWaitQueue: levels must be an integer in 1..256, got ${levels}`);
    }
    for (let i = 0; i < levels; i++) this.lines.push(new FifoQueue(initialCapacity));
  }

  /** Items waiting at every level. */
  get length(): number {
    return this.live;
  }

  /** Items waiting at `level`. */
  lengthAt(level: number): number {
    return this.lines[level]?.length ?? 0;
  }

  /** Add `item` at `level` (0 = served first); returns its ticket. */
  enqueue(item: number, level: number): number {
    const line = this.lines[level];
    if (line === undefined) {
      throw new RangeError(
        `PriorityWaitQueue.enqueue: level must be in 0..${this.levels - 1}, got ${level}`,
      );
    }
    this.live++;
    return line.enqueue(item) * this.levels + level;
  }

  /** Remove the place of `ticket`; false when already served or cancelled. O(1). */
  cancel(ticket: number): boolean {
    const level = ticket % this.levels;
    const line = this.lines[level];
    if (line === undefined || !line.cancel((ticket - level) / this.levels)) return false;
    this.live--;
    return true;
  }

  /** Remove and return the first item of the most urgent non-empty level, or -1. */
  dequeue(): number {
    if (this.live === 0) return -1;
    for (let i = 0; i < this.levels; i++) {
      const line = this.lines[i]!;
      if (line.length > 0) {
        this.live--;
        return line.dequeue();
      }
    }
    return -1;
  }
}
