import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisFixture, redisAvailable, startRedis } from './redis-fixture.js';

// Ctrl-C on a command given --redis, against a real Redis server with no worker on its
// database: the jobs wait there until the signal, then the command removes them and says so.
const root = new URL('../..', import.meta.url).pathname;
const bin = fileURLToPath(new URL('../../bin/switchboard.js', import.meta.url));
const baseline = join(root, 'scenarios/baseline.yaml');

describe.skipIf(!redisAvailable)('Ctrl-C on a --redis command', () => {
  let redis: RedisFixture;
  let url: string;

  beforeAll(async () => {
    redis = await startRedis();
    url = redis.url(6);
  });

  afterAll(async () => {
    await redis?.stop();
  });

  const jobKeys = async (): Promise<string[]> => {
    const { Redis } = await import('ioredis');
    const client = new Redis(url);
    try {
      // A job is the hash bull:switchboard:<run uuid>-<k>; BullMQ's bookkeeping is not.
      const keys = await client.keys('bull:switchboard:*');
      return keys.filter((k) => /^bull:switchboard:[0-9a-f]{8}-[0-9a-f-]+-\d+$/.test(k));
    } finally {
      client.disconnect();
    }
  };

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal}: the command removes its queued jobs, says so, and exits ${code}`, async () => {
      const child = spawn(
        process.execPath,
        [bin, 'simulate', baseline, '--days', '1', '--replications', '12', '--redis', url],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      // 'close', not 'exit': the process may exit before its last stderr chunk has been read here.
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      // Wait until its 12 jobs are in Redis (~1 s; the bound only turns a hang into a clear
      // failure before the test's own time-out).
      const until = Date.now() + 240_000;
      let queued: string[] = [];
      while (queued.length < 12 && Date.now() < until && child.exitCode === null) {
        await new Promise((r) => setTimeout(r, 200));
        queued = await jobKeys();
      }
      expect(queued).toHaveLength(12);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(err).toMatch(
        new RegExp(
          `switchboard: interrupted \\(${signal}\\): removed 12 job\\(s\\) of this run from redis://[^ ]+ \\(queue switchboard\\); 0 of 12 replications were done`,
        ),
      );
      expect(await jobKeys()).toEqual([]);
    });
  }
});
