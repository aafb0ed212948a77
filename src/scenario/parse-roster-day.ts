import type { ProblemList } from './problem-list.js';
import { parseTimeOfDay, readTimeRange } from './read-fields.js';
import type { RosterStep } from './scenario-types.js';
import { clockText } from '../calendar/time-of-day.js';

type Doc = Record<string, unknown>;

/**
 * One weekday of a queue's roster: a list of steps `{ hours: 'HH:MM-HH:MM', operators }` (the
 * format's one time-range syntax), or the older equivalent `{ from: 'HH:MM', to: 'HH:MM',
 * operators }`, which is still read so files written before keep working. Steps are sorted by
 * start; a reversed step, a step past 24:00, a step with both forms or neither, and overlapping
 * steps are recorded in `p` with their path (`queues.main.operators.monday[2].hours`): one
 * problem per step that later steps overlap, naming them.
 * Gaps mean nobody on the phones. Cost: O(steps log steps).
 */
export function parseRosterDay(raw: unknown, path: string, p: ProblemList): RosterStep[] {
  const day = path.slice(path.lastIndexOf('.') + 1); // `default`, `monday`…
  const steps = (raw as Doc[]).map((s, i) => {
    const at = `${path}[${i}]`;
    let range: readonly [number, number] = [0, 0];
    let field = `${at}.hours`;
    if (s.hours !== undefined) {
      if (s.from !== undefined || s.to !== undefined)
        p.add(at, "one time range: hours: 'HH:MM-HH:MM' (or the older from and to), not both", s);
      range = readTimeRange(s.hours as string, field, p);
    } else if (s.from !== undefined && s.to !== undefined) {
      field = `${at}.from`;
      range = [parseTimeOfDay(s.from as string), parseTimeOfDay(s.to as string)];
      if (!(range[1] > range[0]) || range[1] > 86400)
        p.add(`${at}.to`, 'a time after from, by 24:00', s.to);
    } else {
      p.add(field, "a time range such as hours: '08:00-12:30'", s.hours);
    }
    return {
      fromSeconds: range[0],
      toSeconds: range[1],
      operators: s.operators as number,
      field,
      name: `${day}[${i}]`,
    };
  });
  steps.sort((a, b) => a.fromSeconds - b.fromSeconds);
  // A step that starts before an earlier-starting one ends overlaps it: one problem per
  // overlapped step (at its path), naming the later steps it overlaps.
  const overlapped = new Map<(typeof steps)[number], (typeof steps)[number][]>();
  let latest: (typeof steps)[number] | undefined;
  for (const step of steps) {
    if (!(step.toSeconds > step.fromSeconds)) continue; // a bad range, reported above
    if (latest && step.fromSeconds < latest.toSeconds) {
      const later = overlapped.get(latest) ?? [];
      later.push(step);
      overlapped.set(latest, later);
    }
    if (!latest || step.toSeconds > latest.toSeconds) latest = step;
  }
  for (const [step, [next, ...others]] of overlapped) {
    const also = others.map((o) => `${o.name} ${rangeText(o)}`).join(', ');
    p.add(
      step.field,
      `a step ending by ${clockText(next!.fromSeconds / 60)}, when ${next!.name} ${rangeText(next!)} starts (roster steps must not overlap${also ? `; it also overlaps ${also}` : ''})`,
      rangeText(step),
    );
  }
  return steps.map(({ fromSeconds, toSeconds, operators }) => ({
    fromSeconds,
    toSeconds,
    operators,
  }));
}

/** `HH:MM-HH:MM` of a step, as the format writes it. */
function rangeText(step: { fromSeconds: number; toSeconds: number }): string {
  return `${clockText(step.fromSeconds / 60)}-${clockText(step.toSeconds / 60)}`;
}
