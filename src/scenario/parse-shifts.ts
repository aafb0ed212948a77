import type { ProblemList } from './problem-list.js';
import { parseTimeOfDay } from './read-fields.js';
import { type ShiftBreak, type ShiftTemplate, weekdays } from './scenario-types.js';
import { clockText } from '../calendar/time-of-day.js';

type Doc = Record<string, unknown>;

const DAY_SECONDS = 86_400;

/** `13:30` → seconds, placed on the day of `earliest` or the next (a time before it). */
function afterEarliest(time: string, earliestSeconds: number): number {
  const t = parseTimeOfDay(time);
  return t < earliestSeconds ? t + DAY_SECONDS : t;
}

function clock(seconds: number): string {
  return clockText(Math.floor((seconds % DAY_SECONDS) / 60));
}

/**
 * Compile the `shifts:` section: per queue name, a list of templates `{ name, starts, length,
 * breaks?, days?, min?, max?, costPerHour? }`. Checks what the schema cannot: the queue exists,
 * starts, lengths and breaks lie on the `intervalMinutes` grid, each break fits inside its
 * window and inside the shift for every start, `min ≤ max`, names are unique per queue.
 * Problems are recorded with their paths. Cost: linear in the section.
 */
export function parseShifts(
  raw: Doc | undefined,
  queueNames: readonly string[],
  intervalMinutes: number,
  defaultCostPerHour: number,
  p: ProblemList,
): ShiftTemplate[] {
  if (raw === undefined) return [];
  const grid = intervalMinutes * 60;
  const onGrid = (seconds: number) => seconds % grid === 0;
  const gridText = `on the ${intervalMinutes}-minute grid of calendar.intervalMinutes`;
  const templates: ShiftTemplate[] = [];
  for (const [queueName, list] of Object.entries(raw)) {
    const queue = p.reference(queueName, queueNames, `shifts.${queueName}`, 'queue');
    const seen = new Set<string>();
    (list as Doc[]).forEach((t, i) => {
      const path = `shifts.${queueName}[${i}]`;
      const name = t.name as string;
      if (seen.has(name))
        p.add(`${path}.name`, 'a template name not used before in this queue', name);
      seen.add(name);
      const starts = [...new Set((t.starts as string[]).map(parseTimeOfDay))].sort((a, b) => a - b);
      (t.starts as string[]).forEach((start, k) => {
        const s = parseTimeOfDay(start);
        if (s >= DAY_SECONDS) p.add(`${path}.starts[${k}]`, 'a start before 24:00', start);
        else if (!onGrid(s)) p.add(`${path}.starts[${k}]`, `a start ${gridText}`, start);
      });
      const lengthSeconds = p.duration(t.length, `${path}.length`, grid);
      if (!(lengthSeconds >= grid && lengthSeconds <= DAY_SECONDS) || !onGrid(lengthSeconds))
        p.add(`${path}.length`, `a length from one interval to 24h, ${gridText}`, t.length);
      const earliest = starts[0] ?? 0;
      const breaks: ShiftBreak[] = ((t.breaks as Doc[] | undefined) ?? []).map((b, k) => {
        const at = `${path}.breaks[${k}]`;
        const lengthOfBreak = p.duration(b.length, `${at}.length`, grid);
        const [fromText = '', toText = ''] = String(b.between).split('-');
        const from = afterEarliest(fromText, earliest);
        let to = parseTimeOfDay(toText);
        while (to <= from) to += DAY_SECONDS;
        if (!(lengthOfBreak >= grid) || !onGrid(lengthOfBreak))
          p.add(`${at}.length`, `a break of at least one interval, ${gridText}`, b.length);
        if (!onGrid(from) || !onGrid(to))
          p.add(`${at}.between`, `a window whose ends are ${gridText}`, b.between);
        if (to - from < lengthOfBreak)
          p.add(`${at}.between`, `a window at least as long as the break (${b.length})`, b.between);
        for (const start of starts) {
          const inside = Math.min(to, start + lengthSeconds) - Math.max(from, start);
          if (inside < lengthOfBreak)
            p.add(
              `${at}.between`,
              `a window holding the break inside the shift that starts at ${clock(start)} (until ${clock(start + lengthSeconds)})`,
              b.between,
            );
        }
        return {
          lengthSeconds: lengthOfBreak,
          windowFromSeconds: from,
          windowToSeconds: to,
          paid: (b.paid as boolean | undefined) ?? true,
        };
      });
      const breakTotal = breaks.reduce((sum, b) => sum + b.lengthSeconds, 0);
      if (breaks.length > 0 && breakTotal >= lengthSeconds)
        p.add(
          `${path}.breaks`,
          'breaks shorter in all than the shift',
          `${breakTotal / 60} min of breaks`,
        );
      const days = weekdays.map(() => t.days === undefined);
      for (const day of (t.days as string[] | undefined) ?? [])
        days[weekdays.indexOf(day as never)] = true;
      const min = (t.min as number | undefined) ?? 0;
      const max = (t.max as number | undefined) ?? Number.POSITIVE_INFINITY;
      if (min > max) p.add(`${path}.min`, `a minimum at most the maximum (${max})`, min);
      templates.push({
        name,
        queue,
        startsSeconds: starts,
        lengthSeconds,
        breaks,
        days,
        min,
        max,
        costPerHour: (t.costPerHour as number | undefined) ?? defaultCostPerHour,
        path,
      });
    });
  }
  return templates;
}
