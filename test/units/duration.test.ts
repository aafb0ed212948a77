import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  formatDuration,
  parseDurationSeconds,
  parseIntervalMinutes,
} from '../../src/units/duration.js';

describe('parseDurationSeconds', () => {
  it.each([
    ['180s', 180],
    ['180', 180],
    [180, 180],
    ['3m', 180],
    ['1.5h', 5400],
    ['1h30m', 5400],
    ['14d', 14 * 86_400],
    ['2w', 14 * 86_400],
    ['250ms', 0.25],
    [' 20 s ', 20],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBeCloseTo(seconds, 12);
  });

  it.each(['', 'abc', '-5s', '5x', '3m foo', 'NaN', 'Infinity'])(
    'rejects %j naming the flag',
    (text) => {
      expect(() => parseDurationSeconds(text, { path: '--aht' })).toThrow(InputError);
      expect(() => parseDurationSeconds(text, { path: '--aht' })).toThrow(
        /^--aht: expected a duration/,
      );
    },
  );

  it('rejects zero when asked to', () => {
    expect(() => parseDurationSeconds('0s', { path: '--aht', allowZero: false })).toThrow(
      '--aht: expected a positive duration, received "0s"',
    );
  });

  it('reads back what it formats as seconds, for any non-negative amount', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (seconds) => {
        expect(parseDurationSeconds(`${seconds}s`)).toBeCloseTo(seconds, 6);
      }),
    );
  });
});

describe('parseIntervalMinutes', () => {
  it('reads minutes and durations', () => {
    expect(parseIntervalMinutes('30m')).toBe(30);
    expect(parseIntervalMinutes('30')).toBe(30);
    expect(parseIntervalMinutes('1h')).toBe(60);
  });
  it('rejects intervals that do not divide a day', () => {
    expect(() => parseIntervalMinutes('7m')).toThrow(/divides a day/);
    expect(() => parseIntervalMinutes('90s')).toThrow(/divides a day/);
  });
});

describe('formatDuration', () => {
  it('formats for people', () => {
    expect(formatDuration(26)).toBe('26 s');
    expect(formatDuration(250)).toBe('4 min 10 s');
    expect(formatDuration(7500)).toBe('2 h 05 min');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('unbounded');
  });
});
