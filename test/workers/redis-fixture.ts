import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * A real Redis server for the worker tests, on 127.0.0.1 only: the one `.ci/run` started
 * (SWITCHBOARD_TEST_REDIS_URL), else Debian's redis-server started here on a free port (and
 * stopped by {@link RedisFixture.stop}), else none — the tests are then skipped with a notice.
 */
export interface RedisFixture {
  /** The server's URL with database `db` (each test file uses its own, so queues never mix). */
  url(db: number): string;
  stop(): Promise<void>;
}

const binary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(
  (path) => spawnSync(path, ['--version'], { timeout: 120_000 }).status === 0,
);

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** True when a server can be had; prints a notice once when not. */
export const redisAvailable = (() => {
  if (process.env.SWITCHBOARD_TEST_REDIS_URL || binary) return true;
  console.warn(
    'notice: no Redis server (set SWITCHBOARD_TEST_REDIS_URL or install redis-server); the worker tests are skipped',
  );
  return false;
})();

/** True when redis-server can be started here (a test needing a server of its own). */
export const redisBinaryAvailable = binary !== undefined;

/** Start (or adopt, unless `own`) the test server. */
export async function startRedis(own = false): Promise<RedisFixture> {
  const given = process.env.SWITCHBOARD_TEST_REDIS_URL;
  if (given && !own) {
    const base = new URL(given);
    return {
      url: (db) =>
        `${base.protocol}//${base.username || base.password ? `${base.username}:${base.password}@` : ''}${base.host}/${db}`,
      stop: async () => {},
    };
  }
  const port = await freePort();
  const server = spawn(
    binary!,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitForLine(server, /Ready to accept connections/, 120_000);
  return {
    url: (db) => `redis://127.0.0.1:${port}/${db}`,
    stop: () => stopProcess(server),
  };
}

/** Resolve once the process prints a line matching `pattern` (stdout or stderr). */
export function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}; saw: ${seen}`)),
      timeoutMs,
    );
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before ${pattern}; saw: ${seen}`));
    });
  });
}

/** Stop a child process (SIGTERM, then SIGKILL after 5 s) and wait for it. */
export function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

const bin = fileURLToPath(new URL('../../bin/switchboard.js', import.meta.url));

/** A running `switchboard worker` process and what it has printed on stderr so far. */
export interface WorkerProcess {
  child: ChildProcess;
  log: () => string;
  /**
   * Resolves once the worker's log matches `pattern`. A line the worker writes reaches this
   * process through a pipe, some time after the event it reports (a job refused in Redis) is
   * visible to other clients: a test waits for it rather than reading the log at once. Rejects
   * when the worker exits first; otherwise the test's own timeout bounds the wait.
   */
  logMatches: (pattern: RegExp) => Promise<void>;
}

/** A `switchboard worker` process on `url`, once it says it takes jobs; its log kept in `log()`. */
export async function startWorker(url: string, extra: string[] = []): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    [bin, 'worker', '--redis', url, '--lock-seconds', '2', ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const waiting = new Set<() => void>();
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    for (const check of waiting) check();
  });
  const logMatches = (pattern: RegExp): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (!pattern.test(log)) return;
        waiting.delete(check);
        child.off('exit', exited);
        resolve();
      };
      const exited = (code: number | null) => {
        waiting.delete(check);
        reject(new Error(`the worker exited (${code}) before its log matched ${pattern}: ${log}`));
      };
      waiting.add(check);
      child.once('exit', exited);
      check();
    });
  await waitForLine(child, /taking jobs from/, 120_000);
  return { child, log: () => log, logMatches };
}
