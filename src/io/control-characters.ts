/**
 * Control characters a terminal (or a pager showing a file) acts on: the C0 controls but tab and
 * line feed, DEL, the C1 controls (U+0080–U+009F, of which U+009B starts a control sequence on
 * many terminals as ESC [ does), and the bidirectional overrides and isolates that reorder what
 * is shown (U+202A–U+202E, U+2066–U+2069); and the line and paragraph separators U+2028 and
 * U+2029, which end a string literal in JavaScript and in Vega's expressions (a reason named with
 * one broke the forecast page's chart). One home for the set: the terminal, every file the tool
 * writes, the YAML writer and the charts use it.
 *
 * Tab and line feed are not in it because this set is applied to whole outputs — a table, a
 * summary, a CSV file — whose own lines and columns the tool writes with them. A NAME (of a
 * scenario, queue, reason, group, template, variant, agent…) is shown with
 * {@link NAME_CONTROL_CHARACTERS} instead, before it is put into such a text: a line feed in a
 * name could otherwise forge a line of the output (`serviceLevel 99.9 %`).
 */
export const CONTROL_CHARACTERS =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The control characters of a name: {@link CONTROL_CHARACTERS} and also tab and line feed. A
 * name is one line of data in every output (a table cell, a header, a CSV cell), so it carries
 * no line break or tab of its own.
 */
export const NAME_CONTROL_CHARACTERS =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** True when `text` holds a character of {@link CONTROL_CHARACTERS}. */
export function hasControlCharacter(text: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  const found = CONTROL_CHARACTERS.test(text);
  CONTROL_CHARACTERS.lastIndex = 0;
  return found;
}

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with every character of {@link CONTROL_CHARACTERS} shown as a visible `\u001b`-style
 * escape. The same six characters are a valid escape inside a JSON string, a JavaScript string
 * and a YAML double-quoted scalar, so JSON stays JSON (and reads back exactly); in CSV, HTML and
 * queue_log text they are plain visible text. Tabs and line feeds are kept: this is for whole
 * outputs; a name inside one goes through {@link shownName}. Cost: one regular-expression pass.
 */
export function showControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, escaped);
}

/**
 * A name (or any one-line piece of data: a label, a path as typed, a one-line message) as it is
 * shown in an output: every character of {@link NAME_CONTROL_CHARACTERS}, line feed and tab
 * included, as a visible `\u000a`-style escape. It then stays one line whatever it holds.
 */
export function shownName(text: string): string {
  return text.replace(NAME_CONTROL_CHARACTERS, escaped);
}

/**
 * A copy of `value` with every string in it, object keys and Map keys included, passed through
 * `show` ({@link shownName} by default): what a text formatter is given, so that every name in a
 * result is shown as one line however the formatter puts it in. Arrays, Maps and plain objects
 * are copied; numbers, booleans, null and other objects (dates, class instances) are kept as
 * they are.
 */
export function withStringsShown<T>(value: T, show: (text: string) => string = shownName): T {
  const copy = (item: unknown): unknown => {
    if (typeof item === 'string') return show(item);
    if (Array.isArray(item)) return item.map(copy);
    if (item instanceof Map) return new Map([...item].map(([k, v]) => [copy(k), copy(v)]));
    if (item === null || typeof item !== 'object') return item;
    const prototype = Object.getPrototypeOf(item) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return item;
    return Object.fromEntries(Object.entries(item).map(([k, v]) => [show(k), copy(v)]));
  };
  return copy(value) as T;
}
