/**
 * Where a replication function lives: an ES module (its URL) and the name of its export,
 * `(input, seed, index) => result`. Worker threads import it themselves (functions cannot be
 * sent between threads); input and result must be structured-cloneable.
 */
export interface ReplicationTask {
  moduleUrl: string | URL;
  exportName: string;
  /**
   * Optional export `(input) => prepared`, run once per thread and input (e.g. compiling a
   * scenario document that cannot cross threads as objects); the replication function then
   * receives the prepared value instead of the input.
   */
  prepareExportName?: string;
  /**
   * Optional export `() => unknown`: a small, representative run of the task's code, which a
   * thread started ahead of its batch (see `prestartReplicationThreads`) runs while the caller
   * is still setting up, so that the code is compiled by then rather than during the batch.
   * It must not touch anything a replication reads.
   */
  warmUpExportName?: string;
  /**
   * The task's name among those workers on other machines know (see src/workers): a task
   * without one runs only on this machine's threads.
   */
  name?: string;
}

/** One replication of a loaded task: `(seed, index) => result`. */
export type LoadedReplication = (seed: string, index: number) => unknown;

function exported(module: Record<string, unknown>, url: string, name: string): unknown {
  const fn = module[name];
  if (typeof fn !== 'function')
    throw new TypeError(`runReplications: ${url} has no function ${name}`);
  return fn;
}

/**
 * Import a replication task's module into this thread and bind its function to the input,
 * prepared once by the task's prepare export when it names one. Shared by
 * {@link runReplications} (one thread) and its worker threads. Cost: one import and one prepare.
 */
export async function loadReplicationTask(
  task: ReplicationTask,
  input: unknown,
): Promise<LoadedReplication> {
  const url = String(task.moduleUrl);
  const module = (await import(url)) as Record<string, unknown>;
  const fn = exported(module, url, task.exportName) as (
    input: unknown,
    seed: string,
    index: number,
  ) => unknown;
  const prepared =
    task.prepareExportName === undefined
      ? input
      : (exported(module, url, task.prepareExportName) as (input: unknown) => unknown)(input);
  return (seed, index) => fn(prepared, seed, index);
}
