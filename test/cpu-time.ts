// The measure of "bounded" for tests that guard against hangs and runaway work: the CPU time
// this process spends, not the wall-clock time. Wall-clock time stretches with the machine's
// load (a case of 0.4 s took 15 s on a fresh clone at load 16, and the 10 s bound it had
// failed); CPU time counts the work done, by every thread of this process, and vitest runs
// each test file in a process of its own, so only more work raises it. A bound in CPU time is
// still a bound on the machine's speed: set it far (20× or more) above the work's normal cost,
// as a guard, never as a performance target (those are benchmarks/, run on demand).

/** CPU milliseconds (user + system, all threads of this process) since `since`. */
function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Run `work`; return its value and the CPU milliseconds this process spent on it. */
export function withCpuMs<T>(work: () => T): { value: T; cpuMs: number } {
  const since = process.cpuUsage();
  const value = work();
  return { value, cpuMs: cpuMsSince(since) };
}

/** {@link withCpuMs} for asynchronous work: CPU time from the call until it settles. */
export async function withCpuMsAsync<T>(
  work: () => Promise<T>,
): Promise<{ value: T; cpuMs: number }> {
  const since = process.cpuUsage();
  const value = await work();
  return { value, cpuMs: cpuMsSince(since) };
}
