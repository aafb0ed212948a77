import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockingRisesWithAgents,
  erlangA,
  erlangALines,
  erlangB,
  evaluateStaffing,
  finiteLines,
  type QueueMeasures,
  type StaffingQuestion,
  solveAgents,
  unmetTargets,
} from '../../src/staffing/index.js';

// Laws of the M/M/c/K+M queue (erlang-a-lines). Sources: Gross & Harris, Fundamentals of
// Queueing Theory, 3rd ed. (1998) §2.3 (birth–death chains, PASTA) and §2.10 (reneging);
// Whitt, "Engineering solution of a basic call-center model", Management Science 51 (2005)
// (M/M/s/r+M: every call is blocked, abandons or is answered); the likelihood-ratio ordering of
// birth–death chains whose death rates are ordered (Shaked & Shanthikumar, Stochastic Orders
// (2007) §1.C) for the monotone laws; Garnett, Mandelbaum & Reiman (2002) for the limits.

const agentsArb = fc.integer({ min: 1, max: 60 });
const placesArb = fc.integer({ min: 0, max: 80 });
const loadArb = fc.double({ min: 0.05, max: 120, noNaN: true });
const ahtArb = fc.double({ min: 5, max: 900, noNaN: true });
const patienceArb = fc.double({ min: 1, max: 3_600, noNaN: true });
const thresholdArb = fc.double({ min: 0, max: 300, noNaN: true });

/** Fraction of offered calls answered: carried load / offered load. */
const answeredOf = (m: QueueMeasures, agents: number, load: number) =>
  (m.occupancy * agents) / load;

describe('every call is blocked, abandons or is answered', () => {
  it('P(block) + P(abandon) + P(answered) = 1; SL ≤ P(answered); P(wait) + P(block) ≤ 1', () => {
    fc.assert(
      fc.property(
        agentsArb,
        placesArb,
        loadArb,
        ahtArb,
        patienceArb,
        thresholdArb,
        (c, places, a, h, p, t) => {
          const m = erlangALines(c, c + places, a, h, p, t);
          const answered = answeredOf(m, c, a);
          const blocked = m.probabilityBlocking!;
          const abandoned = m.probabilityAbandon!;
          expect(Math.abs(blocked + abandoned + answered - 1)).toBeLessThan(1e-12);
          expect(m.serviceLevel).toBeLessThanOrEqual(answered + 1e-12);
          expect(m.probabilityWait + blocked).toBeLessThanOrEqual(1 + 1e-12);
          for (const v of [m.probabilityWait, m.serviceLevel, m.occupancy, blocked, abandoned]) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
          // Only callers who wait can abandon, and each waits less than it would be patient.
          expect(abandoned).toBeLessThanOrEqual(m.probabilityWait + 1e-12);
          expect(m.meanWaitSeconds).toBeLessThanOrEqual(m.probabilityWait * p * (1 + 1e-12));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('monotone laws', () => {
  it('blocking falls (and nothing else worsens) as lines are added', () => {
    fc.assert(
      fc.property(agentsArb, placesArb, loadArb, ahtArb, patienceArb, (c, places, a, h, p) => {
        const fewer = erlangALines(c, c + places, a, h, p, 20);
        const more = erlangALines(c, c + places + 1, a, h, p, 20);
        expect(more.probabilityBlocking!).toBeLessThanOrEqual(fewer.probabilityBlocking! + 1e-15);
        // A line more lets in callers who then wait: abandonment cannot fall.
        expect(more.probabilityAbandon!).toBeGreaterThanOrEqual(fewer.probabilityAbandon! - 1e-15);
        expect(more.occupancy).toBeGreaterThanOrEqual(fewer.occupancy - 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('abandonment rises as patience shortens', () => {
    fc.assert(
      fc.property(
        agentsArb,
        placesArb,
        loadArb,
        ahtArb,
        patienceArb,
        fc.double({ min: 1.001, max: 10, noNaN: true }),
        (c, places, a, h, p, factor) => {
          const impatient = erlangALines(c, c + places, a, h, p, 20);
          const patient = erlangALines(c, c + places, a, h, p * factor, 20);
          expect(impatient.probabilityAbandon!).toBeGreaterThanOrEqual(
            patient.probabilityAbandon! - 1e-15,
          );
          // Impatient callers free the lines sooner: blocking cannot rise.
          expect(impatient.probabilityBlocking!).toBeLessThanOrEqual(
            patient.probabilityBlocking! + 1e-15,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('more operators (K fixed): service level rises, abandonment and ASA fall', () => {
    fc.assert(
      fc.property(agentsArb, placesArb, loadArb, ahtArb, patienceArb, (c, places, a, h, p) => {
        fc.pre(places > 0);
        const k = c + places;
        const fewer = erlangALines(c, k, a, h, p, 20);
        const more = erlangALines(c + 1, k, a, h, p, 20);
        expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel - 1e-12);
        expect(more.probabilityAbandon!).toBeLessThanOrEqual(fewer.probabilityAbandon! + 1e-15);
        expect(more.asaSeconds).toBeLessThanOrEqual(fewer.asaSeconds * (1 + 1e-12) + 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('more operators (K fixed) block less when patience ≥ AHT, more when patience ≤ AHT', () => {
    fc.assert(
      fc.property(agentsArb, placesArb, loadArb, ahtArb, patienceArb, (c, places, a, h, p) => {
        fc.pre(places > 0);
        const k = c + places;
        const fewer = erlangALines(c, k, a, h, p, 20).probabilityBlocking!;
        const more = erlangALines(c + 1, k, a, h, p, 20).probabilityBlocking!;
        const slack = 1e-12 * fewer + 1e-300;
        if (p >= h) expect(more).toBeLessThanOrEqual(fewer + slack);
        if (p <= h) expect(more).toBeGreaterThanOrEqual(fewer - slack);
        expect(
          blockingRisesWithAgents({
            model: 'erlang-a-lines',
            trafficErlangs: a,
            handleTimeSeconds: h,
            patienceSeconds: p,
          }),
        ).toBe(p < h);
      }),
      { numRuns: 300 },
    );
  });

  it('patience = AHT: every caller in the system leaves at rate μ, so blocking is Erlang B(K)', () => {
    fc.assert(
      fc.property(agentsArb, placesArb, loadArb, ahtArb, (c, places, a, h) => {
        const b = erlangALines(c, c + places, a, h, h, 20).probabilityBlocking!;
        const expected = erlangB(c + places, a);
        expect(Math.abs(b - expected)).toBeLessThanOrEqual(1e-12 * expected + 1e-300);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every measure of `limit` (and `extra`) matched by `lines` to 1e-9 relative, 1e-12 absolute. */
function expectSameMeasures(
  lines: QueueMeasures,
  limit: QueueMeasures,
  extra: 'probabilityAbandon' | 'probabilityBlocking',
): void {
  const keys = ['probabilityWait', 'serviceLevel', 'asaSeconds', 'meanWaitSeconds', 'occupancy'];
  for (const key of [...keys, extra] as (keyof QueueMeasures)[]) {
    const v = limit[key] as number;
    expect(Math.abs((lines[key] as number) - v), key).toBeLessThanOrEqual(1e-9 * v + 1e-11);
  }
}

describe('limits', () => {
  it('K → ∞ is Erlang A', () => {
    fc.assert(
      fc.property(agentsArb, loadArb, ahtArb, patienceArb, thresholdArb, (c, a, h, p, t) => {
        // Beyond the peak at j ≈ y − x the weights fall at least like a geometric series.
        const y = (a * p) / h;
        const places = Math.ceil(Math.max(0, y - (c * p) / h) + 40 * Math.sqrt(y + 1) + 200);
        const lines = erlangALines(c, c + places, a, h, p, t);
        expectSameMeasures(lines, erlangA(c, a, h, p, t), 'probabilityAbandon');
        expect(lines.probabilityBlocking!).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('θ → 0 is finite lines (M/M/c/K)', () => {
    fc.assert(
      fc.property(agentsArb, placesArb, loadArb, ahtArb, thresholdArb, (c, places, a, h, t) => {
        const lines = erlangALines(c, c + places, a, h, 1e18, t);
        expectSameMeasures(lines, finiteLines(c, c + places, a, h, t), 'probabilityBlocking');
        expect(lines.probabilityAbandon!).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('solver minimality on finite lines with patience', () => {
  it('N meets every target and N − 1 does not, blocking rising or falling with N', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        fc.double({ min: 10, max: 600, noNaN: true }),
        patienceArb,
        fc.record(
          {
            serviceLevel: fc.double({ min: 0.3, max: 0.95, noNaN: true }),
            maxAbandon: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
            maxBlocking: fc.double({ min: 0.001, max: 0.3, noNaN: true }),
          },
          { requiredKeys: [] },
        ),
        (extraLines, a, h, p, targets) => {
          fc.pre(Object.keys(targets).length > 0);
          const question: StaffingQuestion = {
            model: 'erlang-a-lines',
            trafficErlangs: a,
            handleTimeSeconds: h,
            patienceSeconds: p,
            lines: Math.ceil(a) + extraLines,
            targets,
          };
          let solved: ReturnType<typeof solveAgents>;
          try {
            solved = solveAgents(question);
          } catch (error) {
            // No staffing meets them: check that none from 1 to K does.
            for (let n = 1; n <= question.lines!; n++) {
              const e = evaluateStaffing({ ...question, agents: n });
              expect(unmetTargets(e, targets).length, `n=${n}`).toBeGreaterThan(0);
            }
            expect(String(error)).toContain('targets');
            return;
          }
          expect(unmetTargets(solved, targets)).toEqual([]);
          for (let n = 1; n < solved.agents; n++) {
            const e = evaluateStaffing({ ...question, agents: n });
            expect(unmetTargets(e, targets).length, `n=${n}`).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
