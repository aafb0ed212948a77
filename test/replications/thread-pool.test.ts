import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  prestartReplicationThreads,
  runReplicationBatch,
  runReplications,
} from '../../src/replications/run-replications.js';

// A task that says which thread ran each replication; its replication 0 waits until another
// thread has run one, so a worker surely takes part (plain JS, so worker threads load it).
// Which thread takes which replication is a race (a waiting worker may take the first one).
const task = {
  moduleUrl: new URL('./fixtures/thread-task.js', import.meta.url),
  exportName: 'whichThread',
};
type Run = {
  seed: string;
  index: number;
  tag: number;
  threadId: number;
  runs: number;
  warmed: boolean;
};
const input = (tag: number) => ({ tag, shared: new Int32Array(new SharedArrayBuffer(4)) });
const strip = (rs: Run[]) => rs.map(({ seed, index, tag }) => ({ seed, index, tag }));
const workerThreads = (results: Run[]) =>
  new Set(results.filter((r) => r.threadId !== threadId).map((r) => r.threadId));

describe('the replication thread pool', () => {
  it('a thread pre-started with a task imports it and runs its warm-up before the batch', async () => {
    // First in this file: no thread waits yet, so the batch's one worker is the pre-started one.
    prestartReplicationThreads(2, { ...task, warmUpExportName: 'warmUp' });
    const results = await runReplications<unknown, Run>({
      task,
      input: input(7),
      replications: 4,
      seed: 2,
      threads: 2,
    });
    const fromWorker = results.filter((r) => r.threadId !== threadId);
    expect(fromWorker.length).toBeGreaterThan(0);
    for (const r of fromWorker) expect(r.warmed).toBe(true);
    // This thread was not warmed up: warm-ups run only in pre-started threads.
    for (const r of results.filter((r) => r.threadId === threadId)) expect(r.warmed).toBe(false);
  });

  it('keeps its worker threads for the next batch, results unchanged', async () => {
    const options = { task, replications: 6, seed: 3, threads: 2 };
    const first = await runReplications<unknown, Run>({ ...options, input: input(1) });
    const second = await runReplications<unknown, Run>({ ...options, input: input(1) });
    expect(strip(second)).toEqual(strip(first));
    expect(second[5]!.seed).toBe('3#5');
    const a = workerThreads(first);
    expect(a.size).toBe(1);
    // The same thread ran in the second batch, its module still imported: its count went on.
    expect([...workerThreads(second)]).toEqual([...a]);
    const worker = [...a][0]!;
    const runsOf = (rs: Run[]) => rs.filter((r) => r.threadId === worker).map((r) => r.runs);
    expect(Math.min(...runsOf(second))).toBe(Math.max(...runsOf(first)) + 1);
  });

  it('a pre-started thread takes part in the next batch', async () => {
    prestartReplicationThreads(3, task);
    const results = await runReplicationBatch<unknown, Run>({
      task,
      inputs: [input(4), input(5)],
      items: Array.from({ length: 8 }, (_, k) => ({ input: k % 2, index: k >> 1 })),
      seed: 8,
      threads: 3,
    });
    expect(strip(results)).toEqual(
      Array.from({ length: 8 }, (_, k) => ({
        seed: `8#${k >> 1}`,
        index: k >> 1,
        tag: (k % 2) + 4,
      })),
    );
    expect(workerThreads(results).size).toBeGreaterThanOrEqual(1);
  });

  it('ends the threads of a failed batch instead of keeping them', async () => {
    const options = { task, replications: 4, seed: 1, threads: 2 };
    const good = await runReplications<unknown, Run>({ ...options, input: input(0) });
    const failing = {
      moduleUrl: new URL('./fixtures/failing-task.js', import.meta.url),
      exportName: 'failOnOne',
    };
    await expect(
      runReplications({ task: failing, input: 0, replications: 3, seed: 1, threads: 2 }),
    ).rejects.toThrow(/replication one is broken/);
    const after = await runReplications<unknown, Run>({ ...options, input: input(0) });
    expect(workerThreads(after).size).toBe(1);
    for (const id of workerThreads(after)) expect(workerThreads(good).has(id)).toBe(false);
  });
});
