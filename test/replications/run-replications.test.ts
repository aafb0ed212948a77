import { describe, expect, it } from 'vitest';
import { compiledModuleUrl } from '../../src/replications/compiled-module-url.js';
import { runReplications } from '../../src/replications/run-replications.js';

// A tiny task module written for the test (plain JS, so worker threads can load it).
const task = {
  moduleUrl: new URL('./fixtures/draw-task.js', import.meta.url),
  exportName: 'draw',
};

describe('runReplications', () => {
  it('returns results in replication order, identical on 1 and 2 threads', async () => {
    const one = await runReplications<number, unknown>({
      task,
      input: 3,
      replications: 5,
      seed: 9,
    });
    const done: number[] = [];
    const two = await runReplications<number, unknown>({
      task,
      input: 3,
      replications: 5,
      seed: 9,
      threads: 2,
      onProgress: (d) => done.push(d),
    });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect((one[4] as { seed: string }).seed).toBe('9#4');
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });

  it('reports a failing replication, on 1 or 2 threads', async () => {
    const failing = {
      moduleUrl: new URL('./fixtures/failing-task.js', import.meta.url),
      exportName: 'failOnOne',
    };
    for (const threads of [1, 2]) {
      await expect(
        runReplications({ task: failing, input: 0, replications: 3, seed: 1, threads }),
      ).rejects.toThrow(/replication one is broken/);
    }
  });

  it('prepares the input once per thread, and runs in this thread when given a function', async () => {
    const prepared = {
      moduleUrl: new URL('./fixtures/prepared-task.js', import.meta.url),
      exportName: 'replicate',
      prepareExportName: 'prepare',
    };
    const options = { task: prepared, input: { values: [1, 2, 3] }, replications: 6, seed: 4 };
    type Prepared = { seed: string; total: number; prepares: number; threadId: number };
    const one = await runReplications<unknown, Prepared>(options);
    const three = await runReplications<unknown, Prepared>({ ...options, threads: 3 });
    const seeds = (rs: Prepared[]) => rs.map((r) => [r.seed, r.total]);
    expect(seeds(three)).toEqual(seeds(one));
    // This thread and two workers share them (this thread may take all of such short ones
    // before the workers start); each thread prepared once in this run (this thread's module
    // counted the first run too).
    for (const r of three) expect(r.prepares).toBe(r.threadId === 0 ? 2 : 1);
    const local = await runReplications<unknown, unknown>({
      ...options,
      inThread: (seed, index) => ({ seed, index, local: true }),
    });
    expect(local[5]).toEqual({ seed: '4#5', index: 5, local: true });
  });

  it('refuses zero replications and absurd thread counts', async () => {
    await expect(runReplications({ task, input: 0, replications: 0, seed: 1 })).rejects.toThrow(
      /replications must be/,
    );
    await expect(
      runReplications({ task, input: 0, replications: 2, seed: 1, threads: 10_000 }),
    ).rejects.toThrow(/threads must be/);
  });

  it('maps a module under src/ to its compiled twin under dist/', () => {
    const url = compiledModuleUrl(
      './replication-worker.js',
      new URL('../../src/replications/x.ts', import.meta.url).href,
    );
    expect(url.pathname.endsWith('/dist/replications/replication-worker.js')).toBe(true);
  });
});
