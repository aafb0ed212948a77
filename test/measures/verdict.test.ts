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
  familyVerdicts,
  marginAmount,
  marginOf,
  readMargin,
  verdictOf,
} from '../../src/measures/verdict.js';
import { measureEstimate } from '../../src/stats/confidence-interval.js';
import { pBeyondMargin } from '../../src/stats/paired-t-test.js';
import { comparedMeasures, comparedReasonMeasures } from '../../src/measures/compared-measures.js';
import { compareReasons, compareResults } from '../../src/switchboard/compare-scenarios.js';
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
    // Excludes zero but reaches inside the margin: a difference is seen, whether it matters is
    // not settled — not called "no difference" (QA G-verdict-label).
    expect(verdictOf(est(0.006, 0.002, 0.01), 'higher', 0.005)).toBe('not settled');
    expect(verdictOf(est(-0.006, -0.01, -0.002), 'neither', 0.005)).toBe('not settled');
    // Holds zero: no difference detectable.
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
          // "No difference detectable" is said only of an interval that holds zero.
          if (verdict === 'no difference detectable') expect(lo <= 0 && hi >= 0).toBe(true);
          if (verdict === 'not settled') expect(lo > 0 || hi < 0).toBe(true);
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
    byQueueWeekday: [],
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
    expect(marginOf('cost.perDay', overrides)).toEqual({ relative: 0.01, ofRowCost: true });
    expect(marginOf('overall.abandoned', overrides)).toEqual({
      relative: 0.01,
      ofVolume: 0.005,
      least: 1,
    });
    expect(marginOf('overall.serviceLevel', overrides)).toEqual({ absolute: 0.01 });
    expect(marginOf('overall.asaSeconds', overrides)).toEqual({ absolute: 1 });
    expect(readMargin('2%')).toEqual({ relative: 0.02 });
    expect(readMargin(0.01)).toEqual({ absolute: 0.01 });
    expect(readMargin('0.5')).toEqual({ absolute: 0.5 });
    expect(readMargin(-1)).toBeUndefined();
    expect(readMargin('lots')).toBeUndefined();
  });
});

describe('default margins that mean something on small counts', () => {
  const count = defaultMargin('calls');
  it('counts: the largest of 1 % of the base, 0.5 % of the row’s volume and 1', () => {
    // 4 interpreter abandons in a row of 280 calls: 1 % is 0.04 call; 0.5 % of 280 is 1.4.
    expect(marginAmount(count, 4, { volume: 280 })).toBeCloseTo(1.4, 12);
    // A count that was 0 in a tiny row: at least one call.
    expect(marginAmount(count, 0, { volume: 20 })).toBe(1);
    // A count that is most of its row: 1 % of the base wins.
    expect(marginAmount(count, 12_000, { volume: 12_100 })).toBeCloseTo(120, 9);
    expect(marginAmount(defaultMargin('needs'), 30, { volume: 10_000 })).toBeCloseTo(50, 9);
  });
  it('money: 1 % of the row’s total cost, at least a priced count’s margin, scaled per call', () => {
    const money = defaultMargin('currency');
    expect(marginAmount(money, 180, { pricedCountMargin: 7.8 })).toBe(7.8);
    expect(marginAmount(money, 38_000, { pricedCountMargin: 7.8 })).toBeCloseTo(380, 9);
    expect(marginAmount(money, 38_000)).toBeCloseTo(380, 9);
    // A part of 2,000 in a row costing 38,000: the row's margin, not 1 % of the part.
    expect(marginAmount(money, 2_000, { rowCost: 38_000 })).toBeCloseTo(380, 9);
    // Per answered call (1.9 of 38,000 over 20,000 calls): the same money per call.
    expect(marginAmount(money, 1.9, { rowCost: 38_000, scale: 1.9 / 38_000 })).toBeCloseTo(
      0.019,
      12,
    );
  });
  it('overall costs: one money margin for the total and every part, never below a count’s', () => {
    // Four paired replications of a switchboard costing about 60,000: 600 operator hours at 32,
    // 3,400 lost needs at 6 in 28,000 needs, 25,000 transfers at 0.5, 4,900 redials at 1.5.
    const results = (lostMore: number) =>
      [0, 1, 2, 3].map((i) => {
        const lost = 3_400 + lostMore + 10 * (i % 2);
        const values: Record<string, number> = {
          'overall.offered': 33_000,
          'overall.transfers': 25_000,
          'cost.operatorHours': 600,
          'cost.operatorCost': 600 * 32,
          'cost.lostNeeds': lost,
          'cost.lostNeedCost': 6 * lost,
          'cost.transferCost': 12_500,
          'cost.repeatAttempts': 4_900,
          'cost.repeatCost': 7_350,
          'cost.answered': 32_000,
        };
        values['cost.total'] =
          values['cost.operatorCost']! +
          values['cost.lostNeedCost']! +
          values['cost.transferCost']! +
          values['cost.repeatCost']!;
        values['cost.perAnsweredCall'] = values['cost.total']! / 32_000;
        const r = result((name) => values[name] ?? 0, 0);
        r.needs.needs = 28_000;
        return r;
      });
    const measures = compareResults(results(0), results(-130));
    const get = (name: string) => measures.find((m) => m.name === name)!;
    // Lost needs: 0.5 % of 28,000 needs = 140 needs, worth 840 at 6 each — more than 1 % of
    // the total (about 590): every cost of the row gets 840.
    expect(get('cost.lostNeeds').margin.amount).toBeCloseTo(140, 9);
    for (const name of [
      'cost.operatorCost',
      'cost.lostNeedCost',
      'cost.transferCost',
      'cost.repeatCost',
      'cost.total',
    ])
      expect(get(name).margin.amount, name).toBeCloseTo(840, 6);
    const total = results(0)[0]!.cost.total!;
    expect(get('cost.perAnsweredCall').margin.amount).toBeCloseTo(840 / 32_000, 6);
    expect(total).toBeGreaterThan(50_000);
    // 130 lost needs fewer (780 saved): not a finding on the count, nor on its cost, nor on the
    // total of which it is the only moving part.
    expect(get('cost.lostNeeds').verdict).toBe('equivalent');
    expect(get('cost.lostNeedCost').verdict).toBe('equivalent');
    expect(get('cost.total').verdict).toBe('equivalent');
    // 300 fewer: a finding on all three.
    const moved = compareResults(results(0), results(-300));
    for (const name of ['cost.lostNeeds', 'cost.lostNeedCost', 'cost.total'])
      expect(moved.find((m) => m.name === name)!.verdict, name).toBe('better');
  });
  it('per reason: lost needs and their cost get the same verdict, one need more is not a finding', () => {
    // Reason a: 300 needs, 5 lost (priced 6 each); the variant loses one more in every replication.
    const results = (extra: number) =>
      [0, 1, 2, 3].map((i) => ({
        ...result(() => 0, 1),
        byReason: [
          {
            offered: 320,
            needs: 300,
            lostNeeds: 5 + extra + (i % 2),
            lostNeedCost: 6 * (5 + extra + (i % 2)),
          },
        ],
      }));
    const [row] = compareReasons(['a'], results(0), ['a'], results(1));
    const get = (key: string) => row!.measures.find((m) => m.name === `byReason.${key}`)!;
    expect(get('lostNeeds').margin.amount).toBeCloseTo(1.5, 9); // 0.5 % of 300 needs
    expect(get('lostNeedCost').margin.amount).toBeCloseTo(9, 9); // 1.5 needs × 6
    expect(get('lostNeeds').verdict).toBe('equivalent');
    expect(get('lostNeedCost').verdict).toBe('equivalent');
    // Two more lost needs is beyond 1.5 (and 12 beyond 9): worse on both.
    const [moved] = compareReasons(['a'], results(0), ['a'], results(2));
    expect(moved!.measures.find((m) => m.name === 'byReason.lostNeeds')!.verdict).toBe('worse');
    expect(moved!.measures.find((m) => m.name === 'byReason.lostNeedCost')!.verdict).toBe('worse');
  });
});

describe('verdicts of a family of measures (Benjamini & Hochberg 1995)', () => {
  it('pBeyondMargin is below 0.025 exactly when the 95 % interval lies beyond the margin', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 8 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (differences, margin) => {
          const estimate = measureEstimate(differences);
          const [lo, hi] = estimate.ci95 as [number, number];
          const beyond = lo > margin || hi < -margin;
          const p = pBeyondMargin(differences, margin)!;
          // Away from the boundary (floating point), the two rules agree.
          if (Math.abs(p - 0.025) > 1e-9) expect(p < 0.025).toBe(beyond);
        },
      ),
    );
  });
  it('one finding among many measures needs a p-value m times smaller', () => {
    const member = (differences: number[]) => ({
      difference: measureEstimate(differences),
      better: 'higher' as const,
      marginAmount: 0,
      differences,
      verdict: 'equivalent' as const as ReturnType<typeof verdictOf>,
      pAdjusted: null as number | null,
    });
    // Five replications averaging 1 with sd 0.453: t = 4.94; one-sided p = 0.0039 from the closed
    // form of Student's t with 4 degrees of freedom: F(t) = 1/2 + (3/8)·u·(1 − t²/(12(1 + t²/4))),
    // u = t/√(1 + t²/4) (Abramowitz & Stegun 26.7.3).
    const alone = [member([0.5, 0.6, 1, 1.4, 1.5])];
    familyVerdicts(alone);
    expect(alone[0]!.verdict).toBe('better');
    expect(alone[0]!.pAdjusted).toBeCloseTo(0.003912166, 8);
    // Among 9 measures that did not move, the same interval is no longer a finding: 10 × p > 2.5 %;
    // it still excludes zero, so it is "not settled", never "no difference detectable".
    const family = [
      member([0.5, 0.6, 1, 1.4, 1.5]),
      ...Array.from({ length: 9 }, () => member([1, -1, 0.5, -0.5, 0])),
    ];
    familyVerdicts(family);
    expect(family[0]!.verdict).toBe('not settled');
    expect(family[0]!.pAdjusted).toBeCloseTo(0.03912166, 7);
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
