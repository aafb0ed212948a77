import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles, defaultAuditOptions } from '../../src/audit/index.js';
import { calibrationToScenario } from '../../src/audit/scenario-writer.js';
import { bestDifference, ServiceOrder } from '../../src/audit/service-order.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { writeQueueLog } from '../../src/switchboard/queue-log.js';
import { sharedData } from '../shared-data.js';

// Priorities between routes read from the order in which the records served calls that waited
// together (src/audit/service-order.ts).

describe('bestDifference', () => {
  it('takes the credit difference that agrees with the most pairs, ties to the smallest', () => {
    // A answered while B waited, rank differences (A entered later by 10…80 s): all three
    // agree with any d ≥ 80. B answered while A waited: −20 agrees with d ≤ 20, 100 with
    // d ≤ −100. d = 80 agrees with 3 of 5; d = 20 only with 10 and −20.
    expect(bestDifference([10, 40, 80], [-20, 100])).toEqual({ difference: 80, concordance: 0.6 });
    // No pairs at all: 0.
    expect(bestDifference([], []).difference).toBe(0);
    // Strict FIFO (each answered call entered first): 0 agrees with all.
    expect(bestDifference([-5, -30], [-1, -60])).toEqual({ difference: 0, concordance: 1 });
  });
});

const dir = mkdtempSync(join(tmpdir(), 'sb-service-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('service order of a simulated switchboard with a known credit', () => {
  // The truth: one pooled team (order: oldest) over two routes; route B's callers are given a
  // 60 s queue credit. Written as a queue_log by the model, audited: the audit must read the
  // 60 s back from the order of service alone, and write it into the scenario.
  const truth = parseScenario({
    name: 'credit truth',
    arrivals: {
      callsPerDay: 2200,
      intradayProfile: { default: { '00:00': 1 } },
    },
    reasons: {
      A: {
        share: 0.7,
        handleTime: { distribution: 'exponential', mean: '150s' },
        patience: { distribution: 'exponential', mean: '300s' },
        queue: 'A',
      },
      B: {
        share: 0.3,
        handleTime: { distribution: 'exponential', mean: '150s' },
        patience: { distribution: 'exponential', mean: '300s' },
        queue: 'B',
        queueCredit: '60s',
      },
    },
    queues: {
      A: {
        operators: { default: [{ from: '00:00', to: '24:00', operators: 4 }] },
        order: 'oldest',
      },
      B: {},
    },
  });
  it('finds B 60 s ahead of A (within 5 s) and writes it as B’s queue credit', async () => {
    const file = join(dir, 'credit.queue_log');
    writeQueueLog(truth, file, { days: 14, seed: 'service-order' });
    const { calibration } = await auditFiles([file], defaultAuditOptions);
    const b = calibration.queues.find((q) => q.name === 'B')!;
    const a = calibration.queues.find((q) => q.name === 'A')!;
    expect(a.serviceOrderOffsetSeconds).toBe(0);
    expect(Math.abs(b.serviceOrderOffsetSeconds - 60)).toBeLessThanOrEqual(5);
    const pair = calibration.serviceOrder.pairs.find((p) => p.a === 'A' && p.b === 'B')!;
    expect(pair.aAnswered).toBeGreaterThan(100);
    expect(pair.bAnswered).toBeGreaterThan(100);
    // Written into the scenario as B's queue credit (A, the lowest, gets none).
    const reasons = calibrationToScenario(calibration).reasons as Record<
      string,
      { queueCredit?: string }
    >;
    expect(reasons.A!.queueCredit).toBeUndefined();
    expect(reasons.B!.queueCredit).toBe(`${b.serviceOrderOffsetSeconds}s`);
  });
});

// The Anonymous Bank's documentation (../shared/data/forecast/SOURCES.md): priority customers
// (priority 2) were given 1.5 minutes of queue credit. Read from the raw file here (csv-parse),
// the same estimate, fed the priority classes as routes and no credit, must find those 90 s.
const bank = sharedData('forecast/anonymous-bank-1999-calls.csv');
describe.skipIf(!bank)('service order of the Anonymous Bank records', () => {
  it('recovers the documented 90 s credit of priority customers from the order of service', () => {
    const rows = parse(readFileSync(bank!, 'utf8'), { columns: true }) as Record<string, string>[];
    const order = new ServiceOrder();
    const clock = (t: string) => t.split(':').reduce((s, x) => s * 60 + Number(x), 0);
    for (const r of rows) {
      if (r.outcome === 'PHANTOM') continue;
      const d = r.date!;
      const day =
        Date.UTC(1900 + Number(d.slice(0, 2)), Number(d.slice(2, 4)) - 1, Number(d.slice(4))) /
        1000;
      let start = clock(r.q_start!);
      if (start < clock(r.vru_entry!) - 43_200) start += 86_400;
      const queued = Number(r.q_time) > 0;
      const cls = `${r.type}${r.priority === '2' ? '*' : ''}`;
      order.add(
        day + (queued ? start : clock(r.vru_exit!)),
        queued ? Number(r.q_time) : 0,
        cls,
        r.outcome === 'AGENT' ? r.server! : '',
        0,
      );
    }
    const { pairs } = order.estimate(['PS', 'PS*', 'NE', 'NE*', 'NW']);
    const difference = (a: string, b: string) =>
      pairs.find((p) => p.a === a && p.b === b)!.creditDifferenceSeconds;
    // Documented: 90 s. The records' clock has 1-s steps.
    expect(Math.abs(difference('PS', 'PS*') + 90)).toBeLessThanOrEqual(3);
    expect(Math.abs(difference('NE', 'NE*') + 90)).toBeLessThanOrEqual(3);
  });
});
