/**
 * A first-in-first-out waiting line of integer items (entity indices) with O(1) cancellation:
 * `enqueue` returns a ticket; `cancel(ticket)` marks that place empty (a caller reneging) and
 * `dequeue` skips empty places. A ring buffer over typed arrays that doubles when full: no
 * allocation per operation once it has grown to the model's working size.
 *
 * Tickets are absolute positions in the line (they only grow), so a stale ticket — already
 * served or cancelled — is recognised and `cancel` returns false.
 */
export class FifoQueue {
  private items: Int32Array;
  private dead: Uint8Array;
  private mask: number;
  private head = 0; // absolute position of the first place (maybe dead)
  private tail = 0; // absolute position after the last place
  private live = 0;

  constructor(initialCapacity = 64) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.items = new Int32Array(capacity);
    this.dead = new Uint8Array(capacity);
    this.mask = capacity - 1;
  }

  /** Items waiting (cancelled places not counted). */
  get length(): number {
    return this.live;
  }

  /** Add `item` (an integer ≥ 0) at the back; returns its ticket. */
  enqueue(item: number): number {
    if (this.tail - this.head > this.mask) this.grow();
    const position = this.tail++;
    const at = position & this.mask;
    this.items[at] = item;
    this.dead[at] = 0;
    this.live++;
    return position;
  }

  /** Remove the place of `ticket`. False when it was already served or cancelled. O(1). */
  cancel(ticket: number): boolean {
    if (ticket < this.head || ticket >= this.tail) return false;
    const at = ticket & this.mask;
    if (this.dead[at] === 1) return false;
    this.dead[at] = 1;
    this.live--;
    if (this.live === 0) this.head = this.tail;
    return true;
  }

  /** Remove and return the front item, or -1 when the line is empty. */
  dequeue(): number {
    if (this.live === 0) return -1;
    this.skipDead();
    const at = this.head & this.mask;
    this.head++;
    this.live--;
    return this.items[at]!;
  }

  /** The front item without removing it, or -1 when empty. */
  peek(): number {
    if (this.live === 0) return -1;
    this.skipDead();
    return this.items[this.head & this.mask]!;
  }

  /** The ticket of the front item, or -1 when empty. */
  peekTicket(): number {
    if (this.live === 0) return -1;
    this.skipDead();
    return this.head;
  }

  private skipDead(): void {
    while (this.dead[this.head & this.mask] === 1) this.head++;
  }

  private grow(): void {
    const size = this.items.length;
    const items = new Int32Array(size * 2);
    const dead = new Uint8Array(size * 2);
    const mask = size * 2 - 1;
    for (let p = this.head; p < this.tail; p++) {
      items[p & mask] = this.items[p & this.mask]!;
      dead[p & mask] = this.dead[p & this.mask]!;
    }
    this.items = items;
    this.dead = dead;
    this.mask = mask;
  }
}
