import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readLineBatches } from '../../src/audit/index.js';
import { anyCodePoint } from '../any-code-point.js';

const dir = mkdtempSync(join(tmpdir(), 'audit-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, chunkBytes: number) {
  const lines: string[] = [];
  let expectedNumber = 1;
  for await (const batch of readLineBatches(path, chunkBytes)) {
    expect(batch.firstLine).toBe(expectedNumber);
    expectedNumber += batch.lines.length;
    lines.push(...batch.lines);
  }
  return lines;
}

describe('readLineBatches', () => {
  let k = 0;
  it('gives the lines `split` gives, for any chunk size (LF, CRLF, multi-byte, long lines)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc
            .string({ unit: anyCodePoint, maxLength: 300 })
            .map((s) => s.replace(/[\r\n]/g, '').replace(/\p{Surrogate}/gu, '?')),
          {
            maxLength: 12,
          },
        ),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (lines, crlf, finalNewline, chunkBytes) => {
          const text =
            lines.join(crlf ? '\r\n' : '\n') + (finalNewline && lines.length ? '\n' : '');
          const path = join(dir, `l${k++}`);
          writeFileSync(path, text);
          const expected = text === '' ? [] : text.split(/\r?\n/);
          if (text.endsWith('\n')) expected.pop();
          // Only a byte-order mark at the very start of the file is dropped.
          if (expected.length > 0) expected[0] = expected[0]!.replace(/^\uFEFF/, '');
          expect(await readAll(path, chunkBytes)).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });
});
