import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { netPromoterScore, pseudonymiser, surveyNps } from '../../src/audit/index.js';

const dir = mkdtempSync(join(tmpdir(), 'audit-nps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('netPromoterScore', () => {
  it('is % promoters − % detractors (the definition, Reichheld 2003)', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.nat(200), (p, n, d) => {
        fc.pre(p + n + d > 0);
        const r = netPromoterScore(p, n, d);
        expect(r.nps).toBeCloseTo((100 * (p - d)) / (p + n + d), 9);
        expect(r.ci95[0]).toBeLessThanOrEqual(r.nps + 1e-9);
        expect(r.ci95[1]).toBeGreaterThanOrEqual(r.nps - 1e-9);
      }),
    );
  });
  it('covers the true NPS about 95% of the time (theory, 2,000 seeded surveys of 400)', () => {
    const random = seedrandom('nps-coverage');
    const [pp, pd] = [0.45, 0.25];
    const truth = 100 * (pp - pd);
    let covered = 0;
    const runs = 2000;
    for (let k = 0; k < runs; k++) {
      const c = [0, 0, 0] as [number, number, number];
      for (let i = 0; i < 400; i++) {
        const u = random();
        c[u < pp ? 0 : u < 1 - pd ? 1 : 2]++;
      }
      const r = netPromoterScore(...c);
      if (r.ci95[0] <= truth && truth <= r.ci95[1]) covered++;
    }
    // Binomial(2000, 0.95): 99.9% of runs fall within ±3.3 standard errors (0.0049 each).
    expect(Math.abs(covered / runs - 0.95)).toBeLessThan(0.017);
  });
  it('reads a survey CSV, by reason, rejecting bad scores by line', async () => {
    const path = join(dir, 'survey.csv');
    writeFileSync(
      path,
      'date,score,reason\n2024-01-08,10,results\n2024-01-08,3,results\n\n2024-01-09,9,wards\n2024-01-09,eleven,wards\n',
    );
    const r = await surveyNps(path);
    expect(r.file).toMatchObject({ lines: 6, records: 3, blank: 2, rejected: 1 });
    expect(r.overall?.nps).toBeCloseTo(100 * (2 / 3 - 1 / 3), 9);
    expect(r.byReason.results?.nps).toBeCloseTo(0, 9);
    expect(r.byReason.wards?.responses).toBe(1);
  });
});

describe('pseudonymiser (HMAC-SHA256, RFC 2104)', () => {
  it('is stable per key, differs across keys, hides the number, keeps empty empty', () => {
    const a = pseudonymiser('key one');
    const b = pseudonymiser('key two');
    expect(a('0611111111')).toBe(a('0611111111'));
    expect(a('0611111111')).not.toBe(b('0611111111'));
    expect(a('0611111111')).not.toContain('0611111111');
    expect(a('')).toBe('');
  });
  it('matches the RFC 4231 test case 2 HMAC-SHA256 prefix', () => {
    // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?" →
    // 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
    expect(pseudonymiser('Jefe')('what do ya want for nothing?')).toBe('p:5bdcc146bf60754e');
  });
});
