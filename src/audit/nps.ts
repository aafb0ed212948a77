import { InputError } from '../errors.js';
import { nameKeyed } from '../io/name-keyed.js';
import { type AuditInput, auditInput } from './audit-input.js';
import { splitCsvLine } from './csv-line.js';
import { readLineBatches } from './line-reader.js';
import { type FileAccount, newFileAccount, rejectLine } from './records.js';

/** Net Promoter Score of a group with its 95% confidence interval (percentage points). */
export interface NpsGroup {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number;
  ci95: [number, number];
}

/** The survey section. */
export interface NpsReport {
  file: FileAccount;
  method: string;
  overall: NpsGroup | null;
  byReason: Record<string, NpsGroup>;
}

/**
 * NPS = %promoters (9–10) − %detractors (0–6), with a Wald 95% interval from the multinomial
 * variance of the difference of two shares: Var = (p + d − (p − d)²) / n. Reference: e.g.
 * Rocks, B. (2016) "Interval estimation for the Net Promoter Score", The American Statistician
 * 70(4):365–372 (the Wald interval, section 2). Cost: O(1).
 */
export function netPromoterScore(
  promoters: number,
  passives: number,
  detractors: number,
): NpsGroup {
  for (const v of [promoters, passives, detractors])
    if (!Number.isInteger(v) || v < 0)
      throw new RangeError('netPromoterScore: counts must be non-negative integers');
  const n = promoters + passives + detractors;
  if (n === 0) throw new RangeError('netPromoterScore: no responses');
  const p = promoters / n;
  const d = detractors / n;
  const nps = p - d;
  const half = 1.959963984540054 * Math.sqrt(Math.max(0, p + d - nps * nps) / n);
  return {
    responses: n,
    promoters,
    passives,
    detractors,
    nps: 100 * nps,
    ci95: [100 * Math.max(-1, nps - half), 100 * Math.min(1, nps + half)],
  };
}

/**
 * Read a survey CSV (header with `score` and optionally `date` and `reason` or `touchpoint`;
 * scores 0–10) and compute NPS overall and by reason. Bad rows are rejected with line and
 * reason, like every other input. A plain `source` path is read and named as it is.
 */
export async function surveyNps(source: string | AuditInput): Promise<NpsReport> {
  const { path, name } = auditInput(source);
  const account = newFileAccount(name, 'mapped-csv');
  const counts = new Map<string, [number, number, number]>();
  let scoreAt = -1;
  let reasonAt = -1;
  for await (const batch of readLineBatches(path, undefined, { name })) {
    batch.lines.forEach((text, i) => {
      const line = batch.firstLine + i;
      if (text.trim() === '') {
        account.lines++;
        account.blank++;
        return;
      }
      const fields = splitCsvLine(text);
      if (scoreAt === -1) {
        const names = fields.map((f) => f.trim().toLowerCase());
        scoreAt = names.indexOf('score');
        reasonAt = names.indexOf('reason');
        if (reasonAt === -1) reasonAt = names.indexOf('touchpoint');
        if (scoreAt === -1)
          throw new InputError(
            {
              path: 'header',
              expected: 'a column named "score"',
              received: JSON.stringify(text.slice(0, 80)),
            },
            name,
          );
        account.lines++;
        account.blank++;
        return;
      }
      const raw = (fields[scoreAt] ?? '').trim();
      const score = Number(raw);
      if (raw === '' || !Number.isInteger(score) || score < 0 || score > 10) {
        rejectLine(account, line, `score ${JSON.stringify(raw)} is not an integer 0–10`, text);
        return;
      }
      account.lines++;
      account.records++;
      const reason = reasonAt >= 0 ? (fields[reasonAt] ?? '').trim() || '(none)' : '(all)';
      for (const key of ['', reason]) {
        const c = counts.get(key) ?? [0, 0, 0];
        c[score >= 9 ? 0 : score >= 7 ? 1 : 2]++;
        counts.set(key, c);
      }
    });
  }
  const byReason = nameKeyed<NpsGroup>();
  for (const [key, c] of counts) if (key !== '') byReason[key] = netPromoterScore(...c);
  const overall = counts.get('');
  return {
    file: account,
    method:
      'NPS = % promoters (9–10) − % detractors (0–6); 95% Wald interval, Var = (p + d − (p − d)²)/n',
    overall: overall ? netPromoterScore(...overall) : null,
    byReason,
  };
}
