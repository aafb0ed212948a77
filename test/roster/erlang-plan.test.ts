import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { erlangRequirement } from '../../src/roster/erlang-requirement.js';
import { queueLoads } from '../../src/roster/queue-load.js';
import { halfHour, mmcmScenario } from './roster-builders.js';

describe('the Erlang plan of a single-queue M/M/c+M scenario', () => {
  it('equals `switchboard staff --plan --patience` interval by interval (same load, same targets)', async () => {
    const scenario = mmcmScenario({ callsPerDay: 1800, ahtSeconds: 150, patienceSeconds: 240 });
    const [load] = queueLoads(scenario, 7);
    const targets = { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05 };
    const plan = erlangRequirement(load!, 30, targets);
    // The load file a planner would write from the same scenario: Monday's calls per interval.
    const lines = ['interval_start,calls,aht_seconds'];
    for (let k = 16; k < 36; k++) lines.push(`2026-01-05T${halfHour(k)},${load!.calls[k]},150`);
    const dir = mkdtempSync(join(tmpdir(), 'roster-plan-'));
    writeFileSync(join(dir, 'load.csv'), `${lines.join('\n')}\n`);
    const io = bufferIo(dir);
    const code = await main(
      [
        'staff',
        '--plan',
        'load.csv',
        '--patience',
        '240s',
        '--service-level',
        '0.8',
        '--threshold',
        '20s',
        '--max-abandon',
        '0.05',
        '--json',
      ],
      io,
    );
    expect(code, io.err).toBe(0);
    const staff = JSON.parse(io.out) as { rows: { evaluation: { agents: number } | null }[] };
    expect(staff.rows).toHaveLength(20);
    const fromStaff = staff.rows.map((r) => r.evaluation?.agents ?? 0);
    expect(Array.from(plan.slice(16, 36))).toEqual(fromStaff);
    // Closed hours need nobody; every weekday of this scenario is the same.
    expect(plan.slice(0, 16).every((n) => n === 0)).toBe(true);
    expect(Array.from(plan.slice(48 + 16, 48 + 36))).toEqual(fromStaff);
    expect(Math.max(...fromStaff)).toBeGreaterThan(3);
  });
});
