import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { InputError } from '../errors.js';
import { HEAP_BYTES_PER_LINE_CHAR, HEAP_HINT, heapBound } from '../io/memory-budget.js';

/**
 * The longest line read: 256 million characters (a multi-row SQL INSERT is a few megabytes), or
 * less when the heap is smaller ({@link maxRecordChars}). A file with a longer run without a
 * line break — a binary file, `/dev/zero`-like data — is refused with the number of the line,
 * before the string outgrows what the runtime can hold.
 */
export const MAX_LINE_CHARS = 256 * 1024 * 1024;

/**
 * The longest line (or SQL statement) this process reads: {@link MAX_LINE_CHARS}, lowered to
 * 1/64 of the heap (64 million with the default heap of 4 GB; `node --max-old-space-size=64`:
 * about 1.8 million).
 */
export function maxRecordChars(): number {
  return heapBound(MAX_LINE_CHARS, HEAP_BYTES_PER_LINE_CHAR);
}

/** A run of consecutive lines of a file; `firstLine` is the 1-based number of `lines[0]`. */
export interface LineBatch {
  firstLine: number;
  lines: string[];
}

/** Options of {@link readLineBatches}. */
export interface ReadLineBatchesOptions {
  /**
   * Called once when the file turns out not to be UTF-8, with the line from which it is read
   * as Latin-1 (ISO-8859-1, what older PBX exports write) instead of having each byte turned
   * into a replacement character.
   */
  onLatin1?: ((line: number) => void) | undefined;
  /** The longest line accepted (default {@link maxRecordChars}). */
  maxLineChars?: number | undefined;
  /** The file as shown in errors (default `path`). */
  name?: string | undefined;
}

/**
 * Stream a text file as batches of lines (LF or CRLF, a UTF-8 BOM dropped), in constant
 * memory whatever the file size. Bytes that are not UTF-8 switch the rest of the file to
 * Latin-1, reported through `onLatin1`. A last line without a newline is still a line; the empty
 * string after a final newline is not. A line longer than `maxLineChars` is an
 * {@link InputError} naming its number. Batching keeps the per-line cost to a split and a
 * push. Cost: O(bytes), memory O(chunk size + longest line).
 */
export async function* readLineBatches(
  path: string,
  chunkBytes = 1 << 16,
  options: ReadLineBatchesOptions = {},
): AsyncGenerator<LineBatch> {
  let decoder: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk: Buffer): string => {
    if (decoder) {
      try {
        return decoder.decode(chunk, { stream: true });
      } catch {
        decoder = undefined;
        options.onLatin1?.(lineNumber);
      }
    }
    return chunk.toString('latin1');
  };
  // Pieces of a line not yet ended: kept apart and joined once, so a very long line (a
  // multi-megabyte SQL INSERT) costs O(length), not O(length²) re-splitting.
  let pending: string[] = [];
  let pendingChars = 0;
  const maxLineChars = options.maxLineChars ?? maxRecordChars();
  const keep = (piece: string) => {
    pendingChars += piece.length;
    if (pendingChars > maxLineChars)
      throw new InputError(
        {
          path: `line ${lineNumber}`,
          expected: `a line of at most ${maxLineChars.toLocaleString('en-US')} characters`,
          received: 'a longer run without a line break',
          hint:
            maxLineChars < MAX_LINE_CHARS && options.maxLineChars === undefined
              ? `is it a text file? ${HEAP_HINT}`
              : 'is it a text file?',
        },
        options.name ?? path,
      );
    pending.push(piece);
  };
  let lineNumber = 1;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    let text = decode(chunk as Buffer);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text.indexOf('\n') === -1) {
      if (text.length > 0) keep(text);
      continue;
    }
    const lines = text.split('\n');
    if (pending.length > 0) {
      keep(lines[0]!);
      lines[0] = pending.join('');
    } else if (lines[0]!.length > maxLineChars) keep(lines[0]!);
    pending = [];
    pendingChars = 0;
    keep(lines.pop()!);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
    }
    yield { firstLine: lineNumber, lines };
    lineNumber += lines.length;
  }
  if (decoder) {
    try {
      pending.push(decoder.decode());
    } catch {
      options.onLatin1?.(lineNumber);
    }
  }
  let carry = pending.join('');
  if (carry.length > 0) {
    if (carry.charCodeAt(carry.length - 1) === 13) carry = carry.slice(0, -1);
    yield { firstLine: lineNumber, lines: [carry] };
  }
}
