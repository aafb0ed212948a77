/**
 * One record file of an audit: where to read it and how to name it to people. The CLI reads
 * `../shared/data/logs/x.queue_log` resolved against its working directory but shows it as the
 * user typed it, in the summary, report.json, calls.csv and error messages alike.
 */
export interface AuditInput {
  /** Where to read the file: absolute, or relative to the process's working directory. */
  path: string;
  /** How summaries, reports, calls.csv and errors name the file: the path as the user gave it. */
  name: string;
}

/**
 * The {@link AuditInput} of a plain path (read and shown as it is) or of an input already split
 * into path and name. Cost: O(1).
 *
 * @example auditInput('a.log') // { path: 'a.log', name: 'a.log' }
 */
export function auditInput(source: string | AuditInput): AuditInput {
  return typeof source === 'string' ? { path: source, name: source } : source;
}
