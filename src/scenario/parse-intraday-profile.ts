import { isAbsolute, resolve } from 'node:path';
import type { ProblemList } from './problem-list.js';
import { parseTimeOfDay, readPerWeekday } from './read-fields.js';
import { readProfileCsv } from './read-profile-csv.js';
import { weekdays } from './scenario-types.js';

type Doc = Record<string, unknown>;

/** An intraday profile read by {@link parseIntradayProfile}. */
export interface IntradayProfile {
  /** Per weekday (Monday first), each interval's share of the day's calls (summing to 1, or all 0). */
  shares: Float64Array[];
  /** The CSV's absolute path, when the profile came from a file. */
  csvPath?: string;
  /**
   * The weights read from that file, as they would be written inline (`default` or weekday →
   * `HH:MM` → weight): what worker threads and jobs get instead of the file, which they never
   * read. They compile to the very same shares.
   */
  weights?: Record<string, Record<string, number>>;
}

/**
 * An intraday profile written inline (per weekday or `default`: interval start `HH:MM` → weight)
 * or as the path of a CSV (relative to `baseDir`, the scenario file's directory; see
 * {@link readProfileCsv}). Weights are calls counted per interval or shares: either way each
 * day's are divided by the day's total. A weekday without an entry (and no `default`) gets all
 * zeros; a day whose weights sum to 0 is a problem. Problems are recorded in `p` under `at`.
 * Cost: O(weekdays × intervals), plus reading the file.
 */
export function parseIntradayProfile(
  raw: unknown,
  at: string,
  intervalMinutes: number,
  baseDir: string | undefined,
  p: ProblemList,
): IntradayProfile {
  const intervals = Math.round(1440 / intervalMinutes);
  let map = raw as Doc | undefined;
  let csvPath: string | undefined;
  if (typeof raw === 'string') {
    csvPath = isAbsolute(raw) ? raw : resolve(baseDir ?? '.', raw);
    map = readProfileCsv(csvPath, intervalMinutes, at, p, raw);
    if (map === undefined)
      return {
        shares: weekdays.map(() => new Float64Array(intervals).fill(1 / intervals)),
        csvPath,
      };
  }
  const read = (v: unknown, path: string) => {
    const shares = new Float64Array(intervals);
    let total = 0;
    for (const [key, share] of Object.entries(v as Record<string, number>)) {
      const start = /^\d\d:\d\d$/.test(key) ? parseTimeOfDay(key) : Number.NaN;
      if (!(start >= 0 && start < 86400) || start % (intervalMinutes * 60) !== 0) {
        p.add(
          `${path}.${key}`,
          `an interval start HH:MM on the ${intervalMinutes}-minute grid`,
          key,
        );
        continue;
      }
      shares[start / (intervalMinutes * 60)] = share;
      total += share;
    }
    // Counts (calls seen per interval) or shares: either way the tool normalises them.
    if (!(total > 0)) p.add(path, 'interval weights (counts or shares) with a positive total', v);
    else for (let i = 0; i < intervals; i++) shares[i] = shares[i]! / total;
    return shares;
  };
  const where = csvPath === undefined ? at : `${at} (${raw as string})`;
  const shares = readPerWeekday(map, read, where, new Float64Array(intervals));
  if (csvPath === undefined) return { shares };
  return { shares, csvPath, weights: map as Record<string, Record<string, number>> };
}
