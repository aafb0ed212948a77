import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenarioReplications } from '../../src/switchboard/simulate-scenario.js';
import { connectRedisReplications } from '../../src/workers/redis-replications.js';
import {
  freePort,
  type RedisFixture,
  redisAvailable,
  redisBinaryAvailable,
  startRedis,
  startWorker,
  stopProcess,
  type WorkerProcess,
} from './redis-fixture.js';

// Two real `switchboard worker` processes on a real Redis server (Debian's redis-server, on
// 127.0.0.1): what they compute must be what this machine computes, byte for byte.
const root = new URL('../..', import.meta.url).pathname;
const baseline = join(root, 'scenarios/baseline.yaml');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo(root);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe.skipIf(!redisAvailable)('replications on workers through Redis', () => {
  let redis: RedisFixture;
  let url: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    url = redis.url(1);
    workers.push(...(await Promise.all([startWorker(url), startWorker(url)])));
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => stopProcess(w.child)));
    await redis?.stop();
  });

  it('simulate --redis prints exactly what the local run prints for the same seed', async () => {
    const args = ['simulate', baseline, '--days', '2', '--replications', '4', '--seed', '11'];
    const local = await run([...args, '--json']);
    const remote = await run([...args, '--json', '--redis', url]);
    expect(remote.err).toBe('');
    expect(remote.code).toBe(0);
    expect(remote.out).toBe(local.out);
    expect(JSON.parse(remote.out).replications).toBe(4);
    // Both workers took jobs: the replications really ran in the two processes.
    // (Each prints nothing per job; the queue is empty again afterwards.)
  });

  it('simulate --redis of a scenario whose arrivals come from a forecast file: the same output', async () => {
    // The forecast CSV as `switchboard forecast` writes it (docs/forecast.md); workers get the
    // arrivals read from it with the document, never the file's path.
    const dir = mkdtempSync(join(tmpdir(), 'sb-redis-fc-'));
    writeFileSync(
      join(dir, 'forecast.csv'),
      'interval_start,reason,forecast,lower,upper\n2026-03-02T08:00:00+01:00,results,60,45,75\n2026-03-03T09:30:00+01:00,results,50.5,37,64\n',
    );
    writeFileSync(
      join(dir, 'scenario.yaml'),
      `name: from a forecast
arrivals: { forecast: forecast.csv }
reasons:
  results: { handleTime: { distribution: exponential, mean: 30s }, patience: { distribution: exponential, mean: 2m }, queue: main }
queues:
  main: { operators: { default: [{ from: '00:00', to: '24:00', operators: 2 }] } }
`,
    );
    const args = ['simulate', join(dir, 'scenario.yaml'), '--days', '2', '--replications', '4'];
    const local = await run([...args, '--json']);
    const remote = await run([...args, '--json', '--redis', url]);
    expect(remote.err).toBe('');
    expect(remote.code).toBe(0);
    expect(remote.out).toBe(local.out);
  });

  it('simulate --redis of a scenario whose intraday profile is a CSV file: the same output', async () => {
    // scenarios/small-hospital.yaml reads small-hospital-profile.csv: jobs carry its weights.
    const args = ['simulate', join(root, 'scenarios/small-hospital.yaml'), '--days', '1'];
    const local = await run([...args, '--replications', '3', '--json']);
    const remote = await run([...args, '--replications', '3', '--json', '--redis', url]);
    expect(remote.err).toBe('');
    expect(remote.code).toBe(0);
    expect(remote.out).toBe(local.out);
  });

  it('compare --redis: the same paired report as the local run', async () => {
    const args = ['compare', baseline, '--days', '1', '--replications', '3'];
    const local = await run(args);
    const remote = await run([...args, '--redis', url]);
    expect(remote.code).toBe(0);
    expect(remote.out).toBe(local.out);
  });

  it('sweep --redis: every combination present, the same table as on local threads', async () => {
    const args = [
      'sweep',
      baseline,
      '--vary',
      'transfers.mode=wild,warm',
      '--vary',
      'lines=40,60',
      '--days',
      '1',
      '--replications',
      '2',
      '--json',
    ];
    const local = await run(args);
    const remote = await run([...args, '--redis', url]);
    expect(remote.code).toBe(0);
    expect(remote.out).toBe(local.out);
    const labels = JSON.parse(remote.out).variants.map((v: { label: string }) => v.label);
    expect(labels.sort()).toEqual([
      'transfers.mode=warm, lines=40',
      'transfers.mode=warm, lines=60',
      'transfers.mode=wild, lines=40',
      'transfers.mode=wild, lines=60',
    ]);
  });

  it('roster --redis: the same roster as on local threads', async () => {
    const args = [
      'roster',
      baseline,
      '--days',
      '1',
      '--replications',
      '2',
      '--iterations',
      '2',
      '--json',
    ];
    const local = await run(args);
    const remote = await run([...args, '--redis', url]);
    expect(local.code).toBe(0);
    expect(remote.code).toBe(0);
    expect(remote.out).toBe(local.out);
  });

  it('a worker killed mid-run: its job is run again elsewhere and the results are the same', async () => {
    const scenario = loadScenario(baseline);
    const options = { days: 2, replications: 6, seed: 5, threads: 1 };
    const local = await runScenarioReplications(scenario, options);
    const remote = await connectRedisReplications({ url, timeoutSeconds: 60 });
    const victim = workers[0]!;
    let killed = false;
    try {
      const results = await runScenarioReplications(scenario, {
        ...options,
        remote,
        onProgress: (done) => {
          // Once work is flowing, both workers hold a job: kill one without warning.
          if (done >= 1 && !killed) {
            killed = true;
            victim.child.kill('SIGKILL');
          }
        },
      });
      expect(killed).toBe(true);
      expect(JSON.stringify(results)).toBe(JSON.stringify(local));
    } finally {
      await remote.close();
    }
    workers[0] = await startWorker(url);
  });

  it('a worker of another version refuses the job, and the command says so', async () => {
    const scenario = loadScenario(baseline);
    const remote = await connectRedisReplications({
      url,
      timeoutSeconds: 30,
      version: '0.0.0-elsewhere',
    });
    try {
      await expect(
        runScenarioReplications(scenario, {
          days: 1,
          replications: 1,
          seed: 1,
          threads: 1,
          remote,
        }),
      ).rejects.toThrow(
        /version mismatch: this worker runs switchboard \S+, the job was sent by switchboard 0\.0\.0-elsewhere/,
      );
    } finally {
      await remote.close();
    }
    // One of the two workers refused it; its log line arrives through a pipe, possibly after the
    // command has seen the job fail in Redis: wait for it (no wall-clock bound but the test's).
    await Promise.any(workers.map((w) => w.logMatches(/refused job .*version mismatch/)));
  });

  it('leaves no job behind once the results are gathered', async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis(url);
    try {
      const keys = await client.keys('bull:switchboard:*');
      // Only BullMQ's own bookkeeping remains: no job hash (bull:switchboard:<id>).
      const jobs = keys.filter((k) => /^bull:switchboard:[0-9a-f]{8}-/.test(k));
      expect(jobs).toEqual([]);
    } finally {
      client.disconnect();
    }
  });
});

describe('--redis: bad input, before any work', () => {
  it('a URL that is not redis:// names the flag and exits 2', async () => {
    const r = await run(['simulate', baseline, '--redis', 'http://127.0.0.1:6379']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^switchboard: --redis: expected a redis:\/\/ or rediss:\/\/ URL/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('an unreachable server names the flag and the reason, exit 2', async () => {
    const port = await freePort();
    const r = await run(['simulate', baseline, '--redis', `redis://127.0.0.1:${port}`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--redis: expected a reachable Redis server, received .*ECONNREFUSED/);
  });

  it('--timeout without --redis, and a worker without --redis, are refused', async () => {
    expect((await run(['simulate', baseline, '--timeout', '5'])).code).toBe(2);
    const w = await run(['worker']);
    expect(w.code).toBe(2);
    expect(w.err).toMatch(/--redis: expected the URL/);
  });

  // A server of its own, which asks for no password (as Debian's redis-server by default).
  it.skipIf(!redisBinaryAvailable)(
    'a password given to a server that asks for none: one note, not ioredis warnings',
    async () => {
      const redis = await startRedis(true);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      try {
        const url = redis.url(3).replace('redis://', 'redis://:not-needed@');
        // No worker listens: the run gives up after 1 s (exit 1), its note printed once.
        const r = await run([
          'simulate',
          baseline,
          '--days',
          '1',
          '--redis',
          url,
          '--timeout',
          '1',
        ]);
        expect(
          r.err.match(/^note: .*asks for no password; the one in --redis is not sent$/gm),
        ).toHaveLength(1);
        expect(r.err).not.toMatch(/not-needed/);
        expect(r.err).toMatch(/no switchboard worker listened/);
        expect(r.code).toBe(1);
        // ioredis says it with console.warn, once per connection, when the password is sent.
        expect(warn.mock.calls.flat().join('\n')).not.toMatch(/password/);
      } finally {
        warn.mockRestore();
        await redis.stop();
      }
    },
  );

  // A server of its own: the password set here must reach no other test.
  it.skipIf(!redisBinaryAvailable)(
    'a password the server refuses: exit 2, password not shown',
    async () => {
      const redis = await startRedis(true);
      try {
        const { Redis } = await import('ioredis');
        const url = redis.url(2);
        const admin = new Redis(url);
        await admin.config('SET', 'requirepass', 'right-one');
        admin.disconnect();
        try {
          const bad = url.replace('redis://', 'redis://:wrong-one@');
          const r = await run(['simulate', baseline, '--redis', bad]);
          expect(r.code).toBe(2);
          expect(r.err).toMatch(/--redis: expected a user and password this Redis server accepts/);
          expect(r.err).not.toMatch(/wrong-one/);
        } finally {
          const reset = new Redis(url.replace('redis://', 'redis://:right-one@'));
          await reset.config('SET', 'requirepass', '');
          reset.disconnect();
        }
      } finally {
        await redis.stop();
      }
    },
    30_000,
  );
});
