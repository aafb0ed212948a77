import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { InputError, inputError } from '../errors.js';
import { type AuditReport, buildReport } from './audit-report.js';
import { AgentSessions } from './agent-sessions.js';
import { type AuditInput, auditInput } from './audit-input.js';
import { AuditStats } from './audit-stats.js';
import { type CalibratedParameters, CalibrationTracker } from './calibration-tracker.js';
import { CallBuilder } from './call-builder.js';
import type { ColumnMap } from './column-map.js';
import { detectFormat } from './detect-format.js';
import { surveyNps } from './nps.js';
import { Pseudonymiser } from './pseudonymise.js';
import { mergeInTimeOrder, readRecords } from './read-records.js';
import { type AuditFormat, auditFormats, type AuditRecord, type CallSummary } from './records.js';

/** Options of {@link auditFiles}. */
export interface AuditOptions {
  /** Force a format for every file (else detected per file; `mapped-csv` when `map` is set). */
  format?: AuditFormat | undefined;
  map?: ColumnMap | undefined;
  timeZone: string;
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
  microFlowPerWeek: number;
  redialWindowSeconds: number;
  bounceWindowSeconds: number;
  intervalMinutes: number;
  /** Pseudonymise caller numbers with this HMAC key before anything is kept. */
  pseudonymiseKey?: string | Buffer | undefined;
  /** Patient survey CSV for NPS: a path, or a path with the name to show. */
  survey?: string | AuditInput | undefined;
  /** Called with every reconstructed call (already pseudonymised), e.g. to write calls.csv. */
  onCall?: ((call: CallSummary) => void) | undefined;
}

/** Result of an audit: the report and the calibrated parameters and history. */
export interface AuditResult {
  report: AuditReport;
  calibration: CalibratedParameters;
  history: [string, number, string][];
}

/** Default options: 20 s service level, 5 s short abandons, UTC. */
export const defaultAuditOptions: AuditOptions = {
  timeZone: 'UTC',
  serviceLevelSeconds: 20,
  shortAbandonSeconds: 5,
  microFlowPerWeek: 5,
  redialWindowSeconds: 86_400,
  bounceWindowSeconds: 300,
  intervalMinutes: 30,
};

/**
 * Read the first bytes of `path` as lines, for format detection: the complete lines among
 * them, or the start of the first line when it is longer (a dump's one-line INSERT).
 */
function headLines(path: string): string[] {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const lines = buffer
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    return lines.length > 1 ? lines.slice(0, -1) : lines;
  } finally {
    closeSync(fd);
  }
}

/**
 * The format of a file: forced, mapped, or detected from its first lines; throws InputError
 * (naming the file as given) when unknown.
 */
export function formatOf(
  source: string | AuditInput,
  options: Pick<AuditOptions, 'format' | 'map'>,
): AuditFormat {
  if (options.format) return options.format;
  if (options.map) return 'mapped-csv';
  const { path, name } = auditInput(source);
  const detected = detectFormat(headLines(path));
  if (!detected)
    throw inputError(
      '--format',
      `one of ${auditFormats.join(', ')}`,
      'a file whose format could not be detected',
      {
        file: name,
        hint: 'give --format, or --map for a per-call CSV export',
        raw: true,
      },
    );
  return detected;
}

/**
 * Audit call records: stream every file (formats detected or given), merge them in time order,
 * rebuild each call and caller, and compute the KPIs, patience, and calibration. Memory stays
 * flat in file size (calls in progress, one record per caller, fixed histograms). Each file
 * is a path, or an {@link AuditInput} read at `path` and named `name` in the report, the calls
 * and errors (the CLI passes the paths as typed). A per-call record (mapped CSV) or a CDR leg repeated
 * in the inputs (see {@link identity}) is counted once and in its file's `duplicates`; memory
 * then holds one key per call or leg read. Cost: O(total lines).
 */
export async function auditFiles(
  sources: readonly (string | AuditInput)[],
  options: AuditOptions,
): Promise<AuditResult> {
  if (sources.length === 0) throw inputError('FILES', 'at least one record file', 'none');
  const inputs = sources.map(auditInput);
  for (const { path, name } of inputs) {
    let ok = false;
    try {
      ok = statSync(path).isFile();
    } catch {}
    if (!ok) throw inputError('FILES', 'a readable file', name, { raw: true });
  }
  const stats = new AuditStats(options);
  const calibration = new CalibrationTracker(options.timeZone, options.intervalMinutes);
  stats.listeners.push(calibration.add);
  const pseudo = options.pseudonymiseKey ? new Pseudonymiser(options.pseudonymiseKey) : undefined;
  const onCall = options.onCall;
  const addCall = (call: CallSummary) => {
    stats.addCall(call);
    onCall?.(call);
  };
  const sessions = new AgentSessions();
  stats.listeners.push(sessions.addCall);
  const builder = new CallBuilder(addCall);
  const readers = inputs.map((input, source) =>
    readRecords(input.path, {
      format: formatOf(input, options),
      map: options.map,
      timeZone: options.timeZone,
      source,
      name: input.name,
    }),
  );
  // Per-call records and CDR legs read → their file, for duplicates: one short string each.
  const seen = new Map<string, number>();
  try {
    await mergeInTimeOrder(
      readers.map((r) => r.batches),
      (record) => {
        // A record seen before (the same export given twice, or overlapping ones) is counted
        // once, as queue_log duplicates are; the later file of the two (in the order given)
        // counts it as its duplicate.
        const key = identity(record, readers[record.source]!.account.format);
        if (key !== undefined) {
          const first = seen.get(key);
          if (first !== undefined) {
            const account = readers[Math.max(first, record.source)]!.account;
            account.duplicates = (account.duplicates ?? 0) + 1;
            return;
          }
          seen.set(key, record.source);
        }
        // Pseudonymised where it enters: nothing downstream ever holds a raw number.
        if (pseudo) pseudo.record(record);
        if (record.kind === 'queue') {
          sessions.addEvent(record);
          builder.add(record);
        } else if (record.kind === 'cdr') stats.addLeg(record);
        else addCall(record);
      },
    );
  } catch (error) {
    // An error message quotes what it received: under --pseudonymise, its numbers too are
    // pseudonyms.
    if (pseudo && error instanceof InputError)
      throw new InputError(
        error.problems.map((problem) => ({
          ...problem,
          received: pseudo.text(problem.received),
          ...(problem.hint === undefined ? {} : { hint: pseudo.text(problem.hint) }),
        })),
        error.file,
      );
    throw error;
  }
  builder.finish();
  const report = buildReport(
    stats,
    readers.map((r) => r.account),
    builder.counts,
    options.map,
  );
  if (pseudo)
    // Rejected lines are quoted in the report: masked, since any field of theirs (a caller, an
    // agent, a name) may be anywhere in them.
    for (const account of report.input)
      for (const rejected of account.firstRejected) {
        rejected.text = pseudo.masked(rejected.text);
        rejected.reason = pseudo.reason(rejected.reason);
      }
  const occupancy = sessions.report();
  if (occupancy) report.occupancy = occupancy;
  if (options.survey) {
    report.survey = await surveyNps(options.survey);
    report.definitions.survey = report.survey.method;
  }
  return { report, calibration: calibration.parameters(stats), history: calibration.historyRows() };
}

/**
 * What makes a per-call record or a CDR leg the same one in another file, for duplicates: a
 * per-call record's format, call id and arrival; a CDR leg's fields, all of them (a CDR table
 * has no key: forks of one dial share the unique id, start and destination and differ by
 * channel). Queue events are checked per call by the call builder (their `key`): `undefined`.
 */
function identity(record: AuditRecord, format: string): string | undefined {
  if (record.kind === 'call') return `${format}\u0000${record.callId}\u0000${record.arrivalTime}`;
  if (record.kind === 'cdr') return `cdr\u0000${record.key}`;
  return undefined;
}
