/**
 * Verdicts on a small switchboard: a variant that changes nothing, or next to nothing, must never
 * be called better or worse, however small the counts (the starter scenario's interpreter callers
 * abandon a few times a week; a count that moves by one in a few replications is not a finding).
 * This runs the simulator on scenarios/small-hospital.yaml with a few days and replications, so
 * common random numbers make many paired differences exactly 0 and the others tiny.
 */

import { dirname } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../fast-check-seed.js';
import { loadScenario, readScenarioDocument } from '../../src/scenario/load-scenario.js';
import { mergePatch } from '../../src/scenario/merge-patch.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { Scenario } from '../../src/scenario/scenario-types.js';
import { type Comparison, compareScenarios } from '../../src/switchboard/compare-scenarios.js';
import { readFileSync } from 'node:fs';

const file = new URL('../../scenarios/small-hospital.yaml', import.meta.url).pathname;
const { variants: _variants, ...document } = readScenarioDocument(readFileSync(file, 'utf8'), file);
const base = loadScenario(file);
const variantOf = (patch: unknown): Scenario =>
  parseScenario(mergePatch(document, patch), { baseDir: dirname(file) });

/** Every verdict of a comparison, overall, per reason and per caller group, with its name. */
function verdicts(comparison: Comparison): string[] {
  return [
    ...comparison.measures,
    ...comparison.byReason.flatMap((r) =>
      r.measures.map((m) => ({ ...m, name: `${r.reason} ${m.name}` })),
    ),
    ...(comparison.byGroup ?? []).flatMap((g) =>
      g.measures.map((m) => ({ ...m, name: `${g.group} ${m.name}` })),
    ),
  ].map((m) => `${m.name}: ${m.verdict}`);
}

const findings = (list: string[]) => list.filter((v) => /: (better|worse|higher|lower)$/.test(v));

describe('verdicts on a small scenario', () => {
  it('a variant that changes nothing the model reads is equivalent on every measure', async () => {
    const variant = variantOf({ description: 'the same switchboard, described again' });
    const report = await compareScenarios(base, [variant], { days: 3, replications: 4, seed: 7 });
    for (const v of verdicts(report.comparisons[0]!)) expect(v).toMatch(/: equivalent$/);
  });

  it('property: trivially small changes are never better or worse, in any reason or group', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          wrapUpSeconds: fc.double({ min: 4, max: 4.3, noNaN: true }),
          handleFactor: fc.double({ min: 0.997, max: 1.003, noNaN: true }),
          reason: fc.constantFrom(
            'appointments',
            'reachWard',
            'results',
            'information',
            'interpreter',
          ),
          seed: fc.integer({ min: 0, max: 1_000_000 }),
          replications: fc.integer({ min: 4, max: 8 }),
        }),
        async ({ wrapUpSeconds, handleFactor, reason, seed, replications }) => {
          const handleTime = (document.reasons as Record<string, Record<string, unknown>>)[reason]!
            .handleTime as { mean: string };
          const mean = Number.parseFloat(handleTime.mean);
          const variant = variantOf({
            queues: { main: { wrapUp: { distribution: 'deterministic', value: wrapUpSeconds } } },
            reasons: { [reason]: { handleTime: { mean: mean * handleFactor } } },
          });
          const report = await compareScenarios(base, [variant], { days: 7, replications, seed });
          expect(findings(verdicts(report.comparisons[0]!))).toEqual([]);
        },
      ),
      {
        numRuns: 5,
        // Found by this property before the margins and the family's adjustment: with 1 % of the
        // base as the count margin overall.abandoned came out "better", and with the 0.5 pt
        // share margin alone results callers' first-contact resolution did (+1.6 pt [0.9, 2.2]
        // from appointments' handling 0.3 % shorter: chance, over ~150 measures).
        examples: [
          [
            {
              wrapUpSeconds: 4,
              handleFactor: 0.997,
              reason: 'appointments',
              seed: 0,
              replications: 5,
            },
          ],
        ],
      },
    );
  });

  it('the margins can still find a real change on the same small scenario', async () => {
    // Control: a fifth of the operators gone at the 8:30 peak is a finding, not "equivalent".
    const variant = variantOf({
      queues: {
        main: {
          operators: {
            default: [
              { hours: '00:00-07:30', operators: 1 },
              { hours: '07:30-19:00', operators: 2 },
              { hours: '19:00-24:00', operators: 1 },
            ],
          },
        },
      },
    });
    const report = await compareScenarios(base, [variant], { days: 3, replications: 4, seed: 7 });
    const list = verdicts(report.comparisons[0]!);
    expect(list).toContain('overall.serviceLevel: worse');
    expect(list).toContain('overall.abandoned: worse');
  });
});
