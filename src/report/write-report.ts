/**
 * Write a report file whole or not at all: the HTML goes to a temporary file beside the target,
 * is flushed to disk, then renamed over the target in one step (rename is atomic on one file
 * system), so a reader never sees half a report and a failed run leaves any previous report
 * intact. Cost: one write and one rename.
 */

import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RunError } from '../errors.js';
import type { ReportDocument } from './document.js';
import { renderReportHtml } from './render-html.js';

/** Write `content` to `path` atomically (temp file + fsync + rename). Throws a RunError on failure. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new RunError(`could not write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Render `document` and write it to `path` whole or not at all. Returns the bytes written. */
export async function writeReport(path: string, document: ReportDocument): Promise<number> {
  const html = await renderReportHtml(document);
  await writeFileAtomic(path, html);
  return Buffer.byteLength(html, 'utf8');
}
