import type { RosterResult, RosterVerification } from '../roster/build-roster.js';
import { fixed } from '../units/fixed.js';

const pct = (x: number) => (Number.isFinite(x) ? `${fixed(x * 100, 1)} %` : '—');
const range = (ci: [number, number]) => `[${pct(ci[0])}, ${pct(ci[1])}]`;
const hours = (h: number) => `${Math.round(h * 10) / 10} h`;

function verificationLines(v: RosterVerification): string[] {
  return [
    `  week        service level ${pct(v.serviceLevel.mean)} ${range(v.serviceLevel.ci95)}, abandonment ${pct(v.probabilityAbandon.mean)} ${range(v.probabilityAbandon.ci95)}`,
    ...v.byDay.map(
      (d) =>
        `  ${d.weekday.padEnd(10)}  service level ${pct(d.serviceLevel.mean)} ${range(d.serviceLevel.ci95)}, abandonment ${pct(d.probabilityAbandon.mean)} ${range(d.probabilityAbandon.ci95)}  ${d.met ? 'met' : 'MISSED'}`,
    ),
  ];
}

/**
 * The readable summary of `switchboard roster`: the shifts, paid hours beside the Erlang plan's,
 * targets met by day for both on fresh seeds, and the search's rounds.
 */
export function formatRoster(result: RosterResult): string {
  const t = result.targets;
  const targets = [
    t.serviceLevel === undefined
      ? undefined
      : `service level ≥ ${pct(t.serviceLevel)} within ${t.thresholdSeconds} s`,
    t.maxAbandon === undefined ? undefined : `abandonment ≤ ${pct(t.maxAbandon)}`,
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [
    `${result.scenario}: roster for ${targets} on every day (95 % confidence)`,
    `${result.days} days × ${result.replications} replications per simulation, seed ${result.seed}`,
    '',
    'Shifts (operators starting, per day listed):',
  ];
  const width = Math.max(8, ...result.shifts.map((s) => s.template.length));
  for (const s of result.shifts) {
    const breaks = s.breaks.length > 0 ? `  break ${s.breaks.join(', ')}` : '';
    lines.push(
      `  ${String(s.count).padStart(3)} × ${s.queue} ${s.template.padEnd(width)} ${s.start}${breaks}  ${s.days.length === 7 ? 'every day' : s.days.join(' ')}`,
    );
  }
  const e = result.erlangPlan;
  const difference = result.operatorHours - e.operatorHours;
  lines.push(
    '',
    `Paid hours a week: ${hours(result.operatorHours)} (cost ${Math.round(result.cost)}); Erlang plan covered by the same templates: ${hours(e.operatorHours)} (${difference === 0 ? 'the same' : `${difference > 0 ? '+' : ''}${hours(difference)}`})`,
  );
  if (result.budget !== null)
    lines.push(
      `Budget ${hours(result.budget.hours)}: the highest Erlang A service-level target it covers is ${pct(result.budget.erlangServiceLevel)}`,
    );
  lines.push(
    '',
    `Roster on fresh seeds (${result.verification.seed}):`,
    ...verificationLines(result.verification),
  );
  lines.push(
    '',
    `Erlang plan on the same seeds: ${
      e.verification.met
        ? 'meets the targets every day'
        : `misses on ${e.verification.byDay
            .filter((d) => !d.met)
            .map((d) => d.weekday)
            .join(', ')}`
    }`,
    ...verificationLines(e.verification),
  );
  if (result.search.iterations.length > 0) {
    lines.push(
      '',
      `Search (common random numbers, ${result.search.converged ? 'converged' : 'stopped at the round limit'}):`,
      '  round  paid hours  days met  worst day SL  worst abandonment  raised  lowered  locked',
      ...result.search.iterations.map(
        (i) =>
          `  ${String(i.iteration).padStart(5)}  ${String(i.operatorHours).padStart(10)}  ${`${i.daysMet}/${i.daysSimulated}`.padStart(8)}  ${pct(i.worstServiceLevel).padStart(12)}  ${pct(i.worstAbandon).padStart(17)}  ${String(i.raised).padStart(6)}  ${String(i.lowered).padStart(7)}  ${String(i.locked).padStart(6)}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
