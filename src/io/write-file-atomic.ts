import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RunError } from '../errors.js';
import { showControlCharacters } from './control-characters.js';

// Create, never open an existing file, never follow a link at the last step: a symbolic link
// planted at the temporary name (or any file there) makes the open fail instead of redirecting
// the write. Mode 0o666 less the umask, as any new file.
const EXCLUSIVE =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * A file written whole or not at all: streamed into a hidden temporary file beside `path`
 * (`.<name>.<random>.tmp`, created exclusively, never through a link), flushed to disk and
 * renamed over `path` by {@link AtomicFile.commit} (rename is atomic on one file system and
 * replaces a link at `path` rather than writing through it). {@link AtomicFile.abort} removes the
 * temporary file. Control characters in the text are written as visible `\u001b`-style escapes
 * ({@link showControlCharacters}): no file the tool writes can drive the terminal it is shown on.
 * Failures are {@link RunError}s naming `shownPath` (the path as the user wrote it; `path` by
 * default). Cost: the writes, one fsync, one rename.
 */
export class AtomicFile {
  private readonly temporary: string;
  private readonly fd: number;
  private buffer = '';

  constructor(
    readonly path: string,
    readonly shownPath = path,
  ) {
    this.temporary = join(
      dirname(path),
      `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      this.fd = openSync(this.temporary, EXCLUSIVE, 0o666);
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** Append `text` (buffered, written in 1 MB pieces). */
  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length > 1 << 20) this.flush();
  }

  private flush(): void {
    try {
      writeFileSync(this.fd, showControlCharacters(this.buffer));
    } catch (error) {
      this.abort();
      throw this.failure(error);
    }
    this.buffer = '';
  }

  /** Flush, close and rename into place. */
  commit(): void {
    this.flush();
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      renameSync(this.temporary, this.path);
    } catch (error) {
      this.abort();
      throw this.failure(error);
    }
  }

  /** Close and remove the temporary file (after a failure); `path` is left as it was. */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    rmSync(this.temporary, { force: true });
  }

  private failure(error: unknown): RunError {
    return new RunError(`could not write ${this.shownPath}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Write `content` to `path` whole or not at all (see {@link AtomicFile}): a reader never sees
 * half a file, and a failed run leaves any previous file intact and no temporary file behind.
 */
export function writeFileAtomic(path: string, content: string, shownPath = path): void {
  const file = new AtomicFile(path, shownPath);
  file.write(content);
  file.commit();
}
