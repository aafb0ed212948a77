/**
 * Write a report file whole or not at all: the HTML goes to a temporary file beside the target,
 * is flushed to disk, then renamed over the target in one step (rename is atomic on one file
 * system), so a reader never sees half a report and a failed run leaves any previous report
 * intact. Cost: one write and one rename.
 */

import { writeFileAtomic as writeFileAtomicSync } from '../io/write-file-atomic.js';
import type { ReportDocument } from './document.js';
import { renderReportHtml } from './render-html.js';

/**
 * Write `content` to `path` whole or not at all (temp file + fsync + rename); rejects with a
 * RunError on failure. The promise form of {@link writeFileAtomicSync}, kept for the library
 * API: the write itself is synchronous (a report is written once, at the end of a run).
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  writeFileAtomicSync(path, content);
}

/** Render `document` and write it to `path` whole or not at all. Returns the bytes written. */
export async function writeReport(path: string, document: ReportDocument): Promise<number> {
  const html = await renderReportHtml(document);
  await writeFileAtomic(path, html);
  return Buffer.byteLength(html, 'utf8');
}
