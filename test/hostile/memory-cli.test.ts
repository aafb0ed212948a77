import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 15: a hostile input is refused with a clear message and exit 2 — not by the runtime
// killing the process. The in-process tests cannot show that (their heap is vitest's, 4 GB), so
// here the built command runs with a heap of 64 MB (`--max-old-space-size=64`, V8's
// heap_size_limit then ≈ 112 MB), fed inputs several times larger than what that heap can read.
// The crash they replace: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap
// out of memory" (signal 6, exit 134), seen before the limits followed the heap.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'switchboard.js');
// The built command (`npm test` builds it first); without dist/ these checks are skipped, saying so.
const built = existsSync(join(root, 'dist', 'cli', 'main.js'));
if (!built) console.warn('memory-cli: dist/ not built (npm run build): heap-limit checks skipped');
const dir = mkdtempSync(join(tmpdir(), 'hostile-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Run the built command with a 64 MB heap, in `dir`. A hang guard stops it after 240 s (a run
 * takes ~1 s; spawnSync blocks this process, so vitest's own time-out could not fire).
 */
function run(args: string[]) {
  const result = spawnSync(process.execPath, ['--max-old-space-size=64', bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { code: result.status, signal: result.signal, err: result.stderr, out: result.stdout };
}

/** One clear message and exit 2: no heap report, no stack trace. */
function expectRefused(result: ReturnType<typeof run>, ...words: string[]) {
  expect(result.err).not.toMatch(/heap out of memory|FATAL ERROR/);
  expect(result.signal, result.err).toBe(null);
  expect(result.code, result.err).toBe(2);
  expect(result.err).toMatch(/^switchboard: /);
  expect(result.err.trim().split('\n')).toHaveLength(1);
  expect(result.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  for (const word of words) expect(result.err).toContain(word);
}

/** Write `head` then `megabytes` MB of `fill` (repeated) to a file in `dir`. */
function bigFile(name: string, head: string, fill: string, megabytes: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    const block = Buffer.from(fill.repeat(Math.ceil((1 << 20) / fill.length)).slice(0, 1 << 20));
    for (let i = 0; i < megabytes; i++) writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
  return path;
}

describe.skipIf(!built)(
  'with a 64 MB heap, oversized input ends in a clear error, not an out-of-memory crash',
  () => {
    it('audit: a record line of 16 MB without a line break (the limit is named, with the line)', () => {
      bigFile(
        'long-line.log',
        '1704700800|c1|main|NONE|ENTERQUEUE||0611111111|1\n1704700830|c1|main|NONE|ABANDON|1|1|30\n',
        'x',
        16,
      );
      expectRefused(
        run(['audit', 'long-line.log']),
        'long-line.log',
        'line 3',
        'expected a line of at most',
        '--max-old-space-size',
      );
    });

    it('audit: an SQL INSERT left open for 8 MB of lines (the statement is bounded too)', () => {
      bigFile(
        'open.sql',
        "INSERT INTO `queue_log` VALUES (1,'2024-01-08 10:00:00','s1','main','NONE','ENTERQUEUE','','0611111111','1','','');\nINSERT INTO `queue_log` VALUES (2,'2024-01-08 10:01:00\n",
        'a line inside the open quote\n',
        8,
      );
      expectRefused(
        run(['audit', 'open.sql']),
        'open.sql',
        'line 2',
        'an INSERT statement of at most',
      );
    });

    it('forecast --history: a 4 MB history (read whole) is refused before it is read', () => {
      const rows = Array.from(
        { length: 1000 },
        (_, i) => `${new Date(Date.UTC(2020, 0, 1) + i * 900_000).toISOString().slice(0, 16)},3\n`,
      ).join('');
      bigFile('history.csv', 'interval_start,calls\n', rows, 4);
      expectRefused(
        run(['forecast', '--history', 'history.csv', '--horizon', '1d']),
        '--history',
        'over the limit of',
        '--max-old-space-size',
      );
    });

    it('simulate: a 2 MB scenario (YAML parses to many times its size) is refused', () => {
      let text =
        "name: big\narrivals: { callsPerDay: 100, intradayProfile: { default: { '00:00': 1 } } }\nreasons:\n";
      for (let i = 0; text.length < 2 << 20; i++)
        text += `  r${i}: { share: 1, handleTime: { distribution: exponential, mean: 60 }, queue: q }\n`;
      writeFileSync(join(dir, 'big.yaml'), text);
      expectRefused(
        run(['simulate', 'big.yaml', '--days', '1', '--replications', '1']),
        'scenario',
        'over the limit of',
      );
    });

    it('audit streams a 3 MB queue_log (over the whole-file limit) in the same heap', () => {
      // Streamed record files are not bounded by the heap: 30,000 calls of distinct callers
      // (1.6× the bytes forecast may read whole here) are audited to the end.
      const lines: string[] = [];
      for (let i = 0; i < 30_000; i++) {
        const t = 1_704_700_800 + 10 * i;
        lines.push(`${t}|c${i}|main|NONE|ENTERQUEUE||06${10_000_000 + i}|1`);
        lines.push(`${t + 5}|c${i}|main|NONE|ABANDON|1|1|5`);
      }
      writeFileSync(join(dir, 'many.log'), `${lines.join('\n')}\n`);
      const result = run(['audit', 'many.log', '--json']);
      expect(result.err).not.toMatch(/heap out of memory|FATAL ERROR/);
      expect(result.code, result.err).toBe(0);
      expect(JSON.parse(result.out).calls.offered).toBe(30_000);
    });
  },
);
