import type { QueueModel, QueueReplication } from './queue-model.js';
import { simulateQueue } from './simulate-queue.js';

/**
 * The replication task {@link runReplications} runs on worker threads for a queue model:
 * one replication of `model` seeded `seed`. A module of its own so workers load only the queue.
 */
export function replicateQueue(model: QueueModel, seed: string, _index: number): QueueReplication {
  return simulateQueue(model, seed);
}
