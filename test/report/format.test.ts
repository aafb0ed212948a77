/**
 * Formatting and summary sentences. The expected sentence shape comes from issue 8's own
 * example ("abandonment rises from 4.1 % to 5.3 % (± 0.4)"); percentages and intervals follow
 * SI typography (a space before % and units, BIPM SI Brochure 9th ed. §5.4.3).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDifference,
  formatDifferenceEstimate,
  formatEstimate,
  formatPercent,
  formatSeconds,
} from '../../src/report/format.js';
import { describeChange, listPhrases, sentence } from '../../src/report/sentences.js';
import { formatWallClock, wallClockMs } from '../../src/calendar/format-wall-clock.js';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('formatting numbers for people', () => {
  it('writes shares as percentages with a space before %', () => {
    expect(plain(formatPercent(0.053))).toBe('5.3 %');
    expect(plain(formatPercent(1))).toBe('100.0 %');
  });

  it('writes the unit once in an estimate and in a difference', () => {
    expect(plain(formatEstimate({ mean: 0.781, ci95: [0.769, 0.793] }, 'share'))).toBe(
      '78.1 % [76.9, 79.3]',
    );
    expect(plain(formatDifferenceEstimate({ mean: 0.012, ci95: [0.01, 0.014] }, 'share'))).toBe(
      '+1.2 pts [+1.0, +1.4]',
    );
    expect(plain(formatDifference(-272, 'count'))).toBe('−272');
  });

  it('writes long waits in minutes', () => {
    expect(plain(formatSeconds(14.2))).toBe('14.2 s');
    expect(formatSeconds(95)).toBe('1 min 35 s');
  });
});

describe('summary sentences generated from numbers', () => {
  it('reproduces the example sentence of issue 8', () => {
    const text = describeChange({
      noun: 'abandonment',
      base: 0.041,
      variant: 0.053,
      difference: { mean: 0.012, ci95: [0.008, 0.016] },
      unit: 'share',
    });
    expect(plain(text)).toBe('abandonment rises from 4.1 % to 5.3 % (± 0.4 pts)');
  });

  it('never claims a change whose interval contains zero', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (mean, below, above) => {
          const text = describeChange({
            noun: 'occupancy',
            base: 0.5,
            variant: 0.5 + mean,
            difference: { mean, ci95: [Math.min(mean, 0) - below, Math.max(mean, 0) + above] },
            unit: 'share',
          });
          return text.startsWith('no change in occupancy is detectable');
        },
      ),
    );
  });

  it('says falls for a negative detectable change', () => {
    const text = describeChange({
      noun: 'the average speed of answer',
      base: 17.9,
      variant: 14.2,
      difference: { mean: -3.7, ci95: [-4.2, -3.2] },
      unit: 'seconds',
    });
    expect(plain(text)).toBe('the average speed of answer falls from 17.9 s to 14.2 s (± 0.5 s)');
  });

  it('capitalises, ends with a full stop and lists with "and"', () => {
    expect(sentence('abandonment rises')).toBe('Abandonment rises.');
    expect(sentence('Done.')).toBe('Done.');
    expect(listPhrases(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('wall-clock time', () => {
  it('draws a timestamp at its own wall-clock time whatever its offset', () => {
    // The last Sunday of March 2026 is the EU's switch to summer time (Directive 2000/84/EC):
    // 08:30 before (+01:00) and after (+02:00) the change are both drawn at 08:30.
    const before = wallClockMs('2026-03-28T08:30:00+01:00');
    const after = wallClockMs('2026-03-30T08:30:00+02:00');
    expect((after - before) / 3_600_000).toBe(48);
    expect(formatWallClock('2026-03-30T08:30:00+02:00')).toBe('Mon 30 Mar 08:30');
  });

  it('rejects what is not a timestamp', () => {
    expect(() => wallClockMs('yesterday')).toThrow(/wallClockMs/);
  });
});
