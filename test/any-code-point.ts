import fc from 'fast-check';

// fast-check's `fc.string({ unit: 'binary' })` draws one Unicode code point per character (any
// but a lone surrogate), but its first use in a process builds a table of all 1.1 million code
// points: ~1.2 s of CPU in every test file that uses it, for nothing. `anyCodePoint` is the same
// arbitrary without the table: the same index drawn (`fc.nat` over the code points, surrogates
// skipped) mapped the same way, so a seed gives the very strings 'binary' gives (checked on
// 200 seeded arrays of strings when this was written) and shrinks them alike.

const SURROGATES = 0xe000 - 0xd800;

/** One code point, any but a lone surrogate: `fc.string({ unit: anyCodePoint })`. */
export const anyCodePoint: fc.Arbitrary<string> = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (index) => String.fromCodePoint(index < 0xd800 ? index : index + SURROGATES),
  (value) => {
    const code = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (
      code === undefined ||
      String.fromCodePoint(code) !== value ||
      (code >= 0xd800 && code < 0xe000)
    )
      throw new Error('not one code point');
    return code < 0xd800 ? code : code - SURROGATES;
  },
);
