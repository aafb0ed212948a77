import {
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

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
    return new StagingDirectory(
      absolute,
      mkdtempSync(join(parent, `.${basename(absolute)}.partial-`)),
    );
  }

  /** Open staged file `name` for writing (streaming); the caller closes the descriptor. */
  open(name: string): number {
    return openSync(join(this.path, name), 'w');
  }

  /** Write staged file `name` whole. */
  writeFile(name: string, text: string): void {
    writeFileSync(join(this.path, name), text);
  }

  /**
   * Move the staged files to the target (see {@link ExistingTarget} for an existing one) and
   * return their names, sorted. On failure the staging directory is removed and the error
   * rethrown.
   */
  commit(existing: ExistingTarget): string[] {
    try {
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
