import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { withCpuMsAsync } from '../cpu-time.js';

/** What one command line did: exit code, streams, CPU time (test/cpu-time.ts). */
export interface CliResult {
  code: number;
  out: string;
  err: string;
  cpuMs: number;
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
      const { value: code, cpuMs } = await withCpuMsAsync(() => main(argv, io));
      return { code, out: io.out, err: io.err, cpuMs };
    },
  };
}

/**
 * Exit 0, or exit 2 with one `switchboard:` message, no stack trace; within `cpuMs` of CPU time
 * (a guard against runaway work that the machine's load cannot trip: test/cpu-time.ts).
 */
export function expectHandled(result: CliResult, cpuMs = 20_000) {
  expect([0, 2], result.err).toContain(result.code);
  expect(result.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(result.err).not.toContain('--verbose for details');
  if (result.code === 2) expect(result.err).toMatch(/switchboard: /);
  expect(result.cpuMs).toBeLessThan(cpuMs);
}
