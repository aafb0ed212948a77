import { splitCsvLine } from './csv-line.js';
import type { AuditFormat } from './records.js';

const SQL_LINE = /^\s*(--|\/\*|CREATE\s|INSERT\s|DROP\s|SET\s|LOCK\s|USE\s)/i;
const PIPE_LINE = /^\d{9,11}(\.\d+)?\|[^|]*\|[^|]*\|[^|]*\|[A-Za-z]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DISPOSITION = /^(ANSWERED|NO ANSWER|BUSY|FAILED|CONGESTION)$/;

/**
 * Guess the format of a file from its first lines (up to 50 non-blank ones): SQL dump, native
 * queue_log, queue_log CSV export, Master.csv-style CDR, or FreeSWITCH CDR. Returns undefined
 * when nothing fits, so the caller can ask for `--format`. Cost: O(lines given).
 */
export function detectFormat(lines: readonly string[]): AuditFormat | undefined {
  const sample = lines.filter((l) => l.trim().length > 0).slice(0, 50);
  if (sample.length === 0) return undefined;
  if (sample.some((l) => SQL_LINE.test(l))) return 'sql';
  const pipes = sample.filter((l) => PIPE_LINE.test(l)).length;
  if (pipes > 0 && pipes >= sample.length / 2) return 'queue_log';
  const first = splitCsvLine(sample[0]!).map((f) => f.trim().toLowerCase());
  if (first.includes('event') && first.includes('callid')) return 'queue_log-csv';
  if (first.includes('hangup_cause')) return 'freeswitch-csv';
  if (first.includes('disposition') || first.includes('billsec')) return 'cdr-csv';
  let freeswitch = 0;
  let master = 0;
  let queueCsv = 0;
  for (const line of sample) {
    const fields = splitCsvLine(line);
    if (fields.length === 15 && UUID.test(fields[10] ?? '')) freeswitch++;
    else if (fields.some((f) => DISPOSITION.test(f))) master++;
    else if (fields.some((f) => /^(ENTERQUEUE|CONNECT|QUEUESTART|CONFIGRELOAD|ABANDON)$/.test(f)))
      queueCsv++;
  }
  const best = Math.max(freeswitch, master, queueCsv);
  if (best === 0) return undefined;
  if (best === freeswitch) return 'freeswitch-csv';
  if (best === master) return 'cdr-csv';
  return 'queue_log-csv';
}
