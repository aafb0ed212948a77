import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatementScanner, statementComplete } from '../../src/audit/sql-values.js';

// An INSERT spanning many lines is scanned line by line, carrying its quote state (it was
// re-scanned whole at each line: O(lines × length), a hang on a dump with a quote left open).
// The incremental answer must be the whole-text answer, wherever the lines break.

/** Text made of the characters that matter to a statement's end: quotes, escapes, `;`. */
const statementText = fc
  .array(fc.constantFrom("'", '"', '\\', ';', ' ', 'a', '1', ',', '(', ')'), { maxLength: 40 })
  .map((chars) => `INSERT INTO t VALUES (${chars.join('')}`);

describe('StatementScanner', () => {
  it('says a statement is complete exactly when the whole text does, however it is split', () => {
    fc.assert(
      fc.property(
        statementText,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (text, cuts, semicolon) => {
          const statement = semicolon ? `${text};` : text;
          const at = [...new Set(cuts.map((c) => c % (statement.length + 1)))].sort(
            (a, b) => a - b,
          );
          const lines: string[] = [];
          let from = 0;
          for (const cut of at) {
            lines.push(statement.slice(from, cut));
            from = cut;
          }
          lines.push(statement.slice(from));
          // Lines are fed as the reader joins them: a line break between them.
          const scanner = new StatementScanner();
          let complete = false;
          lines.forEach((line, i) => (complete = scanner.feed(i === 0 ? line : `\n${line}`)));
          expect(complete).toBe(statementComplete(lines.join('\n')));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads doubled quotes and backslash escapes across a line break', () => {
    const scanner = new StatementScanner();
    expect(scanner.feed("INSERT INTO t VALUES ('it''")).toBe(false);
    expect(scanner.feed("\ns;');")).toBe(true);
    const escaped = new StatementScanner();
    expect(escaped.feed("INSERT INTO t VALUES ('a\\")).toBe(false);
    expect(escaped.feed("\n');")).toBe(true);
  });
});
