import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { inputError, RunError } from '../errors.js';
import { showControlCharacters } from './control-characters.js';
import { isRunning } from './staging-directory.js';

// Create, never open an existing file, never follow a link at the last step: a symbolic link
// planted at the temporary name (or any file there) makes the open fail instead of redirecting
// the write. Mode 0o666 less the umask, as any new file.
const EXCLUSIVE =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** The temporary name of a write of `name` by process `pid` (`.<name>.<pid>-<random>.tmp`). */
const temporaryName = (name: string, pid: number) =>
  `.${name}.${pid}-${randomBytes(6).toString('hex')}.tmp`;

/** Escape `text` for a regular expression. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Remove the temporary files of `path` left by writes that were killed before they could clean
 * up (the process named in the temporary's name is gone; a temporary of the older unnamed form
 * `.<name>.<random>.tmp` once it is over a minute old): they may hold half an output, raw
 * records among it. Temporaries of running processes are left alone. Returns the names
 * removed. Cost: one directory listing.
 */
export function removeStaleTemporaries(path: string): string[] {
  const absolute = resolve(path);
  const pattern = new RegExp(
    `^\\.${literal(basename(absolute))}\\.(?:(\\d+)-)?[0-9a-f]{12}\\.tmp$`,
  );
  let names: string[];
  try {
    names = readdirSync(dirname(absolute)).filter((name) => pattern.test(name));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const temporary = join(dirname(absolute), name);
    const info = lstatSync(temporary, { throwIfNoEntry: false });
    if (!info?.isFile()) continue;
    const pid = pattern.exec(name)![1];
    const stale =
      pid === undefined
        ? Date.now() - info.mtimeMs > 60_000
        : Number(pid) !== process.pid && !isRunning(Number(pid));
    if (!stale) continue;
    rmSync(temporary, { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * A file written whole or not at all: streamed into a hidden temporary file beside `path`
 * (`.<name>.<pid>-<random>.tmp`, created exclusively, never through a link), flushed to disk and
 * renamed over `path` by {@link AtomicFile.commit} (rename is atomic on one file system and
 * replaces a link at `path` rather than writing through it). {@link AtomicFile.abort} removes the
 * temporary file. Control characters in the text are written as visible `\u001b`-style escapes
 * ({@link showControlCharacters}): no file the tool writes can drive the terminal it is shown on.
 * Temporaries of `path` left by killed runs are removed first ({@link removeStaleTemporaries};
 * their names in {@link AtomicFile.staleRemoved}). Failures are {@link RunError}s naming
 * `shownPath` (the path as the user wrote it; `path` by default). Cost: the writes, one fsync,
 * one rename, one listing of the directory.
 */
export class AtomicFile {
  private readonly temporary: string;
  private readonly fd: number;
  private buffer = '';

  /** Temporaries of killed earlier writes of `path`, removed before this one started. */
  readonly staleRemoved: string[];

  constructor(
    readonly path: string,
    readonly shownPath = path,
  ) {
    this.staleRemoved = removeStaleTemporaries(path);
    this.temporary = join(dirname(path), temporaryName(basename(path), process.pid));
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
 * Returns the names of the temporaries of killed earlier writes that were removed.
 */
export function writeFileAtomic(path: string, content: string, shownPath = path): string[] {
  const file = new AtomicFile(path, shownPath);
  file.write(content);
  file.commit();
  return file.staleRemoved;
}

/**
 * Check, before any work, a file an option will write (`--out FILE`, `--queue-log`, `--report`):
 * its directory exists, and what is at `path`, if anything, is a file or a symbolic link (which
 * the write replaces, never follows) — not a directory, which would fail only at the end, after
 * the other outputs were written. Throws an InputError naming `flag` and `shown` (the path as
 * typed). Cost: two stats.
 */
export function checkOutputFile(path: string, flag: string, shown: string): void {
  const directory = dirname(path);
  let isDirectory = false;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch {}
  if (!isDirectory)
    throw inputError(flag, 'a file in an existing directory', shown, {
      hint: `create ${directory} first`,
    });
  let info;
  try {
    info = lstatSync(path);
  } catch {
    return;
  }
  if (!info.isFile() && !info.isSymbolicLink())
    throw inputError(flag, 'a file to write', shown, {
      hint: `${info.isDirectory() ? 'a directory' : 'something other than a file'} is there`,
    });
}

/** The line a command prints for a leftover of a killed run it removed. */
export function staleRemovedNotice(name: string): string {
  return `removed ${name}, left by an earlier run that was killed\n`;
}
