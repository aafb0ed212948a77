import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showControlCharacters } from '../../src/io/control-characters.js';
import { expectHandled, fuzzHarness } from './fuzz-harness.js';
import {
  BREAK_KINDS,
  BREAKS,
  changeDraw,
  compiles,
  extremeScenario,
  KNOWN_CASCADES,
  scenarioText,
  shippedScenarios,
} from './scenario-extremes.js';

// Issue 15: every bad input gets one clear error naming where it is. A valid extreme scenario
// (scenario-extremes.ts: the shipped files with hostile names and values at their bounds, as
// fuzz-valid-scenarios.test.ts runs them) is broken in exactly one place, chosen among common
// mistakes (a value out of its documented range, a misspelt distribution, an unknown queue, an
// unknown field): simulate must exit 2 with ONE problem, naming that path (names shown as the
// terminal shows them). Seeded by test/fast-check-seed.ts.

const { dir, file, run } = fuzzHarness('hostile-mistake');
copyFileSync('scenarios/small-hospital-profile.csv', join(dir, 'small-hospital-profile.csv'));
const BASES = shippedScenarios();

describe('a valid extreme scenario broken in exactly one place', () => {
  it('gives one error naming that path (exit 2)', async () => {
    const count = { generated: 0, checked: 0 };
    const cascades = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(1),
        fc.array(changeDraw, { maxLength: 2 }),
        fc.constantFrom(...BREAK_KINDS),
        fc.nat(1000),
        async (b, changes, kind, n) => {
          count.generated++;
          const doc = extremeScenario(BASES[b]!, changes);
          // Only a file the tool accepts can be broken in exactly one place.
          fc.pre(compiles(doc, dir));
          const at = BREAKS[kind]!(doc, n);
          fc.pre(at !== undefined);
          count.checked++;
          const path = file(scenarioText(doc, n % 2 === 0), 'yaml');
          const result = await run(['simulate', path, '--days', '1', '--replications', '1']);
          expectHandled(result);
          expect(result.code, `${kind}: ${result.err}`).toBe(2);
          const first = result.err.replace(/^(switchboard: .*): \d+ problems\n {2}/, '$1: ');
          const named = `switchboard: ${path}: ${showControlCharacters(at!)}: expected `;
          expect(first.startsWith(named), `${kind} at ${at!}: ${result.err.slice(0, 600)}`).toBe(
            true,
          );
          if (KNOWN_CASCADES.has(kind)) cascades.add(kind);
          else expect(result.err, `${kind}: one problem`).toBe(first);
        },
      ),
      { numRuns: 40 },
    );
    console.log(
      `broken in one place: ${count.checked} of ${count.generated} generated checked; more than one error (known): ${[...cascades].join(', ') || 'none met'}`,
    );
    expect(count.checked).toBeGreaterThanOrEqual(30);
  });
});
