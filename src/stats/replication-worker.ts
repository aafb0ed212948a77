import { parentPort, workerData } from 'node:worker_threads';

/**
 * The worker-thread side of {@link runReplications}. The task and its input arrive once, as
 * `workerData` (`{ moduleUrl, exportName, prepareExportName?, input }`); the module is imported
 * and the input prepared (when the task names a prepare export) once per worker. Each job
 * message `{ seed, index }` runs the exported function on the prepared input and posts
 * `{ index, result }` back (or `{ index, error }`).
 */
interface Setup {
  moduleUrl: string;
  exportName: string;
  prepareExportName?: string;
  input: unknown;
}

interface Job {
  seed: string;
  index: number;
}

type ReplicationFunction = (input: unknown, seed: string, index: number) => unknown;

function exported(module: Record<string, unknown>, url: string, name: string): unknown {
  const candidate = module[name];
  if (typeof candidate !== 'function') {
    throw new TypeError(`replication worker: ${url} has no function ${name}`);
  }
  return candidate;
}

async function load(setup: Setup): Promise<{ fn: ReplicationFunction; input: unknown }> {
  const module = (await import(setup.moduleUrl)) as Record<string, unknown>;
  const fn = exported(module, setup.moduleUrl, setup.exportName) as ReplicationFunction;
  if (setup.prepareExportName === undefined) return { fn, input: setup.input };
  const prepare = exported(module, setup.moduleUrl, setup.prepareExportName);
  return { fn, input: (prepare as (input: unknown) => unknown)(setup.input) };
}

let loaded: Promise<{ fn: ReplicationFunction; input: unknown }> | undefined;

parentPort?.on('message', async (job: Job) => {
  try {
    loaded ??= load(workerData as Setup);
    const { fn, input } = await loaded;
    parentPort?.postMessage({ index: job.index, result: fn(input, job.seed, job.index) });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    parentPort?.postMessage({ index: job.index, error: message });
  }
});
