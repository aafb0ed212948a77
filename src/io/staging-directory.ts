import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { inputError } from '../errors.js';
import { showControlCharacters } from './control-characters.js';

/** The file inside a staging directory naming the process that writes it. */
const OWNER = '.owner';

/** True when process `pid` is running (signal 0 tests without signalling). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the staging directories of `target` left by runs that were killed before they could
 * clean up (their owner process is gone, or, with no owner file, they are over a minute old):
 * they may hold raw records. Returns the names removed.
 */
export function removeStalePartials(target: string): string[] {
  const absolute = resolve(target);
  const parent = dirname(absolute);
  const prefix = `.${basename(absolute)}.partial-`;
  let names: string[];
  try {
    names = readdirSync(parent).filter((name) => name.startsWith(prefix));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const path = join(parent, name);
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (!info?.isDirectory()) continue;
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(join(path, OWNER), 'utf8'));
    } catch {}
    const stale = Number.isInteger(owner)
      ? owner !== process.pid && !isRunning(owner)
      : Date.now() - info.mtimeMs > 60_000;
    if (!stale) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Options of {@link checkOutputDirectory}. */
export interface CheckOutputDirectoryOptions {
  /** The flag naming the directory in errors (default `--out`). */
  flag?: string;
  /** The directory as the user wrote it. */
  shown?: string;
  /**
   * Accept a directory that holds files (those of the same names are replaced). Given (true or
   * false) only by a command that has a `--force` flag: the refusal then names it.
   */
  force?: boolean;
}

/**
 * Check a directory the results are to be written into, before any work: it must not be a
 * symbolic link (whose target someone else chose) nor a file, and must be new or empty unless
 * `force` is given. Throws an InputError naming the flag; returns true when it already exists.
 */
export function checkOutputDirectory(
  dir: string,
  options: CheckOutputDirectoryOptions = {},
): boolean {
  const flag = options.flag ?? '--out';
  const shown = options.shown ?? dir;
  let info: ReturnType<typeof lstatSync>;
  try {
    info = lstatSync(dir, { throwIfNoEntry: false });
  } catch {
    return false; // not reachable (a file in the path): creating it fails with the reason
  }
  if (info === undefined) return false;
  if (info.isSymbolicLink())
    throw inputError(flag, 'a directory of its own, not a symbolic link', shown);
  if (!info.isDirectory())
    throw inputError(flag, 'a directory', shown, { hint: 'a file of that name exists' });
  const entries = readdirSync(dir);
  if (entries.length > 0 && !options.force) {
    const there = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} already there`;
    throw inputError(flag, 'a new or empty directory', shown, {
      hint:
        options.force === undefined
          ? `${there}; choose another directory or empty this one`
          : `${there}; --force replaces the files of the same names and keeps the others`,
    });
  }
  return true;
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * What {@link StagingDirectory.commit} does when the target is an existing directory:
 * `replace-empty` removes it (the caller has checked it is empty) and renames the staging
 * directory in its place; `merge` renames each staged file into it, replacing files of the
 * same name and keeping the others.
 */
export type ExistingTarget = 'replace-empty' | 'merge';

/** Options of {@link StagingDirectory.create}. */
export interface StagingDirectoryOptions {
  /** Create the target's parent directories first (default false: a missing parent fails). */
  createParent?: boolean | undefined;
}

/**
 * A hidden temporary directory beside a target directory (`.<name>.partial-XXXXXX`, on the
 * same file system), where files are written — whole, or streamed through a file descriptor —
 * before {@link StagingDirectory.commit} renames them into place. Until the commit nothing
 * shows at the target, and {@link StagingDirectory.abort} removes every staged file, so a run
 * that fails while writing leaves no partial output and any previous content intact. The
 * commit is one atomic rename when the target is new (or replaced when empty), one rename per
 * file when `merge`ing into an existing directory. Errors are the file system's own; callers
 * word them. Cost: one mkdtemp, one rename per commit (per file when merging).
 */
export class StagingDirectory {
  private constructor(
    /** The directory the files are for. */
    readonly target: string,
    /** The staging directory. */
    readonly path: string,
  ) {}

  /** Make the staging directory beside `target`. Throws the file system's error. */
  static create(target: string, options: StagingDirectoryOptions = {}): StagingDirectory {
    const absolute = resolve(target);
    const parent = dirname(absolute);
    if (options.createParent) mkdirSync(parent, { recursive: true });
    const path = mkdtempSync(join(parent, `.${basename(absolute)}.partial-`));
    try {
      writeFileSync(join(path, OWNER), String(process.pid));
    } catch (error) {
      rmSync(path, { recursive: true, force: true });
      throw error;
    }
    return new StagingDirectory(absolute, path);
  }

  /**
   * Open staged file `name` for writing (streaming); the caller writes through
   * {@link StagingDirectory.write} and closes the descriptor.
   */
  open(name: string): number {
    return openSync(join(this.path, name), 'w');
  }

  /** Append `text` to a file opened by {@link StagingDirectory.open}, control characters shown. */
  write(fd: number, text: string): void {
    writeSync(fd, showControlCharacters(text));
  }

  /**
   * Write staged file `name` whole, control characters shown as visible `\u001b`-style escapes
   * ({@link showControlCharacters}).
   */
  writeFile(name: string, text: string): void {
    writeFileSync(join(this.path, name), showControlCharacters(text));
  }

  /**
   * Move the staged files to the target (see {@link ExistingTarget} for an existing one) and
   * return their names, sorted. On failure the staging directory is removed and the error
   * rethrown.
   */
  commit(existing: ExistingTarget): string[] {
    try {
      rmSync(join(this.path, OWNER), { force: true });
      const names = readdirSync(this.path).sort();
      if (!isDirectory(this.target)) renameSync(this.path, this.target);
      else if (existing === 'replace-empty') {
        rmdirSync(this.target);
        renameSync(this.path, this.target);
      } else {
        for (const name of names) renameSync(join(this.path, name), join(this.target, name));
        rmSync(this.path, { recursive: true, force: true });
      }
      return names;
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  /** Remove the staging directory and everything in it (after a failure). */
  abort(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
