/**
 * A small tokenizer for MySQL dumps: the table and column names of `CREATE TABLE` and the
 * value tuples of `INSERT INTO … VALUES (…),(…);`. Quoted strings are read character by
 * character (backslash escapes and doubled quotes), so commas and parentheses inside values
 * never split a tuple — a regex split would. Cost: O(statement length).
 */

/** One value tuple of an INSERT: strings as written (unescaped), `null` for NULL. */
export type SqlTuple = (string | null)[];

/** Result of reading one INSERT statement. */
export interface SqlInsert {
  table: string;
  /** Column names when the statement lists them. */
  columns: string[] | undefined;
  tuples: SqlTuple[];
  /** Set when the statement is malformed from some tuple on: the reason and tuples lost. */
  error: string | undefined;
}

const INSERT_HEAD =
  /^\s*(?:INSERT(?:\s+(?:IGNORE|LOW_PRIORITY|DELAYED|HIGH_PRIORITY))*|REPLACE(?:\s+(?:LOW_PRIORITY|DELAYED))*)\s+(?:INTO\s+)?[`"]?([\w$]+)[`"]?\s*(\(([^)]*)\))?\s*VALUES?\s*/i;

/** True when `statement` looks like the start of an INSERT (or a REPLACE, MySQL's upsert). */
export function isInsert(statement: string): boolean {
  return /^\s*(?:INSERT|REPLACE)\s/i.test(statement);
}

/**
 * Reads a statement piece by piece (its physical lines) and tells when it is complete: a `;`
 * outside quotes at its end. Quote state carries from one piece to the next, so a statement of
 * n lines costs O(its length), not O(n × length) re-scanning.
 */
export class StatementScanner {
  private quote = 0;
  private last = 0;
  private escaped = false;
  /** A quote character that may be the first of a doubled (escaped) quote. */
  private quoteAtEnd = false;

  /** Scan the next piece; true when the statement read so far is complete. */
  feed(text: string): boolean {
    let i = 0;
    if (this.escaped) {
      this.escaped = false;
      i = 1;
    } else if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      // The quote ending the last piece was doubled by this one's first character.
      if (text.charCodeAt(0) === this.quote) i = 1;
      else this.quote = 0;
    }
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.quote !== 0) {
        if (c === 92) {
          if (i + 1 === text.length) this.escaped = true;
          i++;
        } else if (c === this.quote) {
          if (i + 1 === text.length) this.quoteAtEnd = true;
          else if (text.charCodeAt(i + 1) === this.quote) i++;
          else this.quote = 0;
        }
      } else if (c === 39 || c === 34) this.quote = c;
      else if (c > 32) this.last = c;
    }
    return this.quote === 0 && !this.quoteAtEnd && this.last === 59;
  }
}

/**
 * True when `text` ends a complete SQL statement (a `;` outside quotes at its end). Used to
 * join an INSERT that spans several lines.
 */
export function statementComplete(text: string): boolean {
  return new StatementScanner().feed(text);
}

/** Parse one INSERT statement into its tuples. */
export function parseInsert(statement: string): SqlInsert {
  const head = INSERT_HEAD.exec(statement);
  if (!head) return { table: '', columns: undefined, tuples: [], error: 'not an INSERT … VALUES' };
  const columns = head[3]?.split(',').map((c) => c.trim().replace(/^[`"]|[`"]$/g, ''));
  const tuples: SqlTuple[] = [];
  let i = head[0].length;
  const n = statement.length;
  const fail = (why: string): SqlInsert => ({ table: head[1]!, columns, tuples, error: why });
  for (;;) {
    while (i < n && statement.charCodeAt(i) <= 32) i++;
    if (statement[i] !== '(') return fail(`expected "(" at character ${i + 1}`);
    i++;
    const tuple: SqlTuple = [];
    for (;;) {
      while (i < n && statement.charCodeAt(i) <= 32) i++;
      const c = statement[i];
      if (c === "'" || c === '"') {
        // Copy runs between escapes with slice: one allocation per run, not per character.
        const quote = c.charCodeAt(0);
        let value = '';
        i++;
        let start = i;
        let closed = false;
        while (i < n) {
          const ch = statement.charCodeAt(i);
          if (ch === 92) {
            const next = statement[i + 1] ?? '';
            value += statement.slice(start, i);
            value += next === 'n' ? '\n' : next === 't' ? '\t' : next === '0' ? '\0' : next;
            i += 2;
            start = i;
          } else if (ch === quote) {
            if (statement.charCodeAt(i + 1) === quote) {
              value += statement.slice(start, i + 1);
              i += 2;
              start = i;
            } else {
              value += statement.slice(start, i);
              i++;
              closed = true;
              break;
            }
          } else i++;
        }
        if (!closed) return fail(`unclosed quoted string from character ${start}`);
        tuple.push(value);
      } else {
        let end = i;
        while (end < n && statement[end] !== ',' && statement[end] !== ')') end++;
        const raw = statement.slice(i, end).trim();
        if (raw === '') return fail(`empty value at character ${i + 1}`);
        tuple.push(raw.toUpperCase() === 'NULL' ? null : raw);
        i = end;
      }
      while (i < n && statement.charCodeAt(i) <= 32) i++;
      if (statement[i] === ',') {
        i++;
        continue;
      }
      if (statement[i] === ')') {
        i++;
        break;
      }
      return fail(`expected "," or ")" at character ${i + 1}`);
    }
    tuples.push(tuple);
    while (i < n && statement.charCodeAt(i) <= 32) i++;
    if (statement[i] === ',') {
      i++;
      continue;
    }
    if (statement[i] === ';' || i >= n)
      return { table: head[1]!, columns, tuples, error: undefined };
    return fail(`expected "," or ";" after a tuple at character ${i + 1}`);
  }
}

const CREATE_HEAD = /^\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`"]?([\w$]+)[`"]?/i;
const COLUMN_LINE = /^\s*[`"]([^`"]+)[`"]\s+\w/;

/** The table name when `line` starts a CREATE TABLE, else undefined. */
export function createTableName(line: string): string | undefined {
  return CREATE_HEAD.exec(line)?.[1];
}

/** The column name when `line` is a column definition inside CREATE TABLE, else undefined. */
export function columnDefinitionName(line: string): string | undefined {
  return COLUMN_LINE.exec(line)?.[1];
}
