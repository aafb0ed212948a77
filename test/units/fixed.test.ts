import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSweep } from '../../src/cli/format-sweep.js';
import { formatMeasureValue } from '../../src/cli/format-simulation-summary.js';
import {
  formatCount,
  formatDifference,
  formatNumber,
  formatPercent,
} from '../../src/report/format.js';
import type { SweepReport } from '../../src/switchboard/sweep.js';
import { fixed, percentText, signedFixed } from '../../src/units/fixed.js';

describe('fixed: numbers with fixed decimals, never negative zero', () => {
  it('drops the sign of what rounds to zero, which Number.prototype.toFixed keeps', () => {
    // ECMA-262 Number.prototype.toFixed: "If x < 0, then set s to "-" and x to –x" — before
    // rounding, so a small negative value gives "-0.0".
    expect((-0.0004).toFixed(1)).toBe('-0.0');
    expect((-0).toFixed(2)).toBe('0.00');
    expect(fixed(-0.0004, 1)).toBe('0.0');
    expect(fixed(-0.04, 1)).toBe('0.0');
    expect(fixed(-0.4, 0)).toBe('0');
    expect(fixed(-0.06, 1)).toBe('-0.1');
    expect(fixed(-12.345, 2)).toBe((-12.345).toFixed(2));
    expect(fixed(0.25, 1)).toBe((0.25).toFixed(1));
    expect(fixed(Number.NaN, 1)).toBe('NaN');
    expect(signedFixed(0.04, 1)).toBe('0.0');
    expect(signedFixed(-0.04, 1)).toBe('0.0');
    expect(signedFixed(0.06, 1)).toBe('+0.1');
    expect(signedFixed(-0.06, 1)).toBe('-0.1');
  });

  it('is used by the text and report formatters', () => {
    expect(
      formatMeasureValue('overall.serviceLevel', -0.00004, {
        unit: 'share',
        difference: true,
        mean: true,
      }),
    ).toBe('0.0 pt');
    expect(formatMeasureValue('overall.asaSeconds', -0.001, { mean: true })).toBe('0.0 s');
    expect(formatPercent(-0.00001)).toBe('0.0\u00a0%');
    expect(formatCount(-0.3)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0.00');
    expect(formatNumber(-0.001, 0)).toBe('0');
    expect(formatDifference(-0.00004, 'share')).toBe('±0.0\u00a0pts');
    expect(formatDifference(0.00004, 'share')).toBe('±0.0\u00a0pts');
    expect(formatDifference(-0.004, 'share')).toBe('−0.4\u00a0pts');
  });

  it('keeps -0.0 out of the sweep table (a difference that rounds to zero has no sign)', () => {
    const estimate = (mean: number) => ({
      mean,
      ci95: [mean - 0.01, mean + 0.01] as [number, number],
    });
    const measure = (difference: number) => ({
      name: 'overall.serviceLevel',
      unit: 'share',
      better: 'higher' as const,
      variant: estimate(0.8 + difference),
      difference: estimate(difference),
      pValue: 0.9,
      pHolm: 1,
      verdict: 'no difference detectable' as const,
    });
    const report: SweepReport = {
      base: 'base',
      file: null,
      days: 7,
      replications: 10,
      seed: 1,
      currency: 'EUR',
      axes: [{ path: 'transfers.mode', values: ['wild', 'warm'] }],
      method: 'paired',
      correction: 'Holm',
      rankBy: 'overall.serviceLevel',
      baseMeasures: [{ name: 'overall.serviceLevel', unit: 'share', estimate: estimate(0.8) }],
      variants: [
        { rank: 1, label: 'transfers.mode=wild', settings: [], measures: [measure(0.00004)] },
        { rank: 2, label: 'transfers.mode=warm', settings: [], measures: [measure(-0.00004)] },
      ],
    } as unknown as SweepReport;
    const text = formatSweep(report);
    expect(text).toContain('80.0 % (0.0 pt)');
    expect(text).not.toMatch(/[-−]0\.0\b/);
    expect(text).not.toContain('+0.0');
  });

  it('writes shares as percentages for terminals, a dash when missing', () => {
    expect(percentText(0.8234)).toBe('82.3 %');
    expect(percentText(-0.0001)).toBe('0.0 %');
    expect(percentText(0.12345, 2)).toBe('12.35 %');
    expect([null, undefined, Number.NaN, Infinity].map((x) => percentText(x))).toEqual([
      '—',
      '—',
      '—',
      '—',
    ]);
  });

  it('is the only home of toFixed in src/', () => {
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith(join('units', 'fixed.ts')))
          if (readFileSync(path, 'utf8').includes('.toFixed(')) found.push(path);
      }
    };
    walk(new URL('../../src', import.meta.url).pathname);
    expect(found).toEqual([]);
  });
});
