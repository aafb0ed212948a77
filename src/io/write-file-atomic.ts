import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RunError } from '../errors.js';

/**
 * Write `content` to `path` whole or not at all: into a hidden temporary file beside it,
 * flushed to disk, then renamed over it in one step (rename is atomic on one file system). A
 * reader never sees half a file, and a failed run leaves any previous file intact and no
 * temporary file behind. A failure is a {@link RunError} naming `shownPath` (the path as the
 * user wrote it; `path` by default). Cost: one write, one fsync, one rename.
 */
export function writeFileAtomic(path: string, content: string, shownPath = path): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temporary, 'wx');
    try {
      writeFileSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new RunError(`could not write ${shownPath}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
