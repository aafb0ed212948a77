import type { CapacityChange } from '../engine/resource.js';
import type { DistributionSpec } from '../random/distribution-spec.js';

/** Arrivals whose rate changes by interval (calls per second in each interval). */
export interface PiecewiseArrivals {
  ratesPerSecond: number[];
  intervalSeconds: number;
  /** Repeat the profile after its last interval. */
  cyclic?: boolean;
}

/**
 * A generic multi-server queue, G/G/N+G/K, as plain data (so it can be sent to worker threads
 * and written in files): Poisson arrivals (constant or piecewise-constant rate), N servers
 * (optionally following a roster), any service-time distribution, optional patience
 * (reneging), optional capacity K (servers + waiting places; arrivals finding K in the system
 * are blocked). M/M/N is Erlang C, M/M/N+M Erlang A, M/M/N/N Erlang B, M/M/N/K finite lines.
 *
 * Times are in seconds. Statistics cover arrivals in the observation window
 * [warmupSeconds, warmupSeconds + horizonSeconds); time averages cover the same window.
 */
export interface QueueModel {
  /** Calls per second (Poisson), or a piecewise-constant profile measured from time 0. */
  arrivals: number | PiecewiseArrivals;
  /** Servers at time 0 (and throughout unless `roster` is given). */
  servers: number;
  /** Capacity changes over time (absolute seconds), repeated every `rosterCycleSeconds` if set. */
  roster?: CapacityChange[];
  rosterCycleSeconds?: number;
  /** Service-time distribution spec (e.g. `{ distribution: 'exponential', mean: 180 }`). */
  service: DistributionSpec;
  /** Patience distribution spec; null or absent: callers never abandon. */
  patience?: DistributionSpec | null;
  /** Greatest number in the system (servers + waiting); null or absent: unlimited. */
  capacity?: number | null;
  /** Warm-up deleted before statistics start. */
  warmupSeconds: number;
  /** Observation window after warm-up. */
  horizonSeconds: number;
  /** Thresholds T (seconds) of "answered within T", counted exactly. */
  thresholdsSeconds?: number[];
  /**
   * After the window, stop arrivals and keep running until every caller of the window still
   * waiting is answered or abandons, so each has an outcome (default true). When false, the run
   * ends with the window and callers still waiting are counted in `inQueueAtEnd`.
   */
  drain?: boolean;
}

/** The raw outcome of one replication of a {@link QueueModel}. */
export interface QueueReplication {
  /** Arrivals in the window. */
  offered: number;
  /** Of them: answered (including those still in service at the end). */
  answered: number;
  /** Hung up while waiting. */
  abandoned: number;
  /** Found the system full (capacity K). */
  blocked: number;
  /** Had to wait (found every server busy and a place in the line). */
  queued: number;
  /** Still waiting when the run ended (0 when drained). */
  inQueueAtEnd: number;
  /** For each threshold: answered with a wait ≤ T (exact). */
  answeredWithin: number[];
  /** Sum of the waits of answered calls (seconds). */
  answeredWaitSeconds: number;
  /** Sum of the times in queue of all offered calls, abandoners until they hung up. */
  queueTimeSeconds: number;
  /** Time-average number waiting over the window. */
  meanQueueLength: number;
  /** Time-average number of busy servers over the window. */
  meanBusyServers: number;
  /** Busy time / capacity time over the window. */
  occupancy: number;
  /** Wait percentiles of answered calls (p50, p80, p90, p95, p99), from the histogram. */
  answeredWaitPercentiles: number[];
  /** Events executed by the kernel. */
  events: number;
}

/** The percentiles reported in {@link QueueReplication.answeredWaitPercentiles}. */
export const WAIT_PERCENTILES = [0.5, 0.8, 0.9, 0.95, 0.99] as const;
