import { createRequire } from 'node:module';
import type seedrandomFunction from 'seedrandom';

// seedrandom's own generator (ARC4) only, loaded as CommonJS: the package's main module loads
// its six other generators too, and importing it as an ES module has Node scan every one of
// those files for their exports. Each worker thread loads this module before its first
// replication; the two cost it ~5 ms of CPU more than this (median of 15 fresh threads each).
const seedrandom = createRequire(import.meta.url)(
  'seedrandom/seedrandom.js',
) as typeof seedrandomFunction;

const BLOCK = 64;

/**
 * A seeded stream of uniform random numbers in [0, 1): the small fast generator sfc32
 * (Chris Doty-Humphrey's "small fast chaotic" generator, PractRand-tested), its 128-bit state
 * derived from `seedrandom` hashing of the seed and the stream's name.
 *
 * Every source of randomness in a model takes its own named stream (`arrivals/appointments`,
 * `handling/results`, `patience`…), so changing one part of a scenario (more operators) leaves
 * the numbers drawn by the other parts unchanged: two scenarios run with the same seed share
 * their random numbers (common random numbers), and their differences are not noise.
 *
 * Cost: a handful of integer operations per draw; no allocation.
 */
export class RandomStream {
  // The state words are kept as signed 32-bit integers (small integers to V8: no heap number
  // per draw; `| 0` keeps the bits of `>>> 0`, and every step works modulo 2³²).
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  // Numbers are made BLOCK at a time: a draw is then a load from this array, small enough
  // for V8 to inline at each of the models' draws (which keeps the numbers they pass on
  // unboxed), and the generator's steps run in one tight loop.
  private readonly block = new Uint32Array(BLOCK);
  private used = BLOCK;

  /** A stream for `name` under `seed`. The same pair always gives the same numbers. */
  constructor(seed: number | string, name: string) {
    const hash = seedrandom(`switchboard:${String(seed)}:${name}`);
    this.a = hash.int32() | 0;
    this.b = hash.int32() | 0;
    this.c = hash.int32() | 0;
    this.d = hash.int32() | 0 || 1;
    for (let i = 0; i < 12; i++) this.step();
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    if (this.used === BLOCK) this.refill();
    return this.block[this.used++]!;
  }

  private refill(): void {
    const block = this.block;
    for (let i = 0; i < BLOCK; i++) block[i] = this.step();
    this.used = 0;
  }

  /** One step of sfc32: its output (unsigned). */
  private step(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** The next uniform number in [0, 1), with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** The next uniform number in (0, 1): never 0, so `Math.log(u)` is finite. */
  nextOpen(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }
}

/**
 * A family of named streams under one seed, created on first use. Models ask it for
 * `streams.get('arrivals/results')` and keep the stream; the name, not the order of creation,
 * decides the numbers.
 */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly seed: number | string) {}

  /** The stream named `name`, created on first use. */
  get(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (stream === undefined) {
      stream = new RandomStream(this.seed, name);
      this.streams.set(name, stream);
    }
    return stream;
  }
}

/**
 * The seed of replication `index` of a run seeded with `seed`: replications are independent
 * and the same whatever the number of worker threads that run them.
 */
export function replicationSeed(seed: number | string, index: number): string {
  return `${String(seed)}#${index}`;
}
