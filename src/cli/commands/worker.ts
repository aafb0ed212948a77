import { inputError } from '../../errors.js';
import type { CommandModule } from '../command.js';
import { positiveInteger } from '../run-flags.js';

/** `switchboard worker --redis URL`: run replication jobs for commands given `--redis`. */
export const workerCommand: CommandModule = {
  builder: (y) =>
    y
      .option('redis', {
        type: 'string',
        describe: 'The Redis server (redis://[user:password@]host:port[/db] or rediss://…)',
      })
      .option('concurrency', {
        type: 'number',
        default: 1,
        describe: 'Jobs run at once, each on a thread of its own (up to the cores)',
      })
      .option('lock-seconds', {
        type: 'number',
        default: 30,
        describe:
          'How long a job of a worker gone silent (killed) stays claimed before another worker runs it again',
      }),
  run: async (args, io) => {
    if (args.redis === undefined)
      throw inputError('--redis', 'the URL of the Redis server to take jobs from', undefined);
    const concurrency = positiveInteger(args.concurrency, '--concurrency', 256);
    const lockSeconds = positiveInteger(
      args.lockSeconds ?? args['lock-seconds'],
      '--lock-seconds',
      3600,
    );
    const { runWorker } = await import('../../workers/run-worker.js');
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await runWorker({
        url: args.redis as string,
        concurrency,
        lockSeconds,
        log: (line) => io.stderr(`${line}\n`),
        signal: stop.signal,
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    return 0;
  },
};
