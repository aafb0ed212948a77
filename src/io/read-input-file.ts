import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { HEAP_BYTES_PER_INPUT_BYTE, HEAP_HINT, heapBound } from './memory-budget.js';

/**
 * The largest input file read whole (histories, plans, forecasts): 256 MB, or less when the
 * heap cannot hold the parse of that much ({@link heapBound}: 1/64 of the heap, 64 MB with the
 * default heap of 4 GB).
 */
export const MAX_INPUT_FILE_BYTES = 256 * 1024 * 1024;

/** Why an input file was not read: it is not a regular file, or it is over its size limit. */
export class InputFileError extends Error {
  constructor(
    message: string,
    /** `ENOTREG`: a device, a pipe, a socket or a directory; `EFBIG`: over the limit. */
    readonly code: 'ENOTREG' | 'EFBIG',
  ) {
    super(message);
    this.name = 'InputFileError';
  }
}

function kind(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * The text of an input file read whole — a scenario, a history, a map, a plan — once it is known
 * to be a regular file of at most `maxBytes`, lowered to what the heap can hold when parsing takes
 * `heapBytesPerByte` ({@link heapBound}): `/dev/zero`, `/dev/stdin`, a named pipe or a
 * directory given as a file is refused at once (opened without blocking, checked by fstat),
 * instead of being read until memory runs out or waiting for ever. Throws the file system's
 * error (ENOENT…) or an {@link InputFileError}; callers word them with {@link readFailure}.
 * Cost: one open, one fstat, the read.
 */
export function readInputText(
  path: string,
  maxBytes = MAX_INPUT_FILE_BYTES,
  heapBytesPerByte = HEAP_BYTES_PER_INPUT_BYTE,
): string {
  const limit = heapBound(maxBytes, heapBytesPerByte);
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new InputFileError(`${kind(info)}, not a regular file`, 'ENOTREG');
    if (info.size > limit)
      throw new InputFileError(
        `${info.size.toLocaleString('en-US')} bytes, over the limit of ${limit.toLocaleString('en-US')}${limit < maxBytes ? `. ${HEAP_HINT}` : ''}`,
        'EFBIG',
      );
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Words for why a file could not be read, for an error's hint. */
export function readFailure(error: unknown): string {
  if (error instanceof InputFileError) return error.message;
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EACCES') return 'permission denied';
  return e.code ?? e.message;
}
