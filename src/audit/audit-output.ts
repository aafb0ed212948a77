import { closeSync } from 'node:fs';
import { join } from 'node:path';
import { inputError, RunError } from '../errors.js';
import { csvCell } from '../io/csv-cell.js';
import { fileId } from '../io/file-id.js';
import { yamlText } from '../io/yaml-text.js';
import {
  checkOutputDirectory,
  removeStalePartials,
  StagingDirectory,
} from '../io/staging-directory.js';
import type { AuditResult } from './audit-files.js';
import type { CallSummary } from './records.js';
import { calibrationToScenario } from './scenario-writer.js';

const CALL_COLUMNS = [
  'call_id',
  'caller',
  'queue',
  'path',
  'start',
  'end',
  'outcome',
  'wait_seconds',
  'total_wait_seconds',
  'talk_seconds',
  'agent',
  'transfers',
  'bounces',
  'ring_no_answer',
  'file',
  'line',
];

/** Options of {@link AuditOutput}. */
export interface AuditOutputOptions {
  /** Write into a directory that holds files, replacing those of the same names. */
  force?: boolean;
  /** The directory as the user wrote it, for errors. */
  shown?: string;
  /**
   * Every file the audit reads (records, map, survey…), each as a path and as the user wrote
   * it: a file of `dir` the audit would write (`--force`) must not be one of them.
   */
  inputs?: readonly { path: string; name: string }[];
}

/** The files {@link AuditOutput} writes into its directory. */
export const AUDIT_OUTPUT_FILES = [
  'calls.csv',
  'report.json',
  'calibration.json',
  'history.csv',
  'scenario.yaml',
] as const;

/**
 * Writes the audit's files into `dir` whole or not at all: everything goes to a staging
 * directory beside it first ({@link StagingDirectory}), then the staging directory is renamed
 * to `dir`, or, when `dir` already exists (empty, or with `force`), each file is renamed into it
 * (renames are atomic on one file system; other files in `dir` stay). A `dir` that is a symbolic
 * link, or holds files without `force`, is refused before any work (InputError); staging
 * directories left by killed runs are removed ({@link AuditOutput.staleRemoved}). `calls.csv` is streamed while the audit runs
 * (one row per call, callers already pseudonymised when asked); `report.json`, `history.csv`
 * (the `interval_start,calls,reason` counts `switchboard forecast` reads), `calibration.json`
 * and `scenario.yaml` at the end. Call {@link AuditOutput.abort} on failure to leave nothing behind.
 */
export class AuditOutput {
  private readonly staging: StagingDirectory;
  private readonly callsFd: number;
  private buffer = '';

  /** Staging directories of killed earlier runs, removed before this one started. */
  readonly staleRemoved: string[];

  constructor(
    readonly dir: string,
    /** The record files' names as shown to people (the paths as given), in audit order. */
    readonly names: readonly string[],
    options: AuditOutputOptions = {},
  ) {
    checkOutputDirectory(dir, { shown: options.shown ?? dir, force: options.force ?? false });
    // With --force the files of `dir` are replaced: never one the audit is reading (records
    // audited from `dir/calls.csv`, written back over themselves). Compared by device and inode,
    // so another spelling or a hard link of the input is caught too.
    const inputIds = new Map<string, string>();
    for (const input of options.inputs ?? []) {
      const id = fileId(input.path);
      if (id !== undefined) inputIds.set(id, input.name);
    }
    for (const name of AUDIT_OUTPUT_FILES) {
      const input = inputIds.get(fileId(join(dir, name)) ?? '');
      if (input !== undefined)
        throw inputError(
          '--out',
          'a directory whose files are not the audit’s inputs',
          options.shown ?? dir,
          {
            hint: `the audit writes ${name} there, which is the input ${JSON.stringify(input)}: choose another directory`,
          },
        );
    }
    this.staleRemoved = removeStalePartials(dir);
    let staging: StagingDirectory | undefined;
    try {
      staging = StagingDirectory.create(dir, { createParent: true });
      this.staging = staging;
      this.callsFd = staging.open('calls.csv');
    } catch (error) {
      staging?.abort();
      throw new RunError(`cannot write to ${dir}: ${(error as Error).message}`, { cause: error });
    }
    this.buffer = `${CALL_COLUMNS.join(',')}\n`;
  }

  /** Append one call to calls.csv. */
  addCall = (call: CallSummary): void => {
    const iso = (t: number) =>
      Number.isFinite(t) ? `${new Date(t * 1000).toISOString().slice(0, 19)}Z` : '';
    this.buffer += `${[
      call.callId,
      call.caller,
      call.queue,
      call.path.join('>'),
      iso(call.time),
      iso(call.endTime),
      call.path.length === 0 ? 'notQueued' : call.openAtEnd ? 'openAtEnd' : call.outcome,
      call.waitSeconds,
      call.totalWaitSeconds,
      call.talkSeconds,
      call.agent,
      call.transfers,
      call.bounces,
      call.ringNoAnswer,
      this.names[call.source] ?? '',
      call.line,
    ]
      .map(csvCell)
      .join(',')}\n`;
    if (this.buffer.length > 1 << 20) this.flush();
  };

  private flush(): void {
    this.staging.write(this.callsFd, this.buffer);
    this.buffer = '';
  }

  /** Write the remaining files and move everything into place. Returns the file names. */
  commit(result: AuditResult): string[] {
    try {
      this.flush();
      closeSync(this.callsFd);
      this.staging.writeFile('report.json', `${JSON.stringify(result.report, null, 2)}\n`);
      this.staging.writeFile(
        'calibration.json',
        `${JSON.stringify(result.calibration, null, 2)}\n`,
      );
      this.staging.writeFile(
        'history.csv',
        `interval_start,calls,reason\n${result.history.map((r) => r.map(csvCell).join(',')).join('\n')}${result.history.length ? '\n' : ''}`,
      );
      // No queue call, nothing to calibrate (a CDR-only audit): no scenario rather than one
      // `simulate` would refuse.
      if (result.calibration.queues.length > 0)
        this.staging.writeFile(
          'scenario.yaml',
          `# switchboard audit: calibrated from ${this.names.length} record file(s); format: docs/scenario-format.md\n${yamlText(calibrationToScenario(result.calibration), { lineWidth: 0, version: '1.1' })}`,
        );
      return this.staging.commit('merge');
    } catch (error) {
      this.abort();
      throw new RunError(`cannot write to ${this.dir}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** Remove the staging directory (after a failure). */
  abort(): void {
    try {
      closeSync(this.callsFd);
    } catch {}
    this.staging.abort();
  }
}
