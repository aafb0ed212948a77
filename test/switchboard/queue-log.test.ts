import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const root = new URL('../..', import.meta.url).pathname;

// Format: Asterisk native queue_log, `epoch|callid|queue|agent|EVENT|data1|data2|data3`
// (Asterisk documentation, "Queue Logs"). The counts must match the run's own measures.
describe('simulate --queue-log', () => {
  it('writes every simulated queue event of replication 1, consistent with its counts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-ql-')), 'queue_log');
    const io = bufferIo(root);
    const code = await main(
      [
        'simulate',
        'scenarios/baseline.yaml',
        '--days',
        '1',
        '--replications',
        '1',
        '--json',
        '--queue-log',
        file,
      ],
      io,
    );
    expect(code).toBe(0);
    const summary = JSON.parse(io.out);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const count = (event: string) => lines.filter((l) => l.split('|')[4] === event).length;
    for (const line of lines)
      expect(line).toMatch(
        /^\d{10}\|\d{10}\.\d+\|[\w-]+\|(NONE|Agent\/[\w-]+)\|[A-Z]+\|[^|]*\|[^|]*\|[^|]*$/,
      );
    // 2026-03-02 00:00 Europe/Paris is 2026-03-01T23:00:00Z = 1772406000.
    expect(Number(lines[0]!.split('|')[0])).toBeGreaterThanOrEqual(1772406000);
    const queue = summary.byQueue[0];
    expect(count('ENTERQUEUE')).toBe(queue.entries.mean);
    expect(count('CONNECT')).toBe(queue.answered.mean);
    expect(count('ABANDON')).toBe(queue.abandoned.mean);
    expect(count('BLINDTRANSFER')).toBe(summary.overall.wildTransfers.mean);
    // Every call is connected or abandoned only after it entered a queue, and time never goes back.
    const entered = new Set<string>();
    let last = 0;
    for (const line of lines) {
      const [epoch, id, , , event] = line.split('|');
      expect(Number(epoch)).toBeGreaterThanOrEqual(last);
      last = Number(epoch);
      if (event === 'ENTERQUEUE') entered.add(id!);
      if (event === 'CONNECT' || event === 'ABANDON') expect(entered.has(id!)).toBe(true);
    }
  });
});
