import type { QueueModel, QueueReplication } from './queue-model.js';
import { simulateQueue } from './simulate-queue.js';

/**
 * The replication task {@link runReplications} runs on worker threads for a queue model:
 * one replication of `model` seeded `seed`. A module of its own so workers load only the queue.
 */
export function replicateQueue(model: QueueModel, seed: string, _index: number): QueueReplication {
  return simulateQueue(model, seed);
}

/**
 * The queue task's warm-up (see `ReplicationTask.warmUpExportName`): a small M/M/3+M queue
 * (exponential service and patience, the Erlang A model `staff --simulate` checks), about
 * 8,600 callers, so that a thread started ahead of its batch has the queue model compiled.
 * Cost: a few milliseconds, plus the compilation it triggers.
 */
export function warmUpQueue(): number {
  return simulateQueue(
    {
      arrivals: 0.1,
      servers: 3,
      service: { distribution: 'exponential', mean: 25 },
      patience: { distribution: 'exponential', mean: 90 },
      warmupSeconds: 0,
      horizonSeconds: 86_400,
      thresholdsSeconds: [20],
    },
    'warm-up',
  ).offered;
}
