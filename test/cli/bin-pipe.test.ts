import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/switchboard.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('bin/switchboard.js behind a pipe', () => {
  it('stops quietly when the reader closes the pipe early (`… --json | head`)', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'simulate', 'scenarios/baseline.yaml', '--days', '2', '--replications', '2', '--json'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    // Read the first chunk, then close our end, as `head -c 100` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});
