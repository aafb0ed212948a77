/**
 * Verdicts with practical margins, and the measure catalogue they read. The rule is the
 * equivalence-testing reading of a confidence interval (Schuirmann 1987; Lakens 2017): a change
 * is a finding only when the whole interval lies beyond the margin.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catalogueKeys,
  measureDefinition,
  unitRange,
} from '../../src/measures/measure-catalogue.js';
import {
  defaultMargin,
  marginAmount,
  marginOf,
  readMargin,
  verdictOf,
} from '../../src/measures/verdict.js';
import { measureEstimate } from '../../src/stats/confidence-interval.js';
import {
  compareReasons,
  compareResults,
  comparedMeasures,
  comparedReasonMeasures,
} from '../../src/switchboard/compare-scenarios.js';
import type { ReplicationResult } from '../../src/switchboard/tallies.js';

const est = (mean: number, lo: number, hi: number) => ({
  mean,
  ci95: [lo, hi] as [number, number],
});

describe('verdictOf', () => {
  it('the issue’s "attempts per need 0.00 [0.00, 0.00] worse" is equivalent within 0.01', () => {
    const margin = marginAmount(defaultMargin('ratio'), 1.2);
    expect(verdictOf(est(0.0016, 0.0009, 0.0023), 'lower', margin)).toBe('equivalent');
    // Without a margin the same interval is a (useless) finding.
    expect(verdictOf(est(0.0016, 0.0009, 0.0023), 'lower', 0)).toBe('worse');
  });
  it('better / worse only beyond the margin, in the measure’s direction', () => {
    expect(verdictOf(est(0.02, 0.011, 0.03), 'higher', 0.005)).toBe('better');
    expect(verdictOf(est(0.02, 0.011, 0.03), 'lower', 0.005)).toBe('worse');
    expect(verdictOf(est(0.02, 0.011, 0.03), 'neither', 0.005)).toBe('higher');
    expect(verdictOf(est(-0.02, -0.03, -0.011), 'neither', 0.005)).toBe('lower');
    // Excludes zero but reaches inside the margin: not worth a verdict either way.
    expect(verdictOf(est(0.006, 0.002, 0.01), 'higher', 0.005)).toBe('no difference detectable');
    expect(verdictOf(est(0, -0.02, 0.02), 'higher', 0.005)).toBe('no difference detectable');
    expect(verdictOf({ mean: 0.1, ci95: [null, null] }, 'higher', 0)).toBe(
      'no difference detectable',
    );
  });
  it('property: an interval that touches [−margin, margin] is never better or worse', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.constantFrom('higher', 'lower', 'neither' as const),
        (lo, width, margin, better) => {
          const hi = lo + width;
          const verdict = verdictOf(est((lo + hi) / 2, lo, hi), better, margin);
          const beyond = lo > margin || hi < -margin;
          expect(['better', 'worse', 'higher', 'lower'].includes(verdict)).toBe(beyond);
        },
      ),
    );
  });
});

/** A replication result with the compared tables filled from `value(name, replication)`. */
function result(value: (name: string) => number, reasons: number): ReplicationResult {
  const table = (prefix: string) =>
    Object.fromEntries(
      comparedMeasures
        .filter((n) => n.startsWith(`${prefix}.`))
        .map((n) => [n.slice(prefix.length + 1), value(n)]),
    );
  return {
    overall: table('overall'),
    needs: table('needs'),
    cost: table('cost'),
    byReason: Array.from({ length: reasons }, (_, r) =>
      Object.fromEntries(comparedReasonMeasures.map((k) => [k, value(`${r}.${k}`)])),
    ),
    byGroup: [],
    byInterval: [],
    byWeekdayInterval: [],
    byQueue: [],
    paths: {},
    events: 0,
  };
}

describe('a variant that changes nothing', () => {
  it('property: never better or worse, overall and per reason, whatever the replications', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 64, maxLength: 64 }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (draws) => {
          const results = draws.map((row) => {
            let i = 0;
            return result(() => row[i++ % row.length]!, 2);
          });
          const measures = [
            ...compareResults(results, results),
            ...compareReasons(['a', 'b'], results, ['a', 'b'], results).flatMap((r) => r.measures),
          ];
          for (const m of measures) {
            expect(['equivalent', 'no difference detectable']).toContain(m.verdict);
            if (results.length > 1) expect(m.verdict).toBe('equivalent');
          }
        },
      ),
    );
  });
});

describe('the measure catalogue', () => {
  it('defines every measure compare reports, overall and per reason (no guessed units)', () => {
    const keys = new Set(catalogueKeys());
    for (const name of [...comparedMeasures, ...comparedReasonMeasures])
      expect(keys.has(name.split('.').pop()!), name).toBe(true);
  });
  it('gives one unit and direction per key, whatever the table', () => {
    expect(measureDefinition('overall.serviceLevel')).toBe(measureDefinition('serviceLevel'));
    expect(measureDefinition('byReason.resolvedRate')).toBe(measureDefinition('resolvedRate'));
    expect(measureDefinition('cost.lostNeeds').unit).toBe('needs');
    expect(measureDefinition('cost.lostNeedCost').unit).toBe('currency');
    expect(measureDefinition('overall.answered').better).toBe('neither');
    expect(measureDefinition('overall.offered').better).toBe('neither');
  });
  it('margins: user overrides by full name, then key, then the unit’s default', () => {
    const overrides = new Map([
      ['cost.total', { relative: 0.02 }],
      ['serviceLevel', { absolute: 0.01 }],
    ]);
    expect(marginOf('cost.total', overrides)).toEqual({ relative: 0.02 });
    expect(marginOf('cost.perDay', overrides)).toEqual({ relative: 0.01 });
    expect(marginOf('overall.serviceLevel', overrides)).toEqual({ absolute: 0.01 });
    expect(marginOf('overall.asaSeconds', overrides)).toEqual({ absolute: 1 });
    expect(readMargin('2%')).toEqual({ relative: 0.02 });
    expect(readMargin(0.01)).toEqual({ absolute: 0.01 });
    expect(readMargin('0.5')).toEqual({ absolute: 0.5 });
    expect(readMargin(-1)).toBeUndefined();
    expect(readMargin('lots')).toBeUndefined();
  });
});

describe('intervals that can exist', () => {
  it('property: a share’s interval stays in [0, 1] and a count’s above 0, the mean unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 5 }),
        (values) => {
          const share = measureEstimate(values, unitRange('share'));
          const plain = measureEstimate(values);
          expect(share.mean).toBe(plain.mean);
          expect(share.ci95[0]!).toBeGreaterThanOrEqual(0);
          expect(share.ci95[1]!).toBeLessThanOrEqual(1);
          const count = measureEstimate(
            values.map((v) => v * 3),
            unitRange('calls'),
          );
          expect(count.ci95[0]!).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
  it('two replications at 50 % and 100 %: the Student-t interval [−243 %, 393 %] is cut to [0, 1]', () => {
    // Two replications at 0.5 and 1.0: Student-t with 1 degree of freedom, t = 12.706.
    const e = measureEstimate([0.5, 1], unitRange('share'));
    expect(e.ci95[1]).toBe(1);
    expect(e.ci95[0]).toBe(0);
  });
});
