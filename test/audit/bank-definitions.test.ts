import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditResult,
  auditFiles,
  defaultAuditOptions,
  parseColumnMap,
} from '../../src/audit/index.js';
import type { CallSummary } from '../../src/audit/records.js';
import { sharedData } from '../shared-data.js';

// The Technion SEE "Anonymous Bank" per-call records (Israel, 1999; ../shared/data/forecast,
// SOURCES.md; Guedj & Mandelbaum's documentation): nobody here wrote them. Every expected
// figure below is counted in this file straight from the raw rows (csv-parse), from the
// fields the documentation defines: q_time is the time spent in queue, q_start is 0:00:00 when
// the call never queued, priority 2 is a priority customer, outcome AGENT/HANG/PHANTOM.
const bankPath = sharedData('forecast/anonymous-bank-1999-calls.csv');

type Row = Record<string, string>;
const seconds = (clock: string) => {
  const [h, m, s] = clock.split(':').map(Number) as [number, number, number];
  return h * 3600 + m * 60 + s;
};
/** Clock difference b − a in seconds, across midnight. */
const clockDiff = (a: string, b: string) => (seconds(b) - seconds(a) + 86_400) % 86_400;

/** Kaplan–Meier quantile written here from the textbook product-limit formula. */
function kmQuantile(events: number[], censored: number[], p: number): number {
  const times = [...new Set([...events, ...censored])].sort((a, b) => a - b);
  const d = new Map<number, number>();
  const all = new Map<number, number>();
  for (const t of events) d.set(t, (d.get(t) ?? 0) + 1);
  for (const t of [...events, ...censored]) all.set(t, (all.get(t) ?? 0) + 1);
  let atRisk = events.length + censored.length;
  let survival = 1;
  for (const t of times) {
    survival *= 1 - (d.get(t) ?? 0) / atRisk;
    if (survival <= 1 - p + 1e-12) return t;
    atRisk -= all.get(t)!;
  }
  return Number.NaN;
}

describe.skipIf(!bankPath)('Anonymous Bank records: the documented queue times', () => {
  let rows: Row[] = [];
  let result: AuditResult;
  const calls = new Map<string, CallSummary>();
  beforeAll(async () => {
    rows = (parse(readFileSync(bankPath!, 'utf8'), { columns: true }) as Row[]).filter(
      (r) => r.outcome !== 'PHANTOM',
    );
    const mapUrl = new URL('../../audit-maps/anonymous-bank-1999.yaml', import.meta.url);
    const map = parseColumnMap(readFileSync(mapUrl, 'utf8'), 'anonymous-bank-1999.yaml');
    result = await auditFiles([bankPath!], {
      ...defaultAuditOptions,
      map,
      timeZone: 'Asia/Jerusalem',
      onCall: (call) => calls.set(call.callId, call),
    });
  });
  const queued = (r: Row) => r.q_start !== '0:00:00' || Number(r.q_time) > 0;

  it('ASA, service level and patience are those of q_time; the menu time is no wait', () => {
    const answered = rows.filter((r) => r.outcome === 'AGENT');
    const abandoned = rows.filter((r) => r.outcome === 'HANG' && queued(r));
    const waits = answered.map((r) => Number(r.q_time));
    const asa = waits.reduce((a, b) => a + b, 0) / waits.length;
    const within = waits.filter((w) => w <= 20).length;
    const { report, calibration } = result;
    expect(report.calls.answered).toBe(answered.length);
    expect(report.calls.abandoned).toBe(abandoned.length);
    expect(report.asaSeconds!).toBeCloseTo(asa, 6); // 32.6 s
    expect(report.serviceLevel.answeredWithin).toBe(within);
    expect(report.serviceLevel.ofAnswered!).toBeCloseTo(within / answered.length, 9);
    const abandonWaits = abandoned.map((r) => Number(r.q_time));
    expect(report.patience.quartileSeconds).toBe(kmQuantile(abandonWaits, waits, 0.25)); // 100 s
    expect(report.patience.medianSeconds).toBe(kmQuantile(abandonWaits, waits, 0.5));
    const exposure = [...waits, ...abandonWaits].reduce((a, b) => a + b, 0);
    // Time at risk / abandons (369 s); waits over an hour are kept to the minute: rounding.
    const exponential = exposure / abandoned.length;
    expect(Math.abs(calibration.patience.exponentialMeanSeconds! / exponential - 1)).toBeLessThan(
      1e-3,
    );
    // The old definition (answered calls that never queued waited from their menu entry) gave
    // 38.0 s: beyond any rounding of the documented figure.
    const oldWaits = answered.map((r) =>
      queued(r) ? clockDiff(r.q_start!, r.ser_start!) : clockDiff(r.vru_entry!, r.ser_start!),
    );
    const oldAsa = oldWaits.reduce((a, b) => a + b, 0) / oldWaits.length;
    expect(oldAsa - asa).toBeGreaterThan(4);
    expect(report.definitions.asaSeconds).toMatch(/q_time/);
  });

  it('uses q_time where clock times run 1–2 s short or a TT call starts service early', () => {
    const answeredQueued = rows.filter(
      (r) => r.outcome === 'AGENT' && r.q_start !== '0:00:00' && r.ser_start !== '0:00:00',
    );
    const short = answeredQueued.filter((r) => {
      const gap = Number(r.q_time) - clockDiff(r.q_start!, r.ser_start!);
      return gap === 1 || gap === 2;
    });
    expect(short.length).toBeGreaterThan(28_000); // about 28,600 calls
    for (const r of short.slice(0, 500))
      expect(calls.get(`${r['vru+line']}/${r.call_id}`)!.waitSeconds).toBe(Number(r.q_time));
    // Call-back (TT) calls whose service starts more than 2 s before they leave the queue.
    const early = answeredQueued.filter(
      (r) => r.type === 'TT' && clockDiff(r.ser_start!, r.q_exit!) > 2 && seconds(r.q_exit!) > 0,
    );
    expect(early.length).toBeGreaterThan(10);
    for (const r of early)
      expect(calls.get(`${r['vru+line']}/${r.call_id}`)!.waitSeconds).toBe(Number(r.q_time));
  });

  it('a queue entry at 0:00:00 with a queue time is a midnight entry, not "never queued"', () => {
    const midnight = rows.filter((r) => r.q_start === '0:00:00' && Number(r.q_time) > 0);
    expect(midnight.length).toBeGreaterThan(0);
    for (const r of midnight) {
      const call = calls.get(`${r['vru+line']}/${r.call_id}`)!;
      expect(call.path).toEqual([r.type]);
      expect(call.waitSeconds).toBe(Number(r.q_time));
      // The entry is local midnight (UTC+2) of the day after the VRU entry (23:59:54).
      expect(new Date(call.time * 1000).toISOString().slice(11, 19)).toBe('22:00:00');
    }
    const notQueued = rows.filter((r) => !queued(r) && r.outcome !== 'AGENT').length;
    expect(result.report.calls.notQueued).toBe(notQueued); // 4,650 menu hang-ups
  });

  it('the per-queue abandon column is the headline’s, queue by queue', () => {
    const { report } = result;
    for (const q of report.byQueue) {
      const mine = rows.filter((r) => r.type === q.queue && (queued(r) || r.outcome === 'AGENT'));
      const hung = mine.filter((r) => r.outcome === 'HANG').length;
      expect(q.offered).toBe(mine.length);
      expect(q.abandonRate!).toBeCloseTo(hung / mine.length, 12);
    }
    const abandoned = report.byQueue.reduce((n, q) => n + q.abandoned, 0);
    expect(report.abandonRate.all!).toBeCloseTo(abandoned / report.calls.offered, 12);
    // The old column left out short abandons under the same label: PS 6.1 % against 6.4 %.
    const ps = report.byQueue.find((q) => q.queue === 'PS')!;
    expect(ps.abandonRate! - ps.abandonRateExcludingShort!).toBeGreaterThan(0.002);
  });
});

const pbxPath = sharedData('logs/pbxware-realtime.csv');
describe.skipIf(!pbxPath)('calls still waiting when a queue_log ends', () => {
  it('are counted open at the end, not offered and "other"', async () => {
    // Independent count from the raw PBXware export: call ids with an ENTERQUEUE and no event
    // that ends a queue wait.
    const raw = parse(readFileSync(pbxPath!, 'utf8'), {
      columns: true,
      relax_quotes: true,
    }) as Row[];
    const ending = /^(CONNECT|COMPLETE|ABANDON|EXIT|TRANSFER|BLINDTRANSFER|ATTENDEDTRANSFER)/;
    const entered = new Set<string>();
    const ended = new Set<string>();
    for (const r of raw) {
      if (r.event === 'ENTERQUEUE') entered.add(r.callid!);
      if (ending.test(r.event!)) ended.add(r.callid!);
    }
    const open = [...entered].filter((id) => !ended.has(id));
    expect(open).toHaveLength(2);
    const { report } = await auditFiles([pbxPath!], { ...defaultAuditOptions });
    expect(report.calls.openAtEnd).toBe(open.length);
    expect(report.calls.other).toBe(0);
    expect(report.calls.offered).toBe(entered.size - open.length);
  });
});
