import { parentPort } from 'node:worker_threads';

/**
 * The worker-thread side of {@link runReplications}: receives `{ moduleUrl, exportName, input,
 * seed, index }`, runs the exported function of that module and posts `{ index, result }` back
 * (or `{ index, error }`). Modules are imported once per worker.
 */
interface Job {
  moduleUrl: string;
  exportName: string;
  input: unknown;
  seed: string;
  index: number;
}

type ReplicationFunction = (input: unknown, seed: string, index: number) => unknown;
const loaded = new Map<string, ReplicationFunction>();

async function load(moduleUrl: string, exportName: string): Promise<ReplicationFunction> {
  const key = `${moduleUrl}#${exportName}`;
  let fn = loaded.get(key);
  if (fn === undefined) {
    const module = (await import(moduleUrl)) as Record<string, unknown>;
    const candidate = module[exportName];
    if (typeof candidate !== 'function') {
      throw new TypeError(`replication worker: ${moduleUrl} has no function ${exportName}`);
    }
    fn = candidate as ReplicationFunction;
    loaded.set(key, fn);
  }
  return fn;
}

parentPort?.on('message', async (job: Job) => {
  try {
    const fn = await load(job.moduleUrl, job.exportName);
    parentPort?.postMessage({ index: job.index, result: fn(job.input, job.seed, job.index) });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    parentPort?.postMessage({ index: job.index, error: message });
  }
});
