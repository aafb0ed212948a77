import { type RosterResult, type RosterVerification, targetText } from '../roster/build-roster.js';
import { unitDecimals } from '../measures/measure-catalogue.js';
import { countText, fixed, percentText, signedFixed } from '../units/fixed.js';

const pct = (x: number) => percentText(x);
const range = (ci: [number, number]) => `[${pct(ci[0])}, ${pct(ci[1])}]`;
// Hours with the catalogue's decimals for hours (one), whatever their size: `546.0 h`, `546.5 h`.
const hoursNumber = (h: number) => fixed(h, unitDecimals('hours', false));
const hours = (h: number) => `${hoursNumber(h)} h`;

function verificationLines(v: RosterVerification, days: number): string[] {
  const all = days === 7 ? 'week' : `${days} days`;
  return [
    `  ${all.padEnd(10)}  service level ${pct(v.serviceLevel.mean)} ${range(v.serviceLevel.ci95)}, abandonment ${pct(v.probabilityAbandon.mean)} ${range(v.probabilityAbandon.ci95)}`,
    ...v.byDay.flatMap((d) => [
      `  ${d.weekday.padEnd(10)}  service level ${pct(d.serviceLevel.mean)} ${range(d.serviceLevel.ci95)}, abandonment ${pct(d.probabilityAbandon.mean)} ${range(d.probabilityAbandon.ci95)}  ${d.met ? 'met' : 'MISSED'}`,
      // Queues with targets of their own, each on its entries.
      ...(d.byQueue ?? []).map(
        (q) =>
          `    queue ${q.queue}: service level ${pct(q.serviceLevel.mean)} ${range(q.serviceLevel.ci95)}, abandonment ${pct(q.probabilityAbandon.mean)} ${range(q.probabilityAbandon.ci95)}  ${q.met ? 'met' : 'MISSED'}`,
      ),
    ]),
  ];
}

/**
 * The readable summary of `switchboard roster`: the shifts, paid hours beside the Erlang plan's,
 * targets met by day for both on fresh seeds, and the search's rounds.
 */
export function formatRoster(result: RosterResult): string {
  const t = result.targets;
  const targets = targetText(t);
  const b = result.budget;
  const lines = [
    b === null
      ? `${result.scenario}: roster for ${targets} on every day (95 % confidence)`
      : `${result.scenario}: the best ${b.measure === 'serviceLevel' ? `service level within ${t.thresholdSeconds} s` : 'abandonment'} ${hours(b.hours)} of paid hours a week buy (targets ${targets})`,
    `${countText(result.days, 'day')} × ${countText(result.replications, 'replication')} per simulation, seed ${result.seed}`,
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
    `Paid hours a week: ${hours(result.operatorHours)} (cost ${fixed(result.cost, unitDecimals('currency', false))} ${result.currency}); Erlang plan covered by the same templates: ${hours(e.operatorHours)} (${difference === 0 ? 'the same' : `${difference > 0 ? '+' : ''}${hours(difference)}`})`,
  );
  for (const u of result.unproven)
    lines.push(
      `Queue ${u.queue}: the cover solve stopped at its ${u.status}: the best roster found, not proven the cheapest`,
    );
  if (b?.erlangPlacement)
    lines.push(
      `Budget ${hours(b.hours)}: ${hours(result.operatorHours)} placed by simulation; the Erlang A placement of the same budget: ${hours(b.erlangPlacement.operatorHours)}`,
    );
  lines.push(
    '',
    `Roster on fresh seeds (${result.verification.seed}):`,
    ...verificationLines(result.verification, result.days),
  );
  if (b?.erlangPlacement) {
    const points = (x: number) => signedFixed(x * 100, 1);
    const gain = (e: { mean: number; ci95: [number, number] }) =>
      `${points(e.mean)} points [${points(e.ci95[0])}, ${points(e.ci95[1])}]`;
    lines.push(
      '',
      'Erlang A placement of the same budget on the same seeds:',
      ...verificationLines(b.erlangPlacement.verification, result.days),
    );
    if (b.gain !== null)
      lines.push(
        `  roster's gain over it (paired by seed): service level ${gain(b.gain.serviceLevel)}, abandonment avoided ${gain(b.gain.abandonAvoided)}, budget score ${gain(b.gain.score)}`,
      );
  }
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
    ...verificationLines(e.verification, result.days),
  );
  if (result.search.iterations.length > 0) {
    lines.push(
      '',
      `Search (common random numbers, ${result.search.converged ? 'converged' : 'stopped at the round limit'}):`,
      '  round  paid hours  days met  worst day SL  worst abandonment  raised  lowered  locked',
      ...result.search.iterations.map(
        (i) =>
          `  ${String(i.iteration).padStart(5)}  ${hoursNumber(i.operatorHours).padStart(10)}  ${`${i.daysMet}/${i.daysSimulated}`.padStart(8)}  ${pct(i.worstServiceLevel).padStart(12)}  ${pct(i.worstAbandon).padStart(17)}  ${String(i.raised).padStart(6)}  ${String(i.lowered).padStart(7)}  ${String(i.locked).padStart(6)}`,
      ),
    );
  }
  if (b !== null && b.rounds.length > 0) {
    lines.push(
      '',
      `Budget search (common random numbers, ${b.converged ? 'converged' : 'stopped at the round limit'}; rounds 1–2: Erlang A's placements, balanced and plain):`,
      '  round  paid hours  service level  abandonment  days met  score   kept  operator-intervals moved',
      ...b.rounds.map(
        (r) =>
          `  ${String(r.iteration).padStart(5)}  ${hoursNumber(r.operatorHours).padStart(10)}  ${pct(r.serviceLevel).padStart(13)}  ${pct(r.probabilityAbandon).padStart(11)}  ${`${r.daysMet}/${r.daysSimulated}`.padStart(8)}  ${pct(r.score)}  ${r.kept ? 'yes ' : 'no  '}  ${String(r.moved).padStart(24)}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
