import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { auditFiles, defaultAuditOptions } from '../../src/audit/index.js';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { writeQueueLog } from '../../src/switchboard/queue-log.js';
import { runReplication } from '../../src/switchboard/run-replication.js';
import { meanSd, roundTripDocument, type Truth } from './roundtrip-helpers.js';

// Issue 7's round trip, part 2 — the consultant's three commands: `simulate --queue-log`
// (standing in for a client's records), `audit --out`, then `simulate` of the scenario.yaml the
// audit wrote. That file must load with the model's parser, and simulating it must reproduce
// the audited KPIs. KPIs are compared like with like: each replication of the calibrated
// scenario is itself written as a queue_log and audited with the same definitions.
// Truths: exponential patience; lognormal patience of CV 1 (whose abandonment came out 4.8 SE
// off while the scenario wrote an exponential patience); opening hours 08:00–18:00.
const dir = mkdtempSync(join(tmpdir(), 'sb-roundtrip-cal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAYS = 21;
const REPLICATIONS = 8;
const base: Omit<Truth, 'patience'> = {
  callsPerDay: 1800,
  operators: 4,
  handleMean: 150,
  handleCv: 0.6,
  transferProbability: 0.3,
  bouncedBack: 0.2,
  redialProbability: 0.5,
  redialDelayMean: 600,
};
const truths: { label: string; truth: Truth; patienceKind: string; kpis: boolean }[] = [
  {
    label: 'exponential',
    truth: { ...base, patience: { distribution: 'exponential', mean: 120 } },
    patienceKind: 'exponential',
    kpis: true,
  },
  {
    label: 'lognormal',
    truth: { ...base, patience: { distribution: 'lognormal', mean: 120, cv: 1 } },
    patienceKind: 'empirical',
    kpis: true,
  },
  {
    // Opening hours (only the closed-calls check: the KPIs are covered above).
    label: 'exponential, open 08:00–18:00,',
    truth: {
      ...base,
      callsPerDay: 900,
      operators: 5,
      open: [8, 18],
      patience: { distribution: 'exponential', mean: 120 },
    },
    patienceKind: 'exponential',
    kpis: false,
  },
];

describe.each(truths)(
  'round trip with $label patience: audit → scenario.yaml → simulate',
  async ({ label, truth, patienceKind, kpis }) => {
    const source = join(dir, `${label.split(' ')[0]}-${truth.open ? 'open' : 'all'}-truth.json`);
    writeFileSync(source, JSON.stringify(roundTripDocument(truth)));
    const stem = `${label.split(/[ ,]/)[0]}-${truth.open ? 'open' : 'all'}`;
    const records = join(dir, `${stem}.queue_log`);
    const out = join(dir, `${stem}-audit`);
    const root = new URL('../..', import.meta.url).pathname;
    const simulate = await main(
      ['simulate', source, '--days', String(DAYS), '--replications', '1', '--queue-log', records],
      bufferIo(root),
    );
    const auditIo = bufferIo(root);
    const audited = await main(['audit', records, '--json', '--out', out], auditIo);
    const report = JSON.parse(auditIo.out);

    it('runs the first two commands and writes a scenario.yaml the model parser loads', () => {
      expect(simulate).toBe(0);
      expect(audited).toBe(0);
      const scenario = loadScenario(join(out, 'scenario.yaml'));
      expect(scenario.reasons.map((r) => r.name)).toEqual(['switchboard']);
      expect(scenario.queues.map((q) => q.name)).toEqual(['switchboard']);
      expect(scenario.transfers.mode).toBe('wild');
      expect(scenario.reasons[0]!.transfer.services.length).toBe(1);
      expect(scenario.reasons[0]!.redials.probability).toBeGreaterThan(0);
      // Exponential patience stays exponential; a lognormal one (KM far from exp(−t/m)) is
      // written from the Kaplan–Meier curve.
      expect(scenario.reasons[0]!.patience.kind).toBe(patienceKind);
    });

    it.runIf(kpis)(
      'simulating the calibrated scenario gives the audited abandonment and service level',
      async () => {
        const scenario = loadScenario(join(out, 'scenario.yaml'));
        const abandon: number[] = [];
        const level: number[] = [];
        for (let index = 0; index < REPLICATIONS; index++) {
          const file = join(dir, `${stem}-calibrated-${index}.queue_log`);
          writeQueueLog(scenario, file, { days: DAYS, seed: 'calibrated', index });
          const { report: r } = await auditFiles([file], defaultAuditOptions);
          abandon.push(r.abandonRate.all!);
          level.push(r.serviceLevel.ofAnswered!);
        }
        // The audited KPI X0 is one run of the true switchboard; the replications X_i are runs of
        // the calibrated one. X0 − mean(X_i) has variance σ²(1 + 1/R) from the two runs' noise,
        // plus the error of the calibrated parameters propagated to the KPI, which are estimated
        // from the same records, so of the order of σ² again: SE = s·√(2 + 1/R), s the SD between
        // replications; 4 SE, with a t-quantile floor for R − 1 = 7 degrees of freedom (t ≈ 5.4 at
        // the 99.99 % level), gives the band.
        const t = 5.4;
        for (const [name, xs, x0] of [
          ['abandonment', abandon, report.abandonRate.all],
          ['service level', level, report.serviceLevel.ofAnswered],
        ] as const) {
          const { mean, sd } = meanSd(xs);
          const se = sd * Math.sqrt(2 + 1 / REPLICATIONS);
          expect(Math.abs(x0 - mean), name).toBeLessThan(t * se);
        }
      },
    );

    it.runIf(truth.open)(
      'opens when the records show arrivals: only redials meet a closed switchboard',
      () => {
        // The source refuses as `closed` only redials that fall after closing time (a late abandon
        // redialling after 18:00). The calibrated scenario must open exactly the hours where calls
        // arrived (not the hours an operator was seen answering), so with redials switched off
        // none of its calls is refused, as none of the source's is.
        const document = parse(readFileSync(join(out, 'scenario.yaml'), 'utf8'));
        const [from, to] = truth.open!;
        const hours = `${String(from).padStart(2, '0')}:00-${to}:00`;
        for (const ranges of Object.values(document.calendar.openingHours))
          expect(ranges).toEqual([hours]);
        document.redials.probability = 0;
        const calibrated = runReplication(parseScenario(document), {
          days: 7,
          seed: 'closed',
          index: 0,
        });
        expect(calibrated.overall.offered).toBeGreaterThan(0);
        expect(calibrated.overall.closed).toBe(0);
      },
    );
  },
);
