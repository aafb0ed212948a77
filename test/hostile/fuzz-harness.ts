import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** What one command line did: exit code, streams, wall time. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
  ms: number;
}

/**
 * A scratch directory for a fuzz file (removed after its tests): `file` writes a case into it,
 * `run` runs the command line there in this process.
 */
export function fuzzHarness(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let count = 0;
  return {
    dir,
    file(text: string, ext = 'txt'): string {
      const path = join(dir, `f${++count}.${ext}`);
      writeFileSync(path, text);
      return path;
    },
    async run(argv: string[]): Promise<CliResult> {
      const io = bufferIo(dir);
      const started = Date.now();
      const code = await main(argv, io);
      return { code, out: io.out, err: io.err, ms: Date.now() - started };
    },
  };
}

/** Exit 0, or exit 2 with one `switchboard:` message, no stack trace; within `ms`. */
export function expectHandled(result: CliResult, ms = 20_000) {
  expect([0, 2], result.err).toContain(result.code);
  expect(result.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(result.err).not.toContain('--verbose for details');
  if (result.code === 2) expect(result.err).toMatch(/switchboard: /);
  expect(result.ms).toBeLessThan(ms);
}
