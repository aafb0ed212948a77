import { inputError } from '../errors.js';
import { decimalNumber } from './decimal.js';
import { fixed } from './fixed.js';

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  sec: 1,
  m: 60,
  min: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
};

/**
 * The longest duration any flag or file may give: 10⁹ s (about 31.7 years). Longer values are
 * refused where they enter, so no derived quantity (a load, a horizon, a patience series) can
 * overflow or make a solver run for ever; "never hangs up" is written as a value this large.
 */
export const MAX_DURATION_SECONDS = 1e9;

/** Options of {@link parseDurationSeconds}. */
export interface ParseDurationSecondsOptions {
  /** Where the value came from, for the error message (`--aht`, `queues[0].wrapUp`). */
  path?: string;
  /** Accept 0 (default true). */
  allowZero?: boolean;
  /** The file the value came from, for the error message. */
  file?: string;
  /** The largest value accepted (default {@link MAX_DURATION_SECONDS}). */
  maxSeconds?: number;
}

/**
 * Parse a duration as people write it on a command line or in a scenario: `180s`, `3m`,
 * `1.5h`, `14d`, `2w`, `250ms`, or a bare number of seconds (`180`, or the number 180).
 * Compound forms such as `1h30m` are accepted. Returns seconds.
 *
 * Throws an {@link InputError} naming `path` for anything else, for negative values, for
 * values above `maxSeconds` ({@link MAX_DURATION_SECONDS} by default), and for zero when
 * `allowZero` is false.
 *
 * @example parseDurationSeconds('3m') // 180
 */
export function parseDurationSeconds(
  value: string | number,
  options: ParseDurationSecondsOptions = {},
): number {
  const path = options.path ?? 'duration';
  const fail = (limit?: string): never => {
    const errorOptions: { file?: string; hint: string } = {
      hint: 'e.g. 180s, 3m, 1.5h, 14d, or a bare number of seconds',
    };
    if (options.file !== undefined) errorOptions.file = options.file;
    throw inputError(
      path,
      `a ${options.allowZero === false ? 'positive ' : ''}duration${limit ?? ''}`,
      value,
      errorOptions,
    );
  };
  let seconds: number;
  if (typeof value === 'number') {
    seconds = value;
  } else {
    const text = value.trim().toLowerCase();
    if (text === '') fail();
    const plain = decimalNumber(text);
    if (!Number.isNaN(plain)) {
      seconds = plain;
    } else {
      const part = /((?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(ms|sec|min|s|m|h|d|w)/gy;
      seconds = 0;
      let consumed = 0;
      let match: RegExpExecArray | null = part.exec(text);
      while (match !== null) {
        seconds += Number(match[1]) * UNIT_SECONDS[match[2]!]!;
        consumed = part.lastIndex;
        match = part.exec(text);
      }
      if (consumed !== text.length || consumed === 0) fail();
    }
  }
  if (!Number.isFinite(seconds) || seconds < 0) fail();
  const max = options.maxSeconds ?? MAX_DURATION_SECONDS;
  if (seconds > max) fail(` of at most ${maxText(max)}`);
  if (seconds === 0 && options.allowZero === false) fail();
  return seconds;
}

function maxText(seconds: number): string {
  return seconds === MAX_DURATION_SECONDS ? '1e9 s (≈ 31.7 years)' : `${seconds} s`;
}

/**
 * Parse an interval length (`30m`, `15m`, `1h`, or a bare number of minutes) into whole
 * minutes. Intervals must divide a day evenly so that days line up with intervals.
 */
export function parseIntervalMinutes(value: string | number, path = '--interval'): number {
  const text =
    typeof value === 'number'
      ? `${value}m`
      : /^\s*\d+(\.\d*)?\s*$/.test(value)
        ? `${value}m`
        : value;
  const seconds = parseDurationSeconds(text, { path, allowZero: false });
  const minutes = seconds / 60;
  if (!Number.isInteger(minutes) || 1440 % minutes !== 0) {
    throw inputError(
      path,
      'a whole number of minutes that divides a day (5m, 15m, 30m, 1h…)',
      value,
    );
  }
  return minutes;
}

/** Format seconds for people: `26 s`, `4 min 10 s`, `2 h 05 min`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return seconds > 0 ? 'unbounded' : String(seconds);
  if (seconds < 60) return `${seconds < 10 ? fixed(seconds, 1) : Math.round(seconds)} s`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    return `${m} min ${String(Math.round(seconds - m * 60)).padStart(2, '0')} s`;
  }
  const h = Math.floor(seconds / 3600);
  return `${h} h ${String(Math.round((seconds - h * 3600) / 60)).padStart(2, '0')} min`;
}
