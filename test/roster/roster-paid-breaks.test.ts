import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { mmcmDocument } from './roster-builders.js';

// A roster's paid hours include its paid breaks; the scenario it writes staffs the queue with
// the operators on the phones. Its cost in simulate and compare must be the roster's own: a
// review found `compare` of the baseline's roster priced 521.5 h where the roster paid 546 h
// (49 paid half-hour breaks), a weekly saving 784 EUR too large (QA G-roster-cost).
describe('roster --out: the written scenario costs what the roster costs', () => {
  it('simulate of a week of it counts the roster’s paid hours, breaks included, at its price', async () => {
    const document: Record<string, unknown> = {
      ...mmcmDocument({ callsPerDay: 800, ahtSeconds: 150, patienceSeconds: 240 }),
      costs: { currency: 'EUR', operatorHour: 30 },
      // Easily met, so that two quick rounds settle and the roster is written.
      targets: { serviceLevel: 0.5, threshold: '20s' },
    };
    (document.shifts as Record<string, unknown>).main = [
      {
        name: 'day',
        starts: ['08:00'],
        length: '10h',
        breaks: [{ length: '30m', between: '12:00-14:00' }],
      },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'roster-breaks-'));
    writeFileSync(join(dir, 'scenario.yaml'), stringify(document));
    const io = bufferIo(dir);
    const quick = ['--days', '1', '--replications', '2', '--iterations', '2'];
    expect(
      await main(['roster', 'scenario.yaml', ...quick, '--json', '--out', 'out'], io),
      io.err,
    ).toBe(0);
    const result = JSON.parse(io.out);
    const breaks = result.shifts
      .filter((s: { template: string }) => s.template === 'day')
      .reduce((n: number, s: { count: number; days: string[] }) => n + s.count * s.days.length, 0);
    expect(breaks).toBeGreaterThan(0);
    const written = loadScenario(join(dir, 'out', 'scenario.yaml'));
    expect(written.costs.paidBreakHours).toBe(breaks * 0.5);
    const sim = bufferIo(dir);
    const argv = ['simulate', 'out/scenario.yaml', '--days', '7', '--replications', '1', '--json'];
    expect(await main(argv, sim), sim.err).toBe(0);
    const cost = JSON.parse(sim.out).cost;
    expect(cost.operatorHours.mean).toBeCloseTo(result.operatorHours, 9);
    expect(cost.operatorCost.mean).toBeCloseTo(result.cost, 6);
    expect(result.currency).toBe('EUR');
  });
});
