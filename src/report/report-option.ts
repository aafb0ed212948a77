/**
 * The `--report FILE.html` option every main command shares: its yargs declaration and a check
 * run BEFORE the work starts, so a typo in the path fails in a second (exit 2) rather than
 * after a long simulation. Cost: two stats.
 */

import { resolve } from 'node:path';
import { inputError } from '../errors.js';
import { checkOutputFile } from '../io/write-file-atomic.js';

/** The yargs declaration of `--report`: `yargs.option('report', REPORT_OPTION)`. */
export const REPORT_OPTION = {
  type: 'string',
  describe: 'Also write a self-contained HTML report (charts, summary) to FILE.html',
  requiresArg: true,
} as const;

/**
 * The absolute path the report will be written to, or undefined when `--report` was not given.
 * Throws an InputError naming `--report` when the value is not a string ending in `.html` or
 * `.htm`, when its directory does not exist, or when a directory is at the path.
 *
 * @example resolveReportPath('out/report.html', '/home/me') // '/home/me/out/report.html'
 */
export function resolveReportPath(value: unknown, cwd: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/\.html?$/i.test(value))
    throw inputError('--report', 'a file name ending in .html', value, {
      hint: 'e.g. --report report.html',
    });
  const path = resolve(cwd, value);
  checkOutputFile(path, '--report', value);
  return path;
}
