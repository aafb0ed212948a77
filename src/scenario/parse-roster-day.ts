import type { ProblemList } from './problem-list.js';
import { parseTimeOfDay, readTimeRange } from './read-fields.js';
import type { RosterStep } from './scenario-types.js';

type Doc = Record<string, unknown>;

/**
 * One weekday of a queue's roster: a list of steps `{ hours: 'HH:MM-HH:MM', operators }` (the
 * format's one time-range syntax), or the older equivalent `{ from: 'HH:MM', to: 'HH:MM',
 * operators }`, which is still read so files written before keep working. Steps are sorted by
 * start; a reversed step, a step past 24:00, a step with both forms or neither, and overlapping
 * steps are recorded in `p` with their path (`queues.main.operators.monday[2].hours`).
 * Gaps mean nobody on the phones. Cost: O(steps log steps).
 */
export function parseRosterDay(raw: unknown, path: string, p: ProblemList): RosterStep[] {
  const steps = (raw as Doc[]).map((s, i) => {
    const at = `${path}[${i}]`;
    let range: readonly [number, number] = [0, 0];
    if (s.hours !== undefined) {
      if (s.from !== undefined || s.to !== undefined)
        p.add(at, "one time range: hours: 'HH:MM-HH:MM' (or the older from and to), not both", s);
      range = readTimeRange(s.hours as string, `${at}.hours`, p);
    } else if (s.from !== undefined && s.to !== undefined) {
      range = [parseTimeOfDay(s.from as string), parseTimeOfDay(s.to as string)];
      if (!(range[1] > range[0]) || range[1] > 86400)
        p.add(`${at}.to`, 'a time after from, by 24:00', s.to);
    } else {
      p.add(`${at}.hours`, "a time range such as hours: '08:00-12:30'", s.hours);
    }
    return { fromSeconds: range[0], toSeconds: range[1], operators: s.operators as number, at };
  });
  steps.sort((a, b) => a.fromSeconds - b.fromSeconds);
  steps.forEach((s, i) => {
    const next = steps[i + 1];
    if (next && next.fromSeconds < s.toSeconds)
      p.add(next.at, 'roster steps that do not overlap', `${steps.length} overlapping steps`);
  });
  return steps.map(({ fromSeconds, toSeconds, operators }) => ({
    fromSeconds,
    toSeconds,
    operators,
  }));
}
