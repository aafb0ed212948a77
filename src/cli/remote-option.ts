import { inputError } from '../errors.js';
import type { RemoteReplications } from '../replications/run-replications.js';
import type { CliIo } from './io.js';
import { positiveInteger } from './run-flags.js';

/** `--redis URL`: run the replications on workers (see `switchboard worker`). */
export const REDIS_OPTION = {
  type: 'string',
  describe:
    'Run the replications on `switchboard worker` processes through this Redis server (redis:// or rediss://); same results as here',
} as const;

/** `--timeout SECONDS`, with `--redis`. */
export const TIMEOUT_OPTION = {
  type: 'number',
  describe: 'With --redis: give up after this many seconds without a worker listening (60)',
} as const;

/** Replications on workers, open until closed. */
export type OpenRemote = RemoteReplications & {
  interrupt(signal: 'SIGINT' | 'SIGTERM'): boolean;
  close(): Promise<void>;
};

/**
 * With `--redis`: check the URL and the server and connect (one clear line and exit 2 when
 * either is wrong, before any work); otherwise undefined. Loads BullMQ only then. The caller
 * closes what it gets.
 */
export async function openRemote(
  args: Record<string, unknown>,
  io: CliIo,
): Promise<OpenRemote | undefined> {
  if (args.redis === undefined) {
    if (args.timeout !== undefined)
      throw inputError('--timeout', 'to be used with --redis', args.timeout);
    return undefined;
  }
  const timeoutSeconds =
    args.timeout === undefined ? 60 : positiveInteger(args.timeout, '--timeout', 86_400);
  const { connectRedisReplications } = await import('../workers/redis-replications.js');
  return connectRedisReplications({
    url: args.redis as string,
    timeoutSeconds,
    onNotice: (line) => io.stderr(`${line}\n`),
  });
}

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Run `body` with the remote (if any) open, and close it after, whatever happens. While it is
 * open, Ctrl-C (SIGINT) or SIGTERM stops the running batch of jobs, which removes its jobs
 * from Redis and says so (the command then exits 130 or 143); a second signal, or one with no
 * batch running, ends the process at once, as without this handler.
 */
export async function withRemote<T>(
  args: Record<string, unknown>,
  io: CliIo,
  body: (remote: OpenRemote | undefined) => Promise<T>,
): Promise<T> {
  const remote = await openRemote(args, io);
  if (remote === undefined) return body(remote);
  let signalled = false;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (!signalled && remote.interrupt(signal)) {
      signalled = true;
      io.stderr(
        `${signal === 'SIGINT' ? 'Ctrl-C' : signal}: removing this run's jobs from Redis…\n`,
      );
    } else process.exit(SIGNAL_EXIT[signal]);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await body(remote);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await remote.close();
  }
}
