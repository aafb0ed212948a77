import { statSync } from 'node:fs';

/**
 * `dev:ino` of the regular file at `path`, or undefined when there is none (or it is not a
 * regular file): two paths name the same file, whatever their spelling or a hard link, when
 * their ids are equal. `stat` follows a symbolic link; pass `lstatSync` to see the link itself.
 */
export function fileId(path: string, stat: typeof statSync = statSync): string | undefined {
  try {
    const info = stat(path);
    return info.isFile() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}
